import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
// jszip comes with exceljs (a dependency): it reads the .docx package the way Word does
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { auditEntries } from '../audit/tables.ts';
import { completeClock, startClock } from '../clocks/service.ts';
import { deliveries, notificationPreferences } from '../notifications/tables.ts';
import { sendMonthlyReport } from './mailing.ts';
import { periodReportDrafts } from './tables.ts';

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
    expect(d.title).toBe('上栗县生态环境局“放管服”改革工作情况（2020年1月1日至2020年11月30日）');
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
    expect(await t.database.db.$count(periodReportDrafts)).toBe(before);
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
    const res = await leader.request({ method: 'GET', url: `/api/period-report/dashboard?${ARTICLE}` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    for (const dim of ['desk', 'matter', 'town', 'industry'] as const) {
      const sum = (k: string) => d.sla[dim].reduce((s: number, g: Record<string, number>) => s + g[k]!, 0);
      expect(sum('completed'), dim).toBe(d.totals.completed);
      expect(sum('overdue'), dim).toBe(d.totals.overdue);
    }
    expect(d.totals.completed).toBe(1);
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
    expect(await sendMonthlyReport(t.database.db, '2020-12-04')).toEqual({ status: 'already-sent', month: '2020-11' });
    const [entry] = await t.database.db.select().from(auditEntries).orderBy(desc(auditEntries.seq)).limit(1);
    expect(entry!.action).toBe('period-report.mailing.send');
  });
});
