import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
let officer: Client;
let a: { id: string; name: string };
let b: { id: string; name: string };
let userA: Client;

type Page = { items: { kind: string; title: string; link: string | null }[]; total: number; kinds: { kind: string }[] };

beforeAll(async () => {
  t = await buildTestApp();
  officer = await loginAs(t, ['inspector']);
  a = await makeEnterprise(t, { townCode: '360322102', location: { lat: 28.02, lng: 113.8 } });
  b = await makeEnterprise(t);
  userA = await loginAs(t, ['enterprise'], a.id);
  // a credit evaluation (the firm is told), a 12369 report naming it and the clue made of it (the bureau's own)
  await officer.request({
    method: 'POST',
    url: '/api/credit',
    payload: { enterpriseId: a.id, grade: 'blue', basis: '2025 年度评价：良好', ratedOn: '2026-03-31' },
  });
  const rep = await officer.request({
    method: 'POST',
    url: '/api/reports',
    payload: {
      channel: 'phone-12369',
      title: '夜间异味扰民',
      content: '厂区夜间有刺鼻气味，持续数小时',
      location: '桐木镇',
      anonymous: true,
      subjectEnterpriseId: a.id,
    },
  });
  const clue = await officer.request({ method: 'POST', url: `/api/clues/from-report/${rep.json().id}` });
  const { clue: c } = clue.json();
  await officer.request({
    method: 'POST',
    url: `/api/clues/${c.id}/match`,
    payload: { enterpriseId: a.id, version: c.version },
  });
});
afterAll(() => t.close());

describe('enterprise-file: one timeline from every module', () => {
  it('staff see credit, the report and the clue, newest first, filterable by kind', async () => {
    const res = await officer.request({ method: 'GET', url: `/api/enterprises/${a.id}/timeline` });
    expect(res.statusCode).toBe(200);
    const p = res.json() as Page;
    expect(p.items.map((i) => i.kind).sort()).toEqual(['clue', 'credit', 'report']);
    expect(p.items.find((i) => i.kind === 'clue')!.link).toMatch(/^\/staff\/clues\//);
    const only = (
      await officer.request({ method: 'GET', url: `/api/enterprises/${a.id}/timeline?kinds=credit` })
    ).json() as Page;
    expect(only.items.map((i) => i.kind)).toEqual(['credit']);
    const window = (
      await officer.request({ method: 'GET', url: `/api/enterprises/${a.id}/timeline?from=2026-01-01&to=2026-04-30` })
    ).json() as Page;
    expect(window.items.map((i) => i.kind)).toEqual(['credit']);
    const bad = await officer.request({
      method: 'GET',
      url: `/api/enterprises/${a.id}/timeline?from=2026-05-01&to=2026-04-30`,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('names the kinds and its own wording in the request’s language; what people typed is shown as typed', async () => {
    type Full = {
      items: { kind: string; kindLabel: string; title: string; detail: string }[];
      kinds: { kind: string; label: string }[];
    };
    const get = async (lang: string) =>
      (
        await officer.request({
          method: 'GET',
          url: `/api/enterprises/${a.id}/timeline`,
          headers: { 'accept-language': lang },
        })
      ).json() as Full;
    const zh = await get('zh-CN');
    const zhClue = zh.items.find((i) => i.kind === 'clue')!;
    expect(zhClue).toMatchObject({ kindLabel: '线索', title: '12369 举报线索' });
    expect(zhClue.detail).toBe('夜间异味扰民：厂区夜间有刺鼻气味，持续数小时；待核查');
    expect(zh.items.find((i) => i.kind === 'credit')!.title).toBe('环境信用评价：环保良好企业（蓝牌）');
    expect(zh.items.find((i) => i.kind === 'report')!.title).toBe('12369 举报：夜间异味扰民');
    expect(zh.kinds).toContainEqual({ kind: 'application', label: '办事申请' });
    expect(zh.kinds).toContainEqual({ kind: 'rating', label: '好差评' });

    const en = await get('en');
    const enClue = en.items.find((i) => i.kind === 'clue')!;
    expect(enClue).toMatchObject({ kindLabel: 'clue', title: 'Clue: 12369 report' });
    expect(enClue.detail).toBe('夜间异味扰民：厂区夜间有刺鼻气味，持续数小时; to verify');
    expect(en.items.find((i) => i.kind === 'credit')).toMatchObject({
      kindLabel: 'credit',
      title: 'Environmental credit: good (blue)',
      detail: '2025 年度评价：良好',
    });
    expect(en.items.find((i) => i.kind === 'report')!.title).toBe('12369 report: 夜间异味扰民');
    expect(en.kinds).toContainEqual({ kind: 'application', label: 'application' });
    expect(en.kinds).toContainEqual({ kind: 'rating', label: 'rating' });
    expect(JSON.stringify(en.kinds)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('names an application’s matter in English from its code, the stored name when renamed', async () => {
    const c = await makeEnterprise(t);
    const userC = await loginAs(t, ['enterprise'], c.id);
    const filed = await userC.request({
      method: 'POST',
      url: '/api/applications',
      payload: {
        matterCode: 'eia-report-form',
        projectName: '花炮原料仓库扩建项目',
        applicantName: '刘建国',
        applicantPhone: '13907990101',
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const title = async (lang: string) =>
      (
        (
          await officer.request({
            method: 'GET',
            url: `/api/enterprises/${c.id}/timeline?kinds=application`,
            headers: { 'accept-language': lang },
          })
        ).json() as Page
      ).items.map((i) => i.title);
    expect(await title('zh-CN')).toEqual(['建设项目环境影响报告表审批：花炮原料仓库扩建项目']);
    expect(await title('en')).toEqual(['Approval of an EIA report form: 花炮原料仓库扩建项目']);
    // filed under a name an admin gave the guide: its English name no longer fits
    await t.database.db.execute(
      sql`update applications set matter_name = '报告表审批（改名）' where id = ${filed.json().id}::uuid`,
    );
    expect(await title('en')).toEqual(['报告表审批（改名）: 花炮原料仓库扩建项目']);
  });

  it('exports the file as a Word document', async () => {
    const res = await officer.request({ method: 'GET', url: `/api/enterprises/${a.id}/timeline.docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(a.name);
    expect(xml).toContain('环保良好企业（蓝牌）');
  });
});

describe('enterprise-file: monitoring stations', () => {
  it('a station registered for the firm is on its file, with its data logger and last report', async () => {
    // registered "now" on the tests' fixed clock, which the database's own now() does not follow
    await t.database.db.execute(sql`insert into monitoring_stations (enterprise_id, name, mn, password, edition, outlet_kind, outlet_name, rtd_interval_seconds, min_interval_minutes, created_at)
      values (${b.id}::uuid, '生产废水总排口', 'EFTEST00000001', '123456', '2017', 'water', '废水总排口', 60, 10, ${new Date().toISOString()}::timestamptz)`);
    const p = (
      await officer.request({ method: 'GET', url: `/api/enterprises/${b.id}/timeline?kinds=station` })
    ).json() as Page;
    expect(p.items).toHaveLength(1);
    expect(p.items[0]).toMatchObject({ kind: 'station', title: '登记自动监控站点：生产废水总排口' });
    expect(p.items[0]!.link).toMatch(/^\/staff\/monitoring\/stations\//);
    expect((p.items[0] as { detail?: string }).detail).toBe(
      '数采仪编号 EFTEST00000001，排放口 废水总排口，尚未上报数据',
    );
  });
});

describe('enterprise-file: A sees its own file only, without the bureau’s records about it', () => {
  it('A’s view has its credit but neither the report nor the clue, and no staff links', async () => {
    const p = (await userA.request({ method: 'GET', url: `/api/enterprises/${a.id}/timeline` })).json() as Page;
    expect(p.items.map((i) => i.kind)).toEqual(['credit']);
    expect(p.items[0]!.link).toBeNull();
    expect(p.kinds.map((k) => k.kind)).not.toContain('report');
    const asked = (
      await userA.request({ method: 'GET', url: `/api/enterprises/${a.id}/timeline?kinds=report,clue` })
    ).json() as Page;
    expect(asked.items).toEqual([]);
  });

  it('A is refused B’s file and B’s document', async () => {
    expect((await userA.request({ method: 'GET', url: `/api/enterprises/${b.id}/timeline` })).statusCode).toBe(403);
    expect((await userA.request({ method: 'GET', url: `/api/enterprises/${b.id}/timeline.docx` })).statusCode).toBe(
      403,
    );
  });
});
