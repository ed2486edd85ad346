import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  loginAs,
  makeEnterprise,
  makeUser,
  type TestApp,
  uniqueName,
} from './test/helpers.ts';

// 等保: lost updates on enterprises, users and windows are refused with RECORD_CHANGED. Each
// update carries the version the form loaded; an edit saved after someone else's answers 409 and
// changes nothing.

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await loginAs(t, ['admin']);
});
afterAll(() => t.close());

describe('stale edits are refused with RECORD_CHANGED', () => {
  it('enterprises', async () => {
    const e = await makeEnterprise(t);
    const url = `/api/enterprises/${e.id}`;
    const loaded = (await admin.request({ method: 'GET', url })).json();
    expect(loaded.version).toBe(1);
    const first = await admin.request({ method: 'PATCH', url, payload: { address: '第一处', version: 1 } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await admin.request({ method: 'PATCH', url, payload: { address: '第二处', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'RECORD_CHANGED' });
    expect((await admin.request({ method: 'GET', url })).json()).toMatchObject({ address: '第一处', version: 2 });
  });

  it('users', async () => {
    const u = await makeUser(t, ['clerk']);
    const url = `/api/users/${u.id}`;
    const first = await admin.request({ method: 'PATCH', url, payload: { displayName: '甲', version: 1 } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await admin.request({ method: 'PATCH', url, payload: { disabled: true, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'RECORD_CHANGED' });
    const list = (await admin.request({ method: 'GET', url: `/api/users?q=${u.username}` })).json();
    expect(list.items[0]).toMatchObject({ displayName: '甲', disabled: false, version: 2 });
  });

  it('window services', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/appointment-services',
      payload: { name: `窗口${uniqueName('')}`, location: '一楼' },
    });
    const s = created.json();
    expect(s.version).toBe(1);
    const url = `/api/appointment-services/${s.id}`;
    const first = await admin.request({ method: 'PATCH', url, payload: { location: '二楼', version: 1 } });
    expect(first.statusCode).toBe(200);
    const stale = await admin.request({ method: 'PATCH', url, payload: { active: false, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'RECORD_CHANGED' });
    const list = (await admin.request({ method: 'GET', url: '/api/appointment-services' })).json();
    expect(list.items.find((x: { id: string }) => x.id === s.id)).toMatchObject({
      location: '二楼',
      active: true,
      version: 2,
    });
  });

  it('an update without a version is a 400, not a silent overwrite', async () => {
    const e = await makeEnterprise(t);
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/enterprises/${e.id}`,
      payload: { address: '无版本' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'version' }));
  });
});
