// 补传 (back-fill): when a logger comes back after a gap, the gateway asks it for the hours (2061)
// and days (2031) it could not deliver (hj212.md §4, 表 9 history requests with BeginTime/EndTime).
// Bounded three ways so a mass reconnect is not a request storm: each period is capped, a station
// is asked at most once per reconnect and once per cool-down across reconnects, and the whole
// gateway sends at most a given number of requests per second (the rest wait for their next frame).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Loggers keep their clock and their day in Beijing time (DataTime, 表 4). */
const CHINA_OFFSET = 8 * HOUR;

export type BackfillLimits = {
  /** hourly data asked for at most this far back: a logger's memory and a gateway's patience are finite */
  maxHours: number;
  /** daily data asked for at most this many days back */
  maxDays: number;
  /** one station is asked again only after this long, however often it reconnects */
  stationCooldownMs: number;
  /** the whole gateway sends at most this many stations' requests per second */
  stationsPerSecond: number;
};

export const DEFAULT_BACKFILL_LIMITS: BackfillLimits = {
  maxHours: 72,
  maxDays: 31,
  stationCooldownMs: 30 * 60_000,
  stationsPerSecond: 20,
};

export type BackfillRequest = { cn: '2061' | '2031'; begin: Date; end: Date };

const startOfChinaDay = (t: number) => Math.floor((t + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;

/**
 * What to ask a logger silent since `lastFrameAt`: the hours from the hour it fell silent, and —
 * when the gap crossed a midnight (Beijing time), so at least one day ended unreported — the days
 * from the day it fell silent. DataTime of 2061/2031 is the start of the period (表 4), so the
 * periods are aligned to hour and day starts. Each capped by `limits`.
 */
export function planBackfill(
  lastFrameAt: Date,
  now: Date,
  limits: Pick<BackfillLimits, 'maxHours' | 'maxDays'> = DEFAULT_BACKFILL_LIMITS,
): BackfillRequest[] {
  const last = lastFrameAt.getTime();
  const t = now.getTime();
  if (!(last < t)) return [];
  const out: BackfillRequest[] = [];
  const hourFloor = Math.floor(t / HOUR) * HOUR - limits.maxHours * HOUR;
  out.push({ cn: '2061', begin: new Date(Math.max(Math.floor(last / HOUR) * HOUR, hourFloor)), end: now });
  const today = startOfChinaDay(t);
  const silentDay = startOfChinaDay(last);
  if (silentDay < today)
    out.push({ cn: '2031', begin: new Date(Math.max(silentDay, today - limits.maxDays * DAY)), end: now });
  return out;
}

/**
 * The gateway-wide part of the bounds: a per-station cool-down and a token bucket of stations per
 * second. State lives in the gateway process; with several gateways (INGEST_BUS) each bounds its
 * own share, which is what protects its own sockets and the loggers behind them.
 */
export class BackfillLimiter {
  private readonly askedAt = new Map<string, number>();
  private tokens: number;
  private refilledAt: number;
  deferred = 0;

  constructor(private readonly limits: BackfillLimits = DEFAULT_BACKFILL_LIMITS) {
    this.tokens = limits.stationsPerSecond;
    this.refilledAt = 0;
  }

  /** Whether station `mn` may be asked now; if so, it is counted as asked. */
  take(mn: string, now: number): boolean {
    const last = this.askedAt.get(mn);
    if (last !== undefined && now - last < this.limits.stationCooldownMs) return false;
    const rate = this.limits.stationsPerSecond;
    this.tokens = Math.min(rate, this.tokens + ((now - this.refilledAt) / 1000) * rate);
    this.refilledAt = now;
    if (this.tokens < 1) {
      // not asked: the station's next frame tries again, so a storm drains at the set rate
      this.deferred++;
      return false;
    }
    this.tokens--;
    this.askedAt.set(mn, now);
    // bounded memory: entries past their cool-down say nothing any more
    if (this.askedAt.size > 50_000)
      for (const [k, at] of this.askedAt) if (now - at >= this.limits.stationCooldownMs) this.askedAt.delete(k);
    return true;
  }
}
