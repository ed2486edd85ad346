import { describe, expect, it } from 'vitest';
import { ANNUAL_REPORT_ROWS, annualReportRowsOf, DISCLOSURE_OUTCOMES, disclosureActionSchema } from './disclosure.ts';
import { appealColumnOf, appealSchema, appealTable, normativeMeasuresOf } from './disclosure-annual.ts';

describe('table 二: normative documents of a year', () => {
  const doc = (o: Partial<Parameters<typeof normativeMeasuresOf>[1]>) => ({
    publishedOn: '2021-03-01',
    validFrom: '2021-03-01',
    validTo: null,
    withdrawnOn: null,
    ...o,
  });
  it('issued in the year and in force at its end', () => {
    expect(normativeMeasuresOf(2021, doc({}))).toEqual(['issued', 'in-force']);
  });
  it('repealed by withdrawal or by its validity ending in the year, then no longer in force', () => {
    expect(normativeMeasuresOf(2021, doc({ publishedOn: '2019-01-01', withdrawnOn: '2021-12-31' }))).toEqual([
      'repealed',
    ]);
    expect(normativeMeasuresOf(2021, doc({ publishedOn: '2019-01-01', validTo: '2021-06-30' }))).toEqual(['repealed']);
    // valid through 31 December: still in force at the year's end
    expect(normativeMeasuresOf(2021, doc({ validTo: '2021-12-31' }))).toEqual(['issued', 'repealed']);
    expect(normativeMeasuresOf(2021, doc({ validTo: '2022-01-01' }))).toEqual(['issued', 'in-force']);
  });
  it('an unpublished draft counts nowhere; next year’s is not this year’s', () => {
    expect(normativeMeasuresOf(2021, doc({ publishedOn: null }))).toEqual([]);
    expect(normativeMeasuresOf(2021, doc({ publishedOn: '2022-01-01', validFrom: '2022-01-01' }))).toEqual([]);
  });
});

describe('table 三: every answer type lands in a row of the form', () => {
  it('each outcome with each of its grounds has a row', () => {
    const keys = new Set(ANNUAL_REPORT_ROWS.map((r) => r.key as string));
    for (const outcome of DISCLOSURE_OUTCOMES) {
      const grounds: (string | null)[] =
        outcome === 'withhold' || outcome === 'partial'
          ? ['third-party']
          : outcome === 'not-processed'
            ? ['petition', 'repeat', 'publication', 'excessive', 'confirm']
            : outcome === 'other-handling'
              ? ['no-correction', 'no-fee', 'other']
              : [null];
      for (const clause of grounds) {
        const rows = annualReportRowsOf(2021, {
          applicantType: 'natural-person',
          receivedOn: '2021-02-01',
          answeredOn: '2021-02-10',
          outcome,
          clause: clause as never,
        });
        expect(rows).toHaveLength(3);
        expect(keys.has(rows[1]!), `${outcome}/${clause} → ${rows[1]}`).toBe(true);
      }
    }
  });
  it('a ground that does not belong to the answer type is refused', () => {
    const r = disclosureActionSchema.safeParse({
      action: 'answer',
      outcome: 'other-handling',
      clause: 'state-secret',
      text: '其他处理',
      version: 1,
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('disclosure.clause.mismatch');
  });
});

describe('table 四: reconsiderations and lawsuits', () => {
  it('counts the year’s filings by their result at its end', () => {
    expect(
      appealColumnOf(2021, { kind: 'litigation', filedOn: '2021-12-31', result: 'upheld', decidedOn: '2022-01-05' }),
    ).toBe('pending');
    expect(appealColumnOf(2021, { kind: 'litigation', filedOn: '2020-12-31', result: null, decidedOn: null })).toBe(
      null,
    );
    const t = appealTable(2021, [
      { kind: 'reconsideration', filedOn: '2021-02-01', result: 'corrected', decidedOn: '2021-03-01' },
      { kind: 'reconsideration', filedOn: '2021-02-01', result: null, decidedOn: null },
    ]);
    expect(t.reconsideration).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 1, total: 2 });
  });
  it('a result needs its date, and the date cannot predate the filing', () => {
    const base = { kind: 'reconsideration', filedOn: '2021-02-01', body: '县人民政府' };
    expect(appealSchema.safeParse({ ...base, result: 'upheld' }).success).toBe(false);
    expect(appealSchema.safeParse({ ...base, result: 'upheld', decidedOn: '2021-01-31' }).success).toBe(false);
    expect(appealSchema.safeParse({ ...base, result: 'upheld', decidedOn: '2021-02-01' }).success).toBe(true);
    expect(appealSchema.safeParse({ ...base, filedOn: '2021-02-30' }).success).toBe(false);
  });
});
