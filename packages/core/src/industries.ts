/**
 * GB/T 4754-2017 国民经济行业分类 (with amendment No. 1, 2019). The table itself is generated into
 * industries-data.ts; see data/gbt4754-2017.md for where every row came from.
 *
 * Codes carry no section letter below the section ('2672', not 'C2672'); an input like 'C2672'
 * is accepted by the look-ups because people copy codes that way from permits and statistics.
 */
import { INDUSTRY_ROWS, type IndustryLevel } from './industries-data.ts';

export type { IndustryLevel } from './industries-data.ts';

export type Industry = {
  code: string;
  /** the standard's own name; the authoritative one */
  name: string;
  /** the project's English translation, for display only (GB/T 4754 has no official English edition) */
  nameEn: string;
  level: IndustryLevel;
  /** code one level up; null for sections */
  parent: string | null;
  /** 门类 letter A–T */
  section: string;
};

export const INDUSTRIES: readonly Industry[] = Object.freeze(
  INDUSTRY_ROWS.map(([code, name, nameEn, level, parent, section]) =>
    Object.freeze({ code, name, nameEn, level, parent: parent === '' ? null : parent, section }),
  ),
);

const byCode = new Map(INDUSTRIES.map((i) => [i.code, i]));

function canonical(code: string): string {
  const c = code.trim().toUpperCase();
  // 'C2672' → '2672'; a lone letter is a section code and stays
  return /^[A-T]\d{2,4}$/.test(c) ? c.slice(1) : c;
}

export function industryByCode(code: string): Industry | undefined {
  return byCode.get(canonical(code));
}

/** True for the 4-digit 小类 (class) codes, the level enterprises and the EIA catalogue use. */
export function isIndustryClass(code: string): boolean {
  return industryByCode(code)?.level === 'class';
}

/** The chain from the section down to the code itself, e.g. C → 26 → 267 → 2672. Empty if unknown. */
export function industryPath(code: string): Industry[] {
  const path: Industry[] = [];
  let current = industryByCode(code);
  while (current) {
    path.unshift(current);
    current = current.parent === null ? undefined : byCode.get(current.parent);
  }
  return path;
}

/** Direct children in table order (sections for `null`). */
export function industryChildren(code: string | null): Industry[] {
  const parent = code === null ? null : (industryByCode(code)?.code ?? '\u0000');
  return INDUSTRIES.filter((i) => i.parent === parent);
}

/** An industry's name in the reader's language; Chinese is the standard's, English the project's. */
export function industryName(industry: Pick<Industry, 'name' | 'nameEn'>, lang: 'zh' | 'en'): string {
  return lang === 'en' ? industry.nameEn : industry.name;
}

/** "C 制造业 / 26 化学原料和化学制品制造业 / 267 … / 2672 焰火、鞭炮产品制造" for display and export. */
export function industryLabel(code: string, separator = ' / ', lang: 'zh' | 'en' = 'zh'): string {
  return industryPath(code)
    .map((i) => `${i.code} ${industryName(i, lang)}`)
    .join(separator);
}

/**
 * A printed list of industries with their codes, as the EIA catalogue titles its rows
 * ("牲畜饲养031；家禽饲养032；其他畜牧业039", "陶瓷制品制造307*"), in English: "Livestock farming 031;
 * Poultry farming 032; Other animal husbandry 039". Null unless every part is a standard name followed
 * by its own code, since a title with its own words ("土砂石开采101（不含河道采砂项目）") is legal text
 * that only a person can translate.
 */
export function industryListEn(printed: string): string | null {
  const parts = printed.split('；').map((part) => {
    const m = /^(.+?)(\d{2,4})(\*?)$/.exec(part);
    const industry = m ? industryByCode(m[2]!) : undefined;
    return m && industry && industry.name === m[1] ? `${industry.nameEn} ${m[2]}${m[3]}` : null;
  });
  return parts.every((p) => p !== null) ? parts.join('; ') : null;
}
