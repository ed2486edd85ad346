import { CONTACT_CHANNELS, MILESTONE_STATES, PROJECT_MILESTONES, todayInShanghai } from '@qingshan/core';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { ProjectContactRow, ProjectRow } from './service.ts';

export const PROJECT_SORTS = [
  'nextActionDate',
  '-nextActionDate',
  'name',
  '-name',
  'investment',
  '-investment',
] as const;

export const projectIdParams = z.object({ id: z.uuid() });
export const milestoneParams = z.object({ id: z.uuid(), key: z.enum(PROJECT_MILESTONES) });

export const projectListQuery = z.object({
  status: z.enum(['active', 'completed', 'suspended']).optional(),
  townCode: z.string().max(12).optional(),
  enterpriseId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  /** by next action date, soonest first (the default) or latest; by name or by investment, either way */
  sort: z.enum(PROJECT_SORTS).default('nextActionDate'),
  ...paging,
});

export const projectView = z.object({
  id: z.string(),
  name: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  investment: z.number(),
  townCode: z.string(),
  officerUserId: z.string().nullable(),
  officerName: z.string(),
  milestones: z.array(
    z.object({
      key: z.enum(PROJECT_MILESTONES),
      state: z.enum(MILESTONE_STATES),
      date: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  nextAction: z.string().nullable(),
  nextActionDate: z.string().nullable(),
  overdue: z.boolean(),
  status: z.enum(['active', 'completed', 'suspended']),
  version: z.number(),
});
export type ProjectView = z.infer<typeof projectView>;

export const projectContactView = z.object({
  id: z.string(),
  date: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  note: z.string(),
  byName: z.string(),
});
export type ProjectContactView = z.infer<typeof projectContactView>;

export const projectDetailView = projectView.extend({ contacts: z.array(projectContactView) });
export type ProjectDetailView = z.infer<typeof projectDetailView>;

export function toProjectView(
  { p, enterpriseName }: { p: ProjectRow; enterpriseName: string },
  today = todayInShanghai(),
): ProjectView {
  return {
    id: p.id,
    name: p.name,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    investment: p.investment,
    townCode: p.townCode,
    officerUserId: p.officerUserId,
    officerName: p.officerName,
    milestones: p.milestones,
    nextAction: p.nextAction,
    nextActionDate: p.nextActionDate,
    overdue: p.status === 'active' && !!p.nextActionDate && p.nextActionDate < today,
    status: p.status as ProjectView['status'],
    version: p.version,
  };
}

export function toProjectContactView(c: ProjectContactRow): ProjectContactView {
  return {
    id: c.id,
    date: c.date,
    channel: c.channel as ProjectContactView['channel'],
    note: c.note,
    byName: c.byName,
  };
}

export function toProjectDetailView(r: {
  p: ProjectRow;
  enterpriseName: string;
  contacts: ProjectContactRow[];
}): ProjectDetailView {
  return { ...toProjectView(r), contacts: r.contacts.map(toProjectContactView) };
}
