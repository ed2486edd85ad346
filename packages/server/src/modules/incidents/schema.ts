import {
  INCIDENT_LEVEL_LABELS,
  INCIDENT_LEVELS,
  INCIDENT_REPORT_SOURCE_LABELS,
  INCIDENT_REPORT_SOURCES,
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  type IncidentLevel,
  type IncidentReportSource,
  type IncidentStatus,
  incidentCloseBody,
  incidentCreateBody,
  incidentPatchBody,
} from '@qingshan/core/incidents';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { IncidentRow } from './service.ts';

export { incidentCloseBody, incidentCreateBody, incidentPatchBody };

export const incidentIdParams = z.object({ id: z.uuid() });

export const INCIDENT_SORTS = ['-occurredAt', 'occurredAt', '-level', 'level'] as const;

export const incidentsQuery = z.object({
  enterpriseId: z.uuid().optional(),
  level: z.enum(INCIDENT_LEVELS).optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  /** 事件名称或企业名称 */
  q: z.string().trim().max(50).optional(),
  sort: z.enum(INCIDENT_SORTS).default('-occurredAt'),
  page: paging.page,
  pageSize: paging.pageSize,
});
export type IncidentsQuery = z.infer<typeof incidentsQuery>;

export const incidentViewSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  occurredAt: z.string(),
  level: z.enum(INCIDENT_LEVELS),
  levelLabel: z.string(),
  title: z.string(),
  description: z.string(),
  response: z.string(),
  reportSource: z.enum(INCIDENT_REPORT_SOURCES),
  reportSourceLabel: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  statusLabel: z.string(),
  outcome: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  registeredByName: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IncidentView = z.infer<typeof incidentViewSchema>;

export const incidentCreatedSchema = incidentViewSchema.extend({
  /** the removal proposal raised when the firm is on the positive list, else null */
  removalProposalId: z.string().nullable(),
});

export function toIncidentView(r: IncidentRow & { enterpriseName: string }): IncidentView {
  const level = r.level as IncidentLevel;
  const source = r.reportSource as IncidentReportSource;
  const status = r.status as IncidentStatus;
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    occurredAt: r.occurredAt.toISOString(),
    level,
    levelLabel: INCIDENT_LEVEL_LABELS[level]?.zh ?? r.level,
    title: r.title,
    description: r.description,
    response: r.response,
    reportSource: source,
    reportSourceLabel: INCIDENT_REPORT_SOURCE_LABELS[source]?.zh ?? r.reportSource,
    status,
    statusLabel: INCIDENT_STATUS_LABELS[status]?.zh ?? r.status,
    outcome: r.outcome,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedByName: r.closedByName,
    registeredByName: r.registeredByName,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
