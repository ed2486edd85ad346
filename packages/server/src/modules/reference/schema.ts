import type { Industry, Town } from '@qingshan/core';
import { z } from 'zod';

export const townSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
export type TownView = z.infer<typeof townSchema>;

export const INDUSTRY_LEVELS = ['section', 'division', 'group', 'class'] as const;

export const industriesQuery = z.object({
  q: z.string().trim().max(50).optional(),
  level: z.enum(INDUSTRY_LEVELS).optional(),
});

export const industrySchema = z.object({
  code: z.string(),
  /** the standard's name, the authoritative one */
  name: z.string(),
  /** the project's English translation, for display only */
  nameEn: z.string(),
  level: z.string(),
  parent: z.string(),
});
export type IndustryView = z.infer<typeof industrySchema>;

export function toTownView(t: Town): TownView {
  return { code: t.code, name: t.name, nameEn: t.nameEn };
}

export function toIndustryView(i: Industry): IndustryView {
  return { code: i.code, name: i.name, nameEn: i.nameEn, level: i.level, parent: i.parent ?? '' };
}
