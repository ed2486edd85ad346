import { isoDateSchema } from '@qingshan/core';
import { z } from 'zod';
import { registry } from '../../platform/registry.ts';
import { paging } from '../../plugins/openapi.ts';
import type { rules, ruleVersions } from './tables.ts';

export const RULE_TYPES = ['clock-profile', 'integer', 'number', 'ratio', 'list', 'text'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const RULE_SORTS = ['key', 'updated'] as const;

export const ruleVersionSchema = z.object({
  key: z.string(),
  version: z.number(),
  value: z.unknown(),
  source: z.string(),
  /** null: the source was typed by an admin, and reads as typed in every language */
  sourceEn: z.string().nullable(),
  effectiveFrom: z.string(),
  reason: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export const ruleSchema = z.object({
  key: z.string(),
  type: z.enum(RULE_TYPES),
  labelZh: z.string(),
  labelEn: z.string(),
  note: z.string().nullable(),
  /** null when there is no note, or the stored note is not the shipped default's own */
  noteEn: z.string().nullable(),
  current: ruleVersionSchema,
  latestVersion: z.number(),
});
export const ruleDetailSchema = ruleSchema.extend({ history: z.array(ruleVersionSchema) });
export const ruleKeyParams = z.object({ key: z.string().min(1).max(100) });

export const rulesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: z.enum(RULE_TYPES).optional(),
  sort: z.enum(RULE_SORTS).default('key'),
  page: paging.page,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ruleEditBody = z.strictObject({
  value: z.unknown(),
  source: z.string().trim().min(1).max(1000),
  effectiveFrom: isoDateSchema,
  reason: z.string().trim().min(1).max(1000),
});

// Written out rather than inferred: other modules read rule values as `unknown`, never optional.
export type RuleVersionView = {
  key: string;
  version: number;
  value: unknown;
  source: string;
  /** the shipped default's English while `source` is still its text; null when an admin typed it */
  sourceEn: string | null;
  effectiveFrom: string;
  reason: string;
  createdByName: string;
  createdAt: string;
};

export type RuleView = {
  key: string;
  type: RuleType;
  labelZh: string;
  labelEn: string;
  note: string | null;
  noteEn: string | null;
  /** the version in force today */
  current: RuleVersionView;
  latestVersion: number;
};

export type RuleDetailView = RuleView & { history: RuleVersionView[] };

/**
 * A shipped default's English, only while the stored text is still that default's own: a source an
 * admin typed (or a wording an earlier release shipped) has no translation, so it reads as stored.
 */
function shippedEnglish(key: string, stored: string | null, pick: 'source' | 'note'): string | null {
  const shipped = registry().rules.find((r) => r.key === key);
  if (!shipped || stored === null || shipped[pick] !== stored) return null;
  return (pick === 'source' ? shipped.sourceEn : shipped.noteEn) ?? null;
}

export function toRuleVersionView(v: typeof ruleVersions.$inferSelect): RuleVersionView {
  return {
    key: v.ruleKey,
    version: v.version,
    value: v.value,
    source: v.source,
    sourceEn: shippedEnglish(v.ruleKey, v.source, 'source'),
    effectiveFrom: v.effectiveFrom,
    reason: v.reason,
    createdByName: v.createdByName,
    createdAt: v.createdAt.toISOString(),
  };
}

/** A rule with `current`, its version in force, and the number of its newest version. */
export function toRuleView(
  r: typeof rules.$inferSelect,
  versions: readonly (typeof ruleVersions.$inferSelect)[],
  current: typeof ruleVersions.$inferSelect,
): RuleView {
  return {
    key: r.key,
    type: r.type as RuleType,
    labelZh: r.labelZh,
    labelEn: r.labelEn,
    note: r.note,
    noteEn: shippedEnglish(r.key, r.note, 'note'),
    current: toRuleVersionView(current),
    latestVersion: Math.max(...versions.map((v) => v.version)),
  };
}
