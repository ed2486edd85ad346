import { FIGURE_MESSAGES, periodLimitEnd, resolvePeriod, todayInShanghai } from '@qingshan/core';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { getRules } from '../rules/service.ts';
import type { Period } from './registry.ts';

export const EARLIEST_DATE_RULE = 'figures.earliest-date';
export const MAX_PERIOD_YEARS_RULE = 'figures.max-period-years';
export const EXPORT_MAX_ROWS_RULE = 'figures.export-max-rows';

/**
 * A period as the instants it covers, [first day 00:00, the day after the last 00:00) in Asia/Shanghai,
 * for figures over records stamped with a time rather than a date.
 */
export function periodInstants(p: Period): [Date, Date] {
  // the end is 24 h after the last day's start (Shanghai has no DST), not the next day's name:
  // 9999-12-31 has no next day in YYYY-MM-DD
  const start = (d: string) => new Date(`${d}T00:00:00+08:00`);
  return [start(p.from), new Date(start(p.to).getTime() + 86_400_000)];
}

/**
 * The requested period (this year so far by default), held to the rules in force: it may not start
 * before figures.earliest-date nor last longer than figures.max-period-years. Without these an
 * open query (1000-01-01 … 9999-12-31) scanned every table and built a 200 MB answer.
 */
export async function boundedPeriod(
  db: Tx,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<Period> {
  const p = resolvePeriod(q, todayInShanghai());
  // the figures' own query refuses this in its schema; the period report's and the dashboard's do not
  if (p.to < p.from) {
    const message = FIGURE_MESSAGES['figures.period.toBeforeFrom'];
    throw new AppError('VALIDATION_FAILED', {
      detail: {
        zh: `结束日期 ${p.to} 早于开始日期 ${p.from}，请重新选择统计期间。`,
        en: `The end date ${p.to} is before the start date ${p.from}: choose the period again.`,
      },
      errors: [{ path: 'to', message }],
    });
  }
  const rules = await getRules(db, [EARLIEST_DATE_RULE, MAX_PERIOD_YEARS_RULE]);
  const earliest = String(rules.get(EARLIEST_DATE_RULE)!.value);
  const years = Number(rules.get(MAX_PERIOD_YEARS_RULE)!.value);
  if (p.from < earliest) {
    throw new AppError('FIGURE_PERIOD_OUT_OF_RANGE', {
      detail: {
        zh: `统计期间不能早于 ${earliest}（平台自该日起才有业务记录），请把开始日期改为 ${earliest} 或以后。`,
        en: `A period may not start before ${earliest} (the platform holds no records before then).`,
      },
      errors: [{ path: 'from', message: { zh: `不能早于 ${earliest}`, en: `not before ${earliest}` } }],
      extra: { earliest, maxYears: years },
    });
  }
  const last = periodLimitEnd(p.from, years);
  if (p.to > last) {
    throw new AppError('FIGURE_PERIOD_OUT_OF_RANGE', {
      detail: {
        zh: `一次统计的期间最长 ${years} 年：从 ${p.from} 起最晚到 ${last}，请缩短期间或分段查询。`,
        en: `A period may last at most ${years} years: from ${p.from} it may end by ${last} at the latest.`,
      },
      errors: [{ path: 'to', message: { zh: `最晚 ${last}`, en: `${last} at the latest` } }],
      extra: { earliest, maxYears: years },
    });
  }
  return p;
}
