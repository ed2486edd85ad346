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
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { registry } from '../../platform/registry.ts';
import { getCalendar } from '../calendar/service.ts';
import { type ClockRow, evaluateRow } from '../clocks/service.ts';
import { periodInstants } from '../figures/period.ts';
import { type Period, rowsOf } from '../figures/registry.ts';

export type DashboardFilter = { town?: string | undefined; industry?: string | undefined };

export type SlaRecord = SlaRow & {
  title: string;
  link: string | null;
  start: string;
  dueDate: string;
  completedAt: string | null;
  enterpriseName: string | null;
};

export type OneVisitRecord = OneVisitRow & {
  title: string;
  link: string;
  date: string;
  enterpriseName: string;
};

const DAY_MS = 86_400_000;

function enterpriseFilter(f: DashboardFilter) {
  return sql`${f.town ? sql`and e.town_code = ${f.town}` : sql``}
    ${f.industry ? sql`and e.industry_code like ${`${f.industry.replace(/[\\%_]/g, '\\$&')}%`}` : sql``}`;
}

/** The industry a dashboard groups by: the 大类 (two-digit division) of the enterprise's code. */
const division = (code: string | null) => (code ? code.replace(/^[A-T](?=\d)/, '').slice(0, 2) : '');

type ClockJoined = {
  id: string;
  owner_type: string;
  owner_id: string;
  profile_key: string;
  rule_version: number;
  profile: ClockRow['profile'];
  title: string;
  link: string | null;
  start: string | Date;
  pauses: ClockRow['pauses'];
  extensions: ClockRow['extensions'];
  completed_at: string | Date | null;
  binds: string;
  lapsed: boolean;
  provisional: boolean;
  assignee_user_id: string | null;
  assignee_role: string | null;
  enterprise_id: string | null;
  town_code: string | null;
  industry_code: string | null;
  enterprise_name: string | null;
};

const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so the day is arithmetic; Intl's
// time-zone formatting (shanghaiDateOf) costs tens of microseconds a call, once per clock here.
const SHANGHAI_MS = 8 * 3_600_000;
const shanghaiDay = (d: Date) => new Date(d.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);

/**
 * The bureau's clocks the period speaks for: those completed within it, and those still open that
 * started by its end. A party's window (binds = party) is not the bureau's work and is left out.
 */
export async function slaRecords(db: Tx, p: Period, f: DashboardFilter, now = new Date()): Promise<SlaRecord[]> {
  const [from, to] = periodInstants(p);
  const rows = await rowsOf<ClockJoined>(
    db,
    sql`select c.id::text as id, c.owner_type, c.owner_id, c.profile_key, c.rule_version, c.profile, c.title, c.link,
        c.start, c.pauses, c.extensions, c.completed_at, c.binds, c.lapsed, c.provisional,
        c.assignee_user_id, c.assignee_role, c.enterprise_id, e.town_code, e.industry_code, e.name as enterprise_name
      from clocks c left join enterprises e on e.id = c.enterprise_id
      where c.binds = 'bureau' and not c.lapsed
        and ((c.completed_at >= ${from.toISOString()}::timestamptz and c.completed_at < ${to.toISOString()}::timestamptz)
          or (c.completed_at is null and c.start < ${to.toISOString()}::timestamptz))
        ${enterpriseFilter(f)}
      order by c.start, c.id`,
  );
  const calendar = await getCalendar(db);
  // A clock's verdict depends only on its deadline, the Shanghai days it started and closed on, its
  // pauses and extensions (core's evaluateClock counts in days); clocks alike share one evaluation,
  // which walks the calendar day by day.
  const verdicts = new Map<string, { state: string; dueDate: string }>();
  const today = shanghaiDay(now);
  const out: SlaRecord[] = [];
  for (const r of rows) {
    const row: ClockRow = {
      id: r.id,
      ownerType: r.owner_type,
      ownerId: r.owner_id,
      profileKey: r.profile_key,
      ruleVersion: r.rule_version,
      profile: r.profile,
      title: r.title,
      link: r.link,
      start: asDate(r.start),
      pauses: r.pauses,
      extensions: r.extensions,
      completedAt: r.completed_at === null ? null : asDate(r.completed_at),
      binds: r.binds,
      lapsed: r.lapsed,
      provisional: r.provisional,
      assigneeUserId: r.assignee_user_id,
      assigneeRole: r.assignee_role,
      enterpriseId: r.enterprise_id,
      createdBy: null,
      createdAt: asDate(r.start),
      updatedAt: asDate(r.start),
    };
    const key = [
      r.profile_key,
      JSON.stringify(r.profile),
      shanghaiDay(row.start),
      row.completedAt ? shanghaiDay(row.completedAt) : '',
      JSON.stringify(r.pauses),
      JSON.stringify(r.extensions),
    ].join('|');
    let verdict = verdicts.get(key);
    if (!verdict) {
      try {
        // An open clock without an open pause has a due date that does not move with time, and
        // "overdue" is today past it (evaluateClock's first test for an open clock). Asked at its
        // start, the clock walks only its own length, not every day from its due date to today.
        const fixedDue = !row.completedAt && !row.pauses.some((x) => !x.to);
        const view = evaluateRow(row, calendar, fixedDue ? row.start : now);
        const state = fixedDue ? (today > view.dueDate ? 'overdue' : 'running') : view.state;
        verdict = { state, dueDate: view.dueDate };
      } catch {
        // a due date in a year the calendar cannot answer: counted as open, never as on time
        verdict = { state: 'running', dueDate: '' };
      }
      verdicts.set(key, verdict);
    }
    const { state, dueDate } = verdict;
    const outcome: SlaOutcome =
      state === 'met' ? 'on-time' : state === 'missed' ? 'late' : state === 'overdue' ? 'open-overdue' : 'open';
    out.push({
      id: r.id,
      desk: r.assignee_role ?? '',
      matter: r.profile_key,
      town: r.town_code ?? '',
      industry: division(r.industry_code),
      outcome,
      days: row.completedAt
        ? Math.max(0, Math.round((row.completedAt.getTime() - row.start.getTime()) / DAY_MS))
        : null,
      title: r.title,
      link: r.link,
      start: row.start.toISOString(),
      dueDate,
      completedAt: row.completedAt?.toISOString() ?? null,
      enterpriseName: r.enterprise_name,
    });
  }
  return out;
}

/** Applications decided in the period with the number of times the applicant came in person. */
export async function oneVisitRecords(db: Tx, p: Period, f: DashboardFilter): Promise<OneVisitRecord[]> {
  const [from, to] = periodInstants(p);
  const rows = await rowsOf<OneVisitRecord & { industry: string }>(
    db,
    sql`select a.id::text as id, a.matter_code as matter, e.town_code as town, e.industry_code as industry,
        (select count(*) from application_visits v where v.application_id = a.id)::int as visits,
        a.code || ' ' || a.matter_name || '：' || a.project_name as title, '/staff/applications/' || a.id as link,
        to_char(a.decided_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date, e.name as "enterpriseName"
      from applications a join enterprises e on e.id = a.enterprise_id
      where a.decided_at >= ${from.toISOString()}::timestamptz and a.decided_at < ${to.toISOString()}::timestamptz
        ${enterpriseFilter(f)}
      order by a.decided_at, a.id`,
  );
  return rows.map((r) => ({ ...r, industry: division(r.industry), visits: Number(r.visits) }));
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
  const sla = await slaRecords(db, p, f);
  const visits = await oneVisitRecords(db, p, f);
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

/** The records behind one dashboard number: a metric, optionally within one value of a dimension. */
export async function drillDown(
  db: Tx,
  p: Period,
  f: DashboardFilter,
  metric: SlaMetric,
  dim: SlaDimension | undefined,
  value: string | undefined,
): Promise<DrillRecord[]> {
  const inGroup = (r: Record<SlaDimension, string>) => !dim || value === undefined || r[dim] === value;
  if (metric === 'decided' || metric === 'oneVisit') {
    if (dim === 'desk') return [];
    return (await oneVisitRecords(db, p, f))
      .filter((r) => inGroup({ ...r, desk: '' }) && (metric === 'decided' || r.visits <= 1))
      .map((r) => ({
        id: r.id,
        title: r.title,
        link: r.link,
        enterpriseName: r.enterpriseName,
        start: null,
        dueDate: null,
        completedAt: r.date,
        outcome: null,
        days: null,
        visits: r.visits,
      }));
  }
  return (await slaRecords(db, p, f))
    .filter((r) => inGroup(r) && slaRowMatches(r, metric))
    .map((r) => ({
      id: r.id,
      title: r.title,
      link: r.link,
      enterpriseName: r.enterpriseName,
      start: r.start,
      dueDate: r.dueDate || null,
      completedAt: r.completedAt,
      outcome: r.outcome,
      days: r.days,
      visits: null,
    }));
}
