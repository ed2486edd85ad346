import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, WebNotBuiltError } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { openTestDatabase } from '../test/db.ts';
import { ASSET_CACHE_CONTROL, HSTS, HTML_CACHE_CONTROL } from './web.ts';

// A stand-in for packages/web/dist: index.html and one hashed script with its .br and .gz.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-web-'));
const script = `console.log(${JSON.stringify('青山'.repeat(2000))});\n`;
fs.mkdirSync(path.join(root, 'assets'));
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
fs.writeFileSync(path.join(root, 'assets', 'index-AbC123.js'), script);
fs.writeFileSync(path.join(root, 'assets', 'index-AbC123.js.br'), zlib.brotliCompressSync(script));
fs.writeFileSync(path.join(root, 'assets', 'index-AbC123.js.gz'), zlib.gzipSync(script));

let database: Database;
const apps: Awaited<ReturnType<typeof buildApp>>[] = [];

async function appWith(trustProxy: boolean) {
  const config = loadConfig({
    QINGSHAN_DATA_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
    TRUST_PROXY: trustProxy ? '1' : '0',
  });
  const app = await buildApp({ config, database, logger: false, serveWeb: true, webRoot: root });
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);
afterAll(async () => {
  for (const a of apps) await a.close();
  await database.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('security headers over plain HTTP and over TLS', () => {
  it('over plain HTTP: no upgrade-insecure-requests, no HSTS (an intranet host would render blank)', async () => {
    const app = await appWith(false);
    for (const url of ['/', '/staff/worklist', '/api/health']) {
      const res = await app.inject({ url, headers: { host: 'qingshan.test:3000' } });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      // ignored there, with an error and a warning in the console of every page
      expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
      expect(res.headers['origin-agent-cluster']).toBeUndefined();
    }
  });

  it('on a loopback name, which browsers count as secure: COOP and Origin-Agent-Cluster, still no HSTS', async () => {
    const app = await appWith(false);
    for (const host of ['localhost:3000', '127.0.0.1:3000', 'LOCALHOST']) {
      const res = await app.inject({ url: '/', headers: { host } });
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['origin-agent-cluster']).toBe('?1');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    }
  });

  it('a forged X-Forwarded-Proto is ignored unless TRUST_PROXY is set', async () => {
    const app = await appWith(false);
    const res = await app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('behind a TLS proxy (TRUST_PROXY=1, X-Forwarded-Proto: https): both are sent', async () => {
    const app = await appWith(true);
    const https = await app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(String(https.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    expect(https.headers['strict-transport-security']).toBe(HSTS);
    const api = await app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(api.headers['strict-transport-security']).toBe(HSTS);
    expect(https.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(https.headers['origin-agent-cluster']).toBe('?1');
    // The same proxy forwarding plain http: neither.
    const http = await app.inject({ url: '/', headers: { 'x-forwarded-proto': 'http' } });
    expect(String(http.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('the built web app: precompressed and cached', () => {
  it('serves brotli, then gzip, then plain, each marked immutable for a year', async () => {
    const app = await appWith(false);
    const url = '/assets/index-AbC123.js';
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 3);

    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    expect(gz.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);

    const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('index.html, directly or as the SPA fallback, is revalidated every time', async () => {
    const app = await appWith(false);
    for (const url of ['/', '/staff/figures']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe(HTML_CACHE_CONTROL);
    }
  });

  it('a missing hashed asset is a 404, not index.html under a script name', async () => {
    const app = await appWith(false);
    const res = await app.inject({ url: '/assets/index-old999.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control']).not.toBe(ASSET_CACHE_CONTROL);
  });
});

describe('without a built web app (SERVE_WEB)', () => {
  const missing = path.join(os.tmpdir(), 'qs-web-never-built');

  it('refuses to start, naming the build and the switch, when the web is to be served', async () => {
    const config = loadConfig({ QINGSHAN_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
    const built = buildApp({ config, database, logger: false, serveWeb: true, webRoot: missing });
    await expect(built).rejects.toBeInstanceOf(WebNotBuiltError);
    await expect(built).rejects.toThrow(/npm run build -w packages\/web[\s\S]*SERVE_WEB=off/);
  });

  it('with SERVE_WEB=off: starts and answers the API, and / is a 404 rather than a page', async () => {
    const config = loadConfig({ QINGSHAN_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', SERVE_WEB: 'off' });
    const app = await buildApp({ config, database, logger: false, serveWeb: true, webRoot: missing });
    apps.push(app);
    await app.ready();
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    const page = await app.inject({ url: '/staff/worklist' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/problem\+json/);
  });
});
