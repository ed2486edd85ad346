import { INDUSTRIES, type Industry, type IndustryLevel, TOWNS, type Town } from '@qingshan/core';

export function listTowns(): readonly Town[] {
  return TOWNS;
}

/**
 * Industries by code prefix or a part of the Chinese or English name (English in any case), at most
 * 500 (a picker's search, never the whole list).
 */
export function findIndustries(f: { q?: string | undefined; level?: IndustryLevel | undefined }): Industry[] {
  const { q, level } = f;
  const lower = (q ?? '').toLowerCase();
  return INDUSTRIES.filter(
    (i) =>
      (!level || i.level === level) &&
      (!q || i.code.startsWith(q) || i.name.includes(q) || i.nameEn.toLowerCase().includes(lower)),
  ).slice(0, 500);
}
