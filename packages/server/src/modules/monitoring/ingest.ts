import type { DecodedFrame, FactorFields } from '@qingshan/hj212';
import { decodeFrame, parseDataTime, utf8Encode } from '@qingshan/hj212';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  ensurePartition,
  LONG_CNS,
  monitoringReadings,
  monitoringReadingsLong,
  type ReadingTable,
  SHORT_CNS,
} from './readings.ts';
import { judgeFrame } from './rules.ts';
import { monitoringFrames, monitoringQuarantine, monitoringStations } from './tables.ts';

/** How the gateway decodes: every documented quirk, every CRC variant; the station's registration decides. */
export const GATEWAY_DECODE = { lenient: true, crcModes: ['modbus-le', 'modbus-be', 'none'] } as const;

export type StationRow = typeof monitoringStations.$inferSelect;

export type IngestOutcome =
  /** stored for the first time, readings written */
  | { kind: 'stored'; station: StationRow; readings: number; previousFrameAt: Date | null }
  /** a retransmit of a frame already stored: nothing written, the device is acked again */
  | { kind: 'duplicate'; station: StationRow }
  /** an MN nobody registered: the raw frame is kept in quarantine */
  | { kind: 'quarantined' }
  /** refused, not stored, never acked */
  | { kind: 'refused'; reason: 'bad-crc' | 'no-mn' | 'bad-password' | 'rejected-mn' };

type ReadingRow = typeof monitoringReadings.$inferInsert;

/** The value a reading keeps: the instant value for real-time data, the period average otherwise. */
function readingsOf(frame: DecodedFrame, stationId: string, cn: string, dataTime: Date): ReadingRow[] {
  const out: ReadingRow[] = [];
  for (const [code, fields] of Object.entries(frame.cp)) {
    if (typeof fields === 'string') continue;
    const f = fields as FactorFields;
    const num = (k: string) => {
      const v = f[k];
      if (v === undefined || v.trim() === '') return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    };
    const value = cn === '2011' ? num('Rtd') : (num('Avg') ?? num('Rtd'));
    const min = num('Min');
    const max = num('Max');
    const cou = num('Cou');
    // process-state fields (SBxxx-RS) and text information carry no measured value
    if (value === null && min === null && max === null && cou === null) continue;
    out.push({ stationId, factor: code, dataTime, cn, value, min, max, cou, flag: f.Flag ?? null });
  }
  return out;
}

export function frameDataTime(frame: DecodedFrame): Date | null {
  const t = frame.get('DataTime');
  return t ? parseDataTime(t) : null;
}

/** The CRC verdict, with the Modbus variants this station is registered for (hj212.md §3). */
export function crcAccepted(frame: DecodedFrame, station: Pick<StationRow, 'crcModes'> | undefined): boolean {
  if (frame.crcValid) return true;
  const mode = frame.crc.mode;
  if (mode === null) return false;
  // repairs the lenient decoder accepted (lower case, short CRC) leave mode = 'hj212'
  if (mode === 'hj212') return true;
  return station?.crcModes.includes(mode) ?? false;
}

/**
 * Stores one frame durably. The caller acks the device only after this resolves: the frame, its
 * readings and the station's last-seen time commit together, or nothing does.
 */
export async function ingestFrame(
  db: Db,
  frame: DecodedFrame,
  raw: string,
  remoteAddress: string | null,
  now = new Date(),
): Promise<IngestOutcome> {
  const mn = frame.header.MN?.trim();
  if (!mn) return { kind: 'refused', reason: 'no-mn' };
  const [station] = await db.select().from(monitoringStations).where(eq(monitoringStations.mn, mn)).limit(1);
  if (!crcAccepted(frame, station)) return { kind: 'refused', reason: 'bad-crc' };
  const cn = frame.header.CN ?? null;
  const qn = frame.header.QN ?? null;
  const dataTime = frameDataTime(frame);
  const issues = frame.issues.map((i) => i.code);
  const frameRow = {
    mn,
    qn,
    cn,
    dataTime,
    raw,
    crcValid: frame.crcValid,
    issues,
    remoteAddress,
    receivedAt: now,
  };

  if (!station) {
    return db.transaction(async (tx) => {
      const [q] = await tx
        .select({ state: monitoringQuarantine.state })
        .from(monitoringQuarantine)
        .where(eq(monitoringQuarantine.mn, mn));
      if (q?.state === 'rejected') return { kind: 'refused', reason: 'rejected-mn' } as const;
      await tx
        .insert(monitoringFrames)
        .values({ ...frameRow, stationId: null })
        .onConflictDoNothing();
      await tx
        .insert(monitoringQuarantine)
        .values({
          mn,
          frameCount: 1,
          lastRaw: raw,
          lastCn: cn,
          lastSt: frame.header.ST ?? null,
          remoteAddress,
          firstSeenAt: now,
          lastSeenAt: now,
        })
        .onConflictDoUpdate({
          target: monitoringQuarantine.mn,
          set: {
            frameCount: sql`${monitoringQuarantine.frameCount} + 1`,
            lastRaw: raw,
            lastCn: cn,
            lastSt: frame.header.ST ?? null,
            remoteAddress,
            lastSeenAt: now,
          },
        });
      return { kind: 'quarantined' } as const;
    });
  }

  if ((frame.header.PW ?? '') !== station.password) return { kind: 'refused', reason: 'bad-password' };

  const table: ReadingTable | null =
    cn && dataTime
      ? SHORT_CNS.has(cn)
        ? 'monitoring_readings'
        : LONG_CNS.has(cn)
          ? 'monitoring_readings_long'
          : null
      : null;
  if (table && dataTime) await ensurePartition(db, table, dataTime);

  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(monitoringFrames)
      .values({ ...frameRow, stationId: station.id })
      .onConflictDoNothing()
      .returning({ id: monitoringFrames.id });
    if (inserted.length === 0) return { kind: 'duplicate', station } as const;
    const rows = table && cn && dataTime ? readingsOf(frame, station.id, cn, dataTime) : [];
    const readings = table ? await writeReadings(tx, table, rows) : 0;
    await tx
      .update(monitoringStations)
      .set({
        lastFrameAt: now,
        ...(table && dataTime
          ? { lastDataTime: sql`greatest(${monitoringStations.lastDataTime}, ${dataTime.toISOString()}::timestamptz)` }
          : {}),
      })
      .where(eq(monitoringStations.id, station.id));
    // after the update above: the station's row lock serialises rule state across writers
    if (cn && dataTime && rows.length > 0) await judgeFrame(tx, station, cn, dataTime, rows, now);
    return { kind: 'stored', station, readings, previousFrameAt: station.lastFrameAt } as const;
  });
}

async function writeReadings(tx: Tx, table: ReadingTable, rows: ReadingRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  // The same data sent again under a new QN (a 补传 answer overlapping what arrived live) adds nothing.
  const res =
    table === 'monitoring_readings'
      ? await tx
          .insert(monitoringReadings)
          .values(rows)
          .onConflictDoNothing()
          .returning({ f: monitoringReadings.factor })
      : await tx
          .insert(monitoringReadingsLong)
          .values(rows.map((r) => ({ ...r, source: 'station' })))
          .onConflictDoNothing()
          .returning({ f: monitoringReadingsLong.factor });
  return res.length;
}

/**
 * A station registered from quarantine: its archived frames are replayed into readings, so the
 * data a logger sent before anyone registered it is not lost.
 */
export async function replayQuarantined(db: Db, station: StationRow): Promise<number> {
  const frames = await db
    .select()
    .from(monitoringFrames)
    .where(and(eq(monitoringFrames.mn, station.mn), sql`${monitoringFrames.stationId} is null`))
    .orderBy(monitoringFrames.id)
    .limit(10_000);
  let n = 0;
  for (const f of frames) {
    const frame = decodeFrame(utf8Encode(f.raw), GATEWAY_DECODE);
    const cn = frame.header.CN ?? null;
    const dataTime = frameDataTime(frame);
    const table: ReadingTable | null =
      cn && dataTime
        ? SHORT_CNS.has(cn)
          ? 'monitoring_readings'
          : LONG_CNS.has(cn)
            ? 'monitoring_readings_long'
            : null
        : null;
    if (table && dataTime) await ensurePartition(db, table, dataTime);
    n += await db.transaction(async (tx) => {
      await tx.update(monitoringFrames).set({ stationId: station.id }).where(eq(monitoringFrames.id, f.id));
      return table && cn && dataTime ? writeReadings(tx, table, readingsOf(frame, station.id, cn, dataTime)) : 0;
    });
  }
  return n;
}
