import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { openTestDatabase } from '../test/db.ts';

const TOKEN = 'scraper-token-0123456789';
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  database = await openTestDatabase();
  const config = loadConfig({ QINGSHAN_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', METRICS_TOKEN: TOKEN });
  app = await buildApp({ config, database, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('/metrics is not public', () => {
  it('answers a scraper on this machine', async () => {
    const res = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('qingshan_http_request_duration_seconds');
  });

  it('refuses another machine, and a request relayed by a local reverse proxy, with problem+json', async () => {
    for (const opts of [
      { remoteAddress: '192.168.1.20' },
      { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '192.168.1.20' } },
      { remoteAddress: '192.168.1.20', headers: { authorization: 'Bearer wrong-token-0123456789' } },
    ]) {
      const res = await app.inject({ method: 'GET', url: '/metrics', ...opts });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('METRICS_FORBIDDEN');
      expect(res.body).not.toContain('qingshan_');
    }
  });

  it('answers a remote scraper holding the token', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '192.168.1.20',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
  });
});
