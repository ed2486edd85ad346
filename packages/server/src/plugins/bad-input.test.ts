import { translate } from '@qingshan/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { dbErrorToAppError, errorForLog } from '../db/errors.ts';
import { users } from '../modules/users/tables.ts';
import { openTestDatabase } from '../test/db.ts';
import {
  buildTestApp,
  type Client,
  loginAs,
  makeEnterprise,
  STRONG_PASSWORD,
  type TestApp,
  uniqueName,
} from '../test/helpers.ts';
import type { Role } from './auth.ts';

// Issue 14 #4: text the database cannot store (NUL) or that misleads readers, and dates that do
// not exist, are a 400 with the field named, on every route, never a 500.

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
};
type Operation = {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

const NUL = 'a\u0000b';
const NUL_MESSAGE = translate('text.nul', 'zh');

function isString(s: Schema | undefined): boolean {
  if (!s) return false;
  if (s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'))) return true;
  return [...(s.anyOf ?? []), ...(s.oneOf ?? [])].some(isString);
}

/** Every string field of a body schema as [path, body carrying NUL only there]. */
function stringFields(s: Schema | undefined, prefix: string[] = []): string[][] {
  if (!s) return [];
  const out: string[][] = [];
  for (const part of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) {
    out.push(...stringFields(part, prefix));
  }
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    if (isString(v)) out.push([...prefix, k]);
    else out.push(...stringFields(v, [...prefix, k]));
  }
  return out;
}

function bodyWith(path: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  let cur = body;
  for (const [i, k] of path.entries()) {
    if (i === path.length - 1) cur[k] = NUL;
    else {
      const next: Record<string, unknown> = {};
      cur[k] = next;
      cur = next;
    }
  }
  return body;
}

const SOME_ID = '00000000-0000-4000-8000-000000000001';

let t: TestApp;
const clients: Partial<Record<Role, Client>> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const ent = await makeEnterprise(t);
  clients.admin = await loginAs(t, ['admin']);
  clients.enterprise = await loginAs(t, ['enterprise'], ent.id);
  clients.citizen = await loginAs(t, ['citizen']);
});
afterAll(() => t.close());

function clientFor(method: string, url: string): Client | undefined {
  const route = t.app.routeTable.find((r) => r.method === method && r.url === url);
  const access = route?.access;
  if (access === 'public' || access === 'authenticated') return clients.admin;
  const role = (['admin', 'enterprise', 'citizen'] as const).find((r) => access?.includes(r));
  return role ? clients[role] : undefined;
}

describe('NUL in any string of any route', () => {
  it('every body field, query parameter and path parameter answers 400 naming the field', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const checked: string[] = [];
    const failures: string[] = [];
    for (const [oaPath, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const method = m.toUpperCase();
        const fastifyUrl = oaPath.replace(/\{(\w+)\}/g, ':$1');
        let client = clientFor(method, fastifyUrl);
        if (!client) {
          const access = t.app.routeTable.find((r) => r.method === method && r.url === fastifyUrl)?.access;
          client = await loginAs(t, [(access as Role[])[0]!]);
        }
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        const url = (nulParam?: string) =>
          oaPath.replace(/\{(\w+)\}/g, (_, name: string) => (name === nulParam ? 'a%00b' : SOME_ID));
        const cases: { label: string; send: () => Promise<{ statusCode: number; json(): unknown }>; path: string }[] =
          [];
        for (const name of pathParams) {
          cases.push({ label: `path ${name}`, path: name, send: () => client.request({ method, url: url(name) }) });
        }
        for (const p of (op.parameters ?? []).filter((p) => p.in === 'query')) {
          cases.push({
            label: `query ${p.name}`,
            path: p.name,
            send: () => client.request({ method, url: `${url()}?${p.name}=a%00b` }),
          });
        }
        const json = op.requestBody?.content?.['application/json']?.schema;
        for (const field of stringFields(json)) {
          cases.push({
            label: `body ${field.join('.')}`,
            path: field.join('.'),
            send: () => client.request({ method, url: url(), payload: bodyWith(field) }),
          });
        }
        for (const c of cases) {
          const res = await c.send();
          const body = res.json() as { code?: string; errors?: { path: string; message: string }[] };
          const named = body.errors?.some((e) => e.path === c.path && e.message === NUL_MESSAGE);
          if (res.statusCode !== 400 || body.code !== 'VALIDATION_FAILED' || !named) {
            failures.push(`${method} ${oaPath} ${c.label}: ${res.statusCode} ${JSON.stringify(body).slice(0, 200)}`);
          }
          checked.push(`${method} ${oaPath} ${c.label}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The walk really covered the routes the issue names.
    expect(checked).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login body username',
        'POST /api/auth/login body password',
        'POST /api/public/petitions body petitionerName',
        'POST /api/appointments body name',
        'GET /api/enterprises query q',
      ]),
    );
    expect(checked.length).toBeGreaterThan(150);
  });

  it('refuses lone surrogates, bidi overrides and names of zero-width characters', async () => {
    const cases = [
      ['\uD800x', 'text.surrogate'],
      ['正常\u202E名称', 'text.bidi'],
      ['\u200B\u200B\u200B', 'text.invisible'],
    ] as const;
    for (const [name, key] of cases) {
      const res = await clients.admin!.request({
        method: 'POST',
        url: '/api/enterprises',
        payload: { name, uscc: '91360322MA35L0B63X', address: 'x', townCode: '360322101', industryCode: '2672' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toContainEqual({ path: 'name', message: translate(key, 'zh') });
    }
  });
});

describe('bodies nested too deeply', () => {
  it('answer 400 naming where the nesting goes too deep, never a stack overflow (500), and create nothing', async () => {
    const before = await t.database.db.$count(users);
    const bodies = [
      `{"username":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`,
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    ];
    for (const payload of bodies) {
      const res = await clients.admin!.request({
        method: 'POST',
        url: '/api/users',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().errors).toHaveLength(1);
      expect(res.json().errors[0].message).toBe(translate('input.tooDeep', 'zh'));
    }
    expect(await t.database.db.$count(users)).toBe(before);
  });
});

describe('dates that do not exist', () => {
  it('answer 400 wherever a date comes in', async () => {
    const admin = clients.admin!;
    const urls = [
      '/api/reception/sessions?from=2020-02-30',
      '/api/visits/campaigns?from=2020-02-30',
      '/api/calendar/days/2020-02-30',
      '/api/calendar/add?from=2021-02-29&days=1',
      '/api/figures?from=2020-02-30',
    ];
    for (const url of urls) {
      const res = await admin.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
    const rule = await admin.request({
      method: 'PUT',
      url: '/api/rules/enterprise.import.max-rows',
      payload: { value: 100, effectiveFrom: '2020-02-30', reason: 'x', note: 'x' },
    });
    expect(rule.statusCode).toBe(400);
  });
});

describe('database refusals', () => {
  it('class 22 (data exception) maps to 400 and unique violations to the sequential code', async () => {
    const dateErr = await t.database.db.execute(sql`select ${'2020-02-30'}::date`).catch((e: unknown) => e);
    expect(dbErrorToAppError(dateErr)).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    const nulErr = await t.database.db.execute(sql`select ${NUL}::text`).catch((e: unknown) => e);
    expect(dbErrorToAppError(nulErr)?.status).toBe(400);

    const username = uniqueName('dup');
    await t.database.query(
      `insert into users (username, display_name, password_hash, roles) values ($1, $1, 'x', '{clerk}')`,
      [username],
    );
    const dupErr = await t.database.db
      .execute(
        sql`insert into users (username, display_name, password_hash, roles) values (${username}, ${username}, 'x', '{clerk}')`,
      )
      .catch((e: unknown) => e);
    expect(dbErrorToAppError(dupErr)).toMatchObject({ code: 'USERNAME_TAKEN', status: 409 });

    const fkErr = await t.database.db
      .execute(
        sql`insert into users (username, display_name, password_hash, roles, enterprise_id) values (${uniqueName('fk')}, 'x', 'x', '{enterprise}', ${SOME_ID})`,
      )
      .catch((e: unknown) => e);
    expect(dbErrorToAppError(fkErr)).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
  });

  it('answers an unexpected database error with 400/500 problem+json and logs no parameters', async () => {
    const lines: string[] = [];
    const database = await openTestDatabase();
    const config = loadConfig({ QINGSHAN_DATA_DIR: '/nonexistent', LOG_LEVEL: 'info', LOGIN_RATE_LIMIT: '10000' });
    const app = await buildApp({ config, database, logStream: { write: (l) => void lines.push(l) } });
    const secret = '13800138000张三';
    app.get('/api/test/bad-date', { config: { access: 'public' } }, async () =>
      database.db.execute(sql`select ${'2020-02-30'}::date, ${secret}::text`),
    );
    app.get('/api/test/broken', { config: { access: 'public' } }, async () =>
      database.db.execute(sql`select ${secret}::text from no_such_table`),
    );
    await app.ready();
    try {
      const bad = await app.inject({ method: 'GET', url: '/api/test/bad-date' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).not.toContain('select');
      const broken = await app.inject({ method: 'GET', url: '/api/test/broken' });
      expect(broken.statusCode).toBe(500);
      expect(broken.headers['content-type']).toContain('application/problem+json');
      expect(broken.body).not.toContain('no_such_table');
      const logged = lines.join('');
      expect(logged).toContain('42P01'); // the failure is logged …
      expect(logged).not.toContain(secret); // … without its parameters
      expect(logged).not.toContain('13800138000');
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('errorForLog keeps the SQLSTATE and drops message, params and detail', async () => {
    const err = await t.database.db.execute(sql`select ${'13900000000'}::date`).catch((e: unknown) => e);
    const logged = JSON.stringify(errorForLog(err));
    expect(logged).toContain('22');
    expect(logged).not.toContain('13900000000');
  });
});

describe('login with NUL', () => {
  it('is a 400, not a 500, and does not count as a failed sign-in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin\u0000', password: STRONG_PASSWORD },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ path: 'username', message: NUL_MESSAGE });
  });
});
