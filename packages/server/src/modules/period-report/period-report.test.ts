import { DEFAULT_CLOCK_PROFILES, toDayNumber, todayInShanghai } from '@qingshan/core';
import {
  previousMonth,
  type SlaDimension,
  type SlaMetric,
  type SlaOutcome,
  slaGroups,
} from '@qingshan/core/period-report';
import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
// jszip comes with exceljs (a dependency): it reads the .docx package the way Word does
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../platform/registry.ts';
import { DEFAULT_SESSION_LIFETIMES } from '../../plugins/auth.ts';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { applications, applicationVisits } from '../applications/tables.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { auditEntries } from '../audit/tables.ts';
import { getCalendar } from '../calendar/service.ts';
import { completeClock, evaluateRow, startClock } from '../clocks/service.ts';
import { clocks } from '../clocks/tables.ts';
import { deliveries, notificationPreferences } from '../notifications/tables.ts';
import type { JobRow } from '../scheduler/service.ts';
import { users } from '../users/tables.ts';
import { type DashboardFilter, dashboard, drillDown, slaTallies } from './dashboard.ts';
import { sendMonthlyReport } from './mailing.ts';
import { periodReportDrafts, periodReportMailings } from './tables.ts';

let t: TestApp;
let leader: Client;
let admin: Client;
let clerk: Client;
const ARTICLE = 'from=2020-01-01&to=2020-11-30';

beforeAll(async () => {
  t = await buildTestApp();
  leader = await loginAs(t, ['leader']);
  admin = await loginAs(t, ['admin']);
  clerk = await loginAs(t, ['clerk']);
});
afterAll(() => t.close());

async function documentXml(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

type Draft = {
  id: string;
  version: number;
  title: string;
  sections: { key: string; heading: string; sentences: { id: string; text: string; figures: { key: string }[] }[] }[];
};

describe('the period report', () => {
  it('drafts a period from the figures, each number tied to a figure the dashboard has', async () => {
    const res = await leader.request({ method: 'GET', url: `/api/period-report/draft?${ARTICLE}` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    // the article's own figures from the demo records are checked in figures/figures.test.ts
    expect(d.title).toBe('萍乡市上栗生态环境局“放管服”改革工作情况（2020年1月1日至2020年11月30日）');
    expect(d.sections.map((s: { key: string }) => s.key)).toEqual(['intro', 'fang', 'guan', 'fu', 'closing']);
    const keys = new Set(d.figures.map((f: { key: string }) => f.key));
    const stated = (d.sections as Draft['sections']).flatMap((s) =>
      s.sentences.flatMap((x) => x.figures.map((f) => f.key)),
    );
    for (const k of stated) expect(keys).toContain(k);
    // every registered figure with something to say is stated somewhere, by a template or in its
    // section's closing sentence; a count of 0 is worded (未/尚无) or left out, never linked as "0"
    const figures = d.figures as { key: string; value: number }[];
    for (const f of figures) if (f.value !== 0) expect(stated).toContain(f.key);
    for (const k of stated) expect(figures.find((f) => f.key === k)!.value).not.toBe(0);
    expect(d.figures.find((f: { key: string }) => f.key === 'eiaExemptions')).toMatchObject({ value: 0 });
    // a figure's source, shown beside each linked number, in English too
    expect(d.figures.find((f: { key: string }) => f.key === 'eiaExemptions')).toMatchObject({
      source: expect.stringContaining('第五条'),
      sourceEn: expect.stringContaining('(2021 edition), Art. 5; Jiangxi Province’s first list of exemptions (trial)'),
    });
  });

  it('a draft shows its author by display name; the audit trail keeps the login name', async () => {
    const author = await loginAs(t, ['leader']);
    await t.database.db.update(users).set({ displayName: '王局长' }).where(eq(users.id, author.userId));
    const created = await author.request({
      method: 'POST',
      url: '/api/period-report/drafts',
      payload: { from: '2020-01-01', to: '2020-01-31' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().createdByName).toBe('王局长');
    const [entry] = await t.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entityId, created.json().id))
      .orderBy(desc(auditEntries.seq))
      .limit(1);
    expect(entry!.actorName).toBe(author.username);
  });

  it('exports the drafted report as a .docx that opens as a Word package', async () => {
    const res = await leader.request({ method: 'GET', url: `/api/reports/period.docx?${ARTICLE}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('阶段报告'));
    const xml = await documentXml(res.rawPayload);
    expect(xml).toContain('截至11月30日尚未办理告知承诺制环评和环评豁免');
    expect(xml).toContain('三、提升“服”的质量');
  });

  it('refuses an unbounded or reversed period with a problem, and saves nothing', async () => {
    const before = await t.database.db.$count(periodReportDrafts);
    const long = await leader.request({ method: 'GET', url: '/api/reports/period.docx?from=2020-01-01&to=2099-12-31' });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('FIGURE_PERIOD_OUT_OF_RANGE');
    const early = await leader.request({
      method: 'POST',
      url: '/api/period-report/drafts',
      payload: { from: '1000-01-01', to: '2020-01-01' },
    });
    expect(early.statusCode).toBe(400);
    const reversed = await leader.request({
      method: 'POST',
      url: '/api/period-report/drafts',
      payload: { from: '2020-05-01', to: '2020-04-01' },
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].path).toBe('to');
    expect(reversed.json().errors[0].message).toBe('结束日期不能早于开始日期');
    expect(await t.database.db.$count(periodReportDrafts)).toBe(before);
  });

  it('refuses a reversed period on the draft, the .docx and the dashboard instead of answering zeros', async () => {
    for (const url of [
      '/api/period-report/draft?from=2020-05-01&to=2020-04-01',
      '/api/reports/period.docx?from=2020-05-01&to=2020-04-01',
      '/api/period-report/dashboard?from=2020-05-01&to=2020-04-01',
      '/api/period-report/dashboard/records?metric=completed&from=2020-05-01&to=2020-04-01',
      '/api/period-report/dashboard.xlsx?from=2020-05-01&to=2020-04-01',
      // a lone end before this year is a period of that year, not one running backwards
      '/api/period-report/dashboard?to=2020-04-01',
    ]) {
      const r = await leader.request({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      if (url.endsWith('dashboard?to=2020-04-01')) {
        expect(r.statusCode, url).toBe(200);
        expect(r.json().from, url).toBe('2020-01-01');
        continue;
      }
      expect(r.statusCode, url).toBe(400);
      expect(r.json().errors, url).toEqual([{ path: 'to', message: 'the end date cannot be before the start date' }]);
    }
  });

  it('answers a period in the year 9999 (no date ten years on) with the report, not a 500', async () => {
    for (const url of [
      '/api/period-report/draft?from=9999-12-31',
      '/api/period-report/dashboard?from=9990-01-01&to=9999-12-31',
      '/api/period-report/dashboard.xlsx?from=9999-12-31',
      '/api/reports/period.docx?from=9999-12-31',
    ]) {
      const r = await leader.request({ method: 'GET', url });
      expect(r.statusCode, `${url} ${r.body.slice(0, 300)}`).toBe(200);
    }
  });

  it('a saved draft is edited in versions, audited, and its edited text is what the .docx says', async () => {
    const created = await leader.request({
      method: 'POST',
      url: '/api/period-report/drafts',
      payload: { from: '2020-01-01', to: '2020-11-30' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const d: Draft = created.json();
    expect(d.version).toBe(1);
    const fang = d.sections.find((s) => s.key === 'fang')!;
    const edited = '截至11月30日，我局共计办理告知承诺制环评13个、环评豁免3个，企业办事更便捷。';
    const body = {
      version: 1,
      title: d.title,
      note: '领导修改',
      sections: d.sections.map((s) => ({
        key: s.key,
        heading: s.heading,
        sentences: s.sentences.map((x) => ({ id: x.id, text: x.id === 'fang.eia' ? edited : x.text })),
      })),
    };
    const put = await leader.request({ method: 'PUT', url: `/api/period-report/drafts/${d.id}`, payload: body });
    expect(put.statusCode, put.body).toBe(200);
    const after: Draft = put.json();
    expect(after.version).toBe(2);
    const sentence = after.sections.find((s) => s.key === 'fang')!.sentences.find((x) => x.id === 'fang.eia')!;
    expect(sentence.text).toBe(edited);
    // the figures a sentence states stay the drafted ones
    expect(sentence.figures).toEqual(fang.sentences.find((x) => x.id === 'fang.eia')!.figures);

    // a stale version is refused, and a client cannot slip figures in
    const stale = await leader.request({ method: 'PUT', url: `/api/period-report/drafts/${d.id}`, payload: body });
    expect(stale.statusCode).toBe(409);
    const forged = structuredClone(body) as { version: number; sections: { sentences: Record<string, unknown>[] }[] };
    forged.version = 2;
    forged.sections[0]!.sentences[0]!.figures = [{ key: 'x', value: 1 }];
    expect(
      (await leader.request({ method: 'PUT', url: `/api/period-report/drafts/${d.id}`, payload: forged })).statusCode,
    ).toBe(400);

    const versions = (
      await leader.request({ method: 'GET', url: `/api/period-report/drafts/${d.id}/versions` })
    ).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].note).toBe('领导修改');

    const audit = await t.database.db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(eq(auditEntries.entityId, d.id))
      .orderBy(auditEntries.seq);
    expect(audit.map((a) => a.action)).toEqual(['period-report.draft.create', 'period-report.draft.update']);

    const docx = await leader.request({ method: 'GET', url: `/api/period-report/drafts/${d.id}/report.docx` });
    expect(docx.statusCode).toBe(200);
    expect(await documentXml(docx.rawPayload)).toContain(edited);

    const list = (
      await admin.request({
        method: 'GET',
        url: '/api/period-report/drafts?from=2020-06-01&to=2020-06-30&sort=-period',
      })
    ).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(d.id);
    const none = (await admin.request({ method: 'GET', url: '/api/period-report/drafts?from=2021-01-01' })).json();
    expect(none.items.map((x: { id: string }) => x.id)).not.toContain(d.id);
  });

  it('only leaders write, and only leaders and the administrator read', async () => {
    expect((await clerk.request({ method: 'GET', url: `/api/period-report/dashboard?${ARTICLE}` })).statusCode).toBe(
      403,
    );
    expect((await clerk.request({ method: 'GET', url: `/api/reports/period.docx?${ARTICLE}` })).statusCode).toBe(403);
    const e = await makeEnterprise(t);
    const firm = await loginAs(t, ['enterprise'], e.id);
    expect((await firm.request({ method: 'GET', url: '/api/period-report/drafts' })).statusCode).toBe(403);
    const post = await admin.request({
      method: 'POST',
      url: '/api/period-report/drafts',
      payload: { from: '2020-01-01', to: '2020-01-31' },
    });
    expect(post.statusCode).toBe(403);
  });
});

describe('the leaders’ dashboard', () => {
  it('counts the clocks by desk, matter, town and industry; every number drills down to as many records', async () => {
    const e = await makeEnterprise(t);
    await t.database.db.transaction((tx) =>
      startClock(tx, SYSTEM_ACTOR, {
        ownerType: 'dashboard-test',
        ownerId: 'dashboard-test',
        profileKey: 'petition.resolution',
        start: new Date('2020-06-01T09:00:00+08:00'),
        title: '驾驶舱测试逾期件',
        assigneeRole: 'monitor',
        enterpriseId: e.id,
      }),
    );
    await t.database.db.transaction(async (tx) => {
      const c = await startClock(tx, SYSTEM_ACTOR, {
        ownerType: 'dashboard-test',
        ownerId: 'dashboard-test-done',
        profileKey: 'petition.resolution',
        start: new Date('2020-07-01T09:00:00+08:00'),
        title: '驾驶舱测试按时件',
        assigneeRole: 'clerk',
        enterpriseId: e.id,
      });
      await completeClock(tx, SYSTEM_ACTOR, c.id, new Date('2020-07-10T09:00:00+08:00'));
    });
    // given to a person, a clock counts at that person's desk, not as unassigned
    const inspector = await loginAs(t, ['inspector']);
    await t.database.db.transaction(async (tx) => {
      const c = await startClock(tx, SYSTEM_ACTOR, {
        ownerType: 'dashboard-test',
        ownerId: 'dashboard-test-person',
        profileKey: 'petition.resolution',
        start: new Date('2020-08-03T09:00:00+08:00'),
        title: '驾驶舱测试指派到人',
        assigneeUserId: inspector.userId,
        enterpriseId: e.id,
      });
      await completeClock(tx, SYSTEM_ACTOR, c.id, new Date('2020-08-05T09:00:00+08:00'));
    });
    const res = await leader.request({ method: 'GET', url: `/api/period-report/dashboard?${ARTICLE}` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.sla.desk.find((g: { value: string }) => g.value === 'inspector')).toMatchObject({
      label: '执法大队',
      completed: 1,
      onTime: 1,
    });
    expect(d.sla.desk.some((g: { value: string }) => g.value === '')).toBe(false);
    const person = (
      await leader.request({
        method: 'GET',
        url: `/api/period-report/dashboard/records?${ARTICLE}&metric=completed&dim=desk&value=inspector`,
      })
    ).json();
    expect(person.items.map((i: { title: string }) => i.title)).toEqual(['驾驶舱测试指派到人']);
    for (const dim of ['desk', 'matter', 'town', 'industry'] as const) {
      const sum = (k: string) => d.sla[dim].reduce((s: number, g: Record<string, number>) => s + g[k]!, 0);
      expect(sum('completed'), dim).toBe(d.totals.completed);
      expect(sum('overdue'), dim).toBe(d.totals.overdue);
    }
    expect(d.totals.completed).toBe(2);
    const monitor = d.sla.desk.find((g: { value: string }) => g.value === 'monitor');
    expect(monitor).toMatchObject({ label: '监控值守', overdue: 1 });
    const drill = (
      await leader.request({
        method: 'GET',
        url: `/api/period-report/dashboard/records?${ARTICLE}&metric=overdue&dim=desk&value=monitor`,
      })
    ).json();
    expect(drill.total).toBe(1);
    expect(drill.items[0]).toMatchObject({ title: '驾驶舱测试逾期件', outcome: 'open-overdue' });
    for (const metric of ['completed', 'onTime', 'overdue', 'decided', 'oneVisit'] as const) {
      const total = (
        await leader.request({
          method: 'GET',
          url: `/api/period-report/dashboard/records?${ARTICLE}&metric=${metric}&pageSize=1`,
        })
      ).json().total;
      expect(total, metric).toBe(d.totals[metric]);
    }
    // a town filter keeps only that town's clocks
    const town = (
      await leader.request({ method: 'GET', url: `/api/period-report/dashboard?${ARTICLE}&town=${e.townCode}` })
    ).json();
    expect(town.sla.town.map((g: { value: string }) => g.value)).toEqual([e.townCode]);
    const bad = await leader.request({
      method: 'GET',
      url: `/api/period-report/dashboard?${ARTICLE}&town=999&metric=x`,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the dashboard and a number’s records as xlsx', async () => {
    const res = await leader.request({ method: 'GET', url: `/api/period-report/dashboard.xlsx?${ARTICLE}` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按时办结', '一次办结']);
    expect(String(wb.worksheets[0]!.getCell('A2').value)).toMatch(/^办结 \d+ 件/);
    const rec = await leader.request({
      method: 'GET',
      url: `/api/period-report/dashboard/records.xlsx?${ARTICLE}&metric=overdue&dim=desk&value=monitor`,
    });
    expect(rec.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(rec.rawPayload as unknown as ArrayBuffer);
    expect(String(wb2.worksheets[0]!.getCell('B4').value)).toBe('驾驶舱测试逾期件');
  });
});

describe('the dashboard names matters in the request’s language', () => {
  it('groups by matter code with the Chinese name; a record’s title names a shipped matter in English', async () => {
    const e = await makeEnterprise(t);
    const decided = async (code: string, matterName: string, day: string) =>
      t.database.db.insert(applications).values({
        code,
        matterCode: 'eia-report-form',
        matterVersion: 1,
        matterName,
        enterpriseId: e.id,
        projectName: '语言测试项目',
        applicantName: '测试',
        applicantPhone: '13800000000',
        channel: 'online',
        status: 'approved',
        receivedAt: new Date('2023-03-01T09:00:00+08:00'),
        decidedAt: new Date(`2023-04-${day}T10:00:00+08:00`),
      });
    await decided('LANG-1', '建设项目环境影响报告表审批', '01');
    // filed after an admin renamed the guide: its English name no longer fits, the stored name is kept
    await decided('LANG-2', '报告表审批（改名）', '02');
    const q = 'from=2023-01-01&to=2023-12-31';
    const res = await leader.request({ method: 'GET', url: `/api/period-report/dashboard?${q}` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    // the web names the group from its code (core matterName); the server sends the guide's name
    expect(d.oneVisit.matter.find((g: { value: string }) => g.value === 'eia-report-form')).toMatchObject({
      label: '建设项目环境影响报告表审批',
      decided: 2,
    });
    const titles = async (lang: string) =>
      (
        await leader.request({
          method: 'GET',
          url: `/api/period-report/dashboard/records?${q}&metric=decided&dim=matter&value=eia-report-form`,
          headers: { 'accept-language': lang },
        })
      )
        .json()
        .items.map((i: { title: string }) => i.title);
    expect(await titles('zh-CN')).toEqual([
      'LANG-1 建设项目环境影响报告表审批：语言测试项目',
      'LANG-2 报告表审批（改名）：语言测试项目',
    ]);
    expect(await titles('en')).toEqual([
      'LANG-1 Approval of an EIA report form: 语言测试项目',
      'LANG-2 报告表审批（改名）: 语言测试项目',
    ]);
    // the export is Chinese whatever the language
    const rec = await leader.request({
      method: 'GET',
      url: `/api/period-report/dashboard/records.xlsx?${q}&metric=decided&dim=matter&value=eia-report-form`,
      headers: { 'accept-language': 'en' },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(rec.rawPayload as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]!.getCell('B4').value)).toBe('LANG-1 建设项目环境影响报告表审批：语言测试项目');
  });
});

describe('the dashboard judges clocks in SQL exactly as the clock module does', () => {
  // Plain clocks are judged by the query on the calendar's working-day index; paused ones, and
  // any the index cannot reach, by evaluateRow. Random clocks (starts across 2019–2029: holidays,
  // 调休 make-up days, provisional years, a year the calendar refuses) must get, clock by clock,
  // the outcome, due date and days evaluateRow gives them, and count the same in the tallies.
  it('outcome, due date and days agree clock by clock, in the drill-down and in the tallies', async () => {
    const db = t.database.db;
    const desk = 'dashboard-fuzz';
    const first = toDayNumber('2019-12-01');
    const last = toDayNumber('2029-06-30');
    const profiles = DEFAULT_CLOCK_PROFILES.filter((x) => x.direction === 'after-start' && x.binds !== 'party');
    const at = (day: number, hour: number) => new Date((day * 86_400 + hour * 3_600 - 8 * 3_600) * 1000);
    const drawn = fc.sample(
      fc.record({
        start: fc.integer({ min: first, max: last }),
        hour: fc.integer({ min: 0, max: 23 }),
        profile: fc.constantFrom(...profiles),
        extensions: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 2 }),
        pause: fc.option(
          fc.record({
            offset: fc.integer({ min: -3, max: 40 }),
            length: fc.integer({ min: 0, max: 30 }),
            open: fc.boolean(),
          }),
          { freq: 4 },
        ),
        completed: fc.option(fc.integer({ min: 0, max: 120 }), { freq: 3 }),
      }),
      { numRuns: 300, seed: 13 },
    );
    const inserted = await db
      .insert(clocks)
      .values(
        drawn.map((d, i) => ({
          ownerType: 'dashboard-fuzz',
          ownerId: String(i),
          profileKey: d.profile.key,
          ruleVersion: 1,
          profile: {
            key: d.profile.key,
            length: d.profile.length,
            unit: d.profile.unit,
            warnBefore: d.profile.warnBefore,
          },
          title: `随机期限 ${i}`,
          start: at(d.start, d.hour),
          pauses: d.pause
            ? [
                {
                  from: at(d.start + d.pause.offset, 9).toISOString(),
                  to: d.pause.open ? null : at(d.start + d.pause.offset + d.pause.length, 17).toISOString(),
                  reason: 'expert-review' as const,
                },
              ]
            : [],
          extensions: d.extensions.map((days) => ({
            days,
            approvedBy: '局长',
            reason: '测试',
            at: at(d.start, 12).toISOString(),
          })),
          completedAt: d.completed === null ? null : at(d.start + d.completed, 15),
          assigneeRole: desk,
        })),
      )
      .returning();
    const calendar = await getCalendar(db);
    const now = new Date();
    for (const period of [
      { from: '2020-01-01', to: '2029-12-31' },
      { from: '2025-01-01', to: '2025-12-31' },
    ]) {
      const [from, to] = [new Date(`${period.from}T00:00:00+08:00`), new Date(`${period.to}T24:00:00+08:00`)];
      const expected = new Map<string, { outcome: string; dueDate: string | null; days: number | null }>();
      for (const row of inserted) {
        const inPeriod = row.completedAt ? row.completedAt >= from && row.completedAt < to : row.start < to;
        if (!inPeriod) continue;
        let state = 'running';
        let dueDate: string | null = null;
        try {
          ({ state, dueDate } = evaluateRow(row, calendar, now));
        } catch {}
        const outcome =
          state === 'met' ? 'on-time' : state === 'missed' ? 'late' : state === 'overdue' ? 'open-overdue' : 'open';
        const days = row.completedAt
          ? Math.max(0, Math.round((row.completedAt.getTime() - row.start.getTime()) / 86_400_000))
          : null;
        expected.set(row.id, { outcome, dueDate, days });
      }
      const got = new Map<string, { outcome: string | null; dueDate: string | null; days: number | null }>();
      for (const metric of ['completed', 'overdue'] as const) {
        const { items, total } = await drillDown(db, period, {}, metric, 'desk', desk, { offset: 0, limit: 1000 });
        expect(items).toHaveLength(total);
        for (const r of items) got.set(r.id, { outcome: r.outcome, dueDate: r.dueDate, days: r.days });
      }
      const shown = [...expected].filter(([, e]) => e.outcome !== 'open');
      expect(shown.length).toBeGreaterThan(period.from === '2020-01-01' ? 100 : 10);
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(shown));
      const mine = (await slaTallies(db, period, {})).filter((r) => r.desk === desk);
      const rows = [...expected].map(([id, e]) => ({
        id,
        desk,
        matter: '',
        town: '',
        industry: '',
        outcome: e.outcome as SlaOutcome,
        days: e.days,
      }));
      expect(slaGroups(mine, null)).toEqual(slaGroups(rows, null));
    }
  });
});

describe('the dashboard’s numbers and their drill-downs agree', () => {
  // The dashboard counts in grouped SQL (tallies, the industry division taken once a group) and a
  // number's records are listed by drillDown; both read the same per-record queries (judgedSql,
  // oneVisitSql). Every number of every group must be the total its drill-down lists, and the
  // records seeded here, in towns no other test uses, must come out as counted by hand.
  it('group by group, for the clocks and for the decided applications', async () => {
    const db = t.database.db;
    const [t1, t2] = ['360322104', '360322105'];
    const e1 = await makeEnterprise(t, { townCode: t1, industryCode: 'C2672' });
    const e2 = await makeEnterprise(t, { townCode: t1, industryCode: '3011' });
    const e3 = await makeEnterprise(t, { townCode: t2, industryCode: '2672' });
    const working = DEFAULT_CLOCK_PROFILES.find((x) => x.key === 'eia.report-form.statutory')!;
    const calendar = DEFAULT_CLOCK_PROFILES.find((x) => x.unit === 'calendar' && !x.rollsOver && x.binds !== 'party')!;
    const desk = 'dashboard-agree';
    const at = (iso: string) => new Date(`${iso}+08:00`);
    const clock = (
      i: number,
      e: { id: string },
      prof: typeof working,
      start: string,
      completed: string | null,
      more: { pauses?: { from: string; to: string | null; reason: 'expert-review' }[]; extension?: number } = {},
    ) => ({
      ownerType: desk,
      ownerId: String(i),
      profileKey: prof.key,
      ruleVersion: 1,
      profile: { key: prof.key, length: prof.length, unit: prof.unit, warnBefore: prof.warnBefore },
      title: `核对期限 ${i}`,
      start: at(start),
      pauses: more.pauses ?? [],
      extensions: more.extension
        ? [{ days: more.extension, approvedBy: '局长', reason: '测试', at: at(start).toISOString() }]
        : [],
      completedAt: completed === null ? null : at(completed),
      assigneeRole: desk,
      enterpriseId: e.id,
    });
    const seeded = await db
      .insert(clocks)
      .values([
        clock(1, e1, working, '2021-03-01T09:00:00', '2021-03-02T09:00:00'), // on time
        clock(2, e2, working, '2021-03-01T09:00:00', '2021-12-01T09:00:00'), // late
        clock(3, e3, calendar, '2021-05-01T09:00:00', '2021-05-03T09:00:00'), // on time, calendar days
        clock(4, e3, working, '2021-06-01T09:00:00', null), // open and overdue
        clock(5, e1, working, '2021-07-01T09:00:00', '2021-08-20T09:00:00', {
          pauses: [
            {
              from: at('2021-07-02T09:00:00').toISOString(),
              to: at('2021-07-30T17:00:00').toISOString(),
              reason: 'expert-review',
            },
          ],
        }), // paused: judged by the clock module
        clock(6, e2, working, '2021-09-01T09:00:00', '2021-11-01T09:00:00', { extension: 20 }),
        clock(7, e1, working, '2021-12-20T09:00:00', '2022-01-20T09:00:00'), // completed after the period
      ])
      .returning();
    const matter = 'dashboard-agree';
    let n = 0;
    const application = async (e: { id: string }, decided: string | null, visits: number) => {
      n++;
      const [a] = await db
        .insert(applications)
        .values({
          code: `AGREE-${n}`,
          matterCode: matter,
          matterVersion: 1,
          matterName: '核对事项',
          enterpriseId: e.id,
          projectName: `核对项目 ${n}`,
          applicantName: '测试',
          applicantPhone: '13800000000',
          channel: 'online',
          status: decided ? 'approved' : 'accepted',
          receivedAt: at('2021-03-01T09:00:00'),
          decidedAt: decided ? at(decided) : null,
        })
        .returning();
      for (let v = 0; v < visits; v++)
        await db.insert(applicationVisits).values({ applicationId: a!.id, purpose: 'submit', recordedByName: '测试' });
      return a!.id;
    };
    const a1 = await application(e1, '2021-04-01T10:00:00', 0);
    const a2 = await application(e1, '2021-04-02T10:00:00', 2);
    const a3 = await application(e2, '2021-04-03T10:00:00', 1);
    const a4 = await application(e3, '2021-04-04T10:00:00', 1);
    const a5 = await application(e3, '2021-04-05T10:00:00', 3);
    await application(e3, '2022-01-05T10:00:00', 0); // decided after the period
    await application(e2, null, 1); // not decided

    const period = { from: '2021-01-01', to: '2021-12-31' };
    const page = { offset: 0, limit: 1000 };
    const ids = async (f: DashboardFilter, metric: SlaMetric, dim?: SlaDimension, value?: string) =>
      (await drillDown(db, period, f, metric, dim, value, page)).items.map((r) => r.id).sort();
    for (const f of [{}, { town: t1 }] satisfies DashboardFilter[]) {
      const d = await dashboard(db, period, f);
      for (const metric of ['completed', 'onTime', 'late', 'overdue', 'decided', 'oneVisit'] as const) {
        const { total } = await drillDown(db, period, f, metric, undefined, undefined, { offset: 0, limit: 1 });
        expect(total, `${JSON.stringify(f)} ${metric}`).toBe(d.totals[metric]);
      }
      for (const dim of ['desk', 'matter', 'town', 'industry'] as const) {
        for (const g of d.sla[dim]) {
          // completed is on time + late: its drill-down is checked in the totals above
          for (const metric of ['onTime', 'late', 'overdue'] as const) {
            const { total } = await drillDown(db, period, f, metric, dim, g.value, { offset: 0, limit: 1 });
            expect(total, `${JSON.stringify(f)} ${dim}=${g.value} ${metric}`).toBe(g[metric]);
          }
        }
      }
      for (const dim of ['matter', 'town', 'industry'] as const) {
        for (const g of d.oneVisit[dim]) {
          for (const metric of ['decided', 'oneVisit'] as const) {
            const { total } = await drillDown(db, period, f, metric, dim, g.value, { offset: 0, limit: 1 });
            expect(total, `${JSON.stringify(f)} ${dim}=${g.value} ${metric}`).toBe(g[metric]);
          }
        }
      }
    }

    // the seeded records, counted by hand
    const c = (i: number) => seeded[i - 1]!.id;
    const inT2 = await dashboard(db, period, { town: t2 });
    expect(inT2.totals).toMatchObject({ completed: 1, onTime: 1, late: 0, overdue: 1, decided: 2, oneVisit: 1 });
    expect(inT2.sla.industry).toMatchObject([{ value: '26', completed: 1, overdue: 1 }]);
    expect(await ids({ town: t2 }, 'overdue')).toEqual([c(4)]);
    const inT1 = await dashboard(db, period, { town: t1 });
    // C2672 and 3011: divisions 26 and 30 (the section letter dropped)
    expect(inT1.oneVisit.industry.map((g) => [g.value, g.decided, g.oneVisit])).toEqual([
      ['26', 2, 1],
      ['30', 1, 1],
    ]);
    expect(await ids({ town: t1 }, 'oneVisit', 'industry', '30')).toEqual([a3]);
    expect(await ids({}, 'decided', 'matter', matter)).toEqual([a1, a2, a3, a4, a5].sort());
    expect(await ids({}, 'oneVisit', 'matter', matter)).toEqual([a1, a3, a4].sort());
    expect(await ids({}, 'onTime', 'desk', desk)).toEqual(expect.arrayContaining([c(1), c(3)]));
    expect(await ids({}, 'late', 'desk', desk)).toEqual(expect.arrayContaining([c(2)]));
    const mine = [...(await ids({}, 'completed', 'desk', desk)), ...(await ids({}, 'overdue', 'desk', desk))];
    expect(mine.sort()).toEqual([c(1), c(2), c(3), c(4), c(5), c(6)].sort());
    const all = await dashboard(db, period, {});
    expect(all.oneVisit.matter.find((g) => g.value === matter)).toMatchObject({ decided: 5, oneVisit: 3 });
    expect(all.sla.desk.find((g) => g.value === desk)).toMatchObject({ completed: 5, overdue: 1 });
  });
});

describe('the monthly report e-mail', () => {
  it('sends last month’s report to every leader once, with the audit log’s head printed in it', async () => {
    await t.database.db
      .insert(notificationPreferences)
      .values({ userId: leader.userId, email: 'leader@example.org' })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: { email: 'leader@example.org' } });
    const [head] = await t.database.db.select().from(auditEntries).orderBy(desc(auditEntries.seq)).limit(1);
    const sent = await sendMonthlyReport(t.database.db, '2020-12-03');
    expect(sent).toMatchObject({
      status: 'sent',
      month: '2020-11',
      auditHeadSeq: head!.seq,
      auditHeadHash: head!.hash,
    });
    const [mail] = await t.database.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.kind, 'period-report.monthly'), eq(deliveries.target, 'leader@example.org')));
    expect(mail?.channel).toBe('email');
    expect(mail!.payload.title).toBe('【青山】2020年11月“放管服”工作月报');
    expect(mail!.payload.body).toContain(head!.hash);
    expect(mail!.payload.body).toContain('“放管服”改革工作情况（2020年11月1日至2020年11月30日）');
    // the e-mail stays Chinese; the inbox's English face has the platform's lines in English around the report
    const inbox = await leader.request({ method: 'GET', url: '/api/inbox?kind=period-report.monthly&pageSize=200' });
    expect(inbox.statusCode, inbox.body).toBe(200);
    const told = inbox.json().items.find((n: { titleEn: string }) => n.titleEn.endsWith('2020-11'));
    expect(told.titleEn).toBe('[Qingshan] Monthly report (streamline, regulate, serve), 2020-11');
    expect(told.bodyEn).toContain('“放管服”改革工作情况（2020年11月1日至2020年11月30日）');
    expect(told.bodyEn).toContain(
      `Audit log anchor: ${head!.seq} entries when this was sent; hash of the last entry ${head!.hash}`,
    );
    expect(told.bodyEn).toContain('npm run audit:verify');
    expect(await sendMonthlyReport(t.database.db, '2020-12-04')).toEqual({ status: 'already-sent', month: '2020-11' });
    const [entry] = await t.database.db.select().from(auditEntries).orderBy(desc(auditEntries.seq)).limit(1);
    expect(entry!.action).toBe('period-report.mailing.send');
  });

  it('never sends a month that ended before the install: not on a fresh install’s first start', async () => {
    const db = t.database.db;
    // installed on 1 January (Shanghai): December had ended; installed on 31 December: it had not
    expect(await sendMonthlyReport(db, '2021-01-02', new Date('2021-01-01T00:30:00+08:00'))).toEqual({
      status: 'before-install',
      month: '2020-12',
    });
    expect(await sendMonthlyReport(db, '2021-01-02', new Date('2020-12-31T23:30:00+08:00'))).toMatchObject({
      status: 'sent',
      month: '2020-12',
    });
    // the job as the scheduler runs it: its row was made now, on this first start
    const job = registry()
      .jobs({ channels: {} as never, sessionLifetimes: DEFAULT_SESSION_LIFETIMES, retryBaseMs: 1, owner: () => 'test' })
      .find((j) => j.kind === 'period-report.monthly')!;
    await job.run({ db, job: { kind: job.kind, createdAt: new Date() } as JobRow });
    const { month } = previousMonth(todayInShanghai());
    expect(await db.select().from(periodReportMailings).where(eq(periodReportMailings.month, month))).toEqual([]);
  });
});
