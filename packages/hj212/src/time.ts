/**
 * Times in HJ 212 are local wall-clock digits without a zone: `DataTime`, `SystemTime`, `BeginTime`… are
 * `YYYYMMDDhhmmss` (N14, 表 4) and QN is `YYYYMMDDhhmmsszzz` (表 3). Devices in China run on UTC+8, the default
 * offset here; pass another offset (minutes east of UTC) for other clocks.
 */

export const CHINA_OFFSET_MINUTES = 480;

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function shifted(t: Date | number, offsetMinutes: number): Date {
  const ms = typeof t === 'number' ? t : t.getTime();
  return new Date(ms + offsetMinutes * 60_000);
}

/** `YYYYMMDDhhmmss` (表 4 N14) of instant `t` in the zone `offsetMinutes` east of UTC. */
export function formatDataTime(t: Date | number, offsetMinutes = CHINA_OFFSET_MINUTES): string {
  const d = shifted(t, offsetMinutes);
  return (
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1, 2) +
    pad(d.getUTCDate(), 2) +
    pad(d.getUTCHours(), 2) +
    pad(d.getUTCMinutes(), 2) +
    pad(d.getUTCSeconds(), 2)
  );
}

/** QN `YYYYMMDDhhmmsszzz` (表 3) of instant `t`. */
export function formatQn(t: Date | number, offsetMinutes = CHINA_OFFSET_MINUTES): string {
  return formatDataTime(t, offsetMinutes) + pad(shifted(t, offsetMinutes).getUTCMilliseconds(), 3);
}

/**
 * Parses `YYYYMMDDhhmmss` or a 17-digit QN into an instant; `null` when the text is not a valid time of that
 * shape (never throws).
 */
export function parseDataTime(s: string, offsetMinutes = CHINA_OFFSET_MINUTES): Date | null {
  if ((s.length !== 14 && s.length !== 17) || !/^\d+$/.test(s)) return null;
  const y = Number(s.slice(0, 4));
  const mo = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  const h = Number(s.slice(8, 10));
  const mi = Number(s.slice(10, 12));
  const sec = Number(s.slice(12, 14));
  const ms = s.length === 17 ? Number(s.slice(14, 17)) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  const check = new Date(utc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null; // 20230231 and the like
  return new Date(utc - offsetMinutes * 60_000);
}

/**
 * Makes QNs that are unique per sender even when several requests go out in the same millisecond:
 * a QN identifies one command exchange (表 3), and devices match replies by it.
 */
export function createQnGenerator(now: () => number = Date.now, offsetMinutes = CHINA_OFFSET_MINUTES): () => string {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    let t = now();
    if (t <= last) t = last + 1;
    last = t;
    return formatQn(t, offsetMinutes);
  };
}
