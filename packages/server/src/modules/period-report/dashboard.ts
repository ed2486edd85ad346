// The leaders' dashboard across 放管服: how the statutory clocks of every module stand (on time,
// late, open and overdue; average days) and how often an application was done in one visit, cut
// by desk, matter, town and industry. The clocks own the due dates; this only reads them.
import { industryByCode, townByCode } from '@qingshan/core';
import {
  DESK_LABELS,
  type OneVisitGroup,
  type OneVisitRow,
  oneVisitGroups,
  type SlaDimension,
  type SlaGroup,
  type SlaMetric,
  type SlaOutcome,
  type SlaRow,
  slaGroups,
  slaRowMatches,
} from '@qingshan/core/period-report';
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { registry } from '../../platform/registry.ts';
import { getCalendar } from '../calendar/service.ts';
import { type ClockRow, evaluateRow } from '../clocks/service.ts';
import { periodInstants } from '../figures/period.ts';
import { type Period, rowsOf } from '../figures/registry.ts';

export type DashboardFilter = { town?: string | undefined; industry?: string | undefined };

/** A clock's SLA row with the dates a drill-down shows; no text, so the dashboard reads little. */
export type SlaVerdict = SlaRow & { start: Date; dueDate: string; completedAt: Date | null };

const DAY_MS = 86_400_000;

function enterpriseFilter(f: DashboardFilter) {
  return sql`${f.town ? sql`and e.town_code = ${f.town}` : sql``}
    ${f.industry ? sql`and e.industry_code like ${`${f.industry.replace(/[\\%_]/g, '\\$&')}%`}` : sql``}`;
}

/**
 * The industry a dashboard groups by: the 大类 (two-digit division) of the enterprise's code, the
 * section letter dropped ('C2672' and '2672' are both division 26). In SQL so a drill-down can
 * filter on it before paging.
 */
const DIVISION = sql.raw(`left(regexp_replace(coalesce(e.industry_code, ''), '^[A-T]([0-9])', '\\1'), 2)`);

/** The SQL condition for one value of a dimension; the clocks' (c) or the applications' (a) column. */
function dimensionFilter(dim: SlaDimension | undefined, value: string | undefined, record: 'clock' | 'application') {
  if (!dim || value === undefined) return sql``;
  switch (dim) {
    case 'desk':
      return record === 'clock' ? sql`and coalesce(c.assignee_role, '') = ${value}` : sql`and false`;
    case 'matter':
      return record === 'clock' ? sql`and c.profile_key = ${value}` : sql`and a.matter_code = ${value}`;
    case 'town':
      return sql`and coalesce(e.town_code, '') = ${value}`;
    case 'industry':
      return sql`and ${DIVISION} = ${value}`;
  }
}

type ClockLean = {
  id: string;
  profile_key: string;
  profile: ClockRow['profile'];
  start: string | Date;
  pauses: ClockRow['pauses'];
  extensions: ClockRow['extensions'];
  completed_at: string | Date | null;
  binds: string;
  desk: string;
  town: string;
  industry: string;
};

const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

/**
 * The bureau's clocks the period speaks for, judged: those completed within it, and those still
 * open that started by its end. A party's window (binds = party) is not the bureau's work and is
 * left out. `narrow` adds SQL conditions a drill-down knows (a dimension's value, open or closed);
 * the judging itself is the clock module's (evaluateRow), on the calendar's working-day index.
 */
export async function slaVerdicts(
  db: Tx,
  p: Period,
  f: DashboardFilter,
  now = new Date(),
  narrow: SQL = sql``,
): Promise<SlaVerdict[]> {
  const [from, to] = periodInstants(p);
  const rows = await rowsOf<ClockLean>(
    db,
    sql`select c.id::text as id, c.profile_key, c.profile, c.start, c.pauses, c.extensions, c.completed_at, c.binds,
        coalesce(c.assignee_role, '') as desk, coalesce(e.town_code, '') as town, ${DIVISION} as industry
      from clocks c left join enterprises e on e.id = c.enterprise_id
      where c.binds = 'bureau' and not c.lapsed
        and ((c.completed_at >= ${from.toISOString()}::timestamptz and c.completed_at < ${to.toISOString()}::timestamptz)
          or (c.completed_at is null and c.start < ${to.toISOString()}::timestamptz))
        ${enterpriseFilter(f)} ${narrow}
      order by c.start, c.id`,
  );
  const calendar = await getCalendar(db);
  const out: SlaVerdict[] = [];
  for (const r of rows) {
    const start = asDate(r.start);
    const completedAt = r.completed_at === null ? null : asDate(r.completed_at);
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
      completedAt,
      binds: r.binds,
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
    let dueDate: string;
    try {
      ({ state, dueDate } = evaluateRow(row, calendar, now));
    } catch {
      // a due date in a year the calendar cannot answer: counted as open, never as on time
      state = 'running';
      dueDate = '';
    }
    out.push({
      id: r.id,
      desk: r.desk,
      matter: r.profile_key,
      town: r.town,
      industry: r.industry,
      outcome:
        state === 'met' ? 'on-time' : state === 'missed' ? 'late' : state === 'overdue' ? 'open-overdue' : 'open',
      days: completedAt ? Math.max(0, Math.round((completedAt.getTime() - start.getTime()) / DAY_MS)) : null,
      start,
      dueDate,
      completedAt,
    });
  }
  return out;
}

/** Applications decided in the period with the number of times the applicant came in person. */
function oneVisitSql(p: Period, f: DashboardFilter, narrow: SQL = sql``) {
  const [from, to] = periodInstants(p);
  return sql`select a.id::text as id, a.matter_code as matter, coalesce(e.town_code, '') as town, ${DIVISION} as industry,
      (select count(*) from application_visits v where v.application_id = a.id)::int as visits,
      a.decided_at
    from applications a join enterprises e on e.id = a.enterprise_id
    where a.decided_at >= ${from.toISOString()}::timestamptz and a.decided_at < ${to.toISOString()}::timestamptz
      ${enterpriseFilter(f)} ${narrow}`;
}

export async function oneVisitRows(db: Tx, p: Period, f: DashboardFilter): Promise<OneVisitRow[]> {
  const rows = await rowsOf<OneVisitRow>(
    db,
    sql`select id, matter, town, industry, visits from (${oneVisitSql(p, f)}) x`,
  );
  return rows.map((r) => ({ ...r, visits: Number(r.visits) }));
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
  const sla = await slaVerdicts(db, p, f);
  const visits = await oneVisitRows(db, p, f);
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
      sql`select x.id, x.visits, a.code || ' ' || a.matter_name || '：' || a.project_name as title,
          '/staff/applications/' || a.id as link,
          to_char(x.decided_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date, e.name as "enterpriseName",
          count(*) over ()::int as total
        from (${oneVisitSql(p, f, narrow)}) x join applications a on a.id = x.id::uuid join enterprises e on e.id = a.enterprise_id
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
  const matching = (
    await slaVerdicts(db, p, f, new Date(), sql`${open} ${dimensionFilter(dim, value, 'clock')}`)
  ).filter((r) => slaRowMatches(r, metric));
  const slice = matching.slice(page.offset, page.offset + page.limit);
  const details = new Map(
    (slice.length === 0
      ? []
      : await rowsOf<{ id: string; title: string; link: string | null; enterprise_name: string | null }>(
          db,
          // ids are the database's own uuids, passed as one array parameter
          sql`select c.id::text as id, c.title, c.link, e.name as enterprise_name
            from clocks c left join enterprises e on e.id = c.enterprise_id
            where c.id = any(${`{${slice.map((r) => r.id).join(',')}}`}::uuid[])`,
        )
    ).map((d) => [d.id, d]),
  );
  return {
    total: matching.length,
    items: slice.map((r) => {
      const d = details.get(r.id);
      return {
        id: r.id,
        title: d?.title ?? '',
        link: d?.link ?? null,
        enterpriseName: d?.enterprise_name ?? null,
        start: r.start.toISOString(),
        dueDate: r.dueDate || null,
        completedAt: r.completedAt?.toISOString() ?? null,
        outcome: r.outcome,
        days: r.days,
        visits: null,
      };
    }),
  };
}
