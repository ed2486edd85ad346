import {
  DECIDING_AUTHORITIES,
  DEFAULT_CLOCK_PROFILES,
  MATTER_SORTS,
  type MatterContent,
  matterCodeSchema,
  matterContentSchema,
  matterEditBody,
} from '@qingshan/core';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { RuleVersionView } from '../rules/service.ts';
import type { matters, matterVersions } from './tables.ts';

export { matterEditBody };

export const matterCodeParams = z.object({ code: matterCodeSchema });

export const mattersQuery = z.object({
  q: z.string().trim().max(50).optional(),
  decidingAuthority: z.enum(DECIDING_AUTHORITIES).optional(),
  sort: z.enum(MATTER_SORTS).default('name'),
  page: paging.page,
  pageSize: paging.pageSize,
});

/** A time limit the guide names, resolved to the rule version in force (rules are data). */
export const matterLimitSchema = z.object({
  kind: z.enum(['statutory', 'promised', 'incomplete-notice']),
  key: z.string(),
  label: z.string(),
  length: z.number(),
  unit: z.enum(['working', 'calendar']),
  source: z.string(),
  /** the source in English; null when an admin typed it */
  sourceEn: z.string().nullable(),
});
export type MatterLimitView = z.infer<typeof matterLimitSchema>;

export const matterViewSchema = matterContentSchema.extend({
  code: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
export type MatterView = z.infer<typeof matterViewSchema>;

export const matterDetailSchema = matterViewSchema.extend({ limits: z.array(matterLimitSchema) });
export type MatterDetailView = z.infer<typeof matterDetailSchema>;

export const matterVersionSchema = z.object({
  version: z.number(),
  content: matterContentSchema,
  reason: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type MatterVersionView = z.infer<typeof matterVersionSchema>;

type MatterRow = typeof matters.$inferSelect;
type VersionRow = typeof matterVersions.$inferSelect;

export function toMatterView(m: MatterRow, v: VersionRow): MatterView {
  return { ...(v.content as MatterContent), code: m.code, version: v.version, updatedAt: m.updatedAt.toISOString() };
}

const PROFILE_LABELS = new Map(DEFAULT_CLOCK_PROFILES.map((p) => [p.key, p.label.zh]));

export function toMatterDetailView(
  m: MatterRow,
  v: VersionRow,
  rules: ReadonlyMap<string, RuleVersionView>,
): MatterDetailView {
  const view = toMatterView(m, v);
  const { statutoryProfile, promisedProfile, incompleteNoticeProfile } = view.timeLimits;
  const limits: MatterLimitView[] = [];
  for (const [kind, key] of [
    ['statutory', statutoryProfile],
    ['promised', promisedProfile],
    ['incomplete-notice', incompleteNoticeProfile],
  ] as const) {
    const rule = key ? rules.get(key) : undefined;
    if (!key || !rule) continue;
    const value = rule.value as { length: number; unit: 'working' | 'calendar' };
    limits.push({
      kind,
      key,
      label: PROFILE_LABELS.get(key) ?? key,
      length: value.length,
      unit: value.unit,
      source: rule.source,
      sourceEn: rule.sourceEn,
    });
  }
  return { ...view, limits };
}

export function toMatterVersionView(v: VersionRow): MatterVersionView {
  return {
    version: v.version,
    content: v.content as MatterContent,
    reason: v.reason,
    createdByName: v.createdByName,
    createdAt: v.createdAt.toISOString(),
  };
}
