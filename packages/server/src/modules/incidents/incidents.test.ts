import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { checkConditions } from '../positive-list/service.ts';
import { positiveListRemovalProposals } from '../positive-list/tables.ts';
import { incidents } from './tables.ts';

let t: TestApp;
let officer: Client;
let clerk: Client;

const NO_SOURCE = ['permits-complete', 'no-penalty-2y', 'monitoring-online'] as const;
const CONFIRMED = Object.fromEntries(NO_SOURCE.map((c) => [c, '2026 年现场核验许可证正本及台账']));

const body = (enterpriseId: string, over: Record<string, unknown> = {}) => ({
  enterpriseId,
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  level: 'general',
  title: '废水处理站调节池泄漏',
  description: '调节池池壁开裂，约 20 吨废水经雨水沟外溢',
  response: '企业封堵雨水排口，县局开展应急监测',
  reportSource: 'enterprise',
  ...over,
});

beforeAll(async () => {
  t = await buildTestApp();
  officer = await loginAs(t, ['inspector']);
  clerk = await loginAs(t, ['clerk']);
});
afterAll(() => t.close());

describe('incidents: registered for a listed firm', () => {
  it('proposes the firm’s removal from the positive list in the same step, audited', async () => {
    const firm = await makeEnterprise(t, { creditGrade: 'green' });
    const listed = await officer.request({
      method: 'POST',
      url: '/api/positive-list',
      payload: { enterpriseId: firm.id, category: 'key-field', confirmations: CONFIRMED, reason: '管理规范' },
    });
    expect(listed.statusCode, listed.body).toBe(201);
    const res = await officer.request({ method: 'POST', url: '/api/incidents', payload: body(firm.id) });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      enterpriseName: firm.name,
      levelLabel: '一般突发环境事件（Ⅳ级）',
      reportSourceLabel: '企业报告',
      status: 'open',
    });
    const [proposal] = await t.database.db
      .select()
      .from(positiveListRemovalProposals)
      .where(eq(positiveListRemovalProposals.sourceId, created.id));
    expect(proposal).toMatchObject({ trigger: 'incident', sourceType: 'incident', status: 'open' });
    expect(proposal!.summary).toContain('废水处理站调节池泄漏');
    expect(created.removalProposalId).toBe(proposal!.id);
    const open = (await officer.request({ method: 'GET', url: '/api/positive-list/proposals?status=open' })).json() as {
      items: { id: string; trigger: string; enterpriseName: string }[];
    };
    expect(open.items.find((p) => p.id === proposal!.id)).toMatchObject({
      trigger: 'incident',
      enterpriseName: firm.name,
    });
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['incident.create']);

    // the listing's checks now fail the incident condition, naming the record
    const checks = await checkConditions(t.database.db, firm.id);
    const c = checks.find((x) => x.condition === 'no-incident-2y')!;
    expect(c.status).toBe('failed');
    expect(c.records.map((r) => r.id)).toEqual([created.id]);

    // the incident counts in the risk score with its weight, link and source
    const risk = (await officer.request({ method: 'GET', url: `/api/risk/${firm.id}` })).json();
    const contrib = risk.contributions.find((x: { factor: string }) => x.factor === 'incidents');
    expect(contrib).toMatchObject({ count: 1, weight: 30, points: 30, hasSource: true });
    expect(contrib.records[0].link).toBe(`/staff/incidents/${created.id}`);
    expect(contrib.source).toContain('环发〔2013〕150号');
  });

  it('proposes nothing for a firm that is not listed', async () => {
    const firm = await makeEnterprise(t);
    const res = await officer.request({ method: 'POST', url: '/api/incidents', payload: body(firm.id) });
    expect(res.statusCode).toBe(201);
    expect(res.json().removalProposalId).toBeNull();
  });
});

describe('incidents: the positive list’s two-year window', () => {
  it('counts an incident on the first day of the window and not one a moment before it', async () => {
    const firm = await makeEnterprise(t);
    const insert = (occurredAt: string) =>
      t.database.db
        .insert(incidents)
        .values({
          enterpriseId: firm.id,
          occurredAt: new Date(occurredAt),
          level: 'general',
          title: `事件 ${occurredAt}`,
          description: '测试',
          reportSource: 'patrol',
          registeredByName: 'test',
        })
        .returning({ id: incidents.id });
    // decided on 2026-03-10 (Asia/Shanghai): the window opens 2024-03-10 00:00 +08:00
    const [before] = await insert('2024-03-09T23:59:59.999+08:00');
    let check = (await checkConditions(t.database.db, firm.id, '2026-03-10')).find(
      (c) => c.condition === 'no-incident-2y',
    )!;
    expect(check.status).toBe('passed');
    expect(check.evidence).toBe('2024-03-10 以来平台未登记该企业的突发环境事件');
    const [onTheDay] = await insert('2024-03-10T00:00:00+08:00');
    check = (await checkConditions(t.database.db, firm.id, '2026-03-10')).find(
      (c) => c.condition === 'no-incident-2y',
    )!;
    expect(check.status).toBe('failed');
    expect(check.records.map((r) => r.id)).toEqual([onTheDay!.id]);
    expect(check.records[0]!.label).toBe('2024-03-10 一般突发环境事件（Ⅳ级）：事件 2024-03-10T00:00:00+08:00');
    expect(check.records.map((r) => r.id)).not.toContain(before!.id);
  });
});

describe('incidents: edit, close, refuse', () => {
  it('edits an open incident with its version, closes it, and then keeps it as it is — each step audited', async () => {
    const firm = await makeEnterprise(t);
    const id = (await officer.request({ method: 'POST', url: '/api/incidents', payload: body(firm.id) })).json().id;
    const edited = await officer.request({
      method: 'PATCH',
      url: `/api/incidents/${id}`,
      payload: { level: 'larger', version: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ level: 'larger', levelLabel: '较大突发环境事件（Ⅲ级）', version: 2 });
    const stale = await officer.request({
      method: 'PATCH',
      url: `/api/incidents/${id}`,
      payload: { title: '旧版本', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('RECORD_CHANGED');
    const closed = await officer.request({
      method: 'POST',
      url: `/api/incidents/${id}/close`,
      payload: { outcome: '应急响应终止，企业完成池体修复', version: 2 },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', statusLabel: '已结束', closedByName: officer.username });
    const again = await officer.request({
      method: 'PATCH',
      url: `/api/incidents/${id}`,
      payload: { title: '再改', version: 3 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INCIDENT_CLOSED');
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityType, 'incident'), eq(auditEntries.entityId, id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['incident.close', 'incident.create', 'incident.update']);
    const upd = audit.find((a) => a.action === 'incident.update')!;
    expect(upd.before).toEqual({ level: 'general' });
    expect(upd.after).toEqual({ level: 'larger' });
  });

  it('refuses bad input in plain Chinese and stores nothing; a clerk may read but not register', async () => {
    const firm = await makeEnterprise(t);
    const bad = await officer.request({
      method: 'POST',
      url: '/api/incidents',
      payload: body(firm.id, { level: 'huge', occurredAt: '2026-13-01' }),
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['level', 'occurredAt']));
    expect(bad.json().errors.find((e: { path: string }) => e.path === 'level').message).toContain('一般');
    const future = await officer.request({
      method: 'POST',
      url: '/api/incidents',
      payload: body(firm.id, { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ code: 'INCIDENT_TIME', errors: [{ path: 'occurredAt' }] });
    expect((await clerk.request({ method: 'POST', url: '/api/incidents', payload: body(firm.id) })).statusCode).toBe(
      403,
    );
    const listed = (await clerk.request({ method: 'GET', url: `/api/incidents?enterpriseId=${firm.id}` })).json();
    expect(listed.total).toBe(0);
  });

  it('lists with filters and sorts by grade', async () => {
    const firm = await makeEnterprise(t);
    for (const level of ['major', 'general', 'larger'])
      await officer.request({ method: 'POST', url: '/api/incidents', payload: body(firm.id, { level }) });
    const bySeverity = (
      await clerk.request({ method: 'GET', url: `/api/incidents?enterpriseId=${firm.id}&sort=-level` })
    ).json();
    expect(bySeverity.items.map((i: { level: string }) => i.level)).toEqual(['major', 'larger', 'general']);
    const larger = (
      await clerk.request({ method: 'GET', url: `/api/incidents?enterpriseId=${firm.id}&level=larger` })
    ).json();
    expect(larger.total).toBe(1);
    const q = (await clerk.request({ method: 'GET', url: `/api/incidents?q=${encodeURIComponent(firm.name)}` })).json();
    expect(q.total).toBe(3);
  });
});

describe('incidents: enterprise B never reads A’s incidents', () => {
  it('lists and reads only its own, and cannot register or edit', async () => {
    const a = await makeEnterprise(t);
    const b = await makeEnterprise(t);
    const userA = await loginAs(t, ['enterprise'], a.id);
    const userB = await loginAs(t, ['enterprise'], b.id);
    const id = (await officer.request({ method: 'POST', url: '/api/incidents', payload: body(a.id) })).json().id;
    const listA = (await userA.request({ method: 'GET', url: '/api/incidents' })).json();
    expect(listA.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await userB.request({ method: 'GET', url: '/api/incidents' })).json().total).toBe(0);
    expect((await userB.request({ method: 'GET', url: `/api/incidents?enterpriseId=${a.id}` })).json().total).toBe(0);
    expect((await userA.request({ method: 'GET', url: `/api/incidents/${id}` })).statusCode).toBe(200);
    const refused = await userB.request({ method: 'GET', url: `/api/incidents/${id}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN_RECORD');
    expect(
      (await userA.request({ method: 'PATCH', url: `/api/incidents/${id}`, payload: { title: 'x', version: 1 } }))
        .statusCode,
    ).toBe(403);
    // on the firm's own file it sees the incident, without the console link
    const file = (await userA.request({ method: 'GET', url: `/api/enterprises/${a.id}/timeline` })).json();
    const entry = file.items.find((e: { kind: string }) => e.kind === 'incident');
    expect(entry).toMatchObject({ recordId: id, link: null });
    expect(entry.title).toBe('突发环境事件：废水处理站调节池泄漏（一般）');
  });
});
