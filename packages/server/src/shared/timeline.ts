import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Lang } from '../errors.ts';
import type { TimelineEntry, TimelineProvider } from '../platform/module.ts';

type Q = Parameters<TimelineProvider['list']>[1];

/**
 * A provider whose entries come from one SQL select of `at timestamptz, kind, "recordId", title,
 * detail, link` (its WHERE filters the firm and the window through the given fragments). Ordered
 * newest first and limited here, so every provider answers the same bounded shape. `w(zh, en)` is
 * the platform's own wording in the request's language, as a text parameter (what people typed is
 * shown as it was typed).
 */
export function sqlTimeline(
  kinds: TimelineProvider['kinds'],
  enterpriseVisible: boolean,
  select: (q: { enterpriseId: SQL; from: SQL; to: SQL; lang: Lang; w: (zh: string, en: string) => SQL }) => SQL,
): TimelineProvider {
  return {
    kinds,
    enterpriseVisible,
    async list(db: Db, q: Q): Promise<TimelineEntry[]> {
      const inner = select({
        enterpriseId: sql`${q.enterpriseId}::uuid`,
        from: sql`${q.from.toISOString()}::timestamptz`,
        to: sql`${q.to.toISOString()}::timestamptz`,
        lang: q.lang ?? 'zh',
        w: (zh, en) => sql`${q.lang === 'en' ? en : zh}::text`,
      });
      const r = (await db.execute(
        sql`select * from (${inner}) t order by t.at desc, t."recordId" limit ${q.limit}`,
      )) as unknown as { rows?: Row[] } | Row[];
      const rows = Array.isArray(r) ? r : (r.rows ?? []);
      return rows.map((x) => ({
        at: new Date(x.at).toISOString(),
        kind: x.kind,
        recordId: String(x.recordId),
        title: x.title ?? '',
        detail: x.detail ?? '',
        link: x.link ?? null,
      }));
    },
  };
}

type Row = {
  at: string | Date;
  kind: string;
  recordId: string;
  title: string | null;
  detail: string | null;
  link: string | null;
};
