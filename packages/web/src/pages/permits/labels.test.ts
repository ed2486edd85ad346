// A permit's state, class and duties standing alone read as labels in English (capitalised), while
// core keeps them lower case for use inside a sentence; Chinese is as core has it.
import { OBLIGATION_LABELS, PERMIT_CLASSES, PERMIT_STATUSES } from '@qingshan/core/permits';
import { describe, expect, it } from 'vitest';
import { obligationLabel, permitClassLabel, permitStatusLabel } from './labels.ts';

describe('permit labels standing alone', () => {
  it('start with a capital in English and keep the Chinese', () => {
    expect(permitStatusLabel('valid', 'en')).toBe('Valid');
    expect(permitStatusLabel('valid', 'zh')).toBe('有效');
    expect(permitClassLabel('key', 'en')).toBe('Key management');
    expect(obligationLabel('report-quarterly', 'en')).toBe('Quarterly execution report');
    const all = [
      ...PERMIT_STATUSES.map((s) => permitStatusLabel(s, 'en')),
      ...PERMIT_CLASSES.map((c) => permitClassLabel(c, 'en')),
      ...(Object.keys(OBLIGATION_LABELS) as (keyof typeof OBLIGATION_LABELS)[]).map((k) => obligationLabel(k, 'en')),
    ];
    for (const label of all) expect(label).toMatch(/^[A-Z]/);
  });
});
