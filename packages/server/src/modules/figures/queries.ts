import { SERVICE_FIGURES, type ServiceFigureKey } from '@qingshan/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

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

export async function rowsOf<T>(db: Tx, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}

/**
 * Each figure is a record query (the rows it counts, in a stable order) and a count over the
 * same FROM/WHERE. The count is its own SQL so the dashboard never loads the records, and a test
 * holds that count(records) = figure for every key.
 */
type FigureQuery = {
  count(p: Period): SQL;
  records(p: Period): SQL;
  /** month → value, for the trend chart */
  monthly?(p: Period): SQL;
};

const concernTitle = sql`case c.category
  when 'waste' then '固体废物' when 'waste-gas-facility' then '废气治理设施' when 'runoff' then '雨污分流/废水'
  when 'permit' then '排污许可' when 'eia' then '环评手续' when 'complaint' then '投诉举报' else '其他' end`;

function concernsWhere(p: Period, resolved: boolean): SQL {
  return sql`s.date between ${p.from}::date and ${p.to}::date and c.accepted = true
    ${resolved ? sql`and c.status = 'resolved' and (c.resolved_at at time zone 'Asia/Shanghai')::date <= ${p.to}::date` : sql``}`;
}

export const FIGURE_QUERIES: Record<ServiceFigureKey, FigureQuery> = {
  enterpriseVisits: {
    count: (p) => sql`select count(*)::int as n from visit_enterprises ve join visits v on v.id = ve.visit_id
      where v.date between ${p.from}::date and ${p.to}::date`,
    records: (p) => sql`select ve.visit_id || ':' || ve.enterprise_id as id, v.date::text as date,
        '上门服务' || case when v.led_by_leader then '（领导带队）' else '' end || coalesce('·' || cp.theme, '') as title,
        e.id as "enterpriseId", e.name as "enterpriseName",
        coalesce(ve.solved, v.summary) as detail, '/staff/visits/' || v.id as link
      from visit_enterprises ve join visits v on v.id = ve.visit_id join enterprises e on e.id = ve.enterprise_id
      left join campaigns cp on cp.id = v.campaign_id
      where v.date between ${p.from}::date and ${p.to}::date
      order by v.date, e.name, v.id`,
    monthly: (p) => sql`select to_char(v.date, 'YYYY-MM') as month, count(*)::int as n
      from visit_enterprises ve join visits v on v.id = ve.visit_id
      where v.date between ${p.from}::date and ${p.to}::date group by 1 order by 1`,
  },
  campaigns: {
    count: (p) =>
      sql`select count(*)::int as n from campaigns cp where cp.start_date between ${p.from}::date and ${p.to}::date`,
    records: (p) => sql`select cp.id::text as id, cp.start_date::text as date, cp.theme as title,
        null::uuid as "enterpriseId", null::text as "enterpriseName",
        cp.start_date::text || ' 至 ' || cp.end_date::text || '，走访 '
          || (select count(*) from visit_enterprises ve join visits v on v.id = ve.visit_id where v.campaign_id = cp.id) || ' 户次' as detail,
        '/staff/visits?campaignId=' || cp.id as link
      from campaigns cp where cp.start_date between ${p.from}::date and ${p.to}::date
      order by cp.start_date, cp.id`,
    monthly: (p) => sql`select to_char(cp.start_date, 'YYYY-MM') as month, count(*)::int as n from campaigns cp
      where cp.start_date between ${p.from}::date and ${p.to}::date group by 1 order by 1`,
  },
  receptionEnterprises: {
    count: (p) => sql`select count(distinct a.enterprise_id)::int as n from reception_attendances a
      join reception_sessions s on s.id = a.session_id
      where s.date between ${p.from}::date and ${p.to}::date and a.enterprise_id is not null`,
    records: (p) => sql`select e.id::text as id, min(s.date)::text as date, e.name as title,
        e.id as "enterpriseId", e.name as "enterpriseName",
        '到场 ' || count(distinct s.id) || ' 次，' || count(*) || ' 人次' as detail,
        '/staff/enterprises/' || e.id as link
      from reception_attendances a join reception_sessions s on s.id = a.session_id join enterprises e on e.id = a.enterprise_id
      where s.date between ${p.from}::date and ${p.to}::date
      group by e.id, e.name order by min(s.date), e.name`,
  },
  receptionPeople: {
    count: (
      p,
    ) => sql`select count(*)::int as n from reception_attendances a join reception_sessions s on s.id = a.session_id
      where s.date between ${p.from}::date and ${p.to}::date`,
    records: (p) => sql`select a.id::text as id, s.date::text as date, a.person_name as title,
        e.id as "enterpriseId", e.name as "enterpriseName",
        case s.kind when 'enterprise' then '服务企业接待日' else '服务群众接待日' end
          || case when a.walk_in then '（现场来访）' else '（预约）' end as detail,
        '/staff/reception/sessions/' || s.id as link
      from reception_attendances a join reception_sessions s on s.id = a.session_id left join enterprises e on e.id = a.enterprise_id
      where s.date between ${p.from}::date and ${p.to}::date
      order by s.date, s.kind, e.name nulls last, a.person_name, a.id`,
    monthly: (p) => sql`select to_char(s.date, 'YYYY-MM') as month, count(*)::int as n
      from reception_attendances a join reception_sessions s on s.id = a.session_id
      where s.date between ${p.from}::date and ${p.to}::date group by 1 order by 1`,
  },
  receptionConcernsAccepted: {
    count: (
      p,
    ) => sql`select count(*)::int as n from reception_concerns c join reception_sessions s on s.id = c.session_id
      where ${concernsWhere(p, false)}`,
    records: (
      p,
    ) => sql`select c.id::text as id, s.date::text as date, ${concernTitle} || '：' || left(c.description, 60) as title,
        e.id as "enterpriseId", coalesce(e.name, c.raised_by) as "enterpriseName",
        case c.status when 'resolved' then '已解决：' || coalesce(c.resolution, '') else '办理中，期限 ' || coalesce(c.due_date::text, '') end as detail,
        '/staff/reception/concerns/' || c.id as link
      from reception_concerns c join reception_sessions s on s.id = c.session_id left join enterprises e on e.id = c.enterprise_id
      where ${concernsWhere(p, false)} order by s.date, c.created_at, c.id`,
  },
  receptionConcernsResolved: {
    count: (
      p,
    ) => sql`select count(*)::int as n from reception_concerns c join reception_sessions s on s.id = c.session_id
      where ${concernsWhere(p, true)}`,
    records: (
      p,
    ) => sql`select c.id::text as id, s.date::text as date, ${concernTitle} || '：' || left(c.description, 60) as title,
        e.id as "enterpriseId", coalesce(e.name, c.raised_by) as "enterpriseName",
        '已解决（' || to_char(c.resolved_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') || '）：' || coalesce(c.resolution, '') as detail,
        '/staff/reception/concerns/' || c.id as link
      from reception_concerns c join reception_sessions s on s.id = c.session_id left join enterprises e on e.id = c.enterprise_id
      where ${concernsWhere(p, true)} order by s.date, c.created_at, c.id`,
    monthly: (p) => sql`select to_char(s.date, 'YYYY-MM') as month, count(*)::int as n
      from reception_concerns c join reception_sessions s on s.id = c.session_id
      where ${concernsWhere(p, true)} group by 1 order by 1`,
  },
};

export const SERVICE_FIGURE_KEYS = SERVICE_FIGURES.map((f) => f.key) as ServiceFigureKey[];

export function isServiceFigureKey(key: string): key is ServiceFigureKey {
  return (SERVICE_FIGURE_KEYS as string[]).includes(key);
}

export async function countFigure(db: Tx, key: ServiceFigureKey, p: Period): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, FIGURE_QUERIES[key].count(p));
  return Number(row?.n ?? 0);
}

export async function figureRecords(
  db: Tx,
  key: ServiceFigureKey,
  p: Period,
  page?: { limit: number; offset: number },
): Promise<FigureRecord[]> {
  const q = FIGURE_QUERIES[key].records(p);
  // every record query ends with its ORDER BY, so paging appends to it
  const paged = page ? sql`${q} limit ${page.limit} offset ${page.offset}` : q;
  const rows = await rowsOf<FigureRecord>(db, paged);
  return rows.map((r) => ({ ...r, id: String(r.id), date: String(r.date) }));
}

export async function monthlyFigure(db: Tx, key: ServiceFigureKey, p: Period): Promise<Map<string, number>> {
  const m = FIGURE_QUERIES[key].monthly;
  if (!m) throw new Error(`figure ${key} has no monthly series`);
  const rows = await rowsOf<{ month: string; n: number }>(db, m(p));
  return new Map(rows.map((r) => [r.month, Number(r.n)]));
}

/**
 * The totals and monthly series of several service figures in one statement: each figure's own
 * monthly query (or its count, when it has no series) becomes one branch of a UNION ALL, so the
 * dashboard pays one round trip and one plan instead of one per figure.
 */
export async function serviceFigureTotals(
  db: Tx,
  keys: readonly ServiceFigureKey[],
  p: Period,
): Promise<Map<ServiceFigureKey, { total: number; monthly?: Map<string, number> }>> {
  const out = new Map<ServiceFigureKey, { total: number; monthly?: Map<string, number> }>();
  if (!keys.length) return out;
  const branches = keys.map((key) => {
    const q = FIGURE_QUERIES[key];
    return q.monthly
      ? sql`select ${key}::text as key, m.month::text as month, m.n::int as n from (${q.monthly(p)}) m`
      : sql`select ${key}::text as key, null::text as month, c.n::int as n from (${q.count(p)}) c`;
  });
  const rows = await rowsOf<{ key: ServiceFigureKey; month: string | null; n: number }>(
    db,
    sql.join(branches, sql` union all `),
  );
  for (const key of keys) out.set(key, FIGURE_QUERIES[key].monthly ? { total: 0, monthly: new Map() } : { total: 0 });
  for (const r of rows) {
    const f = out.get(r.key)!;
    f.total += Number(r.n);
    if (r.month !== null) f.monthly?.set(r.month, Number(r.n));
  }
  return out;
}
