import type { ClockProfileDefinition } from '@qingshan/core';
import type { z } from 'zod';
import type { RuleType } from './service.ts';

/** A rule a module ships: loaded on every start when missing, never over an admin's edit. */
export type RuleDefault = {
  key: string;
  type: RuleType;
  labelZh: string;
  labelEn: string;
  value: unknown;
  source: string;
  /** the source in English, shown while the stored source is still this default's own */
  sourceEn: string;
  /** what a value must satisfy beyond its type (a date kept as text is a real day, a limit stays sensible) */
  valueSchema?: z.ZodType;
} & ({ note?: never; noteEn?: never } | { note: string; noteEn: string });

/**
 * Said beside every default borrowed from another place's practice (its source says whose): it is
 * a starting value, never this bureau's law.
 */
export const FROM_PRACTICE_NOTE =
  '默认值取自外地做法（见来源），不是本局的法定依据；江西省或萍乡市的规定录入后请按其修改';
export const FROM_PRACTICE_NOTE_EN =
  'a default borrowed from another place’s practice (see the source), not this bureau’s legal basis; once Jiangxi’s or Pingxiang’s own rules are entered, change it to match them';

export function noteOf(p: ClockProfileDefinition): { note: string; noteEn: string } | undefined {
  const own = p.note === undefined ? undefined : { note: p.note, noteEn: p.noteEn };
  if (!p.source.includes('参照')) return own;
  return own
    ? { note: `${own.note}；${FROM_PRACTICE_NOTE}`, noteEn: `${own.noteEn}; ${FROM_PRACTICE_NOTE_EN}` }
    : { note: FROM_PRACTICE_NOTE, noteEn: FROM_PRACTICE_NOTE_EN };
}

/** A deadline profile (rules.md §1) as the rule that holds it. */
export function clockProfileRule(p: ClockProfileDefinition): RuleDefault {
  const rule = {
    key: p.key,
    type: 'clock-profile' as const,
    labelZh: p.label.zh,
    labelEn: p.label.en,
    value: { length: p.length, unit: p.unit, warnBefore: p.warnBefore, direction: p.direction },
    source: p.source,
    sourceEn: p.sourceEn,
  };
  const notes = noteOf(p);
  return notes ? { ...rule, ...notes } : rule;
}
