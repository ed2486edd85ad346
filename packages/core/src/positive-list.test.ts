import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECK_STATUSES,
  type ConditionCheck,
  judgeDecision,
  listingValidUntil,
  POSITIVE_LIST_CONDITIONS,
  positiveListDecisionBody,
} from './positive-list.ts';

const check = (condition: ConditionCheck['condition'], status: ConditionCheck['status']): ConditionCheck => ({
  condition,
  status,
  evidence: '…',
  records: [],
});

describe('judgeDecision', () => {
  it('never lists a firm with a failed condition, nor one whose unchecked condition lacks a confirmation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CHECK_STATUSES), {
          minLength: POSITIVE_LIST_CONDITIONS.length,
          maxLength: POSITIVE_LIST_CONDITIONS.length,
        }),
        fc.array(fc.boolean(), {
          minLength: POSITIVE_LIST_CONDITIONS.length,
          maxLength: POSITIVE_LIST_CONDITIONS.length,
        }),
        (statuses, confirmed) => {
          const checks = POSITIVE_LIST_CONDITIONS.map((c, i) => check(c, statuses[i]!));
          const confirmations = Object.fromEntries(
            POSITIVE_LIST_CONDITIONS.flatMap((c, i) => (confirmed[i] ? [[c, '现场核实排污许可证正本']] : [])),
          );
          const v = judgeDecision(checks, confirmations);
          const shouldPass = statuses.every((s, i) => s === 'passed' || (s === 'no-source' && confirmed[i]));
          expect(v.ok).toBe(shouldPass);
          if (v.ok) {
            for (const c of v.checks)
              if (c.status === 'no-source') expect(c.confirmation).toBe('现场核实排污许可证正本');
              else expect(c.confirmation).toBeUndefined();
          }
        },
      ),
    );
  });

  it('names what failed and what still needs a confirmation', () => {
    const v = judgeDecision(
      [
        check('permits-complete', 'no-source'),
        check('credit-not-yellow-red', 'failed'),
        check('no-penalty-2y', 'passed'),
      ],
      { 'no-penalty-2y': '无关' },
    );
    expect(v).toEqual({ ok: false, failed: ['credit-not-yellow-red'], unconfirmed: ['permits-complete'] });
  });
});

describe('listingValidUntil', () => {
  it('runs three years to the day before the anniversary, 29 February included', () => {
    expect(listingValidUntil('2020-05-01', 3)).toBe('2023-04-30');
    expect(listingValidUntil('2020-02-29', 3)).toBe('2023-02-28');
    expect(listingValidUntil('2020-01-01', 3)).toBe('2022-12-31');
  });
});

describe('positiveListDecisionBody', () => {
  it('refuses an unknown category or condition and a blank reason', () => {
    const base = {
      enterpriseId: '6f1c7d9e-1c1a-4e3b-9a51-0c2f4b7d8e90',
      category: 'major-project',
      reason: '重大工程',
    };
    expect(positiveListDecisionBody.safeParse(base).success).toBe(true);
    expect(positiveListDecisionBody.safeParse({ ...base, category: 'x' }).success).toBe(false);
    expect(positiveListDecisionBody.safeParse({ ...base, reason: '  ' }).success).toBe(false);
    expect(positiveListDecisionBody.safeParse({ ...base, confirmations: { nope: 'x' } }).success).toBe(false);
  });
});
