import type { DecodedFrame } from '@qingshan/hj212';
import { parseDataTime } from '@qingshan/hj212';

// The checks a frame meets before any database is asked. Kept apart from ingest.ts so the ingest
// worker thread (ingest-worker.ts) can run them without loading Drizzle and the tables: every
// module that worker imports costs memory in the platform process (issue 11, idle RSS).

/** How the gateway decodes: every documented quirk, every CRC variant; the station's registration decides. */
export const GATEWAY_DECODE = { lenient: true, crcModes: ['modbus-le', 'modbus-be', 'none'] } as const;

/**
 * A frame the database cannot keep as sent: PostgreSQL text holds no NUL character, so its raw
 * evidence could never be stored. Refused before any transaction, so one such frame does not fail
 * the batch it would have joined (and cost every frame of it a retry of its own).
 */
export function unstorable(raw: string): 'nul-byte' | null {
  return raw.includes('\u0000') ? 'nul-byte' : null;
}

export function frameDataTime(frame: DecodedFrame): Date | null {
  const t = frame.get('DataTime');
  return t ? parseDataTime(t) : null;
}

/** The CRC verdict, with the Modbus variants this station is registered for (hj212.md §3). */
export function crcAccepted(frame: DecodedFrame, station: { crcModes: readonly string[] } | undefined): boolean {
  if (frame.crcValid) return true;
  const mode = frame.crc.mode;
  if (mode === null) return false;
  // repairs the lenient decoder accepted (lower case, short CRC) leave mode = 'hj212'
  if (mode === 'hj212') return true;
  return station?.crcModes.includes(mode) ?? false;
}
