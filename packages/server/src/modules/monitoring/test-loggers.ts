import { expect } from 'vitest';
import type { Client } from '../../test/helpers.ts';

// Test support for the ingest tests (journal, ingest thread): loggers of their own, registered as
// stations over the API, so each test's frames meet the checks a real station's would.

/** MNs unique to this process and file: `prefix` (4 letters) + PID + a counter, 16 characters. */
export function loggerMns(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${String(process.pid % 1_000_000).padStart(6, '0')}${String(++n).padStart(6, '0')}`;
}

/** Registers a 2017 logger with password 123456 and one factor (a21026) for the enterprise. */
export async function registerLogger(
  staff: Client,
  enterpriseId: string,
  mn: string,
  name: string,
): Promise<{ id: string }> {
  const res = await staff.request({
    method: 'POST',
    url: '/api/monitoring/stations',
    payload: { enterpriseId, name, mn, password: '123456', edition: '2017', factors: [{ code: 'a21026' }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** Staff set a station's password over the API, as the registry edit page does. */
export async function setLoggerPassword(staff: Client, stationId: string, password: string): Promise<void> {
  const detail = (await staff.request({ method: 'GET', url: `/api/monitoring/stations/${stationId}` })).json();
  const res = await staff.request({
    method: 'PATCH',
    url: `/api/monitoring/stations/${stationId}`,
    payload: { version: detail.version, password },
  });
  expect(res.statusCode, res.body).toBe(200);
}
