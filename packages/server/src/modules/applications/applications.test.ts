import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../plugins/auth.ts';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp, uniqueName } from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { clocks } from '../clocks/tables.ts';
import { fileApplication, scanDeemedAcceptance } from './service.ts';
import { applications } from './tables.ts';

let t: TestApp;
let ent: Client;
let clerk: Client;
let approver: Client;
let entId: string;

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

beforeAll(async () => {
  t = await buildTestApp();
  const e = await makeEnterprise(t);
  entId = e.id;
  ent = await loginAs(t, ['enterprise'], e.id);
  clerk = await loginAs(t, ['clerk']);
  approver = await loginAs(t, ['approver']);
});
afterAll(() => t.close());

async function ok(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 400)).toBe(status);
  return r.json();
}

const apply = (c: Client, matterCode = 'eia-report-form') =>
  ok(
    c.request({
      method: 'POST',
      url: '/api/applications',
      payload: {
        matterCode,
        projectName: '花炮原料仓库扩建项目',
        applicantName: '刘建国',
        applicantPhone: '13907990101',
      },
    }),
    201,
  );

const upload = (c: Client, id: string, item: number, body: Buffer = PDF, type = 'application/pdf') =>
  c.request({
    method: 'POST',
    url: `/api/applications/${id}/materials?item=${item}&name=${encodeURIComponent(`材料${item}.pdf`)}`,
    headers: { 'content-type': type },
    payload: body,
  });

/** The enterprise's inbox in English: the application messages naming this code, oldest first. */
async function inboxEn(c: Client, code: string): Promise<{ titleEn: string; bodyEn: string }[]> {
  const inbox = await ok(c.request({ method: 'GET', url: '/api/inbox?kind=application.status&pageSize=200' }));
  return inbox.items
    .filter((n: { title: string }) => n.title.includes(code))
    .map((n: { titleEn: string; bodyEn: string }) => ({ titleEn: n.titleEn, bodyEn: n.bodyEn }))
    .reverse();
}

async function docText(c: Client, id: string, kind: string): Promise<string> {
  const res = await c.request({ method: 'GET', url: `/api/applications/${id}/documents/${kind}` });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toContain('wordprocessingml');
  const zip = await JSZip.loadAsync(res.rawPayload);
  return zip.file('word/document.xml')!.async('string');
}

describe('online application → one-time notice → supplement → acceptance → expert review → decision', () => {
  it('runs the whole path with clocks, documents, visits and the 文号', async () => {
    const a = await apply(ent);
    expect(a).toMatchObject({ status: 'submitted', channel: 'online', visits: 0, enterpriseId: entId });
    expect(a.code).toMatch(/^SQ\d{8}-\d{3}$/);
    expect(a.checklist.length).toBe(4);
    const notice = a.clocks.find((c: { profileKey: string }) => c.profileKey === 'application.incomplete-notice');
    const handling = a.clocks.find((c: { profileKey: string }) => c.profileKey === 'eia.report-form.statutory');
    expect(notice).toBeTruthy();
    expect(handling).toBeTruthy();

    // the type is read from the bytes: a text file called PDF is refused and nothing is stored
    const fake = await upload(ent, a.id, 0, Buffer.from('hello'), 'application/pdf');
    expect(fake.statusCode).toBe(415);
    expect((await upload(ent, a.id, 9)).statusCode).toBe(400);
    await ok(upload(ent, a.id, 0), 201);
    await ok(upload(ent, a.id, 1, PNG, 'image/png'), 201);

    // accepting with items missing is refused, naming them
    const early = await clerk.request({ method: 'POST', url: `/api/applications/${a.id}/accept` });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('建设单位营业执照');

    const noticed = await ok(
      clerk.request({ method: 'POST', url: `/api/applications/${a.id}/notice`, payload: { note: null } }),
    );
    expect(noticed.status).toBe('awaiting-materials');
    expect(noticed.noticeMissing).toEqual([2, 3]);
    expect(noticed.documents).toEqual(['notice']);
    const paused = noticed.clocks.find((c: { id: string }) => c.id === handling.id);
    expect(paused.state).toBe('paused');
    expect(paused.pauses[0].reason).toBe('supplement');
    expect(noticed.clocks.find((c: { id: string }) => c.id === notice.id).state).toBe('met');

    // the enterprise reads the notice: every missing item and the legal source
    const xml = await docText(ent, a.id, 'notice');
    for (const s of ['补正材料一次性告知书', '建设项目环境影响报告表（公开版本）', '建设单位营业执照', '第三十二条'])
      expect(xml, s).toContain(s);

    // handing back before every listed item is uploaded is refused, naming what is still missing,
    // and the bureau's clock stays paused
    await ok(upload(ent, a.id, 2), 201);
    const early2 = await ent.request({
      method: 'POST',
      url: `/api/applications/${a.id}/supplement`,
      payload: { inPerson: false },
    });
    expect(early2.statusCode).toBe(409);
    expect(early2.json().detail).toContain('建设单位营业执照');
    expect(early2.json().detail).not.toContain('公开版本');
    const still = await ok(ent.request({ method: 'GET', url: `/api/applications/${a.id}` }));
    expect(still.status).toBe('awaiting-materials');
    expect(still.clocks.find((c: { id: string }) => c.id === handling.id).state).toBe('paused');

    await ok(upload(ent, a.id, 3), 201);
    const back = await ok(
      ent.request({ method: 'POST', url: `/api/applications/${a.id}/supplement`, payload: { inPerson: true } }),
    );
    // an enterprise cannot claim a visit for itself; it supplied online
    expect(back).toMatchObject({ status: 'submitted', visits: 0 });
    expect(back.clocks.find((c: { id: string }) => c.id === handling.id).state).not.toBe('paused');

    const accepted = await ok(clerk.request({ method: 'POST', url: `/api/applications/${a.id}/accept` }));
    expect(accepted).toMatchObject({ status: 'accepted', acceptanceKind: 'complete' });
    expect(await docText(ent, a.id, 'acceptance')).toContain('受理通知书');

    const review = await ok(
      approver.request({
        method: 'POST',
        url: `/api/applications/${a.id}/expert-review`,
        payload: { note: '组织专家技术评审' },
      }),
    );
    expect(review.status).toBe('expert-review');
    expect(review.clocks.find((c: { id: string }) => c.id === handling.id).pauses[1].reason).toBe('expert-review');
    const noDecision = await approver.request({
      method: 'POST',
      url: `/api/applications/${a.id}/decision`,
      payload: { outcome: 'approved', reasons: '同意' },
    });
    expect(noDecision.statusCode).toBe(409);
    await ok(approver.request({ method: 'POST', url: `/api/applications/${a.id}/expert-review/end` }));

    const decided = await ok(
      approver.request({
        method: 'POST',
        url: `/api/applications/${a.id}/decision`,
        payload: { outcome: 'approved', reasons: '项目符合要求，同意建设。' },
      }),
    );
    expect(decided.status).toBe('approved');
    expect(decided.decisionNumber).toMatch(/^上环审〔\d{4}〕\d+号$/);
    expect(decided.decidedOnTime).toBe(true);
    expect(decided.oneVisit).toBe(true);
    const dx = await docText(ent, a.id, 'decision');
    expect(dx).toContain(decided.decisionNumber);
    expect(dx).toContain('准予行政许可');

    // a report-form approval of the EIA register took the next 上环审 number of the year (the two
    // registers share the series): the window's next decision numbers after it
    const seq = (n: string) => Number(n.match(/〕(\d+)号/)![1]);
    const year = decided.decisionNumber.match(/〔(\d{4})〕/)![1];
    const eiaNumber = `上环审〔${year}〕${seq(decided.decisionNumber) + 1}号`;
    await t.database.query(
      `insert into eia_cases (code, enterprise_id, path, state, project_name, project_address, construction_type,
         industry_code, category, catalogue_row, contact_name, contact_phone, accepted_on, decided_on, document_no)
       values ($1, $2, 'ordinary', 'approved', '报告表项目', '上栗镇', 'new', '2672', 'report-form', '名录第44行',
         '刘建国', '13907990101', $3, $3, $4)`,
      [uniqueName('环评'), entId, `${year}-06-01`, eiaNumber],
    );
    // a second decision number is the next one of the year
    const b = await apply(ent, 'eia-exemption');
    await ok(upload(ent, b.id, 0), 201);
    await ok(upload(ent, b.id, 1), 201);
    await ok(clerk.request({ method: 'POST', url: `/api/applications/${b.id}/accept` }));
    const bd = await ok(
      approver.request({
        method: 'POST',
        url: `/api/applications/${b.id}/decision`,
        payload: { outcome: 'refused', reasons: '不属于豁免情形' },
      }),
    );
    // no time limit set by law: neither on time nor late
    expect(bd.decidedOnTime).toBeNull();

    // each step told the enterprise, in English too: the code, the missing items (as the guide names them), the 文号
    const told = await inboxEn(ent, a.code);
    expect(told.map((n) => n.titleEn)).toEqual([
      `Application ${a.code}: materials missing`,
      `Application ${a.code} accepted`,
      `Application ${a.code} decided (${decided.decisionNumber})`,
    ]);
    expect(told[0]!.bodyEn).toContain('Supply all of these at once: ');
    expect(told[0]!.bodyEn).toContain('建设单位营业执照');
    expect(told[1]!.bodyEn).toBe('The acceptance notice can be downloaded online.');
    expect(told[2]!.bodyEn).toBe('Approved. The decision can be downloaded online.');
    expect((await inboxEn(ent, b.code)).at(-1)!.bodyEn).toBe('Refused. The decision can be downloaded online.');
    expect(seq(bd.decisionNumber)).toBe(seq(decided.decisionNumber) + 2);
  });

  it('refuses bad input with field details and changes nothing', async () => {
    const before = (await ok(ent.request({ method: 'GET', url: '/api/applications' }))).total;
    const bad = await ent.request({
      method: 'POST',
      url: '/api/applications',
      payload: { matterCode: 'eia-report-form', projectName: '', applicantName: '刘', applicantPhone: '12' },
    });
    expect(bad.statusCode).toBe(400);
    const city = await ent.request({
      method: 'POST',
      url: '/api/applications',
      payload: { matterCode: 'eia-report-book', projectName: 'x', applicantName: '刘', applicantPhone: '13907990101' },
    });
    expect(city.statusCode).toBe(400);
    expect(JSON.stringify(city.json())).toContain('matterCode');
    expect((await ok(ent.request({ method: 'GET', url: '/api/applications' }))).total).toBe(before);
  });
});

describe('window filing, 帮办代办 and 容缺受理', () => {
  it('needs the authorisation when filing on the applicant’s behalf; a plain window filing counts a visit', async () => {
    const base = {
      matterCode: 'eia-report-form',
      projectName: '鞭炮引线车间搬迁项目',
      applicantName: '张丽',
      applicantPhone: '13807990202',
      enterpriseId: entId,
    };
    const missing = await clerk.request({
      method: 'POST',
      url: '/api/applications/window',
      payload: { ...base, assisted: true, authorisation: null },
    });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toContain('authorisation');
    const assisted = await ok(
      clerk.request({
        method: 'POST',
        url: '/api/applications/window',
        payload: { ...base, assisted: true, authorisation: '张丽 2026 年授权委托书' },
      }),
      201,
    );
    expect(assisted).toMatchObject({ channel: 'window', assisted: true, visits: 0 });
    expect(assisted.assistedByName).toBeTruthy();
    const plain = await ok(
      clerk.request({
        method: 'POST',
        url: '/api/applications/window',
        payload: { ...base, assisted: false, authorisation: null },
      }),
      201,
    );
    expect(plain.visits).toBe(1);

    // 容缺: only the deferrable item (公开版本) missing
    for (const i of [0, 1, 3]) await ok(upload(clerk, assisted.id, i), 201);
    const d = await ok(
      clerk.request({
        method: 'POST',
        url: `/api/applications/${assisted.id}/accept-deferred`,
        payload: { promise: '承诺 20 个工作日内补交' },
      }),
    );
    expect(d).toMatchObject({ status: 'accepted', acceptanceKind: 'deferred' });
    expect(d.deferredItems).toHaveLength(1);
    expect(await inboxEn(ent, assisted.code)).toEqual([
      {
        titleEn: `Application ${assisted.code} accepted with deferred items`,
        bodyEn: `Hand in by the promised deadline: ${d.deferredItems[0].name}. The acceptance notice can be downloaded online.`,
      },
    ]);
    const own = d.clocks.find((c: { profileKey: string }) => c.profileKey === 'application.deferred-material');
    expect(own?.id).toBe(d.deferredItems[0].clockId);
    const early = await approver.request({
      method: 'POST',
      url: `/api/applications/${assisted.id}/decision`,
      payload: { outcome: 'approved', reasons: '同意' },
    });
    expect(early.statusCode).toBe(409);
    // the promised item arrives: its own clock stops
    await ok(upload(ent, assisted.id, 2), 201);
    const after = await ok(ent.request({ method: 'GET', url: `/api/applications/${assisted.id}` }));
    expect(after.deferredItems[0].fulfilledAt).toBeTruthy();
    expect(after.clocks.find((c: { id: string }) => c.id === own.id).state).toBe('met');
    // past pre-check, other items are closed to uploads
    expect((await upload(ent, assisted.id, 0)).statusCode).toBe(409);

    // 容缺 is refused when a non-deferrable item is missing
    const refuse = await clerk.request({
      method: 'POST',
      url: `/api/applications/${plain.id}/accept-deferred`,
      payload: { promise: 'x' },
    });
    expect(refuse.statusCode).toBe(409);
  });
});

describe('行政许可法 第三十二条: deemed acceptance by the scheduled job', () => {
  it('accepts, as the system and citing the law, an application with no notice after 5 working days', async () => {
    const a = await apply(ent);
    const noticed = await apply(ent);
    await ok(clerk.request({ method: 'POST', url: `/api/applications/${noticed.id}/notice`, payload: { note: null } }));
    // before the period passes nothing happens
    expect(await scanDeemedAcceptance(t.database.db, new Date())).toBe(0);
    const later = new Date(Date.now() + 20 * 86_400_000);
    expect(await scanDeemedAcceptance(t.database.db, later)).toBeGreaterThanOrEqual(1);
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, a.id));
    expect(row).toMatchObject({ status: 'accepted', acceptanceKind: 'deemed' });
    // accepted from the day the materials were received
    expect(row!.acceptedAt!.toISOString()).toBe(row!.receivedAt.toISOString());
    const [n] = await t.database.db.select().from(applications).where(eq(applications.id, noticed.id));
    expect(n!.status).toBe('awaiting-materials');
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, a.id));
    const deemed = audit.find((x) => x.action === 'application.deem-accept')!;
    expect(deemed.actorName).toBe('system');
    expect(JSON.stringify(deemed.after)).toContain('第三十二条');
    const [told] = await inboxEn(ent, a.code);
    expect(told!.titleEn).toBe(`Application ${a.code} deemed accepted by law`);
    expect(told!.bodyEn).toContain('under Administrative Licensing Law art. 32, para. 1, item (4)');
    const noticeClock = (await t.database.db.select().from(clocks).where(eq(clocks.ownerId, a.id))).find(
      (c) => c.profileKey === 'application.incomplete-notice',
    );
    expect(noticeClock!.completedAt).toBeTruthy();
    // a second pass changes nothing
    expect(await scanDeemedAcceptance(t.database.db, later)).toBe(0);
  });
});

describe('figures', () => {
  it('applicationsOnTime and oneVisitRate count decided applications and drill down to them', async () => {
    const leader = await loginAs(t, ['leader']);
    const res = await ok(leader.request({ method: 'GET', url: '/api/figures' }));
    const text = JSON.stringify(res);
    for (const k of ['applicationsOnTime', 'oneVisitRate', 'applicationsDecided']) expect(text).toContain(k);
    const onTime = await ok(
      leader.request({ method: 'GET', url: '/api/figures/applicationsOnTime/records?pageSize=5' }),
    );
    expect(onTime.total).toBeGreaterThanOrEqual(1);
    expect(onTime.items[0].link).toMatch(/^\/staff\/applications\//);
    const one = await ok(leader.request({ method: 'GET', url: '/api/figures/oneVisitRate/records' }));
    expect(one.total).toBeGreaterThanOrEqual(2);
  });
});

describe('applications: enterprise A never reads, uploads to, supplies or downloads B’s application', () => {
  it('lists only its own and is refused on every route of B’s application', async () => {
    const [ea, eb] = [await makeEnterprise(t), await makeEnterprise(t)];
    const A = await loginAs(t, ['enterprise'], ea.id);
    const B = await loginAs(t, ['enterprise'], eb.id);
    const a = await apply(A);
    const b = await apply(B);
    const bFile = await ok(upload(B, b.id, 0), 201);
    await ok(clerk.request({ method: 'POST', url: `/api/applications/${b.id}/notice`, payload: { note: null } }));
    const mine = await ok(A.request({ method: 'GET', url: `/api/applications?pageSize=200&enterpriseId=${eb.id}` }));
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const tries: [string, Promise<LightMyRequestResponse>][] = [
      ['read', A.request({ method: 'GET', url: `/api/applications/${b.id}` })],
      ['file', A.request({ method: 'GET', url: `/api/applications/${b.id}/materials/${bFile.id}` })],
      ['notice', A.request({ method: 'GET', url: `/api/applications/${b.id}/documents/notice` })],
      ['upload', upload(A, b.id, 1)],
      [
        'supplement',
        A.request({ method: 'POST', url: `/api/applications/${b.id}/supplement`, payload: { inPerson: false } }),
      ],
      ['cross file', A.request({ method: 'GET', url: `/api/applications/${a.id}/materials/${bFile.id}` })],
    ];
    for (const [label, res] of tries) {
      const r = await res;
      expect([403, 404], `${label} → ${r.statusCode}`).toContain(r.statusCode);
    }
    expect((await B.request({ method: 'GET', url: `/api/applications/${b.id}/documents/notice` })).statusCode).toBe(
      200,
    );
  });
});

describe('the applications list', () => {
  it('sorts by filing, by the materials received and by enterprise, each way; refuses an unknown sort', async () => {
    const tag = uniqueName('排序');
    const [ea, eb] = [await makeEnterprise(t, { name: `${tag}A` }), await makeEnterprise(t, { name: `${tag}B` })];
    const [A, B] = [await loginAs(t, ['enterprise'], ea.id), await loginAs(t, ['enterprise'], eb.id)];
    // filed w, x, y, z; w's materials come back last, so its receipt is the latest
    const w = await apply(B);
    const x = await apply(A);
    const y = await apply(B);
    const z = await apply(A);
    await ok(clerk.request({ method: 'POST', url: `/api/applications/${w.id}/notice`, payload: { note: null } }));
    for (const item of [0, 1, 2, 3]) await ok(upload(B, w.id, item), 201);
    await ok(B.request({ method: 'POST', url: `/api/applications/${w.id}/supplement`, payload: { inPerson: false } }));
    const ids = async (sort: string) =>
      (
        await ok(
          clerk.request({
            method: 'GET',
            url: `/api/applications?q=${encodeURIComponent(tag)}${sort ? `&sort=${sort}` : ''}`,
          }),
        )
      ).items.map((a: { id: string }) => a.id);
    expect(await ids('')).toEqual([z.id, y.id, x.id, w.id]);
    expect(await ids('-createdAt')).toEqual([z.id, y.id, x.id, w.id]);
    expect(await ids('createdAt')).toEqual([w.id, x.id, y.id, z.id]);
    expect(await ids('receivedAt')).toEqual([x.id, y.id, z.id, w.id]);
    expect(await ids('-receivedAt')).toEqual([w.id, z.id, y.id, x.id]);
    // within one enterprise the newest filing first, either way
    expect(await ids('enterprise')).toEqual([z.id, x.id, y.id, w.id]);
    expect(await ids('-enterprise')).toEqual([y.id, w.id, z.id, x.id]);
    expect((await clerk.request({ method: 'GET', url: '/api/applications?sort=code' })).statusCode).toBe(400);
  });

  it('lists applications filed in one instant in the order they were filed (their codes), not by random id', async () => {
    const tag = uniqueName('同时');
    const e = await makeEnterprise(t, { name: tag });
    const user = {
      id: null,
      username: 'batch',
      displayName: '批量',
      roles: ['enterprise'],
      enterpriseId: e.id,
      enterpriseName: tag,
      sessionId: '',
      csrfToken: '',
      mustChangePassword: false,
    } as unknown as SessionUser;
    const actor = { id: null, name: '批量', roles: ['enterprise'], ip: null };
    const body = {
      matterCode: 'eia-report-form',
      projectName: '同一时刻',
      applicantName: '刘建国',
      applicantPhone: '13907990101',
    };
    // one transaction: the database stamps every row with the same now()
    const codes = await t.database.db.transaction(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) out.push((await fileApplication(tx, actor, user, body)).code);
      return out;
    });
    const listed = (
      await ok(clerk.request({ method: 'GET', url: `/api/applications?q=${encodeURIComponent(tag)}` }))
    ).items.map((a: { code: string }) => a.code);
    expect(listed).toEqual([...codes].reverse());
    const oldestFirst = (
      await ok(clerk.request({ method: 'GET', url: `/api/applications?q=${encodeURIComponent(tag)}&sort=createdAt` }))
    ).items.map((a: { code: string }) => a.code);
    expect(oldestFirst).toEqual(codes);
  });
});
