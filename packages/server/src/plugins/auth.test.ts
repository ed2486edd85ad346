import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authPlugin,
  hashToken,
  IDLE_TIMEOUT_MS,
  SESSION_COOKIE,
  type SessionStore,
  type StoredSession,
} from './auth.ts';
import { errorsPlugin } from './errors.ts';

// The plugin decides who is signed in from whatever store it is given: no database, no tables.
function memoryStore(rows: StoredSession[]) {
  const byHash = new Map(rows.map((r) => [r.sessionId, r]));
  const calls = { touched: [] as string[], ended: [] as string[] };
  const store: SessionStore = {
    find: async (tokenHash) => byHash.get(tokenHash) ?? null,
    touch: async (id, at) => {
      calls.touched.push(id);
      const r = byHash.get(id);
      if (r) r.lastSeenAt = at;
    },
    end: async (id) => {
      calls.ended.push(id);
      byHash.delete(id);
    },
  };
  return { store, calls };
}

function session(token: string, over: Partial<StoredSession> = {}): StoredSession {
  const now = Date.now();
  return {
    id: `user-${token}`,
    username: `u-${token}`,
    displayName: '张三',
    roles: ['clerk'],
    enterpriseId: null,
    enterpriseName: null,
    sessionId: hashToken(token),
    csrfToken: `csrf-${token}`,
    mustChangePassword: false,
    lastSeenAt: new Date(now),
    createdAt: new Date(now),
    disabled: false,
    ...over,
  };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

let app: FastifyInstance;
let calls: ReturnType<typeof memoryStore>['calls'];
beforeAll(async () => {
  const mem = memoryStore([
    session('fresh'),
    session('stale', { lastSeenAt: minutesAgo(5) }),
    session('idle', { lastSeenAt: new Date(Date.now() - IDLE_TIMEOUT_MS - 60_000) }),
    session('disabled', { disabled: true }),
    session('old', { createdAt: minutesAgo(13 * 60), lastSeenAt: minutesAgo(1) }),
  ]);
  calls = mem.calls;
  app = Fastify({ logger: false });
  await app.register(errorsPlugin, {});
  await app.register(cookie);
  await app.register(authPlugin, { sessions: mem.store });
  app.get('/api/who', { config: { access: 'authenticated' } }, async (request) => ({ user: request.user }));
  app.get('/api/open', { config: { access: 'public' } }, async (request) => ({ signedIn: !!request.user }));
  app.post('/api/staff', { config: { access: ['leader'] } }, async () => ({ ok: true }));
  await app.ready();
});
afterAll(() => app.close());

const withCookie = (token: string) => ({ cookie: `${SESSION_COOKIE}=${token}` });

describe('auth plugin over an injected session store', () => {
  it('signs in the session the token hashes to, and records activity only once a minute has passed', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/who', headers: withCookie('fresh') });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: 'user-fresh', username: 'u-fresh', roles: ['clerk'] });
    expect(res.json().user).not.toHaveProperty('disabled');
    expect(calls.touched).not.toContain(hashToken('fresh'));

    await app.inject({ method: 'GET', url: '/api/who', headers: withCookie('stale') });
    expect(calls.touched).toContain(hashToken('stale'));
  });

  it('ends an idle session and one past its absolute lifetime, and says the session expired', async () => {
    for (const token of ['idle', 'old']) {
      const res = await app.inject({ method: 'GET', url: '/api/who', headers: withCookie(token) });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('AUTH_SESSION_EXPIRED');
      expect(calls.ended).toContain(hashToken(token));
    }
  });

  it("ends a disabled user's session; an unknown token is simply not signed in", async () => {
    const disabled = await app.inject({ method: 'GET', url: '/api/who', headers: withCookie('disabled') });
    expect(disabled.statusCode).toBe(401);
    expect(disabled.json().code).toBe('AUTH_REQUIRED');
    expect(calls.ended).toContain(hashToken('disabled'));

    const unknown = await app.inject({ method: 'GET', url: '/api/open', headers: withCookie('nobody') });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ signedIn: false });
  });

  it('checks the CSRF token and the role after the store placed the user', async () => {
    const noToken = await app.inject({ method: 'POST', url: '/api/staff', headers: withCookie('fresh') });
    expect(noToken.json().code).toBe('CSRF_INVALID');
    const wrongRole = await app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: { ...withCookie('fresh'), 'x-csrf-token': 'csrf-fresh' },
    });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().code).toBe('FORBIDDEN_ROLE');
  });
});
