import { describe, expect, it } from 'vitest';
import { type AnnualReportRecord, annualReportTable, disclosureActionSchema } from './disclosure.ts';

const rec = (o: Partial<AnnualReportRecord>): AnnualReportRecord => ({
  applicantType: 'natural-person',
  receivedOn: '2025-03-01',
  answeredOn: null,
  outcome: null,
  clause: null,
  ...o,
});

describe('annual report table 三', () => {
  it('counts new, carried in, answered by outcome and clause, carried out, and balances', () => {
    const t = annualReportTable(2025, [
      rec({ answeredOn: '2025-03-20', outcome: 'disclose' }),
      rec({ applicantType: 'business', answeredOn: '2025-04-01', outcome: 'withhold', clause: 'third-party' }),
      rec({ receivedOn: '2024-12-20', answeredOn: '2025-01-10', outcome: 'not-ours' }),
      rec({ receivedOn: '2025-12-25' }),
      // answered the year before: not in this year's table at all
      rec({ receivedOn: '2024-05-01', answeredOn: '2024-05-10', outcome: 'disclose' }),
      // received next year: not in it either
      rec({ receivedOn: '2026-01-02' }),
    ]);
    const row = (k: string) => t.rows.find((r) => r.key === k)!;
    expect(row('new').cells['natural-person']).toBe(2);
    expect(row('new').cells.business).toBe(1);
    expect(row('carried-in').total).toBe(1);
    expect(row('disclose').total).toBe(1);
    expect(row('withhold:third-party').cells.business).toBe(1);
    expect(row('unable:not-held').total).toBe(1);
    expect(row('total').total).toBe(3);
    expect(row('carried-out').total).toBe(1);
    expect(row('new').total + row('carried-in').total).toBe(row('total').total + row('carried-out').total);
  });
});

describe('answer rules', () => {
  it('a refusal without its clause is refused', () => {
    const r = disclosureActionSchema.safeParse({ action: 'answer', outcome: 'withhold', text: '不予公开', version: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('clause');
    expect(
      disclosureActionSchema.safeParse({
        action: 'answer',
        outcome: 'withhold',
        clause: 'state-secret',
        text: '不予公开',
        version: 1,
      }).success,
    ).toBe(true);
  });
});
