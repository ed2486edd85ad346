import {
  CLUE_OUTCOME_LABELS,
  CLUE_OUTCOMES,
  CLUE_SOURCE_LABELS,
  CLUE_SOURCES,
  CLUE_STATUSES,
  type ClueOutcome,
  type ClueSource,
  clueImportBody,
  clueMatchBody,
  clueOutcomeBody,
  videoClueBody,
  videoPointBody,
} from '@qingshan/core/clues';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { ClockView } from '../clocks/service.ts';
import type { RuleVersionView } from '../rules/service.ts';
import type { ClueFileSummary, ClueWithNames } from './service.ts';
import type { videoPoints } from './tables.ts';

export { clueImportBody, clueMatchBody, clueOutcomeBody, videoClueBody, videoPointBody };

export const idParams = z.object({ id: z.uuid() });

export const clueListQuery = z.object({
  status: z.enum(CLUE_STATUSES).optional(),
  source: z.enum(CLUE_SOURCES).optional(),
  enterpriseId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(['-createdAt', 'createdAt']).default('-createdAt'),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const clueViewSchema = z.object({
  id: z.string(),
  source: z.enum(CLUE_SOURCES),
  sourceLabel: z.string(),
  sourceRef: z.string(),
  description: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  photos: z.array(z.string()),
  observedAt: z.string().nullable(),
  origin: z.string(),
  suggestedEnterpriseId: z.string().nullable(),
  suggestedEnterpriseName: z.string().nullable(),
  suggestedDistanceM: z.number().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  matchConfirmedAt: z.string().nullable(),
  matchConfirmedByName: z.string().nullable(),
  status: z.enum(CLUE_STATUSES),
  outcome: z.enum(CLUE_OUTCOMES).nullable(),
  outcomeLabel: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  /** the clock's verdict when the clue was verified */
  closedOnTime: z.boolean().nullable(),
  /** the verification clock's due date (the clock owns it) */
  dueDate: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type ClueView = z.infer<typeof clueViewSchema>;

export const clueClockSchema = z.object({
  id: z.string(),
  title: z.string(),
  start: z.string(),
  dueDate: z.string(),
  remaining: z.number(),
  state: z.string(),
  completedAt: z.string().nullable(),
  unit: z.enum(['working', 'calendar']),
  length: z.number(),
  /** the rule the period comes from, with its legal or practice source */
  source: z.string(),
  /** the source in English; null when an admin typed it */
  sourceEn: z.string().nullable(),
});

export const clueFileViewSchema = z.object({
  id: z.string(),
  /** 'import': sent with the batch; 'verification': added by the officer */
  stage: z.enum(['import', 'verification']),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export const toClueFileView = (f: ClueFileSummary): z.infer<typeof clueFileViewSchema> => ({
  id: f.id,
  stage: f.stage as 'import' | 'verification',
  fileName: f.fileName,
  contentType: f.contentType,
  size: f.size,
  createdByName: f.createdByName,
  createdAt: f.createdAt.toISOString(),
});

export const clueDetailSchema = z.object({
  clue: clueViewSchema,
  clocks: z.array(clueClockSchema),
  /** photos kept as files; `clue.photos` holds links (a video point's snapshot) */
  files: z.array(clueFileViewSchema),
});

export const photoUploadQuery = z.object({ name: z.string().trim().min(1).max(200) });

export const importResultSchema = z.object({
  batchId: z.string(),
  created: z.number(),
  matched: z.number(),
  clueIds: z.array(z.string()),
  /** photo files stored with the batch's clues */
  photos: z.number(),
});

export const videoPointViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  snapshotUrl: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
});

export const mapViewSchema = z.object({
  /** a tile URL template ({z}/{x}/{y}) when one is configured; null: the map draws the towns itself */
  tileUrl: z.string().nullable(),
  tileAttribution: z.string().nullable(),
  enterprises: z.array(
    z.object({ id: z.string(), name: z.string(), townCode: z.string(), lat: z.number(), lng: z.number() }),
  ),
  clues: z.array(
    z.object({
      id: z.string(),
      source: z.enum(CLUE_SOURCES),
      status: z.enum(CLUE_STATUSES),
      outcome: z.enum(CLUE_OUTCOMES).nullable(),
      lat: z.number(),
      lng: z.number(),
      description: z.string(),
    }),
  ),
  videoPoints: z.array(
    z.object({ id: z.string(), name: z.string(), lat: z.number(), lng: z.number(), snapshotUrl: z.string() }),
  ),
});

export function toClueView(c: ClueWithNames): ClueView {
  const outcome = c.outcome as ClueOutcome | null;
  return {
    id: c.id,
    source: c.source as ClueSource,
    sourceLabel: CLUE_SOURCE_LABELS[c.source as ClueSource]?.zh ?? c.source,
    sourceRef: c.sourceRef,
    description: c.description,
    lat: c.lat,
    lng: c.lng,
    photos: c.evidence.photos,
    observedAt: c.evidence.observedAt,
    origin: c.evidence.origin,
    suggestedEnterpriseId: c.suggestedEnterpriseId,
    suggestedEnterpriseName: c.suggestedEnterpriseName,
    suggestedDistanceM: c.suggestedDistanceM,
    enterpriseId: c.enterpriseId,
    enterpriseName: c.enterpriseName,
    matchConfirmedAt: c.matchConfirmedAt?.toISOString() ?? null,
    matchConfirmedByName: c.matchConfirmedByName,
    status: c.status as ClueView['status'],
    outcome,
    outcomeLabel: outcome ? CLUE_OUTCOME_LABELS[outcome].zh : null,
    outcomeNote: c.outcomeNote,
    verifiedAt: c.verifiedAt?.toISOString() ?? null,
    verifiedByName: c.verifiedByName,
    closedOnTime: c.closedOnTime,
    dueDate: c.dueDate,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toClueClock(
  c: ClockView,
  { source, sourceEn }: Pick<RuleVersionView, 'source' | 'sourceEn'>,
): z.infer<typeof clueClockSchema> {
  return {
    id: c.id,
    title: c.title,
    start: c.start,
    dueDate: c.dueDate,
    remaining: c.remaining,
    state: c.state,
    completedAt: c.completedAt,
    unit: c.profile.unit,
    length: c.profile.length,
    source,
    sourceEn,
  };
}

export function toVideoPointView(
  v: typeof videoPoints.$inferSelect & { enterpriseName: string | null },
): z.infer<typeof videoPointViewSchema> {
  return {
    id: v.id,
    name: v.name,
    lat: v.lat,
    lng: v.lng,
    snapshotUrl: v.snapshotUrl,
    enterpriseId: v.enterpriseId,
    enterpriseName: v.enterpriseName,
  };
}
