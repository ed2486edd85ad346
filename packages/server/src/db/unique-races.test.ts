import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, freshUscc, loginAs, type TestApp, uniqueName } from '../test/helpers.ts';

// Issue 14 #5: two creates of the same username / USCC / window name at the same moment. On
// PostgreSQL both pass the service's "is it free?" check and the unique index refuses the second;
// that refusal must read exactly like the sequential duplicate (same status, code, field), never a
// 500 with SQL. On PGlite the requests are serialised, which exercises the sequential path: the
// expectations are the same on both engines.

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await loginAs(t, ['admin']);
});
afterAll(() => t.close());

async function race(n: number, send: () => Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const all = await Promise.all(Array.from({ length: n }, send));
  const statuses = all.map((r) => r.statusCode).sort();
  return { all, statuses };
}

describe('duplicate-key races', () => {
  it('same username created at once: one 201, the rest 409 USERNAME_TAKEN', async () => {
    const username = uniqueName('race');
    const { all, statuses } = await race(4, () =>
      admin.request({
        method: 'POST',
        url: '/api/users',
        payload: { username, displayName: '并发', roles: ['clerk'], enterpriseId: null },
      }),
    );
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const r of all.filter((r) => r.statusCode === 409)) {
      expect(r.json()).toMatchObject({ code: 'USERNAME_TAKEN', errors: [{ path: 'username' }] });
      expect(r.body).not.toMatch(/insert|users_username|constraint/i);
    }
  });

  it('same USCC created at once: the losers get ENTERPRISE_DUPLICATE_USCC naming the winner', async () => {
    const uscc = freshUscc();
    const { all, statuses } = await race(4, () =>
      admin.request({
        method: 'POST',
        url: '/api/enterprises',
        payload: {
          name: `并发企业${uniqueName('')}`,
          uscc,
          address: '上栗县上栗镇测试路1号',
          townCode: '360322101',
          industryCode: '2672',
        },
      }),
    );
    expect(statuses).toEqual([201, 409, 409, 409]);
    const winner = all.find((r) => r.statusCode === 201)!.json() as { id: string };
    for (const r of all.filter((r) => r.statusCode === 409)) {
      expect(r.json()).toMatchObject({ code: 'ENTERPRISE_DUPLICATE_USCC', existingId: winner.id });
      expect(r.body).not.toMatch(/insert|enterprises_uscc|constraint/i);
    }
  });

  it('same window name created at once: one 201, the rest 409 APPOINTMENT_SERVICE_DUPLICATE', async () => {
    const name = `并发窗口${uniqueName('')}`;
    const { all, statuses } = await race(4, () =>
      admin.request({
        method: 'POST',
        url: '/api/appointment-services',
        payload: { name, location: '政务服务中心二楼' },
      }),
    );
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const r of all.filter((r) => r.statusCode === 409)) {
      expect(r.json()).toMatchObject({ code: 'APPOINTMENT_SERVICE_DUPLICATE' });
    }
  });
});

describe('imports and jobs never show SQL', () => {
  async function startImport(csv: string) {
    const res = await admin.request({
      method: 'POST',
      url: '/api/enterprises/import',
      payload: Buffer.from(csv),
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode, res.body).toBe(202);
    return res.json().jobId as string;
  }

  it('two imports of the same new enterprises at once: each registered once, the loser rows say why', async () => {
    const rows = Array.from(
      { length: 15 },
      (_, i) => `并发导入企业${uniqueName('')}${i},${freshUscc()},上栗镇,上栗镇,2672`,
    );
    const csv = ['企业名称,统一社会信用代码,地址,乡镇,行业代码', ...rows].join('\n');
    const ids = await Promise.all([startImport(csv), startImport(csv)]);
    await Promise.all(t.jobs);
    const jobs = await Promise.all(
      ids.map(async (id) => (await admin.request({ method: 'GET', url: `/api/jobs/${id}` })).json()),
    );
    for (const job of jobs) {
      expect(job.status, JSON.stringify(job)).toBe('done');
      expect(JSON.stringify(job)).not.toMatch(/insert into|Failed query|params:/i);
    }
    const created = jobs.reduce((n, j) => n + j.result.created, 0);
    const updatedOrSame = jobs.reduce((n, j) => n + j.result.updated + j.result.unchanged, 0);
    const failed = jobs.flatMap((j) => j.result.errors as { reason: string }[]);
    expect(created).toBe(15);
    expect(created + updatedOrSame + failed.length).toBe(30);
    for (const f of failed) expect(f.reason).toContain('该统一社会信用代码已登记');
  });

  it('a cell with a NUL fails its row by the text rule, naming the column', async () => {
    const csv = ['企业名称,统一社会信用代码,地址,乡镇,行业代码', `坏\u0000名称,${freshUscc()},上栗镇,上栗镇,2672`].join(
      '\n',
    );
    const id = await startImport(csv);
    await Promise.all(t.jobs);
    const job = (await admin.request({ method: 'GET', url: `/api/jobs/${id}` })).json();
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ created: 0, failed: 1 });
    expect(job.result.errors[0].reason).toContain('空字符');
  });
});
