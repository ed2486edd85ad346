// Figures over petitions for the dashboard (pure SQL; (db, from, to), from inclusive, to
// exclusive, by the date the written answer went out). Closed = a written reply or a notice of
// non-acceptance was issued; on time = the clock's verdict when it closed (closed_on_time, set from
// completeClock: an approved extension is inside the clock). A matter without a statutory handling
// period (suggestions, opinions, matters routed into another procedure: closed_on_time null) is
// neither on time nor late: it counts as closed, but the on-time rate is on time ÷ closed with a
// limit (petitionsClosedWithLimit), so it stays out of both sides of that rate. PETITIONS_FIGURES
// declares them to the dashboard over its periods of whole Shanghai days.
import type { Lang } from '@qingshan/core';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { limitOffset, type RowPage } from '../../db/paging.ts';
import { periodInstants } from '../figures/period.ts';
import { type FigureRecord, type FigureSource, sqlFigure } from '../figures/registry.ts';

export type PetitionRecord = {
  id: string;
  code: string;
  channel: string;
  type: string;
  title: string;
  status: string;
  receivedAt: string;
  repliedAt: string;
  resolutionDueDate: string | null;
  /** null: the matter has no statutory handling period (a suggestion, an opinion), neither on time nor late */
  closedOnTime: boolean | null;
  keyCase: boolean;
};

async function rows<T>(db: Tx, q: ReturnType<typeof sql>): Promise<T[]> {
  const res = await db.execute(q);
  return ((res as unknown as { rows?: T[] }).rows ?? (res as unknown as T[])) as T[];
}

const closedIn = (from: Date, to: Date) =>
  sql`p.replied_at is not null and p.replied_at >= ${from.toISOString()}::timestamptz and p.replied_at < ${to.toISOString()}::timestamptz`;

export async function petitionsClosed(db: Tx, from: Date, to: Date): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from petitions p where ${closedIn(from, to)}`,
  );
  return r?.n ?? 0;
}

export async function petitionsOnTime(db: Tx, from: Date, to: Date): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from petitions p where ${closedIn(from, to)} and p.closed_on_time`,
  );
  return r?.n ?? 0;
}

/** Closed petitions that had a handling limit: the denominator of the on-time rate. */
export async function petitionsClosedWithLimit(db: Tx, from: Date, to: Date): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from petitions p where ${closedIn(from, to)} and p.closed_on_time is not null`,
  );
  return r?.n ?? 0;
}

const FILTERS = {
  all: sql``,
  withLimit: sql`and p.closed_on_time is not null`,
  onTime: sql`and p.closed_on_time`,
};
type Filter = keyof typeof FILTERS;

async function records(db: Tx, from: Date, to: Date, filter: Filter, page?: RowPage): Promise<PetitionRecord[]> {
  return rows(
    db,
    sql`select p.id::text as id, p.code, p.channel, p.type, p.title, p.status,
          to_char(p.received_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') as "receivedAt",
          to_char(p.replied_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') as "repliedAt",
          p.resolution_due_date::text as "resolutionDueDate", p.closed_on_time as "closedOnTime", p.key_case as "keyCase"
        from petitions p where ${closedIn(from, to)} ${FILTERS[filter]}
        order by p.replied_at, p.id${limitOffset(page)}`,
  );
}

export const petitionsClosedRecords = (db: Tx, from: Date, to: Date, page?: RowPage) =>
  records(db, from, to, 'all', page);
export const petitionsClosedWithLimitRecords = (db: Tx, from: Date, to: Date, page?: RowPage) =>
  records(db, from, to, 'withLimit', page);
export const petitionsOnTimeRecords = (db: Tx, from: Date, to: Date, page?: RowPage) =>
  records(db, from, to, 'onTime', page);

const CLOSED = {
  onTime: { zh: '按期办结', en: 'closed on time' },
  late: { zh: '超期办结', en: 'closed late' },
  noLimit: { zh: '已办结（无办理期限）', en: 'closed (no handling time limit)' },
};

function petitionOut(r: PetitionRecord, lang: Lang): FigureRecord {
  const closed = CLOSED[r.closedOnTime === null ? 'noLimit' : r.closedOnTime ? 'onTime' : 'late'][lang];
  const due = r.resolutionDueDate
    ? lang === 'en'
      ? ` (due ${r.resolutionDueDate})`
      : `（期限 ${r.resolutionDueDate}）`
    : '';
  return {
    id: r.id,
    date: r.repliedAt.slice(0, 10),
    title: `${r.code} ${r.title}`,
    enterpriseId: null,
    enterpriseName: null,
    detail: `${closed}${due}`,
    link: `/staff/petitions/${r.id}`,
  };
}

function petitionFigure(
  filter: Filter,
  f: Pick<FigureSource, 'key' | 'label' | 'definition' | 'source' | 'sourceEn'>,
): FigureSource {
  return sqlFigure({
    ...f,
    group: 'petitions',
    unit: { zh: '件', en: 'petitions' },
    tally: (p) => sql`select null::text as month, count(*)::int as n from petitions p
      where ${closedIn(...periodInstants(p))} ${FILTERS[filter]}`,
    records: async (db, p, page, lang = 'zh') =>
      (await records(db, ...periodInstants(p), filter, page)).map((r) => petitionOut(r, lang)),
  });
}

/** The petition figures of the dashboard. */
export const PETITIONS_FIGURES: readonly FigureSource[] = [
  petitionFigure('all', {
    key: 'petitionsClosed',
    label: { zh: '信访办结', en: 'petitions closed' },
    definition: {
      zh: '期间内出具书面答复或不予受理告知的信访件',
      en: 'petitions answered in writing (or refused) in the period',
    },
    source: '《信访工作条例》第三十二条、第三十四条',
    sourceEn: 'Regulations on Letters and Visits, Art. 32 and 34',
  }),
  petitionFigure('withLimit', {
    key: 'petitionsClosedWithLimit',
    label: { zh: '信访办结（适用办理期限）', en: 'petitions closed that had a time limit' },
    definition: {
      zh: '期间内办结、且适用办理期限的信访件，即按期办结率的分母（按期办结率 = 信访按期办结 ÷ 本数）；建议、意见和转入其他法定程序办理的事项没有六十日办理期限，不计入',
      en: 'petitions closed in the period that had a handling time limit: the denominator of the on-time rate (on time ÷ this); suggestions, opinions and matters routed into another procedure have no 60-day limit and are left out',
    },
    source: '《信访工作条例》第三十二条、第三十四条',
    sourceEn: 'Regulations on Letters and Visits, Art. 32 and 34',
  }),
  petitionFigure('onTime', {
    key: 'petitionsOnTime',
    label: { zh: '信访按期办结', en: 'petitions closed on time' },
    definition: {
      zh: '期间内办结且在办理期限内办结的信访件（经负责人批准延期的，以延长后的期限为准）。建议、意见和转入其他法定程序办理的事项没有六十日办理期限，既不算按期也不算逾期：不计入本数，也不计入按期办结率的分母（按期办结率 = 本数 ÷ 信访办结（适用办理期限））',
      en: 'petitions closed in the period within their time limit (an approved extension included). Suggestions, opinions and matters routed into another procedure have no 60-day limit and are neither on time nor late: they are left out of this count and of the on-time rate, which is this ÷ petitions closed that had a time limit',
    },
    source: '《信访工作条例》第三十四条',
    sourceEn: 'Regulations on Letters and Visits, Art. 34',
  }),
];
