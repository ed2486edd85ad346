import { shanghaiDateOf } from '@qingshan/core/calendar';
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
import { auditEntries } from '../audit/tables.ts';
import { getRule } from '../rules/service.ts';
import { rules, ruleVersions } from '../rules/tables.ts';
import { upgradePublicationRule } from './rules.ts';
import { inspectionDraws, inspectionObjects, inspectionPlans, inspectionResults, inspectors } from './tables.ts';

let t: TestApp;
let leader: Client;
let teamInspector: Client;
let outsider: Client;
let admin: Client;
const firms: { id: string; name: string; townCode: string }[] = [];
const inspectorIds: string[] = [];
let planId: string;
let drawId: string;
type Target = {
  enterpriseId: string;
  class: string;
  offSiteFirst: boolean;
  inspectors: { id: string; name: string }[];
};
let targets: Target[];

beforeAll(async () => {
  t = await buildTestApp();
  leader = await loginAs(t, ['leader']);
  teamInspector = await loginAs(t, ['inspector']);
  outsider = await loginAs(t, ['inspector']);
  admin = await loginAs(t, ['admin']);
  const towns = ['360322101', '360322102', '360322103'];
  for (let i = 0; i < 9; i++) firms.push(await makeEnterprise(t, { townCode: towns[i % 3] }));
});
afterAll(() => t.close());

/** The figures period of the draw's own day: drawn_at is the database's clock, not the tests' date. */
async function drawDay() {
  const d = (await leader.request({ method: 'GET', url: `/api/inspection-draws/${drawId}` })).json();
  const day = shanghaiDateOf(new Date(d.drawnAt as string));
  return `from=${day}&to=${day}`;
}

describe('inspections: libraries and plans', () => {
  it('keeps the object library with Jiangxi classes, each change moving its version', async () => {
    const classes = ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'c', 'special'];
    for (const [i, f] of firms.entries()) {
      const res = await leader.request({
        method: 'PUT',
        url: '/api/inspection-objects',
        payload: { enterpriseId: f.id, class: classes[i], basis: '测试分类' },
      });
      expect(res.statusCode).toBe(200);
    }
    const lib = (await leader.request({ method: 'GET', url: '/api/inspection-objects?pageSize=50' })).json();
    expect(lib.total).toBe(9);
    expect(lib.version).toBe(9);
    expect(lib.items.find((o: { enterpriseId: string }) => o.enterpriseId === firms[8]!.id).classLabel).toBe(
      '特殊监管对象',
    );
    const bad = await leader.request({
      method: 'PUT',
      url: '/api/inspection-objects',
      payload: { enterpriseId: firms[0]!.id, class: 'd', basis: 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps inspectors with their conflicts (回避) and own towns', async () => {
    const people = [
      { userId: teamInspector.userId, name: '执法甲', townCode: '360322101', conflicts: [] },
      {
        userId: null,
        name: '执法乙',
        townCode: null,
        conflicts: [{ enterpriseId: firms[8]!.id, kind: 'kin', note: '其弟在该企业任职' }],
      },
      { userId: null, name: '执法丙', townCode: '360322102', conflicts: [] },
      { userId: null, name: '执法丁', townCode: null, conflicts: [] },
    ];
    for (const p of people) {
      const res = await leader.request({ method: 'POST', url: '/api/inspectors', payload: { ...p, active: true } });
      expect(res.statusCode).toBe(201);
      inspectorIds.push(res.json().id);
    }
    const lib = (await leader.request({ method: 'GET', url: '/api/inspectors' })).json();
    expect(lib.version).toBe(4);
    const yi = lib.items.find((p: { name: string }) => p.name === '执法乙');
    expect(yi.conflicts[0]).toMatchObject({ enterpriseName: firms[8]!.name, kindLabel: '近亲属在该企业任职' });
    const unknownFirm = await leader.request({
      method: 'POST',
      url: '/api/inspectors',
      payload: {
        userId: null,
        name: '执法戊',
        townCode: null,
        active: true,
        conflicts: [{ enterpriseId: '00000000-0000-4000-8000-000000000001', kind: 'kin', note: 'x' }],
      },
    });
    expect(unknownFirm.statusCode).toBe(400);
    expect(unknownFirm.json().errors[0].path).toBe('conflicts.0.enterpriseId');
  });

  it('a quarterly plan takes the ratios of the rules in force', async () => {
    const res = await leader.request({
      method: 'POST',
      url: '/api/inspection-plans',
      payload: { name: '2026 年第二季度', year: 2026, period: 'quarter', quarter: 2 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      ratios: { a: 0.25, b: 0.125, c: 0.05, special: 1 },
      inspectorsPerTarget: 2,
      avoidOwnTown: true,
    });
    planId = res.json().id;
    const noQuarter = await leader.request({
      method: 'POST',
      url: '/api/inspection-plans',
      payload: { name: 'x', year: 2026, period: 'quarter', quarter: null },
    });
    expect(noQuarter.statusCode).toBe(400);
  });

  it('a plan not yet drawn can change, taking the rules in force again; audited', async () => {
    const made = await leader.request({
      method: 'POST',
      url: '/api/inspection-plans',
      payload: { name: '2026 年度（草稿）', year: 2026, period: 'quarter', quarter: 3 },
    });
    expect(made.json()).toMatchObject({ drawn: false, ratios: { b: 0.125 } });
    const res = await leader.request({
      method: 'PUT',
      url: `/api/inspection-plans/${made.json().id}`,
      payload: { name: '2026 年度双随机抽查计划', year: 2026, period: 'year', quarter: null },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '2026 年度双随机抽查计划', period: 'year', quarter: null });
    expect(res.json().ratios.b).toBe(0.5);
    const byInspector = await teamInspector.request({
      method: 'PUT',
      url: `/api/inspection-plans/${made.json().id}`,
      payload: { name: 'x', year: 2026, period: 'year', quarter: null },
    });
    expect(byInspector.statusCode).toBe(403);
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, made.json().id));
    expect(audit.map((a) => a.action)).toEqual(['inspection-plan.create', 'inspection-plan.update']);
  });
});

describe('inspections: the seeded draw', () => {
  it('draws with a recorded seed: ratios met, ≥ 2 inspectors per target, no conflicted inspector', async () => {
    const res = await leader.request({ method: 'POST', url: '/api/inspection-draws', payload: { planId } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    drawId = body.id;
    targets = body.targets;
    expect(body.seed).toMatch(/^[0-9a-f]{32}$/);
    // a: ceil(4 × 25 %) = 1, b: ceil(2 × 12.5 %) = 1, c: ceil(2 × 5 %) = 1, special: all
    expect(targets.map((x) => x.class).sort()).toEqual(['a', 'b', 'c', 'special']);
    for (const x of targets) {
      expect(new Set(x.inspectors.map((i) => i.id)).size).toBe(2);
      const firm = firms.find((f) => f.id === x.enterpriseId)!;
      if (firm.id === firms[8]!.id) expect(x.inspectors.map((i) => i.name)).not.toContain('执法乙');
      if (firm.townCode === '360322101') expect(x.inspectors.map((i) => i.name)).not.toContain('执法甲');
      if (firm.townCode === '360322102') expect(x.inspectors.map((i) => i.name)).not.toContain('执法丙');
    }
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, drawId));
    expect(audit[0]!.action).toBe('inspection-draw.create');
    // the audit page is read more widely than the list: it never holds the targets
    expect(JSON.stringify(audit[0]!.after)).not.toContain(targets[0]!.enterpriseId);
  });

  it('stays secret until publication: the team reads it, others are refused, every look audited', async () => {
    const drawer = await leader.request({ method: 'GET', url: `/api/inspection-draws/${drawId}` });
    expect(drawer.statusCode).toBe(200);
    expect(drawer.json()).toMatchObject({ status: 'drawn', poolSize: 9, inspectorPoolSize: 4 });
    const drawnMember = targets.some((x) => x.inspectors.some((i) => i.name === '执法甲'));
    const member = await teamInspector.request({ method: 'GET', url: `/api/inspection-draws/${drawId}` });
    expect(member.statusCode).toBe(drawnMember ? 200 : 403);
    const refused = await outsider.request({ method: 'GET', url: `/api/inspection-draws/${drawId}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('INSPECTION_DRAW_SECRET');
    const byAdmin = await admin.request({ method: 'GET', url: `/api/inspection-draws/${drawId}` });
    expect(byAdmin.statusCode).toBe(403);
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, drawId));
    const views = audit.filter((a) => a.action.startsWith('inspection-draw.view'));
    expect(views.filter((a) => a.action === 'inspection-draw.view-refused').length).toBe(drawnMember ? 2 : 3);
    expect(views.length).toBe(4);
    // the list of draws shows no targets
    const list = (await outsider.request({ method: 'GET', url: '/api/inspection-draws' })).json();
    expect(list.items[0]).not.toHaveProperty('targets');
  });

  it('figures count the drawn firms against the plan, naming none of them before publication', async () => {
    const period = await drawDay();
    const figs = (await leader.request({ method: 'GET', url: `/api/figures?${period}` })).json().figures as {
      key: string;
      value: number;
    }[];
    const value = (k: string) => figs.find((f) => f.key === k)?.value;
    expect(value('inspectionTargetsDrawn')).toBe(targets.length);
    expect(value('inspectionsDone')).toBe(0);
    const recs = (
      await outsider.request({ method: 'GET', url: `/api/figures/inspectionTargetsDrawn/records?${period}` })
    ).json();
    expect(recs.total).toBe(targets.length);
    expect(recs.items[0].title).toContain('2026 年第二季度');
    expect(JSON.stringify(recs)).not.toContain(targets[0]!.enterpriseId);
    expect(recs.items.every((r: { enterpriseName: string }) => r.enterpriseName === '（名单公开前保密）')).toBe(true);
  });

  it('a drawn plan stays as drawn: changing it is refused', async () => {
    const res = await leader.request({
      method: 'PUT',
      url: `/api/inspection-plans/${planId}`,
      payload: { name: '改名', year: 2026, period: 'year', quarter: null },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INSPECTION_PLAN_DRAWN');
    const plans = (await leader.request({ method: 'GET', url: '/api/inspection-plans' })).json();
    expect(plans.items.find((p: { id: string }) => p.id === planId)).toMatchObject({
      name: '2026 年第二季度',
      drawn: true,
    });
  });

  it('a drawn plan is not drawn again: the second draw is refused and nothing is recorded', async () => {
    const before = (await leader.request({ method: 'GET', url: '/api/inspection-draws' })).json().total;
    const res = await leader.request({ method: 'POST', url: '/api/inspection-draws', payload: { planId } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INSPECTION_PLAN_DRAWN');
    expect(res.json().detail).toMatch(/^该计划已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 抽取，同一计划不能再次抽取/);
    const after = (await leader.request({ method: 'GET', url: '/api/inspection-draws' })).json().total;
    expect(after).toBe(before);
  });

  it('replays to the same targets and inspectors, even after the libraries change', async () => {
    await leader.request({
      method: 'PUT',
      url: `/api/inspectors/${inspectorIds[3]}`,
      payload: { userId: null, name: '执法丁', townCode: null, active: false, conflicts: [] },
    });
    const res = await leader.request({ method: 'POST', url: `/api/inspection-draws/${drawId}/replay` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ reproduced: true, inputsHashMatches: true, objectsVersion: 9, inspectorsVersion: 4 });
    expect(body.targets).toEqual(targets);
    // every object's risk weight on the draw day is part of the recorded inputs (credit module's score)
    const [row] = await t.database.db.select().from(inspectionDraws).where(eq(inspectionDraws.id, drawId));
    for (const o of row!.inputs.objects) expect(o.riskWeight, o.id).toBeGreaterThanOrEqual(1);
    const inspectorReplay = await teamInspector.request({
      method: 'POST',
      url: `/api/inspection-draws/${drawId}/replay`,
    });
    expect(inspectorReplay.statusCode).toBe(403);
  });

  it('a replay shows when the recorded inputs were tampered with', async () => {
    const [row] = await t.database.db.select().from(inspectionDraws).where(eq(inspectionDraws.id, drawId));
    const inputs = row!.inputs;
    const tampered = { ...inputs, inspectors: inputs.inspectors.map((i) => ({ ...i, conflicts: [] })) };
    await t.database.db.update(inspectionDraws).set({ inputs: tampered }).where(eq(inspectionDraws.id, drawId));
    const res = await admin.request({ method: 'POST', url: `/api/inspection-draws/${drawId}/replay` });
    expect(res.json()).toMatchObject({ reproduced: false, inputsHashMatches: false });
    await t.database.db.update(inspectionDraws).set({ inputs }).where(eq(inspectionDraws.id, drawId));
    const back = await admin.request({ method: 'POST', url: `/api/inspection-draws/${drawId}/replay` });
    expect(back.json().reproduced).toBe(true);
  });

  it('refuses a draw when a firm cannot get two inspectors free of conflicts, and records nothing', async () => {
    // only 执法甲 (上栗镇), 乙 (conflicted with the special firm) and 丙 (桐木镇) stay active
    const before = (await leader.request({ method: 'GET', url: '/api/inspection-draws' })).json().total;
    await leader.request({
      method: 'PUT',
      url: `/api/inspectors/${inspectorIds[2]}`,
      payload: { userId: null, name: '执法丙', townCode: firms[8]!.townCode, active: true, conflicts: [] },
    });
    // a plan of its own: the seeded one is drawn already, and a plan is drawn once
    const fresh = await leader.request({
      method: 'POST',
      url: '/api/inspection-plans',
      payload: { name: '2026 年第二季度（补充）', year: 2026, period: 'quarter', quarter: 2 },
    });
    const res = await leader.request({
      method: 'POST',
      url: '/api/inspection-draws',
      payload: { planId: fresh.json().id },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('INSPECTION_DRAW_SHORT');
    expect(res.json().shortages.map((s: { enterpriseName: string }) => s.enterpriseName)).toContain(firms[8]!.name);
    const after = (await leader.request({ method: 'GET', url: '/api/inspection-draws' })).json().total;
    expect(after).toBe(before);
  });
});

describe('inspections: results published', () => {
  it('needs a result for every drawn firm and none for others; then the public sees them', async () => {
    const partial = await leader.request({
      method: 'POST',
      url: `/api/inspection-draws/${drawId}/results`,
      payload: {
        results: [
          { enterpriseId: targets[0]!.enterpriseId, inspectedOn: '2026-06-10', outcome: 'no-problem', summary: '正常' },
        ],
      },
    });
    expect(partial.statusCode).toBe(400);
    const notDrawn = firms.find((f) => !targets.some((x) => x.enterpriseId === f.id))!;
    const stranger = await leader.request({
      method: 'POST',
      url: `/api/inspection-draws/${drawId}/results`,
      payload: {
        results: [
          ...targets.map((x) => ({
            enterpriseId: x.enterpriseId,
            inspectedOn: '2026-06-10',
            outcome: 'no-problem',
            summary: '正常',
          })),
          { enterpriseId: notDrawn.id, inspectedOn: '2026-06-10', outcome: 'no-problem', summary: '正常' },
        ],
      },
    });
    expect(stranger.statusCode).toBe(400);
    const byOutsider = await outsider.request({
      method: 'POST',
      url: `/api/inspection-draws/${drawId}/results`,
      payload: {
        results: targets.map((x) => ({
          enterpriseId: x.enterpriseId,
          inspectedOn: '2026-06-10',
          outcome: 'no-problem',
          summary: '正常',
        })),
      },
    });
    expect(byOutsider.statusCode).toBe(403);
    const before = (await t.app.inject({ method: 'GET', url: '/api/public/inspection-results' })).json();
    expect(before.total).toBe(0);

    const ok = await leader.request({
      method: 'POST',
      url: `/api/inspection-draws/${drawId}/results`,
      payload: {
        results: targets.map((x, i) => ({
          enterpriseId: x.enterpriseId,
          inspectedOn: '2026-06-10',
          outcome: i === 0 ? 'problems-found' : 'no-problem',
          summary: i === 0 ? '台账不全，已责令改正' : '未发现问题',
        })),
      },
    });
    expect(ok.statusCode).toBe(204);
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/inspection-results?year=2026' })).json();
    expect(pub.total).toBe(targets.length);
    expect(pub.items.find((r: { outcome: string }) => r.outcome === 'problems-found')).toMatchObject({
      outcomeLabel: '发现问题，已责令整改',
      planName: '2026 年第二季度',
      publishedOnTime: true,
    });
    expect(JSON.stringify(pub)).not.toContain('执法');
    // published: every staff member may now read it, still audited
    expect((await outsider.request({ method: 'GET', url: `/api/inspection-draws/${drawId}` })).statusCode).toBe(200);
    const again = await leader.request({
      method: 'POST',
      url: `/api/inspection-draws/${drawId}/results`,
      payload: {
        results: targets.map((x) => ({
          enterpriseId: x.enterpriseId,
          inspectedOn: '2026-06-10',
          outcome: 'no-problem',
          summary: '正常',
        })),
      },
    });
    expect(again.statusCode).toBe(409);
    // done against drawn: every drawn firm now has its result, named in the drill-down
    const done = (
      await leader.request({ method: 'GET', url: `/api/figures/inspectionsDone/records?${await drawDay()}` })
    ).json();
    expect(done.total).toBe(targets.length);
    expect(done.items.map((r: { enterpriseId: string }) => r.enterpriseId).sort()).toEqual(
      targets.map((x) => x.enterpriseId).sort(),
    );
    expect(done.items[0]).toMatchObject({ date: '2026-06-10', link: `/staff/inspections/draws/${drawId}` });
  });
});

describe('the results’ time limit from before the publication clock', () => {
  it('is reshaped into the clock’s profile on start, keeping the bureau’s number of days', async () => {
    const db = t.database.db;
    const key = 'inspections.publish-within-working-days';
    await db.update(rules).set({ type: 'integer' }).where(eq(rules.key, key));
    await db.update(ruleVersions).set({ value: 15 }).where(eq(ruleVersions.ruleKey, key));
    await upgradePublicationRule(db);
    const [row] = await db.select({ type: rules.type }).from(rules).where(eq(rules.key, key));
    expect(row?.type).toBe('clock-profile');
    expect((await getRule(db, key)).value).toEqual({
      length: 15,
      unit: 'working',
      warnBefore: 3,
      direction: 'after-start',
    });
    // a second start changes nothing
    await upgradePublicationRule(db);
    expect((await getRule(db, key)).value).toMatchObject({ length: 15 });
  });
});

describe('inspections: the lists’ order', () => {
  it('lists objects by class, or by enterprise or last change, either way when asked', async () => {
    const tag = uniqueName('名录排序');
    const ids: string[] = [];
    // names the same but for the last letter, so any collation orders them A, B, C
    for (const [letter, cls, updatedAt] of [
      ['A', 'b', '2026-03-01T08:00:00+08:00'],
      ['B', 'a', '2026-03-03T08:00:00+08:00'],
      ['C', 'c', '2026-03-02T08:00:00+08:00'],
    ] as const) {
      const firm = await makeEnterprise(t, { name: `${tag}${letter}` });
      const res = await leader.request({
        method: 'PUT',
        url: '/api/inspection-objects',
        payload: { enterpriseId: firm.id, class: cls, basis: '排序' },
      });
      expect(res.statusCode, res.body).toBe(200);
      ids.push(res.json().id);
      await t.database.db
        .update(inspectionObjects)
        .set({ updatedAt: new Date(updatedAt) })
        .where(eq(inspectionObjects.id, res.json().id));
    }
    const [a, b, c] = ids as [string, string, string];
    const order = (sort: string) => idsInOrder(leader, `/api/inspection-objects?pageSize=200`, sort, ids);
    expect(await order('')).toEqual([b, a, c]);
    expect(await order('class')).toEqual([b, a, c]);
    expect(await order('-class')).toEqual([c, a, b]);
    expect(await order('enterprise')).toEqual([a, b, c]);
    expect(await order('-enterprise')).toEqual([c, b, a]);
    expect(await order('updatedAt')).toEqual([a, c, b]);
    expect(await order('-updatedAt')).toEqual([b, c, a]);
    expect((await leader.request({ method: 'GET', url: '/api/inspection-objects?sort=basis' })).statusCode).toBe(400);
  });

  it('lists draws newest first, or by plan, firms drawn or publication (unpublished last), either way when asked', async () => {
    const db = t.database.db;
    const tag = uniqueName('抽查排序');
    const [drawn] = await db.select().from(inspectionDraws).where(eq(inspectionDraws.id, drawId));
    const ids: string[] = [];
    // plan names the same but for the last letter, so any collation orders them A to D
    for (const [letter, drawnAt, count, publishedAt] of [
      ['C', '2026-02-01T08:00:00+08:00', 1, '2026-02-10T08:00:00+08:00'],
      ['A', '2026-02-02T08:00:00+08:00', 3, null],
      ['D', '2026-02-03T08:00:00+08:00', 4, '2026-02-06T08:00:00+08:00'],
      ['B', '2026-02-04T08:00:00+08:00', 2, '2026-02-08T08:00:00+08:00'],
    ] as const) {
      const plan = await leader.request({
        method: 'POST',
        url: '/api/inspection-plans',
        payload: { name: `${tag}${letter}`, year: 2026, period: 'quarter', quarter: 1 },
      });
      expect(plan.statusCode, plan.body).toBe(201);
      const { id: _, ...copy } = drawn!;
      const [row] = await db
        .insert(inspectionDraws)
        .values({
          ...copy,
          planId: plan.json().id,
          targets: Array.from({ length: count }, () => drawn!.targets[0]!),
          drawnAt: new Date(drawnAt),
          status: publishedAt ? 'published' : 'drawn',
          publishedAt: publishedAt ? new Date(publishedAt) : null,
        })
        .returning({ id: inspectionDraws.id });
      ids.push(row!.id);
    }
    const [d1, d2, d3, d4] = ids as [string, string, string, string];
    const order = (sort: string) => idsInOrder(leader, `/api/inspection-draws?pageSize=200`, sort, ids);
    expect(await order('')).toEqual([d4, d3, d2, d1]);
    expect(await order('-drawnAt')).toEqual([d4, d3, d2, d1]);
    expect(await order('drawnAt')).toEqual([d1, d2, d3, d4]);
    expect(await order('plan')).toEqual([d2, d4, d1, d3]);
    expect(await order('-plan')).toEqual([d3, d1, d4, d2]);
    expect(await order('targetCount')).toEqual([d1, d4, d2, d3]);
    expect(await order('-targetCount')).toEqual([d3, d2, d4, d1]);
    expect(await order('publishedAt')).toEqual([d3, d4, d1, d2]);
    expect(await order('-publishedAt')).toEqual([d1, d4, d3, d2]);
    expect((await leader.request({ method: 'GET', url: '/api/inspection-draws?sort=seed' })).statusCode).toBe(400);
  });

  it('lists inspectors by name, or by last change, either way when asked', async () => {
    const tag = uniqueName('执法排序');
    const ids: string[] = [];
    // names the same but for the last letter, so any collation orders them A, B, C
    for (const [letter, updatedAt] of [
      ['B', '2026-04-01T08:00:00+08:00'],
      ['C', '2026-04-03T08:00:00+08:00'],
      ['A', '2026-04-02T08:00:00+08:00'],
    ] as const) {
      const res = await leader.request({
        method: 'POST',
        url: '/api/inspectors',
        payload: { userId: null, name: `${tag}${letter}`, townCode: null, active: false, conflicts: [] },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
      await t.database.db
        .update(inspectors)
        .set({ updatedAt: new Date(updatedAt) })
        .where(eq(inspectors.id, res.json().id));
    }
    const [b, c, a] = ids as [string, string, string];
    const order = (sort: string) => idsInOrder(leader, '/api/inspectors?pageSize=200', sort, ids);
    expect(await order('')).toEqual([a, b, c]);
    expect(await order('name')).toEqual([a, b, c]);
    expect(await order('-name')).toEqual([c, b, a]);
    expect(await order('updatedAt')).toEqual([b, a, c]);
    expect(await order('-updatedAt')).toEqual([c, a, b]);
    expect((await leader.request({ method: 'GET', url: '/api/inspectors?sort=town' })).statusCode).toBe(400);
  });

  it('lists plans by period latest first (a year before its quarters), or by name or time made, either way when asked', async () => {
    const tag = uniqueName('计划排序');
    const ids: string[] = [];
    // names the same but for the last letter, so any collation orders them A to D
    for (const [letter, year, period, quarter, createdAt] of [
      ['B', 2041, 'quarter', 2, '2026-05-02T08:00:00+08:00'],
      ['D', 2040, 'quarter', 4, '2026-05-04T08:00:00+08:00'],
      ['A', 2041, 'year', null, '2026-05-03T08:00:00+08:00'],
      ['C', 2041, 'quarter', 1, '2026-05-01T08:00:00+08:00'],
    ] as const) {
      const res = await leader.request({
        method: 'POST',
        url: '/api/inspection-plans',
        payload: { name: `${tag}${letter}`, year, period, quarter },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
      await t.database.db
        .update(inspectionPlans)
        .set({ createdAt: new Date(createdAt) })
        .where(eq(inspectionPlans.id, res.json().id));
    }
    const [b, d, a, c] = ids as [string, string, string, string];
    const order = (sort: string) => idsInOrder(leader, '/api/inspection-plans?pageSize=200', sort, ids);
    expect(await order('')).toEqual([a, b, c, d]);
    expect(await order('-period')).toEqual([a, b, c, d]);
    expect(await order('period')).toEqual([d, c, b, a]);
    expect(await order('name')).toEqual([a, b, c, d]);
    expect(await order('-name')).toEqual([d, c, b, a]);
    expect(await order('createdAt')).toEqual([c, b, a, d]);
    expect(await order('-createdAt')).toEqual([d, a, b, c]);
    expect((await leader.request({ method: 'GET', url: '/api/inspection-plans?sort=year' })).statusCode).toBe(400);
  });

  it('lists public results latest published first, or by day inspected or firm, either way when asked', async () => {
    const db = t.database.db;
    const tag = uniqueName('公开排序');
    // a year of its own, so the year filter shows only these results
    const plan = await leader.request({
      method: 'POST',
      url: '/api/inspection-plans',
      payload: { name: tag, year: 2035, period: 'year', quarter: null },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const [drawn] = await db.select().from(inspectionDraws).where(eq(inspectionDraws.id, drawId));
    const { id: _, ...copy } = drawn!;
    const publish = async (publishedAt: string) =>
      (
        await db
          .insert(inspectionDraws)
          .values({
            ...copy,
            planId: plan.json().id,
            status: 'published',
            publishDueOn: null,
            publishedAt: new Date(publishedAt),
          })
          .returning({ id: inspectionDraws.id })
      )[0]!.id;
    const later = await publish('2035-03-10T09:00:00+08:00');
    const earlier = await publish('2035-03-05T09:00:00+08:00');
    // firms named the same but for the last letter, so any collation orders them A, B, C
    for (const [letter, draw, inspectedOn] of [
      ['A', later, '2035-02-20'],
      ['B', earlier, '2035-02-15'],
      ['C', later, '2035-02-25'],
    ] as const) {
      const firm = await makeEnterprise(t, { name: `${tag}${letter}` });
      await db
        .insert(inspectionResults)
        .values({ drawId: draw, enterpriseId: firm.id, inspectedOn, outcome: 'no-problem', summary: '未发现问题' });
    }
    const order = async (sort: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/public/inspection-results?year=2035${sort ? `&sort=${sort}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { enterpriseName: string }[]).map((r) => r.enterpriseName.slice(tag.length));
    };
    expect(await order('')).toEqual(['A', 'C', 'B']);
    expect(await order('-publishedOn')).toEqual(['A', 'C', 'B']);
    expect(await order('publishedOn')).toEqual(['B', 'A', 'C']);
    expect(await order('inspectedOn')).toEqual(['B', 'A', 'C']);
    expect(await order('-inspectedOn')).toEqual(['C', 'A', 'B']);
    expect(await order('enterprise')).toEqual(['A', 'B', 'C']);
    expect(await order('-enterprise')).toEqual(['C', 'B', 'A']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/inspection-results?sort=outcome' });
    expect(bad.statusCode).toBe(400);
  });
});
