import { and, count, desc, eq, gte, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type PageRequest, paginate } from '../../shared/paginate.ts';
import { monitoringFrames } from './tables.ts';

export type FrameRow = typeof monitoringFrames.$inferSelect;

/**
 * Whose raw frames: a station's, or those of a logger stored without a station — an electricity
 * meter logger's (electricity/hj212-meters.ts), whose MN is no station's.
 */
export type FrameSource = { stationId: string } | { loggerMn: string };

/**
 * One page of raw frames, newest first, optionally received in [from, to): the one query behind the
 * station's and the meter's frames endpoints, so both page, order and count alike. Callers check
 * who may see the source first.
 */
export function pageFrames(db: Db, source: FrameSource, page: PageRequest, window?: { from: Date; to: Date }) {
  const where = and(
    'stationId' in source
      ? eq(monitoringFrames.stationId, source.stationId)
      : and(isNull(monitoringFrames.stationId), eq(monitoringFrames.mn, source.loggerMn)),
    ...(window ? [gte(monitoringFrames.receivedAt, window.from), lt(monitoringFrames.receivedAt, window.to)] : []),
  );
  return paginate<FrameRow>(
    page,
    (limit, offset) =>
      db
        .select()
        .from(monitoringFrames)
        .where(where)
        .orderBy(desc(monitoringFrames.receivedAt), desc(monitoringFrames.id))
        .limit(limit)
        .offset(offset),
    async () => {
      const [r] = await db.select({ n: count() }).from(monitoringFrames).where(where);
      return r?.n ?? 0;
    },
  );
}
