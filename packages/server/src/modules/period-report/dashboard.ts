// The leaders' dashboard across 放管服: how the statutory clocks of every module stand (on time,
// late, open and overdue; average days) and how often an application was done in one visit, cut
// by desk, matter, town and industry. The clocks own the due dates; this only reads them.
import { DEFAULT_CLOCK_PROFILES, industryByCode, townByCode, type WorkingCalendar } from '@qingshan/core';
import {
  DESK_LABELS,
  type OneVisitGroup,
  type OneVisitTally,
  oneVisitGroups,
  SLA_OUTCOMES,
  type SlaDimension,
  type SlaGroup,
  type SlaMetric,
  type SlaOutcome,
  type SlaRow,
  type SlaTally,
  slaGroups,
  slaRowMatches,
} from '@qingshan/core/period-report';
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Lang } from '../../errors.ts';
import { registry } from '../../platform/registry.ts';
import { matterNameSql } from '../../shared/matter-name.ts';
import { getCalendar } from '../calendar/service.ts';
import { type ClockRow, evaluateRow } from '../clocks/service.ts';
import { periodInstants } from '../figures/period.ts';
import { type Period, rowsOf } from '../figures/registry.ts';

export type DashboardFilter = { town?: string | undefined; industry?: string | undefined };

const DAY_MS = 86_400_000;

function enterpriseFilter(f: DashboardFilter) {
  return sql`${f.town ? sql`and e.town_code = ${f.town}` : sql``}
    ${f.industry ? sql`and e.industry_code like ${`${f.industry.replace(/[\\%_]/g, '\\$&')}%`}` : sql``}`;
}

/**
 * The industry a dashboard groups by: the 大类 (two-digit division) of an enterprise's code, the
 * section letter dropped ('C2672' and '2672' are both division 26). In SQL so a drill-down can
 * filter on it before paging; `code` is the column holding the full code.
 */
const divisionOf = (code: string) => sql.raw(`left(regexp_replace(coalesce(${code}, ''), '^[A-T]([0-9])', '\\1'), 2)`);
const DIVISION = divisionOf('e.industry_code');
/**
 * The desk a clock belongs to: the role it was given to or, given to a person, that person's first
 * role (a clock assigned to someone is not "unassigned"). Null-guarded so unassigned rows cost nothing.
 */
const DESK = sql.raw(`coalesce(c.assignee_role, case when c.assignee_user_id is null then null
  else (select u.roles[1] from users u where u.id = c.assignee_user_id) end, '')`);

/** The SQL condition for one value of a dimension; the clocks' (c) or the applications' (a) column. */
function dimensionFilter(dim: SlaDimension | undefined, value: string | undefined, record: 'clock' | 'application') {
  if (!dim || value === undefined) return sql``;
  switch (dim) {
    case 'desk':
      return record === 'clock' ? sql`and ${DESK} = ${value}` : sql`and false`;
    case 'matter':
      return record === 'clock' ? sql`and c.profile_key = ${value}` : sql`and a.matter_code = ${value}`;
    case 'town':
      return sql`and coalesce(e.town_code, '') = ${value}`;
    case 'industry':
      return sql`and ${DIVISION} = ${value}`;
  }
}

// ── judging the clocks ──────────────────────────────────────────────────────────────────────────
// A clock's verdict is the clock module's (evaluateRow → core's evaluateClock). For the common
// clock — no pause, a profile that does not roll over a holiday — that verdict is two lookups in
// the calendar's working-day index (core's WorkingCalendar.workingDayIndex), so the query reads the
// index as two array parameters and judges and counts those clocks itself; the dashboard then
// reads a few dozen tallies instead of every clock. Clocks the query cannot judge (pauses, roll-over,
// a day outside the index) come back as rows and are judged by evaluateRow. A test holds the two to
// the same answers clock by clock (period-report.test.ts).

const SHANGHAI_MS = 8 * 3_600_000;
const dayNumber = (at: Date) => Math.floor((at.getTime() + SHANGHAI_MS) / DAY_MS);
/** Index years past the period's end a query carries: due dates beyond are judged in JS. */
const INDEX_YEARS_AHEAD = 3;

type IndexParams = { first: number; ordinals: string; workdays: string };
const indexCache = new WeakMap<WorkingCalendar, Map<number, IndexParams>>();

/** The bureau's (earliest) view of the index through the end of `year`, as Postgres array literals. */
function indexParams(calendar: WorkingCalendar, year: number): IndexParams {
  const view = calendar.earliest();
  let byYear = indexCache.get(view);
  if (!byYear) {
    byYear = new Map();
    indexCache.set(view, byYear);
  }
  let params = byYear.get(year);
  if (!params) {
    const idx = view.workingDayIndex(Date.UTC(year, 11, 31) / DAY_MS);
    params = { first: idx.firstDay, ordinals: `{${idx.ordinals.join(',')}}`, workdays: `{${idx.workdays.join(',')}}` };
    byYear.set(year, params);
  }
  return params;
}

/** Verdicts of clocks the query could not judge, handed back so it can filter and page on them. */
type Judged = { ids: string[]; outcomes: SlaOutcome[]; dues: (number | null)[] };

/**
 * One row per clock the period speaks for (completed within it, or open and started by its end;
 * the bureau's duties only, a party's window is not the bureau's work), with its dimensions (the
 * enterprise's full industry code: a caller that groups takes the division after grouping, once a
 * group rather than once a clock), Shanghai start, due and completion days, calendar days taken,
 * and its outcome: judged here for the common clock, taken from `judged` for the others, null when
 * neither knows (evaluateRow will).
 *
 * Three levels, each fenced with `offset 0`: the clock's days and length, then its due day, then its
 * outcome. Unfenced, Postgres folds the levels into one and copies each level's expression into
 * every use above it — the outcome reads the due day three times, the due day the start day and
 * length — which cost 8× the CPU at 20,000 clocks; a materialized CTE instead copies every row into
 * a tuple store and joined the index by sorting (measured: 143 ms of backend CPU against 41 ms for
 * the fenced form, PostgreSQL, 5 years of bench:figures). The index is read by subscript: an
 * array parameter is folded to a constant once per statement, and a subscript into a constant
 * array of int is a direct offset.
 */
export function judgedSql(
  p: Period,
  f: DashboardFilter,
  narrow: SQL,
  idx: IndexParams,
  today: number,
  judged?: Judged,
) {
  const [from, to] = periodInstants(p);
  const rolls = DEFAULT_CLOCK_PROFILES.filter((x) => x.rollsOver).map((x) => x.key);
  const byJs = judged
    ? {
        join: sql`left join unnest(${`{${judged.ids.join(',')}}`}::uuid[], ${`{${judged.outcomes.join(',')}}`}::text[],
            ${`{${judged.dues.map((d) => d ?? 'NULL').join(',')}}`}::int[]) as js(id, outcome, due) on js.id = k.id`,
        due: sql`when js.id is not null then js.due`,
        cols: sql`js.id is not null as by_js, js.outcome as js_outcome`,
      }
    : { join: sql``, due: sql``, cols: sql`false as by_js, null::text as js_outcome` };
  return sql`select j.id, j.start, j.completed_at, j.matter, j.desk, j.town, j.industry_code, j.days, j.due,
      case when j.by_js then j.js_outcome
        when j.due is null then null
        when j.cd is not null then case when j.cd <= j.due then 'on-time' else 'late' end
        when ${today}::int > j.due then 'open-overdue' else 'open' end as outcome
    from (
      select k.*, case ${byJs.due}
          when not k.plain then null
          when k.unit = 'calendar' then k.s + k.total
          when k.unit = 'working' then (${idx.workdays}::int[])[(${idx.ordinals}::int[])[k.s - ${idx.first}::int + 1] + k.total]
        end as due, ${byJs.cols}
      from (
        select c.id, c.start, c.completed_at, c.profile_key as matter, ${DESK} as desk,
          coalesce(e.town_code, '') as town, e.industry_code,
          -- Shanghai days by the fixed UTC+8 the clock module counts in (no time-zone lookup per row)
          ((c.start at time zone interval '+08:00')::date - date '1970-01-01') as s,
          ((c.completed_at at time zone interval '+08:00')::date - date '1970-01-01') as cd,
          case when c.completed_at is null then null
            else greatest(0, round(extract(epoch from (c.completed_at - c.start)) / 86400))::int end as days,
          c.profile->>'unit' as unit,
          (c.profile->>'length')::int + case when c.extensions = '[]'::jsonb then 0
            else (select coalesce(sum((x->>'days')::int), 0) from jsonb_array_elements(c.extensions) x) end as total,
          c.pauses = '[]'::jsonb and c.profile_key <> all(${`{${rolls.join(',')}}`}::text[]) as plain
        from clocks c left join enterprises e on e.id = c.enterprise_id
        where c.binds = 'bureau' and not c.lapsed
          and ((c.completed_at >= ${from.toISOString()}::timestamptz and c.completed_at < ${to.toISOString()}::timestamptz)
            or (c.completed_at is null and c.start < ${to.toISOString()}::timestamptz))
          ${enterpriseFilter(f)} ${narrow}
        offset 0
      ) k ${byJs.join}
      offset 0
    ) j`;
}

type Unjudged = {
  id: string;
  profile_key: string;
  profile: ClockRow['profile'];
  start: string | Date;
  pauses: ClockRow['pauses'];
  extensions: ClockRow['extensions'];
  completed_at: string | Date | null;
  days: number | null;
  desk: string;
  town: string;
  industry: string;
};

const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

/** Clocks the query left unjudged (by id), judged by the clock module; due is a day number or null. */
async function judgeTheRest(
  db: Tx,
  ids: readonly string[],
  calendar: WorkingCalendar,
  now: Date,
): Promise<(SlaRow & { due: number | null })[]> {
  if (ids.length === 0) return [];
  const rows = await rowsOf<Unjudged>(
    db,
    sql`select c.id::text as id, c.profile_key, c.profile, c.start, c.pauses, c.extensions, c.completed_at,
        case when c.completed_at is null then null
          else greatest(0, round(extract(epoch from (c.completed_at - c.start)) / 86400))::int end as days,
        ${DESK} as desk, coalesce(e.town_code, '') as town, ${DIVISION} as industry
      from clocks c left join enterprises e on e.id = c.enterprise_id
      where c.id = any(${`{${ids.join(',')}}`}::uuid[])
      order by c.start, c.id`,
  );
  return rows.map((r) => {
    const start = asDate(r.start);
    const row: ClockRow = {
      id: r.id,
      ownerType: '',
      ownerId: '',
      profileKey: r.profile_key,
      ruleVersion: 0,
      profile: r.profile,
      title: '',
      link: null,
      start,
      pauses: r.pauses,
      extensions: r.extensions,
      completedAt: r.completed_at === null ? null : asDate(r.completed_at),
      binds: 'bureau',
      lapsed: false,
      provisional: false,
      assigneeUserId: null,
      assigneeRole: null,
      enterpriseId: null,
      createdBy: null,
      createdAt: start,
      updatedAt: start,
    };
    let state: string;
    let due: number | null;
    try {
      const view = evaluateRow(row, calendar, now);
      state = view.state;
      due = Date.parse(`${view.dueDate}T00:00:00Z`) / DAY_MS;
    } catch {
      // a due date in a year the calendar cannot answer: counted as open, never as on time
      state = 'running';
      due = null;
    }
    const outcome: SlaOutcome =
      state === 'met' ? 'on-time' : state === 'missed' ? 'late' : state === 'overdue' ? 'open-overdue' : 'open';
    const days = r.days === null ? null : Number(r.days);
    return { id: r.id, desk: r.desk, matter: r.profile_key, town: r.town, industry: r.industry, outcome, days, due };
  });
}

export async function judging(db: Tx, p: Period, now: Date) {
  const calendar = await getCalendar(db);
  const idx = indexParams(calendar, Number(p.to.slice(0, 4)) + INDEX_YEARS_AHEAD);
  return { calendar, idx, today: dayNumber(now) };
}

/** The period's clocks counted by desk, matter, town, industry and outcome. */
export async function slaTallies(
  db: Tx,
  p: Period,
  f: DashboardFilter,
  now = new Date(),
): Promise<(SlaTally | SlaRow)[]> {
  const { calendar, idx, today } = await judging(db, p, now);
  // one statement: the tallies of the clocks it judged, and the ids of those it could not (each its
  // own group); grouped by the full industry code first, so the division is taken once a group
  const rows = await rowsOf<SlaTally & { id: string | null }>(
    db,
    sql`select desk, matter, town, ${divisionOf('t.industry_code')} as industry, outcome, sum(clocks)::int as clocks,
        sum(days_sum)::int as "daysSum", sum(days_count)::int as "daysCount", id
      from (
        select desk, matter, town, industry_code, outcome, count(*) as clocks, coalesce(sum(days), 0) as days_sum,
          count(days) as days_count, case when outcome is null then id::text end as id
        from (${judgedSql(p, f, sql``, idx, today)}) j
        group by desk, matter, town, industry_code, outcome, case when outcome is null then id::text end
      ) t
      group by desk, matter, town, 4, outcome, id`,
  );
  const tallies = rows
    .filter((r) => r.id === null)
    .map(({ id: _, ...t }) => ({
      ...t,
      clocks: Number(t.clocks),
      daysSum: Number(t.daysSum),
      daysCount: Number(t.daysCount),
    }));
  const rest = await judgeTheRest(
    db,
    rows.flatMap((r) => (r.id === null ? [] : [r.id])),
    calendar,
    now,
  );
  return [...tallies, ...rest];
}

/**
 * Applications decided in the period with the number of times the applicant came in person (the
 * enterprise's full industry code, as judgedSql). The visits are counted per application in one
 * grouped pass joined by hash, not one index probe per application: on PGlite half the CPU over 5
 * years (11 against 23 ms), the same over one; it reads every visit, a few thousand a year.
 */
function oneVisitSql(p: Period, f: DashboardFilter, narrow: SQL = sql``) {
  const [from, to] = periodInstants(p);
  return sql`select a.id, a.matter_code as matter, coalesce(e.town_code, '') as town, e.industry_code,
      coalesce(v.n, 0)::int as visits, a.decided_at
    from applications a join enterprises e on e.id = a.enterprise_id
      left join (select application_id, count(*) as n from application_visits group by application_id) v
        on v.application_id = a.id
    where a.decided_at >= ${from.toISOString()}::timestamptz and a.decided_at < ${to.toISOString()}::timestamptz
      ${enterpriseFilter(f)} ${narrow}`;
}

/** The period's decided applications counted by matter, town and industry, and how many took one visit. */
export async function oneVisitTallies(db: Tx, p: Period, f: DashboardFilter): Promise<OneVisitTally[]> {
  const rows = await rowsOf<OneVisitTally>(
    db,
    sql`select matter, town, ${divisionOf('t.industry_code')} as industry, sum(decided)::int as decided,
        sum(one_visit)::int as "oneVisit"
      from (
        select matter, town, industry_code, count(*) as decided, count(*) filter (where visits <= 1) as one_visit
        from (${oneVisitSql(p, f)}) x group by matter, town, industry_code
      ) t
      group by matter, town, 3`,
  );
  return rows.map((r) => ({ ...r, decided: Number(r.decided), oneVisit: Number(r.oneVisit) }));
}

/** The plain name of a dimension's value: a desk, a deadline, a town or an industry division. */
export function labelOf(dim: SlaDimension, value: string, matterNames: ReadonlyMap<string, string>): string {
  if (dim === 'desk') return DESK_LABELS[value]?.zh ?? value;
  if (dim === 'matter') return matterNames.get(value) ?? value;
  if (value === '') return '（未关联企业）';
  if (dim === 'town') return townByCode(value)?.name ?? value;
  const ind = industryByCode(value);
  return ind ? `${value} ${ind.name}` : value;
}

/** Deadlines by their rule name (clock profiles), and application matters by their guide name. */
export async function matterNames(db: Tx): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const r of registry().rules) if (r.type === 'clock-profile') names.set(r.key, r.labelZh);
  const rows = await rowsOf<{ code: string; name: string }>(db, sql`select code, name from matters`);
  for (const r of rows) names.set(r.code, r.name);
  return names;
}

export type Labelled<T> = T & { label: string };

export type Dashboard = {
  totals: Omit<SlaGroup, 'value'> & Omit<OneVisitGroup, 'value'>;
  sla: Record<SlaDimension, Labelled<SlaGroup>[]>;
  oneVisit: Record<'matter' | 'town' | 'industry', Labelled<OneVisitGroup>[]>;
};

export async function dashboard(db: Tx, p: Period, f: DashboardFilter): Promise<Dashboard> {
  const sla = await slaTallies(db, p, f);
  const visits = await oneVisitTallies(db, p, f);
  const names = await matterNames(db);
  const withLabel = <T extends { value: string }>(dim: SlaDimension, gs: T[]) =>
    gs.map((g) => ({ ...g, label: labelOf(dim, g.value, names) }));
  const whole = slaGroups(sla, null)[0];
  const wholeVisits = oneVisitGroups(visits, null)[0];
  return {
    totals: {
      completed: whole?.completed ?? 0,
      onTime: whole?.onTime ?? 0,
      late: whole?.late ?? 0,
      overdue: whole?.overdue ?? 0,
      onTimeRate: whole?.onTimeRate ?? null,
      averageDays: whole?.averageDays ?? null,
      decided: wholeVisits?.decided ?? 0,
      oneVisit: wholeVisits?.oneVisit ?? 0,
      oneVisitRate: wholeVisits?.oneVisitRate ?? null,
    },
    sla: {
      desk: withLabel('desk', slaGroups(sla, 'desk')),
      matter: withLabel('matter', slaGroups(sla, 'matter')),
      town: withLabel('town', slaGroups(sla, 'town')),
      industry: withLabel('industry', slaGroups(sla, 'industry')),
    },
    oneVisit: {
      matter: withLabel('matter', oneVisitGroups(visits, 'matter')),
      town: withLabel('town', oneVisitGroups(visits, 'town')),
      industry: withLabel('industry', oneVisitGroups(visits, 'industry')),
    },
  };
}

export type DrillRecord = {
  id: string;
  title: string;
  link: string | null;
  enterpriseName: string | null;
  start: string | null;
  dueDate: string | null;
  completedAt: string | null;
  outcome: SlaOutcome | null;
  days: number | null;
  visits: number | null;
};

/**
 * The records behind one dashboard number — a metric, optionally within one value of a dimension —
 * one page of them and how many there are. The dimension and whether the clock is open narrow the
 * query in SQL; decided applications are paged in SQL; clocks are judged first (the verdict is the
 * clock module's) and only the page's records are then read in full.
 */
export async function drillDown(
  db: Tx,
  p: Period,
  f: DashboardFilter,
  metric: SlaMetric,
  dim: SlaDimension | undefined,
  value: string | undefined,
  page: { offset: number; limit: number },
  lang: Lang = 'zh',
): Promise<{ items: DrillRecord[]; total: number }> {
  if (metric === 'decided' || metric === 'oneVisit') {
    if (dim === 'desk') return { items: [], total: 0 };
    const narrow = sql`${dimensionFilter(dim, value, 'application')}`;
    const rows = await rowsOf<{
      id: string;
      visits: number;
      title: string;
      link: string;
      date: string;
      enterpriseName: string;
      total: number;
    }>(
      db,
      sql`select x.id::text as id, x.visits,
          a.code || ' ' || ${matterNameSql(lang, sql`a.matter_code`, sql`a.matter_name`)} || ${lang === 'en' ? ': ' : '：'}::text
            || a.project_name as title,
          '/staff/applications/' || a.id as link,
          to_char(x.decided_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date, e.name as "enterpriseName",
          count(*) over ()::int as total
        from (${oneVisitSql(p, f, narrow)}) x join applications a on a.id = x.id join enterprises e on e.id = a.enterprise_id
        where ${metric === 'oneVisit' ? sql`x.visits <= 1` : sql`true`}
        order by x.decided_at, x.id
        limit ${page.limit} offset ${page.offset}`,
    );
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && page.offset > 0) {
      // past the last page: the window function saw no rows, so count them on their own
      const [c] = await rowsOf<{ n: number }>(
        db,
        sql`select count(*)::int as n from (${oneVisitSql(p, f, narrow)}) x where ${metric === 'oneVisit' ? sql`x.visits <= 1` : sql`true`}`,
      );
      total = Number(c?.n ?? 0);
    }
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        link: r.link,
        enterpriseName: r.enterpriseName,
        start: null,
        dueDate: null,
        completedAt: r.date,
        outcome: null,
        days: null,
        visits: Number(r.visits),
      })),
    };
  }
  const open = metric === 'overdue' ? sql`and c.completed_at is null` : sql`and c.completed_at is not null`;
  const narrow = sql`${open} ${dimensionFilter(dim, value, 'clock')}`;
  const now = new Date();
  const { calendar, idx, today } = await judging(db, p, now);
  const unjudged = await rowsOf<{ id: string }>(
    db,
    sql`select id::text as id from (${judgedSql(p, f, narrow, idx, today)}) j where outcome is null`,
  );
  const rest = await judgeTheRest(
    db,
    unjudged.map((r) => r.id),
    calendar,
    now,
  );
  const judged: Judged = {
    ids: rest.map((r) => r.id),
    outcomes: rest.map((r) => r.outcome),
    dues: rest.map((r) => r.due),
  };
  const outcomes = SLA_OUTCOMES.filter((o) => slaRowMatches({ outcome: o }, metric));
  const rows = await rowsOf<{
    id: string;
    title: string;
    link: string | null;
    enterprise_name: string | null;
    start: string | Date;
    completed_at: string | Date | null;
    due: number | null;
    outcome: SlaOutcome;
    days: number | null;
    total: number;
  }>(
    db,
    sql`select j.id::text as id, c.title, c.link, e.name as enterprise_name, j.start, j.completed_at, j.due, j.outcome,
        j.days, count(*) over ()::int as total
      from (${judgedSql(p, f, narrow, idx, today, judged)}) j
        join clocks c on c.id = j.id left join enterprises e on e.id = c.enterprise_id
      where j.outcome = any(${`{${outcomes.join(',')}}`}::text[])
      order by j.start, j.id
      limit ${page.limit} offset ${page.offset}`,
  );
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page.offset > 0) {
    const [c] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from (${judgedSql(p, f, narrow, idx, today, judged)}) j
        where j.outcome = any(${`{${outcomes.join(',')}}`}::text[])`,
    );
    total = Number(c?.n ?? 0);
  }
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      link: r.link,
      enterpriseName: r.enterprise_name,
      start: asDate(r.start).toISOString(),
      dueDate: r.due === null ? null : new Date(Number(r.due) * DAY_MS).toISOString().slice(0, 10),
      completedAt: r.completed_at === null ? null : asDate(r.completed_at).toISOString(),
      outcome: r.outcome,
      days: r.days === null ? null : Number(r.days),
      visits: null,
    })),
  };
}
