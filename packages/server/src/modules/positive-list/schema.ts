import {
  CHECK_STATUSES,
  POSITIVE_LIST_CATEGORIES,
  POSITIVE_LIST_CATEGORY_LABELS,
  POSITIVE_LIST_CONDITIONS,
  POSITIVE_LIST_SORTS,
  type PositiveListCategory,
  positiveListDecisionBody,
  positiveListRemovalBody,
  REMOVAL_TRIGGERS,
  removalProposalDecisionBody,
} from '@qingshan/core/positive-list';
import { TOWNS } from '@qingshan/core/towns';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { positiveListEntries, positiveListRemovalProposals } from './tables.ts';

/** withdrawn: the record that raised the proposal was revoked before anyone decided it */
export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn'] as const;

export { positiveListDecisionBody, positiveListRemovalBody, removalProposalDecisionBody };

export const idParams = z.object({ id: z.uuid() });
export const enterpriseParams = z.object({ enterpriseId: z.uuid() });

const ENTRY_STATES = ['valid', 'expired', 'removed'] as const;

export const PROPOSAL_SORTS = ['-createdAt', 'createdAt', 'enterprise', '-enterprise'] as const;

export const entriesQuery = z.object({
  state: z.enum(ENTRY_STATES).optional(),
  q: z.string().trim().max(50).optional(),
  year: z.coerce.number().int().min(2019).max(2100).optional(),
  /** by the day listed, newest first (the default) or oldest; by enterprise or by the last valid day, either way */
  sort: z.enum(POSITIVE_LIST_SORTS).default('-decidedOn'),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const publicEntriesQuery = z.object({
  q: z.string().trim().max(50).optional(),
  year: z.coerce.number().int().min(2019).max(2100).optional(),
  /** by the day listed, newest first (the default) or oldest; by enterprise or by the last valid day, either way */
  sort: z.enum(POSITIVE_LIST_SORTS).default('-decidedOn'),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const proposalsQuery = z.object({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  /** by the time raised, newest first (the default) or oldest; or by enterprise, either way */
  sort: z.enum(PROPOSAL_SORTS).default('-createdAt'),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const conditionCheckSchema = z.object({
  condition: z.enum(POSITIVE_LIST_CONDITIONS),
  status: z.enum(CHECK_STATUSES),
  evidence: z.string(),
  records: z.array(z.object({ type: z.string(), id: z.string(), label: z.string() })),
  confirmation: z.string().optional(),
});

export const entryViewSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  townCode: z.string(),
  townName: z.string(),
  category: z.enum(POSITIVE_LIST_CATEGORIES),
  categoryLabel: z.string(),
  categorySource: z.string(),
  /** the category's source cited in English */
  categorySourceEn: z.string(),
  /** valid: listed and within its 3 years; expired: past them; removed: taken off with a reason */
  state: z.enum(ENTRY_STATES),
  decidedOn: z.string(),
  validUntil: z.string(),
  decidedByName: z.string(),
  removedAt: z.string().nullable(),
  removalReason: z.string().nullable(),
  removedByName: z.string().nullable(),
});
export type EntryView = z.infer<typeof entryViewSchema>;

export const proposalViewSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  enterpriseName: z.string(),
  trigger: z.enum(REMOVAL_TRIGGERS),
  sourceType: z.string(),
  sourceId: z.string(),
  summary: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  decisionReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ProposalView = z.infer<typeof proposalViewSchema>;

export const entryDetailSchema = entryViewSchema.extend({
  checks: z.array(conditionCheckSchema),
  reason: z.string(),
  proposals: z.array(proposalViewSchema),
});
export type EntryDetailView = z.infer<typeof entryDetailSchema>;

export const publicEntrySchema = z.object({
  enterpriseName: z.string(),
  townCode: z.string(),
  townName: z.string(),
  categoryLabel: z.string(),
  decidedOn: z.string(),
  validUntil: z.string(),
  valid: z.boolean(),
});
export type PublicEntryView = z.infer<typeof publicEntrySchema>;

type EntryRow = typeof positiveListEntries.$inferSelect;
type ProposalRow = typeof positiveListRemovalProposals.$inferSelect;

const townName = (code: string) => TOWNS.find((t) => t.code === code)?.name ?? code;

function stateOf(p: EntryRow, today: string): EntryView['state'] {
  if (p.status === 'removed') return 'removed';
  return p.status === 'listed' && p.validUntil >= today ? 'valid' : 'expired';
}

export function toEntryView(p: EntryRow, name: string, townCode: string, today: string): EntryView {
  const category = p.category as PositiveListCategory;
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName: name,
    townCode,
    townName: townName(townCode),
    category,
    categoryLabel: POSITIVE_LIST_CATEGORY_LABELS[category].zh,
    categorySource: POSITIVE_LIST_CATEGORY_LABELS[category].source,
    categorySourceEn: POSITIVE_LIST_CATEGORY_LABELS[category].sourceEn,
    state: stateOf(p, today),
    decidedOn: p.decidedOn,
    validUntil: p.validUntil,
    decidedByName: p.decidedByName,
    removedAt: p.removedAt?.toISOString() ?? null,
    removalReason: p.removalReason,
    removedByName: p.removedByName,
  };
}

export function toPublicEntryView(p: EntryRow, name: string, townCode: string, today: string): PublicEntryView {
  const category = p.category as PositiveListCategory;
  return {
    enterpriseName: name,
    townCode,
    townName: townName(townCode),
    categoryLabel: POSITIVE_LIST_CATEGORY_LABELS[category].zh,
    decidedOn: p.decidedOn,
    validUntil: p.validUntil,
    valid: stateOf(p, today) === 'valid',
  };
}

export function toProposalView(p: ProposalRow, name: string): ProposalView {
  return {
    id: p.id,
    entryId: p.entryId,
    enterpriseName: name,
    trigger: p.trigger as ProposalView['trigger'],
    sourceType: p.sourceType,
    sourceId: p.sourceId,
    summary: p.summary,
    status: p.status as ProposalView['status'],
    decisionReason: p.decisionReason,
    decidedByName: p.decidedByName,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
  };
}
