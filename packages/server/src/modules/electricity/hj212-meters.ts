import type { DecodedFrame } from '@qingshan/hj212';
import { decodeFrame, parseDataTime, utf8Encode } from '@qingshan/hj212';
import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import type { PageRequest } from '../../shared/paginate.ts';
import { pageFrames } from '../monitoring/frames.ts';
import type { IngestItem, IngestOutcome } from '../monitoring/ingest.ts';
import { monitoringFrames } from '../monitoring/tables.ts';
import { getMeter, storeReading } from './service.ts';
import { electricityMeters } from './tables.ts';

/**
 * Electricity meters over HJ 212 (README, "Electricity meters over HJ 212"): a meter, or a data
 * logger reporting a plant's meters, sends 2011 (real-time) or 2051 (minute) frames to the same
 * gateway port as the monitoring stations. Its MN is not a station's, so the gateway's ingest
 * (monitoring/ingest.ts) hands every frame of an unregistered MN here first; what is not a
 * meter logger's goes on to quarantine as before.
 *
 * A meter logger's frame is checked like a station's (the CRC already was; the password here),
 * archived in monitoring_frames (the gateway's evidence, whose unique indexes make a retransmit a
 * duplicate, and whose retention applies), and each bound code's value becomes a reading through
 * service.ts storeReading, the path the MQTT subscriber takes: R1–R5 judge both alike. All of it
 * happens in the batch's own transaction, so the device is acked only once it is durable.
 *
 * HJ 212 defines no electricity factor (hj212.md §5–§7: 工况 data ST=51/52 uses 2011 with `e…` and
 * `g…` codes, 表 C.29; electricity loggers in the field send ST=80 and vendor codes like `ele01`,
 * §8 "mapping tables are data, not code"), so which code is which meter is the meter record's
 * `hj212Code`; the value is active power in kW (`-Rtd` in 2011, `-Avg` in 2051, `-Rtd` when a
 * 2051 carries only that). A value flagged other than N (表 8: F stopped, M maintenance, D fault,
 * C calibration…) is not a reading: rules must not judge a plant on invalid data (rules.md §4).
 * A code no meter of the logger is bound to is stored in the archived frame only; binding it later
 * replays the archive (replayMeterFrames), so nothing the logger sent is lost.
 */

/** A frame's outcome when it came from a meter logger (the gateway acks it like a stored frame). */
export type MeterFrameOutcome = {
  kind: 'meter';
  /** a retransmit of a frame already stored: nothing written, acked again */
  duplicate: boolean;
  /** readings added */
  readings: number;
  /** codes in the frame no meter of this logger is bound to */
  unbound: string[];
};

/** The CNs whose values are power readings: real-time and minute data. */
const READING_CNS = new Set(['2011', '2051']);

type MeterBinding = { id: string; code: string; password: string };
type FrameRow = typeof monitoringFrames.$inferInsert;
type StoredFrame = typeof monitoringFrames.$inferSelect;
type Candidate = { i: number; row: FrameRow; st: string | null };

/** Counts since start, for the health page and the logs (no per-frame log line: meters report every minute). */
export const hj212MeterStats = { frames: 0, duplicates: 0, readings: 0, refused: 0, unboundValues: 0, flagged: 0 };

/** The power values of one frame for the logger's bound codes; what is left over is unbound. */
function powerValues(frame: DecodedFrame, bindings: readonly MeterBinding[]) {
  const cn = frame.header.CN ?? '';
  const t = frame.get('DataTime');
  const at = t ? parseDataTime(t) : null;
  const byCode = new Map(bindings.map((b) => [b.code, b]));
  const values: { meterId: string; kw: number }[] = [];
  const unbound: string[] = [];
  let flagged = 0;
  if (!at || !READING_CNS.has(cn)) return { at, values, unbound, flagged };
  for (const [code, fields] of Object.entries(frame.cp)) {
    if (typeof fields === 'string') continue;
    const meter = byCode.get(code);
    if (!meter) {
      unbound.push(code);
      continue;
    }
    const raw = cn === '2011' ? fields.Rtd : (fields.Avg ?? fields.Rtd);
    const kw = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(kw) || kw < 0) continue;
    const flag = fields.Flag?.trim();
    if (flag && flag.toUpperCase() !== 'N') {
      flagged++;
      continue;
    }
    values.push({ meterId: meter.id, kw });
  }
  return { at, values, unbound, flagged };
}

/**
 * The ingest hook (monitoring/ingest.ts storeBatch): takes the frames of unregistered MNs, refuses
 * (in `out`) those of a meter logger with a wrong password, and returns the frames still unknown
 * (for quarantine) with `store`, which writes the meter loggers' frames in the batch transaction.
 * A batch without unregistered MNs costs nothing; otherwise one indexed query by MN.
 */
export async function meterFrames<U extends Candidate>(
  db: Db,
  items: readonly IngestItem[],
  unknown: U[],
  out: IngestOutcome[],
): Promise<{ unknown: U[]; claimed: number; store(tx: Tx): Promise<void> }> {
  const none = { unknown, claimed: 0, store: async () => {} };
  if (unknown.length === 0) return none;
  const rows = await db
    .select({
      id: electricityMeters.id,
      mn: electricityMeters.hj212Mn,
      code: electricityMeters.hj212Code,
      password: electricityMeters.hj212Password,
    })
    .from(electricityMeters)
    .where(inArray(electricityMeters.hj212Mn, [...new Set(unknown.map((u) => u.row.mn))]));
  if (rows.length === 0) return none;
  const byMn = new Map<string, MeterBinding[]>();
  for (const r of rows) {
    if (!r.mn || !r.code) continue;
    byMn.set(r.mn, [...(byMn.get(r.mn) ?? []), { id: r.id, code: r.code, password: r.password ?? '' }]);
  }
  const rest: U[] = [];
  const mine: { u: U; bindings: MeterBinding[] }[] = [];
  for (const u of unknown) {
    const bindings = byMn.get(u.row.mn);
    if (!bindings) rest.push(u);
    else if ((items[u.i]!.frame.header.PW ?? '') !== bindings[0]!.password) {
      hj212MeterStats.refused++;
      out[u.i] = { kind: 'refused', reason: 'bad-password' };
    } else mine.push({ u, bindings });
  }
  return {
    unknown: rest,
    claimed: mine.length,
    async store(tx) {
      for (const { u, bindings } of mine) {
        hj212MeterStats.frames++;
        const inserted = await tx
          .insert(monitoringFrames)
          .values(u.row)
          .onConflictDoNothing()
          .returning({ id: monitoringFrames.id });
        if (inserted.length === 0) {
          hj212MeterStats.duplicates++;
          out[u.i] = { kind: 'meter', duplicate: true, readings: 0, unbound: [] };
          continue;
        }
        const { at, values, unbound, flagged } = powerValues(items[u.i]!.frame, bindings);
        let readings = 0;
        if (at)
          for (const v of values) if ((await storeReading(tx, v.meterId, { at, kw: v.kw })) === 'stored') readings++;
        hj212MeterStats.readings += readings;
        hj212MeterStats.unboundValues += unbound.length;
        hj212MeterStats.flagged += flagged;
        out[u.i] = { kind: 'meter', duplicate: false, readings, unbound };
      }
    },
  };
}

/** How far back binding a code replays the archived frames: R1–R5 look back 6 hours (service.ts). */
export const REPLAY_WINDOW_MS = 2 * 86_400_000;
const REPLAY_MAX_FRAMES = 5_000;

/**
 * After a meter is bound to a logger and code: the frames that logger sent in the last two days
 * (archived, with the code perhaps unbound then, or the MN still unknown and in quarantine) become
 * the meter's readings. Repeated instants add nothing, so replaying twice is harmless.
 */
export async function replayMeterFrames(db: Db, meterId: string, now = new Date()): Promise<number> {
  const [m] = await db.select().from(electricityMeters).where(eq(electricityMeters.id, meterId));
  if (!m?.hj212Mn || !m.hj212Code) return 0;
  const frames = await db
    .select({ raw: monitoringFrames.raw })
    .from(monitoringFrames)
    .where(
      and(
        eq(monitoringFrames.mn, m.hj212Mn),
        isNull(monitoringFrames.stationId),
        inArray(monitoringFrames.cn, [...READING_CNS]),
        gte(monitoringFrames.receivedAt, new Date(now.getTime() - REPLAY_WINDOW_MS)),
      ),
    )
    .orderBy(asc(monitoringFrames.id))
    .limit(REPLAY_MAX_FRAMES);
  const binding = [{ id: m.id, code: m.hj212Code, password: '' }];
  const points = frames.flatMap((f) => {
    const { at, values } = powerValues(decodeFrame(utf8Encode(f.raw), { lenient: true }), binding);
    return at ? values.map((v) => ({ at, kw: v.kw })) : [];
  });
  if (points.length === 0) return 0;
  return db.transaction(async (tx) => {
    let n = 0;
    for (const p of points) if ((await storeReading(tx, m.id, p)) === 'stored') n++;
    return n;
  });
}

/**
 * The raw frames of the logger a meter reports through, newest first, received in a window (the
 * caller bounds it: at most 31 days): the evidence behind its HJ 212 readings, as a station's raw
 * frames are behind its readings. The frame is the logger's, so it also carries the codes of the
 * logger's other meters — all of the same enterprise (bindHj212 refuses a logger shared across
 * enterprises). An enterprise sees only its own meters' (getMeter); a meter bound to no logger has none.
 */
export async function listMeterFrames(
  db: Db,
  user: SessionUser | null,
  meterId: string,
  page: PageRequest,
  window: { from: Date; to: Date },
) {
  const meter = await getMeter(db, user, meterId);
  const mn = meter.hj212Mn;
  if (!mn) return { items: [] as StoredFrame[], total: 0, page: page.page, pageSize: page.pageSize };
  // a meter logger's frames are stored without a station (meterFrames above)
  return pageFrames(db, { loggerMn: mn }, page, window);
}
