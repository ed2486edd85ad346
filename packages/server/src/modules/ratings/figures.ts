// Figures over ratings for the dashboard (pure SQL, (db, from, to), from inclusive, to exclusive),
// each with the rows it counts for drill-down and export. Ratings excluded on appeal (申诉成立)
// count nowhere: they were found malicious or mistaken (国办发〔2019〕51号 申诉复核).
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { limitOffset, type RowPage } from '../../db/paging.ts';

const NOT_VOID = sql`not exists (select 1 from rating_rectifications x where x.rating_id = r.id and x.state = 'void')`;

export type RatingRecord = {
  id: string;
  eventType: string;
  label: string;
  level: number;
  comment: string | null;
  createdAt: string;
  state: string | null;
  rectifyDueDate: string | null;
  rectifiedAt: string | null;
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
        left join ratings r on r.level = l.level and r.created_at >= ${from.toISOString()}::timestamptz
          and r.created_at < ${to.toISOString()}::timestamptz and ${NOT_VOID}
        group by l.level order by l.level desc`,
  );
}

const RECORD_COLUMNS = sql`r.id::text as id, r.event_type as "eventType", r.label, r.level::int as level, r.comment,
  to_char(r.created_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') as "createdAt", x.state, x.rectify_due_date::text as "rectifyDueDate",
  to_char(x.rectified_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') as "rectifiedAt",
  case when x.id is null then null else (x.rectified_at is not null and x.rectified_at::date <= x.rectify_due_date) end as "onTime"`;

/** The ratings counted by ratingDistribution (optionally one level). */
export async function ratingDistributionRecords(
  db: Tx,
  from: Date,
  to: Date,
  level?: number,
  page?: RowPage,
): Promise<RatingRecord[]> {
  return rows(
    db,
    sql`select ${RECORD_COLUMNS} from ratings r left join rating_rectifications x on x.rating_id = r.id
        where r.created_at >= ${from.toISOString()}::timestamptz and r.created_at < ${to.toISOString()}::timestamptz
          and ${NOT_VOID} ${level ? sql`and r.level = ${level}` : sql``}
        order by r.created_at, r.id${limitOffset(page)}`,
  );
}

/**
 * Bad ratings given in [from, to) (not excluded on appeal), and how many of them were rectified
 * by the end of their due date (Asia/Shanghai; the session time zone makes ::date local).
 */
export async function badRatingsRectifiedOnTime(
  db: Tx,
  from: Date,
  to: Date,
): Promise<{ bad: number; rectifiedOnTime: number }> {
  const [r] = await rows<{ bad: number; rectifiedOnTime: number }>(
    db,
    sql`select count(*)::int as bad,
          count(*) filter (where x.rectified_at is not null and x.rectified_at::date <= x.rectify_due_date)::int as "rectifiedOnTime"
        from ratings r join rating_rectifications x on x.rating_id = r.id
        where r.level <= 2 and x.state <> 'void'
          and r.created_at >= ${from.toISOString()}::timestamptz and r.created_at < ${to.toISOString()}::timestamptz`,
  );
  return r ?? { bad: 0, rectifiedOnTime: 0 };
}

/**
 * The bad ratings behind badRatingsRectifiedOnTime; `onTime` marks those counted as on time, and
 * `onTimeOnly` keeps just those (the same condition as the count, so the drill-down matches it).
 */
export async function badRatingsRecords(
  db: Tx,
  from: Date,
  to: Date,
  opts: { onTimeOnly?: boolean; page?: RowPage } = {},
): Promise<RatingRecord[]> {
  return rows(
    db,
    sql`select ${RECORD_COLUMNS} from ratings r join rating_rectifications x on x.rating_id = r.id
        where r.level <= 2 and x.state <> 'void'
          and r.created_at >= ${from.toISOString()}::timestamptz and r.created_at < ${to.toISOString()}::timestamptz
          ${opts.onTimeOnly ? sql`and x.rectified_at is not null and x.rectified_at::date <= x.rectify_due_date` : sql``}
        order by r.created_at, r.id${limitOffset(opts.page)}`,
  );
}
