import type { ClockProfileDefinition } from '@qingshan/core';
import type { z } from 'zod';
import type { RuleType } from './service.ts';

/** A rule a module ships: loaded on every start when missing, never over an admin's edit. */
export type RuleDefault = {
  key: string;
  type: RuleType;
  labelZh: string;
  labelEn: string;
  note?: string;
  value: unknown;
  source: string;
  /** what a value must satisfy beyond its type (a date kept as text is a real day, a limit stays sensible) */
  valueSchema?: z.ZodType;
};

/**
 * Said beside every default borrowed from another place's practice (its source says whose): it is
 * a starting value, never this bureau's law.
 */
export const FROM_PRACTICE_NOTE =
  '默认值取自外地做法（见来源），不是本局的法定依据；江西省或萍乡市的规定录入后请按其修改 / a default borrowed from another place’s practice, not this bureau’s law';

export function noteOf(note: string | undefined, source: string): string | undefined {
  if (!source.includes('参照')) return note;
  return note ? `${note}；${FROM_PRACTICE_NOTE}` : FROM_PRACTICE_NOTE;
}

/** A deadline profile (rules.md §1) as the rule that holds it. */
export function clockProfileRule(p: ClockProfileDefinition): RuleDefault {
  const note = noteOf(p.note, p.source);
  return {
    key: p.key,
    type: 'clock-profile',
    labelZh: p.label.zh,
    labelEn: p.label.en,
    ...(note ? { note } : {}),
    value: { length: p.length, unit: p.unit, warnBefore: p.warnBefore, direction: p.direction },
    source: p.source,
  };
}
