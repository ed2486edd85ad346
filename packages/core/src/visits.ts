/**
 * Door-to-door visits (送服务上门), campaigns (集中下沉式服务) and tracked major projects (跟踪服务),
 * rules.md §5. Pure vocabularies and input schemas.
 */
import { z } from 'zod';
import { isoDateSchema as isoDate } from './text.ts';
import { isTownCode } from './towns.ts';

export const VISIT_PURPOSES = [
  'eia-formalities',
  'permit-application',
  'risk-reminder',
  'pollution-control',
  'policy-briefing',
  'resumption-support',
  'other',
] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];
export const VISIT_PURPOSE_LABELS: Readonly<Record<VisitPurpose, { zh: string; en: string }>> = {
  'eia-formalities': { zh: '环评手续办理', en: 'EIA formalities' },
  'permit-application': { zh: '排污许可申领', en: 'discharge permit application' },
  'risk-reminder': { zh: '环境风险提醒', en: 'environmental risk reminder' },
  'pollution-control': { zh: '治污设施指导', en: 'pollution-control guidance' },
  'policy-briefing': { zh: '惠企政策宣讲', en: 'policy briefing' },
  'resumption-support': { zh: '复工复产帮扶', en: 'support for resuming work' },
  other: { zh: '其他', en: 'other' },
};

const text = (max: number) => z.string().trim().min(1).max(max);

export const visitStaffSchema = z.strictObject({
  userId: z.uuid().optional(),
  name: text(50),
  leader: z.boolean().default(false),
});

export const visitFollowUpInputSchema = z.strictObject({
  enterpriseId: z.uuid().optional(),
  action: text(500),
  dueDate: isoDate,
  /** the bureau's own follow-up: never shown to an enterprise */
  internal: z.boolean().default(false),
});

export const visitCreateSchema = z
  .strictObject({
    date: isoDate,
    campaignId: z.uuid().optional(),
    staff: z.array(visitStaffSchema).min(1).max(20),
    enterprises: z
      .array(
        z.strictObject({
          enterpriseId: z.uuid(),
          solved: z.string().trim().max(1000).optional(),
          /** this enterprise's part: what was found there (on a joint visit the only summary it sees) */
          findings: z.string().trim().max(2000).optional(),
        }),
      )
      .min(1)
      .max(50),
    purposes: z.array(z.enum(VISIT_PURPOSES)).min(1).max(VISIT_PURPOSES.length),
    summary: text(2000),
    /** the bureau's own notes on the visit: never shown to an enterprise */
    internalNote: z.string().trim().max(2000).optional(),
    followUps: z.array(visitFollowUpInputSchema).max(50).default([]),
  })
  .superRefine((v, ctx) => {
    const ids = v.enterprises.map((e) => e.enterpriseId);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['enterprises'], message: 'common.unique' });
    if (new Set(v.purposes).size !== v.purposes.length)
      ctx.addIssue({ code: 'custom', path: ['purposes'], message: 'common.unique' });
    for (const [i, f] of v.followUps.entries()) {
      if (f.enterpriseId && !ids.includes(f.enterpriseId)) {
        ctx.addIssue({ code: 'custom', path: ['followUps', i, 'enterpriseId'], message: 'common.notAllowed' });
      }
    }
  });
export type VisitCreate = z.infer<typeof visitCreateSchema>;

export const campaignCreateSchema = z
  .strictObject({
    theme: text(100),
    startDate: isoDate,
    endDate: isoDate,
    description: z.string().trim().max(2000).optional(),
  })
  .refine((c) => c.endDate >= c.startDate, { path: ['endDate'], message: 'common.invalid' });
export type CampaignCreate = z.infer<typeof campaignCreateSchema>;

/** The campaigns' orders: latest start first (the default), earliest first, or by theme either way. */
export const CAMPAIGN_SORTS = ['-startDate', 'startDate', 'theme', '-theme'] as const;
export type CampaignSort = (typeof CAMPAIGN_SORTS)[number];

/** A visit's date must fall within its campaign's period. */
export function visitFitsCampaign(visitDate: string, campaign: { startDate: string; endDate: string }): boolean {
  return visitDate >= campaign.startDate && visitDate <= campaign.endDate;
}

export const PROJECT_MILESTONES = ['site', 'eia', 'permit', 'construction', 'acceptance', 'operation'] as const;
export type ProjectMilestone = (typeof PROJECT_MILESTONES)[number];
export const PROJECT_MILESTONE_LABELS: Readonly<Record<ProjectMilestone, { zh: string; en: string }>> = {
  site: { zh: '选址', en: 'site selection' },
  eia: { zh: '环评', en: 'EIA' },
  permit: { zh: '排污许可', en: 'discharge permit' },
  construction: { zh: '建设', en: 'construction' },
  acceptance: { zh: '竣工环保验收', en: 'acceptance' },
  operation: { zh: '投产运营', en: 'operation' },
};
export const MILESTONE_STATES = ['pending', 'in-progress', 'done'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];
export type ProjectMilestoneEntry = {
  key: ProjectMilestone;
  state: MilestoneState;
  date: string | null;
  note: string | null;
};

export function initialMilestones(): ProjectMilestoneEntry[] {
  return PROJECT_MILESTONES.map((key) => ({ key, state: 'pending', date: null, note: null }));
}

/** The first milestone not done, or null when the project is through all of them. */
export function currentMilestone(ms: readonly ProjectMilestoneEntry[]): ProjectMilestone | null {
  for (const key of PROJECT_MILESTONES) {
    const m = ms.find((x) => x.key === key);
    if (m?.state !== 'done') return key;
  }
  return null;
}

export const projectCreateSchema = z.strictObject({
  name: text(100),
  enterpriseId: z.uuid(),
  investment: z.number().min(0).max(10_000_000),
  townCode: z.string().refine(isTownCode, { error: 'enterprise.townCode.unknown' }),
  officerUserId: z.uuid().optional(),
  officerName: text(50),
  nextAction: text(500),
  nextActionDate: isoDate,
});
export type ProjectCreate = z.infer<typeof projectCreateSchema>;

export const projectPatchSchema = z.strictObject({
  officerUserId: z.uuid().nullable().optional(),
  officerName: text(50).optional(),
  nextAction: text(500).optional(),
  nextActionDate: isoDate.optional(),
  status: z.enum(['active', 'completed', 'suspended']).optional(),
  version: z.number().int().min(1),
});

export const milestoneUpdateSchema = z.strictObject({
  state: z.enum(MILESTONE_STATES),
  date: isoDate.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  version: z.number().int().min(1),
});

export const CONTACT_CHANNELS = ['visit', 'phone', 'meeting', 'online'] as const;
export const CONTACT_CHANNEL_LABELS: Readonly<Record<(typeof CONTACT_CHANNELS)[number], { zh: string; en: string }>> = {
  visit: { zh: '上门', en: 'visit' },
  phone: { zh: '电话', en: 'phone' },
  meeting: { zh: '会议', en: 'meeting' },
  online: { zh: '线上', en: 'online' },
};
export const projectContactSchema = z.strictObject({
  date: isoDate,
  channel: z.enum(CONTACT_CHANNELS),
  note: text(2000),
});
