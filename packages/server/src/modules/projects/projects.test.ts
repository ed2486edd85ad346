import { clockTitleInEnglish } from '@qingshan/core/clock-titles';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  idsInOrder,
  loginAs,
  makeEnterprise,
  type TestApp,
  uniqueName,
} from '../../test/helpers.ts';
import { clocks } from '../clocks/tables.ts';
import { rules, ruleVersions } from '../rules/tables.ts';
import { trackedProjects } from './tables.ts';

let t: TestApp;
let approver: Client;

beforeAll(async () => {
  t = await buildTestApp();
  approver = await loginAs(t, ['approver']);
});
afterAll(() => t.close());

async function project(enterpriseId: string, nextActionDate: string, over: Record<string, unknown> = {}) {
  const res = await approver.request({
    method: 'POST',
    url: '/api/projects',
    payload: {
      name: '年产 3000 万块页岩砖技改项目',
      enterpriseId,
      investment: 4800,
      townCode: '360322104',
      officerName: '陈涛',
      nextAction: '环评报告表编制进度调度',
      nextActionDate,
      ...over,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('tracked projects', () => {
  it('follows a project through its milestones with a contact log', async () => {
    const e = await makeEnterprise(t);
    const p = await project(e.id, '2099-01-01');
    expect(p.milestones.map((m: { key: string }) => m.key)).toEqual([
      'site',
      'eia',
      'permit',
      'construction',
      'acceptance',
      'operation',
    ]);
    expect(p.overdue).toBe(false);
    const noDate = await approver.request({
      method: 'POST',
      url: `/api/projects/${p.id}/milestones/site`,
      payload: { state: 'done', version: p.version },
    });
    expect(noDate.statusCode).toBe(400);
    // done is in the past; a contact in the log took place
    const doneLater = await approver.request({
      method: 'POST',
      url: `/api/projects/${p.id}/milestones/site`,
      payload: { state: 'done', date: '2999-01-01', version: p.version },
    });
    expect(doneLater.statusCode).toBe(400);
    expect(doneLater.json().errors).toEqual([{ path: 'date', message: '完成日期不能晚于今天' }]);
    const contactLater = await approver.request({
      method: 'POST',
      url: `/api/projects/${p.id}/contacts`,
      payload: { date: '2999-01-01', channel: 'phone', note: '约定下周调度' },
    });
    expect(contactLater.statusCode).toBe(400);
    let cur = p;
    for (const key of ['site', 'eia', 'permit', 'construction', 'acceptance', 'operation']) {
      const res = await approver.request({
        method: 'POST',
        url: `/api/projects/${p.id}/milestones/${key}`,
        payload: { state: 'done', date: '2025-03-01', version: cur.version },
      });
      expect(res.statusCode, res.body).toBe(200);
      cur = res.json();
    }
    expect(cur.status).toBe('completed');
    const stale = await approver.request({
      method: 'PATCH',
      url: `/api/projects/${p.id}`,
      payload: { nextAction: 'x', version: p.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('RECORD_CHANGED');
    const c = await approver.request({
      method: 'POST',
      url: `/api/projects/${p.id}/contacts`,
      payload: { date: '2025-03-02', channel: 'phone', note: '调度验收监测' },
    });
    expect(c.statusCode).toBe(201);
    const detail = (await approver.request({ method: 'GET', url: `/api/projects/${p.id}` })).json();
    expect(detail.contacts).toHaveLength(1);
    expect(detail.contacts[0].byName).toBeTruthy();
  });

  it('lists overdue next actions and keeps enterprises to their own projects', async () => {
    const e = await makeEnterprise(t);
    const late = await project(e.id, '2020-01-01');
    const list = (await approver.request({ method: 'GET', url: '/api/projects?overdue=true&pageSize=200' })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(late.id);
    expect(list.items.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
    const own = await loginAs(t, ['enterprise'], e.id);
    expect((await own.request({ method: 'GET', url: `/api/projects/${late.id}` })).statusCode).toBe(200);
    const other = await loginAs(t, ['enterprise'], (await makeEnterprise(t)).id);
    expect((await other.request({ method: 'GET', url: `/api/projects/${late.id}` })).statusCode).toBe(403);
    expect((await other.request({ method: 'GET', url: '/api/projects' })).json().total).toBe(0);
    const bad = await approver.request({
      method: 'POST',
      url: '/api/projects',
      payload: {
        name: 'x',
        enterpriseId: e.id,
        investment: -1,
        townCode: '999',
        officerName: 'a',
        nextAction: 'a',
        nextActionDate: '2025-1-1',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((x: { path: string }) => x.path)).toEqual(
      expect.arrayContaining(['investment', 'townCode', 'nextActionDate']),
    );
  });

  it('sorts by next action date (none last either way), by name or by investment, either way', async () => {
    const e = await makeEnterprise(t);
    const tag = uniqueName('项目排序');
    // names the same but for the last letter, so any collation orders them A, B, C
    const a = await project(e.id, '2099-03-01', { name: `${tag}A`, investment: 300 });
    const b = await project(e.id, '2099-01-01', { name: `${tag}B`, investment: 100 });
    const c = await project(e.id, '2099-02-01', { name: `${tag}C`, investment: 200 });
    await t.database.db.update(trackedProjects).set({ nextActionDate: null }).where(eq(trackedProjects.id, c.id));
    const ids = (sort: string) => idsInOrder(approver, `/api/projects?q=${encodeURIComponent(tag)}`, sort);
    expect(await ids('')).toEqual([b.id, a.id, c.id]);
    expect(await ids('nextActionDate')).toEqual([b.id, a.id, c.id]);
    expect(await ids('-nextActionDate')).toEqual([a.id, b.id, c.id]);
    expect(await ids('name')).toEqual([a.id, b.id, c.id]);
    expect(await ids('-name')).toEqual([c.id, b.id, a.id]);
    expect(await ids('investment')).toEqual([b.id, c.id, a.id]);
    expect(await ids('-investment')).toEqual([a.id, c.id, b.id]);
    expect((await approver.request({ method: 'GET', url: '/api/projects?sort=officerName' })).statusCode).toBe(400);
  });
});

describe('next action in the worklist', () => {
  it('an overdue next action is an overdue item in the officer’s worklist, and moves with the date', async () => {
    // the profile is a rule like every deadline; the bureau adds it (1 calendar day: due on the date itself)
    await t.database.db
      .insert(rules)
      .values({
        key: 'project.next-action',
        type: 'clock-profile',
        labelZh: '重大项目下一步工作',
        labelEn: 'tracked project: next action',
      })
      .onConflictDoNothing();
    await t.database.db
      .insert(ruleVersions)
      .values({
        ruleKey: 'project.next-action',
        version: 1,
        value: { length: 1, unit: 'calendar', warnBefore: 1, direction: 'after-start' },
        source: 'test',
        effectiveFrom: '2020-01-01',
        reason: 'test',
        createdByName: 'test',
      })
      .onConflictDoNothing();
    const e = await makeEnterprise(t);
    const res = await approver.request({
      method: 'POST',
      url: '/api/projects',
      payload: {
        name: '花炮产业园区集中药物配制中心',
        enterpriseId: e.id,
        investment: 12600,
        townCode: '360322101',
        officerUserId: approver.userId,
        officerName: '陈涛',
        nextAction: '排污许可申领指导',
        nextActionDate: '2025-03-10',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    const list = (await approver.request({ method: 'GET', url: '/api/worklist?pageSize=100' })).json();
    const [own] = await t.database.db.select().from(clocks).where(eq(clocks.ownerId, p.id));
    expect(own, JSON.stringify(p)).toBeTruthy();
    // its title is worded as the English switch knows it (seed/demo.test.ts checks the demo's others)
    expect(clockTitleInEnglish(own!.title), own!.title).not.toBeNull();
    const item = list.items.find((i: { ownerId: string }) => i.ownerId === p.id);
    expect(item).toMatchObject({ ownerType: 'tracked-project', dueDate: '2025-03-10', state: 'overdue' });
    const moved = await approver.request({
      method: 'PATCH',
      url: `/api/projects/${p.id}`,
      payload: { nextActionDate: '2099-06-01', version: p.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const all = await t.database.db.select().from(clocks).where(eq(clocks.ownerId, p.id));
    expect(all).toHaveLength(2);
    expect(all.filter((c) => c.completedAt === null)).toHaveLength(1);
    const after = (await approver.request({ method: 'GET', url: '/api/worklist?pageSize=100' })).json();
    const again = after.items.filter((i: { ownerId: string }) => i.ownerId === p.id);
    expect(again).toHaveLength(1);
    expect(again[0].dueDate).toBe('2099-06-01');
  });
});
