import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { createUser } from '../modules/users/service.ts';
import { buildTestApp, type Client, loginAs, type TestApp, uniqueName } from '../test/helpers.ts';

// 等保 items: a wrong method is 405 with Allow; every error, including those Node's HTTP parser
// raises before a route is found (431), is problem+json; `%` and `_` in searches are literal.

let t: TestApp;
let admin: Client;
let port: number;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await loginAs(t, ['admin']);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d) => {
      out += d.toString('utf8');
    });
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('405 Method Not Allowed', () => {
  it('answers a known path with a wrong method as 405 problem+json listing the allowed methods', async () => {
    const res = await admin.request({ method: 'DELETE', url: '/api/users' });
    expect(res.statusCode).toBe(405);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    expect(res.json()).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED', title: '该接口不支持此请求方法' });
  });

  it('matches path parameters', async () => {
    const res = await admin.request({ method: 'PUT', url: '/api/enterprises/00000000-0000-4000-8000-000000000001' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, PATCH');
  });

  it('keeps 404 for a path that does not exist at all', async () => {
    const res = await admin.request({ method: 'DELETE', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('errors raised before routing are problem+json', () => {
  it('431 for oversized headers', async () => {
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/api/health', headers: { 'x-big': 'a'.repeat(20_000) } },
        (r) => {
          let body = '';
          r.on('data', (d) => {
            body += d;
          });
          r.on('end', () => resolve({ status: r.statusCode!, type: String(r.headers['content-type']), body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(431);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE', title: '请求头过大' });
  });

  it('400 for a malformed request line', async () => {
    const out = await rawRequest('GARBAGE\r\n\r\n');
    expect(out).toMatch(/^HTTP\/1\.1 400 /);
    expect(out).toContain('application/problem+json');
    expect(out).toContain('"code":"BAD_REQUEST"');
  });

  it('414 for a path id longer than the router takes, 400 for bad percent-encoding, in the asked language', async () => {
    const long = await admin.request({ method: 'GET', url: `/api/enterprises/${'x'.repeat(3000)}` });
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json()).toMatchObject({ status: 414, code: 'URI_TOO_LONG', title: '请求地址过长' });
    const en = await admin.request({
      method: 'GET',
      url: `/api/policies/${'x'.repeat(101)}/reach`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json()).toMatchObject({ status: 414, code: 'URI_TOO_LONG', title: 'The request URL is too long' });
    const bad = await admin.request({ method: 'GET', url: '/api/enterprises/%ZZ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });
});

describe('% and _ in searches match literally', () => {
  it('users: q=% finds only names containing a percent sign', async () => {
    const tag = uniqueName('pct');
    for (const displayName of [`${tag}100%达标`, `${tag}普通`, `${tag}a_b`, `${tag}axb`]) {
      await createUser(
        t.database.db,
        SYSTEM_ACTOR,
        { username: uniqueName('u'), displayName, roles: ['clerk'], enterpriseId: null },
        'Qingshan-Test-2020',
      );
    }
    const pct = await admin.request({ method: 'GET', url: `/api/users?q=${encodeURIComponent(`${tag}100%`)}` });
    expect(pct.json().items.map((u: { displayName: string }) => u.displayName)).toEqual([`${tag}100%达标`]);
    const all = await admin.request({ method: 'GET', url: `/api/users?q=${encodeURIComponent('%')}` });
    expect(all.json().items.every((u: { displayName: string; username: string }) => u.displayName.includes('%'))).toBe(
      true,
    );
    const under = await admin.request({ method: 'GET', url: `/api/users?q=${encodeURIComponent(`${tag}a_b`)}` });
    expect(under.json().items.map((u: { displayName: string }) => u.displayName)).toEqual([`${tag}a_b`]);
  });

  it('rules: q=_ matches no rule (no key or label has an underscore) instead of all of them', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/rules?q=_' });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });

  it('audit: actor=% matches no actor name instead of every entry', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/audit?actor=${encodeURIComponent('%')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });
});
