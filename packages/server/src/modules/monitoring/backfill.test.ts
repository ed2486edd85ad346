import { describe, expect, it } from 'vitest';
import { BackfillLimiter, DEFAULT_BACKFILL_LIMITS, planBackfill } from './backfill.ts';

// The bounds on 补传 requests, without a gateway: periods capped, a station asked once per cool-down,
// the gateway's rate spent and refilled.

const at = (s: string) => new Date(s);

describe('planBackfill', () => {
  it('asks hours from the hour of the silence; days only when a Beijing midnight passed', () => {
    const sameDay = planBackfill(at('2026-06-15T09:40:00+08:00'), at('2026-06-15T13:05:00+08:00'));
    expect(sameDay.map((r) => [r.cn, r.begin.toISOString()])).toEqual([
      ['2061', at('2026-06-15T09:00:00+08:00').toISOString()],
    ]);
    // 21:30 → 00:30 Beijing lies in one UTC day (13:30–16:30): the Beijing day still ended for the logger
    const overMidnight = planBackfill(at('2026-06-15T21:30:00+08:00'), at('2026-06-16T00:30:00+08:00'));
    expect(overMidnight.map((r) => [r.cn, r.begin.toISOString()])).toEqual([
      ['2061', at('2026-06-15T21:00:00+08:00').toISOString()],
      ['2031', at('2026-06-15T00:00:00+08:00').toISOString()],
    ]);
    expect(planBackfill(at('2026-06-15T10:00:00+08:00'), at('2026-06-15T09:00:00+08:00'))).toEqual([]);
  });

  it('caps a long silence at 72 hours and 31 days back', () => {
    const now = at('2026-06-15T13:05:00+08:00');
    const [hours, days] = planBackfill(at('2026-01-01T00:00:00+08:00'), now);
    expect(hours?.begin.toISOString()).toBe(at('2026-06-12T13:00:00+08:00').toISOString());
    expect(days?.begin.toISOString()).toBe(at('2026-05-15T00:00:00+08:00').toISOString());
    expect(hours?.end).toEqual(now);
  });
});

describe('BackfillLimiter', () => {
  it('asks a station once per cool-down and spreads a reconnect storm at the set rate', () => {
    const limiter = new BackfillLimiter({ ...DEFAULT_BACKFILL_LIMITS, stationsPerSecond: 3 });
    const t0 = 1_000_000;
    expect(limiter.take('A', t0)).toBe(true);
    expect(limiter.take('A', t0 + 1000)).toBe(false);
    expect(limiter.take('A', t0 + DEFAULT_BACKFILL_LIMITS.stationCooldownMs + 1000)).toBe(true);

    const storm = new BackfillLimiter({ ...DEFAULT_BACKFILL_LIMITS, stationsPerSecond: 3 });
    const first = Array.from({ length: 10 }, (_, i) => storm.take(`S${i}`, t0)).filter(Boolean).length;
    expect(first).toBe(3);
    expect(storm.deferred).toBe(7);
    // a second later three more tokens: deferred stations get their turn on their next frame
    const second = Array.from({ length: 10 }, (_, i) => storm.take(`S${i}`, t0 + 1000)).filter(Boolean).length;
    expect(second).toBe(3);
  });
});
