import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { startClock } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const day = (s: string) => new Date(`${s}T10:00:00+08:00`);

describe('clock routes', () => {
  it('pauses, resumes and extends through the API, with a reason and an audit entry', async () => {
    const clerk = await loginAs(t, ['clerk']);
    const inspector = await loginAs(t, ['inspector']);
    // an owner without steps of its own: the generic routes may change its clock (a petition's may
    // not, see petitions.test.ts)
    const c = await startClock(t.database.db, SYSTEM_ACTOR, {
      ownerType: 'enquiry',
      ownerId: 'p-1',
      profileKey: 'petition.resolution',
      start: new Date(),
      title: '信访件 XF2026-001 办结期限',
      assigneeRole: 'clerk',
    });
    const list = (await clerk.request({ method: 'GET', url: '/api/clocks?ownerType=enquiry&ownerId=p-1' })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(list.items[0]).toMatchObject({
      dueDate: c.dueDate,
      state: 'running',
      profile: { length: 60, unit: 'calendar' },
    });

    expect(
      (await inspector.request({ method: 'POST', url: `/api/clocks/${c.id}/pause`, payload: { reason: 'hearing' } }))
        .statusCode,
    ).toBe(403);
    const badReason = await clerk.request({
      method: 'POST',
      url: `/api/clocks/${c.id}/pause`,
      payload: { reason: 'lunch' },
    });
    expect(badReason.statusCode).toBe(400);
    const paused = await clerk.request({
      method: 'POST',
      url: `/api/clocks/${c.id}/pause`,
      payload: { reason: 'hearing', note: '听证会' },
    });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ state: 'paused', pauses: [{ reason: 'hearing', note: '听证会', to: null }] });
    const twice = await clerk.request({
      method: 'POST',
      url: `/api/clocks/${c.id}/pause`,
      payload: { reason: 'hearing' },
    });
    expect(twice.json().code).toBe('CLOCK_STATE_CONFLICT');
    const resumed = await clerk.request({ method: 'POST', url: `/api/clocks/${c.id}/resume`, payload: {} });
    expect(resumed.json().state).toBe('running');

    const noReason = await clerk.request({ method: 'POST', url: `/api/clocks/${c.id}/extend`, payload: { days: 30 } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const ext = await clerk.request({
      method: 'POST',
      url: `/api/clocks/${c.id}/extend`,
      payload: { days: 30, reason: '情况复杂，经局长批准' },
    });
    expect(ext.statusCode).toBe(200);
    const due = new Date(`${c.dueDate}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 30);
    expect(ext.json().dueDate).toBe(due.toISOString().slice(0, 10));
    expect(ext.json().extensions[0]).toMatchObject({
      days: 30,
      approvedBy: clerk.username,
      reason: '情况复杂，经局长批准',
    });

    const admin = await loginAs(t, ['admin']);
    const audit = (await admin.request({ method: 'GET', url: `/api/audit?entityId=${c.id}` })).json();
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'clock.extend',
      'clock.pause',
      'clock.resume',
      'clock.start',
    ]);
    expect(
      (
        await clerk.request({
          method: 'POST',
          url: '/api/clocks/00000000-0000-4000-8000-000000000000/resume',
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
  });

  it('shows an enterprise user only clocks of their own enterprise', async () => {
    const mine = await makeEnterprise(t);
    const other = await makeEnterprise(t);
    const user = await loginAs(t, ['enterprise'], mine.id);
    const start = (enterpriseId: string, ownerId: string) =>
      startClock(t.database.db, SYSTEM_ACTOR, {
        ownerType: 'rating',
        ownerId,
        profileKey: 'rating.rectify',
        start: day('2026-11-02'),
        title: `差评整改 ${ownerId}`,
        enterpriseId,
      });
    const a = await start(mine.id, 'r-mine');
    const b = await start(other.id, 'r-other');
    const list = (await user.request({ method: 'GET', url: '/api/clocks?ownerType=rating' })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await user.request({ method: 'GET', url: `/api/clocks/${b.id}` })).json().code).toBe('FORBIDDEN_RECORD');
    expect((await user.request({ method: 'GET', url: `/api/clocks/${a.id}` })).json().dueDate).toBe(a.dueDate);
    expect(
      (await user.request({ method: 'POST', url: `/api/clocks/${a.id}/pause`, payload: { reason: 'other' } }))
        .statusCode,
    ).toBe(403);
  });
});
