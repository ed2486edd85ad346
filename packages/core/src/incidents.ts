import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import type { MessageTable } from './messages.ts';

/**
 * Environmental incidents (突发环境事件) of a registered firm, as the bureau records them: when it
 * happened, its grade, what happened, the response and who reported it. They feed the positive
 * list's "no incident in 2 years" condition and its removal trigger, the risk score and the
 * enterprise's file. The grading is the national one: 《国家突发环境事件应急预案》（国办函〔2014〕119号）
 * 附件1《突发环境事件分级标准》 — 特别重大 (Ⅰ), 重大 (Ⅱ), 较大 (Ⅲ), 一般 (Ⅳ); the officer grades the
 * event against it, the platform does not compute the grade.
 */

export const INCIDENT_LEVELS = ['general', 'larger', 'major', 'especially-major'] as const;
export type IncidentLevel = (typeof INCIDENT_LEVELS)[number];
export const INCIDENT_LEVEL_LABELS: Readonly<Record<IncidentLevel, { zh: string; en: string }>> = {
  general: { zh: '一般突发环境事件（Ⅳ级）', en: 'general (level IV)' },
  larger: { zh: '较大突发环境事件（Ⅲ级）', en: 'larger (level III)' },
  major: { zh: '重大突发环境事件（Ⅱ级）', en: 'major (level II)' },
  'especially-major': { zh: '特别重大突发环境事件（Ⅰ级）', en: 'especially major (level I)' },
};
export const INCIDENT_GRADING_SOURCE = '《国家突发环境事件应急预案》（国办函〔2014〕119号）附件1 突发环境事件分级标准';

/** Who told the bureau (《突发环境事件信息报告办法》环境保护部令第17号: the firm reports, others inform). */
export const INCIDENT_REPORT_SOURCES = [
  'enterprise',
  'hotline-12369',
  'patrol',
  'monitoring',
  'government',
  'media',
] as const;
export type IncidentReportSource = (typeof INCIDENT_REPORT_SOURCES)[number];
export const INCIDENT_REPORT_SOURCE_LABELS: Readonly<Record<IncidentReportSource, { zh: string; en: string }>> = {
  enterprise: { zh: '企业报告', en: 'reported by the firm' },
  'hotline-12369': { zh: '12369 举报', en: '12369 report' },
  patrol: { zh: '巡查发现', en: 'found on patrol' },
  monitoring: { zh: '在线监控发现', en: 'found by online monitoring' },
  government: { zh: '政府或其他部门通报', en: 'notified by another authority' },
  media: { zh: '媒体报道', en: 'media report' },
};

/** open: response under way; closed: the response has ended (应急响应终止) and the record is complete. */
export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_STATUS_LABELS: Readonly<Record<IncidentStatus, { zh: string; en: string }>> = {
  open: { zh: '处置中', en: 'responding' },
  closed: { zh: '已结束', en: 'closed' },
};

const text = (max: number) => z.string().trim().min(1).max(max);

const occurredAt = z.iso.datetime({ offset: true, error: 'incident.occurredAt' });

export const incidentCreateBody = z.strictObject({
  enterpriseId: z.uuid(),
  /** when it happened, ISO date-time with offset */
  occurredAt,
  level: z.enum(INCIDENT_LEVELS, { error: 'incident.level' }),
  /** a short name, e.g. "废水处理站泄漏" */
  title: text(100),
  /** what happened (事件经过) */
  description: text(4000),
  /** the response taken (应急处置情况) */
  response: z.string().trim().max(4000).default(''),
  reportSource: z.enum(INCIDENT_REPORT_SOURCES, { error: 'incident.reportSource' }),
});
export type IncidentCreateBody = z.infer<typeof incidentCreateBody>;

/** An edit: any of the facts, with the version read; the enterprise is fixed once registered. */
export const incidentPatchBody = z.strictObject({
  occurredAt: occurredAt.optional(),
  level: z.enum(INCIDENT_LEVELS, { error: 'incident.level' }).optional(),
  title: text(100).optional(),
  description: text(4000).optional(),
  response: z.string().trim().max(4000).optional(),
  reportSource: z.enum(INCIDENT_REPORT_SOURCES, { error: 'incident.reportSource' }).optional(),
  version: z.number().int().min(1),
});
export type IncidentPatchBody = z.infer<typeof incidentPatchBody>;

export const incidentCloseBody = z.strictObject({
  /** how the response ended (处置结果) */
  outcome: text(2000),
  version: z.number().int().min(1),
});
export type IncidentCloseBody = z.infer<typeof incidentCloseBody>;

export const INCIDENT_MESSAGES = {
  'incident.occurredAt': {
    zh: '发生时间须为带时区的日期时间',
    en: 'the time it happened must be a date-time with an offset',
  },
  'incident.level': {
    zh: '事件级别须为一般、较大、重大或特别重大',
    en: 'the level must be general, larger, major or especially major',
  },
  'incident.reportSource': { zh: '报告来源不正确', en: 'unknown report source' },
} as const satisfies MessageTable;

export const INCIDENT_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: ['incident.create', 'incident.update', 'incident.close'],
  records: { incident: { zh: '突发环境事件', en: 'Environmental incident' } },
  actionLabels: {
    'incident.create': { zh: '登记突发环境事件', en: 'Incident registered' },
    'incident.update': { zh: '修改突发环境事件', en: 'Incident edited' },
    'incident.close': { zh: '突发环境事件处置结束', en: 'Incident closed' },
  },
  fields: {
    occurredAt: { zh: '发生时间', en: 'occurred at' },
    level: { zh: '事件级别', en: 'level' },
    title: { zh: '事件名称', en: 'title' },
    response: { zh: '应急处置情况', en: 'response' },
    reportSource: { zh: '报告来源', en: 'report source' },
    outcome: { zh: '处置结果', en: 'outcome' },
    closedAt: { zh: '结束时间', en: 'closed at' },
    closedByName: { zh: '结束登记人', en: 'closed by' },
    registeredBy: { zh: '登记人账号', en: 'registered by (account)' },
    registeredByName: { zh: '登记人', en: 'registered by' },
  },
};
