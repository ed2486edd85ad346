import { type FigureDefinition, type Lang, SERVICE_FIGURES } from '@qingshan/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { limitOffset, type RowPage } from '../../db/paging.ts';
import { registry } from '../../platform/registry.ts';

/** A figures period: whole days in Asia/Shanghai, both ends included. */
export type Period = { from: string; to: string };

/** One counted record, the same shape for every figure so one table and one export serve all. */
export type FigureRecord = {
  id: string;
  date: string;
  title: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  detail: string;
  link: string | null;
};

/**
 * A dashboard figure, declared by the module that owns its records: its definition, its tally (the
 * count as SQL, per month when it has a trend), and the records it counts, paged in SQL.
 */
export type FigureSource = FigureDefinition & {
  /** figures in one group are shown together (a distribution is a group of counts) */
  group?: string;
  /**
   * The figure over a period as one SQL select of rows `(month text, n int)`: one row per month that
   * has records when the figure has a trend, else a single row with a null month. Its rows add up to
   * the figure, so the dashboard reads every figure's value and trend in one statement (figureTotals).
   */
  tally(p: Period): SQL;
  /** the tally is per month, and the dashboard draws the figure's monthly trend */
  trend: boolean;
  /**
   * a share, not a count: its tally gives no row when there is nothing to share (no station in the
   * period), and the period report then says nothing rather than 0 %
   */
  rate?: boolean;
  count(db: Tx, p: Period): Promise<number>;
  /**
   * the counted records in a stable order; with a page, only that page leaves the database. `lang`
   * (default zh) is the reader's: the platform's own words in a title or detail are in it, while
   * names and what people typed stay as stored.
   */
  records(db: Tx, p: Period, page?: RowPage, lang?: Lang): Promise<FigureRecord[]>;
  /** month → value; the months add up to count */
  monthly?(db: Tx, p: Period): Promise<Map<string, number>>;
};

export async function rowsOf<T>(db: Tx, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}

type Tallied = { month: string | null; n: number };

/**
 * A figure from its tally and its records: count and monthly come from the tally, so the value the
 * dashboard shows, the drill-down's total and the trend cannot disagree.
 */
export function sqlFigure(
  f: FigureDefinition & Pick<FigureSource, 'group' | 'tally' | 'records'> & { trend?: boolean },
): FigureSource {
  const trend = f.trend ?? false;
  const tallied = (db: Tx, p: Period) => rowsOf<Tallied>(db, f.tally(p));
  return {
    ...f,
    trend,
    count: async (db, p) => (await tallied(db, p)).reduce((s, r) => s + Number(r.n), 0),
    ...(trend
      ? {
          monthly: async (db: Tx, p: Period) =>
            new Map((await tallied(db, p)).map((r) => [String(r.month), Number(r.n)])),
        }
      : {}),
  };
}

/**
 * Records a figure lists straight from SQL in the FigureRecord shape; `query` ends with its ORDER
 * BY, so a page is appended to it.
 */
export async function recordsOf(db: Tx, query: SQL, page?: RowPage): Promise<FigureRecord[]> {
  const rows = await rowsOf<FigureRecord>(db, sql`${query}${limitOffset(page)}`);
  return rows.map((r) => ({ ...r, id: String(r.id), date: String(r.date) }));
}

/**
 * One of the platform's own words in a record's SQL, in the reader's language: a text parameter, so a
 * word is never spliced into the statement and the Chinese and English rows come from one query.
 */
export function word(lang: Lang, zh: string, en: string): SQL {
  return sql`${lang === 'en' ? en : zh}::text`;
}

/** `case <expr> when <key> then <label> … else <otherwise> end` over a label table, in the reader's language. */
export function labelCase(
  expr: SQL,
  labels: Readonly<Record<string, { zh: string; en: string }>>,
  lang: Lang,
  otherwise: SQL = expr,
): SQL {
  return sql.join(
    [
      sql`case ${expr}`,
      ...Object.entries(labels).map(([k, v]) => sql`when ${k} then ${word(lang, v.zh, v.en)}`),
      sql`else ${otherwise} end`,
    ],
    sql` `,
  );
}

/**
 * `n` and its unit: "3 次" in Chinese; in English the singular for 1, else the plural ("1 hour",
 * "16 hours").
 */
export function countOf(lang: Lang, n: SQL, zh: string, one: string, many: string): SQL {
  return lang === 'en'
    ? sql`(${n})::text || ' ' || case when (${n}) = 1 then ${one}::text else ${many}::text end`
    : sql`(${n})::text || ${zh}::text`;
}

/** measured: the tally gave a row (a rate over nothing gives none) */
export type FigureTotal = { total: number; monthly?: Map<string, number>; measured?: boolean };

/**
 * The values (and trends) of several figures in one statement: every figure's tally is one branch
 * of a UNION ALL, so the dashboard pays one round trip and one plan instead of one per figure.
 */
export async function figureTotals(
  db: Tx,
  sources: readonly FigureSource[],
  p: Period,
): Promise<Map<string, FigureTotal>> {
  const out = new Map<string, FigureTotal>();
  if (!sources.length) return out;
  const branches = sources.map(
    (s) => sql`select ${s.key}::text as key, t.month::text as month, t.n::int as n from (${s.tally(p)}) t`,
  );
  const rows = await rowsOf<{ key: string; month: string | null; n: number }>(db, sql.join(branches, sql` union all `));
  for (const s of sources) out.set(s.key, s.trend ? { total: 0, monthly: new Map() } : { total: 0 });
  for (const r of rows) {
    const f = out.get(r.key)!;
    f.total += Number(r.n);
    f.measured = true;
    if (r.month !== null) f.monthly?.set(r.month, Number(r.n));
  }
  return out;
}

const BUILT_IN = SERVICE_FIGURES.map((f) => f.key as string);
let sorted: { from: ReadonlyMap<string, FigureSource>; list: FigureSource[] } | undefined;

/** Every module's figures, the service figures of rules.md §6 first in their order, then by key. */
export function figureSources(): FigureSource[] {
  const figures = registry().figures;
  if (sorted?.from !== figures) {
    const list = [...figures.values()].sort((a, b) => {
      const ia = BUILT_IN.indexOf(a.key);
      const ib = BUILT_IN.indexOf(b.key);
      return (ia < 0 ? 1e3 : ia) - (ib < 0 ? 1e3 : ib) || a.key.localeCompare(b.key);
    });
    sorted = { from: figures, list };
  }
  return sorted.list;
}

export function figureSource(key: string): FigureSource | undefined {
  return registry().figures.get(key);
}
