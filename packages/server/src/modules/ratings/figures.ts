// Figures over ratings for the dashboard (pure SQL, (db, from, to), from inclusive, to exclusive),
// each with the rows it counts for drill-down and export. Ratings excluded on appeal (申诉成立)
// count nowhere: they were found malicious or mistaken (国办发〔2019〕51号 申诉复核).
// RATINGS_FIGURES declares them to the dashboard over its periods of whole Shanghai days.
import { type Lang, RECTIFICATION_STATE_LABELS, type RectificationState, todayInShanghai } from '@qingshan/core';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { limitOffset, type RowPage } from '../../db/paging.ts';
import { periodInstants } from '../figures/period.ts';
import { type FigureRecord, type FigureSource, sqlFigure } from '../figures/registry.ts';

const NOT_VOID = sql`not exists (select 1 from rating_rectifications x where x.rating_id = r.id and x.state = 'void')`;
const createdIn = (from: Date, to: Date) =>
  sql`r.created_at >= ${from.toISOString()}::timestamptz and r.created_at < ${to.toISOString()}::timestamptz`;
/** bad ratings (r) with their follow-up (x), not excluded on appeal */
const BAD = sql`from ratings r join rating_rectifications x on x.rating_id = r.id where r.level <= 2 and x.state <> 'void'`;
/** rectified by the end of the due date (Asia/Shanghai; the session time zone makes ::date local) */
const RECTIFIED_ON_TIME = sql`x.rectified_at is not null and x.rectified_at::date <= x.rectify_due_date`;
/**
 * The verdict is in (core rectificationIsDue): rectified, or its due date has passed by `today`. A
 * bad rating still within its due date and not rectified is neither on time nor late yet, so the
 * on-time share leaves it out. `today` comes from the caller (todayInShanghai), not the database's
 * clock, so tests on a fixed day and the dashboard agree.
 */
const DUE = (today: string) => sql`(x.rectified_at is not null or x.rectify_due_date < ${today}::date)`;

export type RatingRecord = {
  id: string;
  eventType: string;
  label: string;
  /** the rated service's label in English; null on ratings given before it was kept */
  labelEn: string | null;
  level: number;
  comment: string | null;
  createdAt: string;
  state: string | null;
  rectifyDueDate: string | null;
  rectifiedAt: string | null;
  /** null: not a bad rating, or its rectification is pending (not done, due date still to come) */
  onTime: boolean | null;
};

async function rows<T>(db: Tx, q: ReturnType<typeof sql>): Promise<T[]> {
  const res = await db.execute(q);
  return ((res as unknown as { rows?: T[] }).rows ?? (res as unknown as T[])) as T[];
}

/** Ratings by level (5 非常满意 … 1 非常不满意) given in [from, to); every level listed, zeros too. */
export async function ratingDistribution(db: Tx, from: Date, to: Date): Promise<{ level: number; count: number }[]> {
  return rows(
    db,
    sql`select l.level::int as level, count(r.id)::int as count
        from generate_series(1, 5) as l(level)
        left join ratings r on r.level = l.level and ${createdIn(from, to)} and ${NOT_VOID}
        group by l.level order by l.level desc`,
  );
}

const recordColumns = (
  today: string,
) => sql`r.id::text as id, r.event_type as "eventType", r.label, r.label_en as "labelEn", r.level::int as level, r.comment,
  to_char(r.created_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') as "createdAt", x.state, x.rectify_due_date::text as "rectifyDueDate",
  to_char(x.rectified_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') as "rectifiedAt",
  case when x.id is null or not ${DUE(today)} then null else (${RECTIFIED_ON_TIME}) end as "onTime"`;

/** The ratings counted by ratingDistribution (optionally one level). */
export async function ratingDistributionRecords(
  db: Tx,
  from: Date,
  to: Date,
  level?: number,
  page?: RowPage,
  today: string = todayInShanghai(),
): Promise<RatingRecord[]> {
  return rows(
    db,
    sql`select ${recordColumns(today)} from ratings r left join rating_rectifications x on x.rating_id = r.id
        where ${createdIn(from, to)} and ${NOT_VOID} ${level ? sql`and r.level = ${level}` : sql``}
        order by r.created_at, r.id${limitOffset(page)}`,
  );
}

/**
 * Bad ratings given in [from, to) (not excluded on appeal); of them, those whose verdict is in by
 * `today` (rectified, or past their due date: the on-time share's denominator), and those
 * rectified by the end of their due date (Asia/Shanghai; the session time zone makes ::date local).
 */
export async function badRatingsRectifiedOnTime(
  db: Tx,
  from: Date,
  to: Date,
  today: string = todayInShanghai(),
): Promise<{ bad: number; due: number; rectifiedOnTime: number }> {
  const [r] = await rows<{ bad: number; due: number; rectifiedOnTime: number }>(
    db,
    sql`select count(*)::int as bad,
          count(*) filter (where ${DUE(today)})::int as due,
          count(*) filter (where ${RECTIFIED_ON_TIME})::int as "rectifiedOnTime"
        ${BAD} and ${createdIn(from, to)}`,
  );
  return r ?? { bad: 0, due: 0, rectifiedOnTime: 0 };
}

/**
 * The bad ratings behind badRatingsRectifiedOnTime; `onTime` marks those counted as on time (null
 * while pending). `dueOnly` keeps those whose verdict is in, `onTimeOnly` those on time: the same
 * conditions as the counts, so each drill-down matches its figure.
 */
export async function badRatingsRecords(
  db: Tx,
  from: Date,
  to: Date,
  opts: { onTimeOnly?: boolean; dueOnly?: boolean; page?: RowPage; today?: string } = {},
): Promise<RatingRecord[]> {
  const today = opts.today ?? todayInShanghai();
  return rows(
    db,
    sql`select ${recordColumns(today)} ${BAD} and ${createdIn(from, to)}
          ${opts.dueOnly ? sql`and ${DUE(today)}` : sql``}
          ${opts.onTimeOnly ? sql`and ${RECTIFIED_ON_TIME}` : sql``}
        order by r.created_at, r.id${limitOffset(opts.page)}`,
  );
}

const LEVELS: Record<number, { zh: string; en: string }> = {
  5: { zh: '非常满意', en: 'very satisfied' },
  4: { zh: '满意', en: 'satisfied' },
  3: { zh: '基本满意', en: 'fairly satisfied' },
  2: { zh: '不满意', en: 'dissatisfied' },
  1: { zh: '非常不满意', en: 'very dissatisfied' },
};

const LINE = {
  zh: {
    head: '整改：',
    due: '，期限 ',
    pending: '，期限未到',
    onTime: '，按期整改',
    late: '，逾期',
    colon: '：',
    join: '；',
  },
  en: {
    head: 'rectification: ',
    due: ', due ',
    pending: ', not yet due',
    onTime: ', on time',
    late: ', late',
    colon: ': ',
    join: '; ',
  },
};

/** The follow-up in the words of the staff console: its state, due date and, once in, its verdict. */
function rectificationLine(r: RatingRecord, lang: Lang): string {
  const w = LINE[lang];
  const state = RECTIFICATION_STATE_LABELS[r.state as RectificationState]?.[lang] ?? r.state;
  const verdict = r.state === 'void' ? '' : r.onTime === null ? w.pending : r.onTime ? w.onTime : w.late;
  return `${w.head}${state}${r.rectifyDueDate ? `${w.due}${r.rectifyDueDate}` : ''}${verdict}`;
}

function ratingOut(lang: Lang) {
  const w = LINE[lang];
  return (r: RatingRecord): FigureRecord => ({
    id: r.id,
    date: r.createdAt.slice(0, 10),
    title: `${LEVELS[r.level]?.[lang] ?? r.level}${w.colon}${(lang === 'en' && r.labelEn) || r.label}`,
    enterpriseId: null,
    enterpriseName: null,
    detail: [r.comment, r.state ? rectificationLine(r, lang) : null].filter(Boolean).join(w.join),
    link: null,
  });
}

const SOURCE = '国办发〔2019〕51号';
const SOURCE_EN = '国办发〔2019〕51号 (the good-and-bad rating system for government services)';
const UNIT = { zh: '个', en: 'ratings' };

/** The rating figures of the dashboard: the distribution by level, bad ratings and their rectification. */
export const RATINGS_FIGURES: readonly FigureSource[] = [
  ...[5, 4, 3, 2, 1].map((level) =>
    sqlFigure({
      key: `ratingsLevel${level}`,
      group: 'ratings',
      label: { zh: `评价“${LEVELS[level]!.zh}”`, en: `rated ${LEVELS[level]!.en}` },
      unit: UNIT,
      definition: {
        zh: `期间内评价为“${LEVELS[level]!.zh}”的好差评（申诉成立的除外）`,
        en: `ratings of level ${level} in the period (void ones excluded)`,
      },
      source: SOURCE,
      sourceEn: SOURCE_EN,
      tally: (p) => sql`select null::text as month, count(*)::int as n from ratings r
        where r.level = ${level} and ${createdIn(...periodInstants(p))} and ${NOT_VOID}`,
      records: async (db, p, page, lang = 'zh') =>
        (await ratingDistributionRecords(db, ...periodInstants(p), level, page)).map(ratingOut(lang)),
    }),
  ),
  sqlFigure({
    key: 'badRatings',
    group: 'ratings',
    label: { zh: '差评', en: 'bad ratings' },
    unit: UNIT,
    definition: {
      zh: '期间内的差评（不满意、非常不满意，申诉成立的除外）',
      en: 'bad ratings in the period (void ones excluded)',
    },
    source: SOURCE,
    sourceEn: SOURCE_EN,
    tally: (p) => sql`select null::text as month, count(*)::int as n ${BAD} and ${createdIn(...periodInstants(p))}`,
    records: async (db, p, page, lang = 'zh') =>
      (await badRatingsRecords(db, ...periodInstants(p), { page })).map(ratingOut(lang)),
  }),
  sqlFigure({
    key: 'badRatingsDue',
    group: 'ratings',
    label: { zh: '已整改或期限已届满的差评', en: 'bad ratings rectified or past their due date' },
    unit: UNIT,
    definition: {
      zh: '期间内的差评中已整改或整改期限已届满的（截至今日），即差评按期整改率的分母；尚未整改且整改期限未到的差评既不算按期也不算逾期，不计入',
      en: 'bad ratings in the period that are rectified or past their due date (as of today): the denominator of the on-time rate; one not yet rectified whose due date is still to come is neither on time nor late, and is left out',
    },
    source: SOURCE,
    sourceEn: SOURCE_EN,
    tally: (p) => sql`select null::text as month, count(*)::int as n ${BAD}
      and ${createdIn(...periodInstants(p))} and ${DUE(todayInShanghai())}`,
    records: async (db, p, page, lang = 'zh') =>
      (await badRatingsRecords(db, ...periodInstants(p), { dueOnly: true, page })).map(ratingOut(lang)),
  }),
  sqlFigure({
    key: 'badRatingsRectifiedOnTime',
    group: 'ratings',
    label: { zh: '差评按期整改', en: 'bad ratings rectified on time' },
    unit: UNIT,
    definition: {
      zh: '期间内的差评中在整改期限内完成整改的；按期整改率 = 按期整改 ÷ 已整改或整改期限已届满的差评，尚未整改且整改期限未到的差评不计入',
      en: 'bad ratings in the period rectified by their due date; the on-time rate divides them by the bad ratings rectified or past their due date, leaving out one not yet rectified whose due date is still to come',
    },
    source: SOURCE,
    sourceEn: SOURCE_EN,
    tally: (p) => sql`select null::text as month, count(*)::int as n ${BAD}
      and ${createdIn(...periodInstants(p))} and ${RECTIFIED_ON_TIME}`,
    records: async (db, p, page, lang = 'zh') =>
      (await badRatingsRecords(db, ...periodInstants(p), { onTimeOnly: true, page })).map(ratingOut(lang)),
  }),
];
