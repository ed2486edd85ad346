import type { Period } from './api.ts';

export const ARTICLE_PERIOD = { from: '2020-01-01', to: '2020-11-30' } as const;

/** The period in the URL (?from&to); none means "this year so far", decided by the server. */
export function periodFromParams(params: URLSearchParams): Period {
  const ok = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  return { from: ok(params.get('from')), to: ok(params.get('to')) };
}

export function periodQuery(p: { from: string; to: string }): string {
  return `from=${p.from}&to=${p.to}`;
}

/** The earliest year the dashboard walks back to (the platform's records start in 2020). */
export const FIRST_YEAR = 2020;

export function yearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The latest year before `thisYear` (down to FIRST_YEAR) whose figures are not all zero, asking
 * `hasData` one year at a time, newest first; null when none has any.
 */
export async function latestYearWithData(
  thisYear: number,
  hasData: (year: number) => Promise<boolean>,
  firstYear = FIRST_YEAR,
): Promise<number | null> {
  for (let y = thisYear - 1; y >= firstYear; y--) {
    if (await hasData(y)) return y;
  }
  return null;
}

export function anyFigure(values: Record<string, number>): boolean {
  return Object.values(values).some((v) => v > 0);
}
