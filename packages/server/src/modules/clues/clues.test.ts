import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngImage } from '../../shared/png.ts';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { riskDrawWeights } from '../credit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { positiveListEntries } from '../positive-list/tables.ts';
import { CLUE_FIGURES } from './figures.ts';
import { clueFiles, clues } from './tables.ts';

let t: TestApp;
let officer: Client;
let clerk: Client;
let leaderClient: Client;
let firm: { id: string; name: string };

// a site in 金山镇; the findings are placed relative to it
const SITE = { lat: 27.95, lng: 113.73 };

const point = (lng: number, lat: number, description: string, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: { description, ...extra },
});

const countClues = async () =>
  Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(clues))[0]!.n);
const countPhotos = async () =>
  Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(clueFiles))[0]!.n);

const PHOTO = pngImage(4, 3, (x) => [x * 60, 120, 40]);

/** The import form as a browser's FormData sends it: the fields, the GeoJSON file, the photos. */
function importForm(fields: { source: string; batchName: string; geojson: unknown }, photos: [string, Buffer][]) {
  const boundary = '----qingshan-test-boundary';
  const part = (head: string, body: Buffer | string) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
  const payload = Buffer.concat([
    part('Content-Disposition: form-data; name="source"', fields.source),
    part('Content-Disposition: form-data; name="batchName"', fields.batchName),
    part(
      'Content-Disposition: form-data; name="geojson"; filename="patrol.geojson"\r\nContent-Type: application/geo+json',
      typeof fields.geojson === 'string' ? fields.geojson : JSON.stringify(fields.geojson),
    ),
    ...photos.map(([name, bytes]) =>
      part(`Content-Disposition: form-data; name="photos"; filename="${name}"\r\nContent-Type: image/png`, bytes),
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await buildTestApp();
  officer = await loginAs(t, ['inspector']);
  clerk = await loginAs(t, ['clerk']);
  leaderClient = await loginAs(t, ['leader']);
  firm = await makeEnterprise(t, { townCode: '360322103', location: SITE });
});
afterAll(() => t.close());

describe('clues: GeoJSON import', () => {
  it('reports every bad feature by its index and saves nothing', async () => {
    const before = await countClues();
    const res = await clerk.request({
      method: 'POST',
      url: '/api/clues/import',
      payload: {
        source: 'drone',
        batchName: '测试巡查',
        geojson: {
          type: 'FeatureCollection',
          features: [
            point(SITE.lng, SITE.lat, '正常'),
            // latitude and longitude swapped: outside the county
            point(SITE.lat, SITE.lng, '坐标顺序颠倒'),
            { type: 'Feature', geometry: { type: 'Point', coordinates: [SITE.lng, SITE.lat] }, properties: {} },
            point(SITE.lng, SITE.lat, '照片名带路径', { photo: '../etc/passwd' }),
          ],
        },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths.some((p) => p.startsWith('geojson.features.1.geometry'))).toBe(true);
    expect(paths).toContain('geojson.features.2.properties.description');
    expect(paths.some((p) => p.startsWith('geojson.features.3.properties.photo'))).toBe(true);
    expect(paths.some((p) => p.startsWith('geojson.features.0'))).toBe(false);
    expect(await countClues()).toBe(before);
  });

  it('places each finding, suggests the nearest registered site within the radius, and starts a working-day clock', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/clues/import',
      ...importForm(
        {
          source: 'remote-sensing',
          batchName: '2026 年 11 月遥感',
          geojson: {
            type: 'FeatureCollection',
            features: [
              point(SITE.lng + 0.001, SITE.lat, '厂区东侧露天堆放废药', {
                photo: '东侧 堆场;1.png',
                observedAt: '2026-11-10T10:00:00+08:00',
              }),
              // a patch outlined by a polygon, far from any site
              {
                type: 'Feature',
                geometry: {
                  type: 'Polygon',
                  coordinates: [
                    [
                      [113.6, 28.2],
                      [113.61, 28.2],
                      [113.61, 28.21],
                      [113.6, 28.2],
                    ],
                  ],
                },
                properties: { description: '山林内疑似倾倒点' },
              },
            ],
          },
        },
        [['东侧 堆场;1.png', PHOTO]],
      ),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().photos).toBe(1);
    const body = res.json() as { created: number; matched: number; clueIds: string[]; batchId: string };
    expect(body.created).toBe(2);
    const near = (await officer.request({ method: 'GET', url: `/api/clues/${body.clueIds[0]}` })).json();
    expect(near.clue.suggestedEnterpriseId).toBe(firm.id);
    // 0.001° of longitude at 27.95° N is about 98 m
    expect(near.clue.suggestedDistanceM).toBeGreaterThan(90);
    expect(near.clue.suggestedDistanceM).toBeLessThan(110);
    // the photo is the file sent with the batch, stored and read back byte for byte
    expect(near.clue.photos).toEqual([]);
    expect(near.files).toMatchObject([{ stage: 'import', fileName: '东侧 堆场;1.png', contentType: 'image/png' }]);
    const got = await officer.request({ method: 'GET', url: `/api/clues/${near.clue.id}/files/${near.files[0].id}` });
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.rawPayload, PHOTO)).toBe(0);
    // a photo is read only under its own clue
    const far0 = body.clueIds[1];
    expect(
      (await officer.request({ method: 'GET', url: `/api/clues/${far0}/files/${near.files[0].id}` })).statusCode,
    ).toBe(404);
    expect(near.clue.status).toBe('pending');
    expect(near.clocks).toHaveLength(1);
    expect(near.clocks[0]).toMatchObject({ unit: 'working', length: 10, state: 'running' });
    expect(near.clocks[0].source).toContain('环境保护部令第15号');
    expect(near.clocks[0].sourceEn).toContain('(MEP Order No. 15)');
    expect(near.clue.dueDate).toBe(near.clocks[0].dueDate);
    const far = (await officer.request({ method: 'GET', url: `/api/clues/${body.clueIds[1]}` })).json();
    expect(far.clue.suggestedEnterpriseId).toBeNull();
    expect(far.clue.lat).toBeCloseTo((28.2 + 28.2 + 28.21) / 3, 6);
    const [audit] = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'clue.import'), eq(auditEntries.entityId, body.batchId)));
    expect(audit).toBeDefined();
  });
});

describe('clues: the photos of an import', () => {
  const batch = (photo?: string) => ({
    source: 'drone',
    batchName: '照片测试',
    geojson: {
      type: 'FeatureCollection',
      features: [
        point(SITE.lng, SITE.lat, '有照片', { photo: 'a.png' }),
        point(SITE.lng, SITE.lat + 0.001, '第二处', photo ? { photo } : {}),
      ],
    },
  });

  it('refuses a named photo not sent, a file that is no image, or one no feature names, by feature number; saves nothing', async () => {
    const clues0 = await countClues();
    const photos0 = await countPhotos();
    const missing = await clerk.request({
      method: 'POST',
      url: '/api/clues/import',
      ...importForm(batch('b.png'), [['a.png', PHOTO]]),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      expect.objectContaining({
        path: 'geojson.features.1.properties.photo',
        message: expect.stringContaining('第 2 处'),
      }),
    ]);
    const notImage = await clerk.request({
      method: 'POST',
      url: '/api/clues/import',
      ...importForm(batch('b.png'), [
        ['a.png', PHOTO],
        ['b.png', Buffer.from('MZ this is an executable')],
      ]),
    });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().errors[0].path).toBe('geojson.features.1.properties.photo');
    const stray = await clerk.request({
      method: 'POST',
      url: '/api/clues/import',
      ...importForm(batch(), [
        ['a.png', PHOTO],
        ['c.png', PHOTO],
      ]),
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().errors[0].path).toBe('photos');
    const broken = await clerk.request({
      method: 'POST',
      url: '/api/clues/import',
      payload: Buffer.from('--x\r\nno headers here'),
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    const notJson = await clerk.request({
      method: 'POST',
      url: '/api/clues/import',
      ...importForm({ ...batch(), geojson: '{"type": "FeatureCollection",' }, []),
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().errors[0].path).toBe('geojson');
    expect(await countClues()).toBe(clues0);
    expect(await countPhotos()).toBe(photos0);
  });

  it('an officer adds photos while verifying; the bytes must be the declared image; a verified clue takes none', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/clues/import',
      ...importForm(batch(), [['a.png', PHOTO]]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().clueIds[1];
    const add = (who: Client, bytes: Buffer, type = 'image/png') =>
      who.request({
        method: 'POST',
        url: `/api/clues/${id}/photos?name=${encodeURIComponent('现场复核.png')}`,
        payload: bytes,
        headers: { 'content-type': type },
      });
    expect((await add(clerk, PHOTO)).statusCode).toBe(403);
    expect((await add(officer, Buffer.from('not a png at all'))).statusCode).toBe(415);
    expect((await add(officer, PHOTO, 'image/jpeg')).statusCode).toBe(415);
    const ok = await add(officer, PHOTO);
    expect(ok.statusCode, ok.body).toBe(201);
    const d = (await officer.request({ method: 'GET', url: `/api/clues/${id}` })).json();
    expect(d.files).toMatchObject([{ stage: 'verification', fileName: '现场复核.png' }]);
    const [audit] = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'clue.photo'), eq(auditEntries.entityId, id)));
    expect(audit).toBeDefined();
    await officer.request({
      method: 'POST',
      url: `/api/clues/${id}/outcome`,
      payload: { outcome: 'no-problem', note: '无问题', version: d.clue.version },
    });
    const late = await add(officer, PHOTO);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('CLUE_STATE');
  });
});

describe('clues: verification', () => {
  let id: string;
  let version: number;

  beforeAll(async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/clues/import',
      payload: {
        source: 'drone',
        batchName: '核查测试',
        geojson: { type: 'FeatureCollection', features: [point(SITE.lng, SITE.lat + 0.0005, '排水沟出口浑浊废水')] },
      },
    });
    id = res.json().clueIds[0];
    version = (await officer.request({ method: 'GET', url: `/api/clues/${id}` })).json().clue.version;
  });

  it('only officers verify; a finding needs a confirmed enterprise first', async () => {
    const byClerk = await clerk.request({
      method: 'POST',
      url: `/api/clues/${id}/outcome`,
      payload: { outcome: 'no-problem', note: '无', version },
    });
    expect(byClerk.statusCode).toBe(403);
    const early = await officer.request({
      method: 'POST',
      url: `/api/clues/${id}/outcome`,
      payload: { outcome: 'rectification-ordered', note: '责令整改', version },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('outcome');
  });

  it('confirm → outcome completes the clock on time; a second outcome or a stale version is refused', async () => {
    const m = await officer.request({
      method: 'POST',
      url: `/api/clues/${id}/match`,
      payload: { enterpriseId: firm.id, version },
    });
    expect(m.statusCode).toBe(200);
    expect(m.json().clue).toMatchObject({ enterpriseId: firm.id, enterpriseName: firm.name });
    const stale = await officer.request({
      method: 'POST',
      url: `/api/clues/${id}/outcome`,
      payload: { outcome: 'problem-found', note: '属实', version },
    });
    expect(stale.statusCode).toBe(409);
    const o = await officer.request({
      method: 'POST',
      url: `/api/clues/${id}/outcome`,
      payload: { outcome: 'rectification-ordered', note: '现场核实属实，已责令整改', version: version + 1 },
    });
    expect(o.statusCode).toBe(200);
    expect(o.json().clue).toMatchObject({ status: 'verified', outcomeLabel: '已责令整改', closedOnTime: true });
    expect(o.json().clocks[0].state).toBe('met');
    const again = await officer.request({
      method: 'POST',
      url: `/api/clues/${id}/outcome`,
      payload: { outcome: 'no-problem', note: '重复', version: version + 2 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CLUE_STATE');
    const list = (
      await officer.request({ method: 'GET', url: `/api/clues?status=verified&enterpriseId=${firm.id}` })
    ).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(id);
    const fig = CLUE_FIGURES[0]!;
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const records = await fig.records(t.database.db, { from: today, to: today });
    expect(records.find((r) => r.id === id)?.detail).toBe('已责令整改（按期）');
    const en = await fig.records(t.database.db, { from: today, to: today }, undefined, 'en');
    expect(en.find((r) => r.id === id)?.detail).toBe('rectification ordered (on time)');
  });

  it('a 12369 report becomes one clue at the reported firm; the second time is refused', async () => {
    const rep = await clerk.request({
      method: 'POST',
      url: '/api/reports',
      payload: {
        channel: 'phone-12369',
        title: '夜间异味扰民',
        content: '厂区夜间有刺鼻气味，持续数小时',
        location: '金山镇',
        anonymous: true,
        subjectEnterpriseId: firm.id,
      },
    });
    expect(rep.statusCode, rep.body).toBe(201);
    const c = await clerk.request({ method: 'POST', url: `/api/clues/from-report/${rep.json().id}` });
    expect(c.statusCode).toBe(201);
    expect(c.json().clue).toMatchObject({ source: 'report', suggestedEnterpriseId: firm.id, lat: SITE.lat });
    const again = await clerk.request({ method: 'POST', url: `/api/clues/from-report/${rep.json().id}` });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CLUE_EXISTS');
  });

  it('a video point watches a firm; what its camera saw becomes a clue at its place, its snapshot the evidence', async () => {
    const bad = await leaderClient.request({
      method: 'POST',
      url: '/api/video-points',
      payload: {
        name: 'x',
        lat: SITE.lat,
        lng: SITE.lng,
        snapshotUrl: 'https://video.example/x.jpg',
        enterpriseId: clerk.userId,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'enterpriseId', message: '该企业不存在' }]);
    expect((await clerk.request({ method: 'POST', url: '/api/video-points', payload: {} })).statusCode).toBe(403);
    const vp = await leaderClient.request({
      method: 'POST',
      url: '/api/video-points',
      payload: {
        name: '金山镇工业园东门',
        lat: SITE.lat + 0.0005,
        lng: SITE.lng,
        snapshotUrl: 'https://video.example/jinshan-east.jpg',
        enterpriseId: firm.id,
      },
    });
    expect(vp.statusCode, vp.body).toBe(201);
    expect(vp.json()).toMatchObject({ name: '金山镇工业园东门', enterpriseName: firm.name });
    const list = (await clerk.request({ method: 'GET', url: '/api/video-points' })).json();
    expect(list.find((v: { id: string }) => v.id === vp.json().id)).toMatchObject({ enterpriseName: firm.name });
    const c = await clerk.request({
      method: 'POST',
      url: `/api/video-points/${vp.json().id}/clues`,
      payload: { description: '夜间烟囱冒黑烟约 20 分钟' },
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().clue).toMatchObject({
      source: 'video',
      origin: '视频点位：金山镇工业园东门',
      photos: ['https://video.example/jinshan-east.jpg'],
      suggestedEnterpriseId: firm.id,
      status: 'pending',
    });
    expect(c.json().clocks).toHaveLength(1);
  });

  it('a reception-day concern becomes a clue at its firm, once', async () => {
    const s = await clerk.request({
      method: 'POST',
      url: '/api/reception/sessions',
      payload: { kind: 'enterprise', date: '2025-07-16', leaderName: '王局长', sections: ['环境监察大队'] },
    });
    expect(s.statusCode, s.body).toBe(201);
    const sessionId = s.json().id;
    await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${sessionId}/attendances`,
      payload: { enterpriseId: firm.id, people: [{ name: '刘厂长' }] },
    });
    const concern = await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${sessionId}/concerns`,
      payload: {
        enterpriseId: firm.id,
        raisedBy: '刘厂长',
        category: 'waste-gas-facility',
        description: '邻厂夜间排放异味',
      },
    });
    expect(concern.statusCode, concern.body).toBe(201);
    const c = await clerk.request({ method: 'POST', url: `/api/clues/from-concern/${concern.json().id}` });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().clue).toMatchObject({
      source: 'reception',
      description: expect.stringContaining('邻厂夜间排放异味'),
    });
    const again = await clerk.request({ method: 'POST', url: `/api/clues/from-concern/${concern.json().id}` });
    expect(again.statusCode).toBe(409);
  });

  it('a 12369 report found true proposes taking a listed firm off the positive list', async () => {
    // a firm of its own, so the risk score below is not moved by this finding
    const listed = await makeEnterprise(t);
    const [entry] = await t.database.db
      .insert(positiveListEntries)
      .values({
        enterpriseId: listed.id,
        category: 'low-emission-employment',
        decidedOn: '2026-01-05',
        validUntil: '2029-01-04',
        checks: [],
        reason: '测试列入',
        decidedByName: '测试',
      })
      .returning();
    try {
      const rep = await clerk.request({
        method: 'POST',
        url: '/api/reports',
        payload: {
          channel: 'phone-12369',
          title: '雨天偷排废水',
          content: '下雨时厂区排水沟有黑色废水流出',
          location: '金山镇',
          anonymous: true,
          subjectEnterpriseId: listed.id,
        },
      });
      const clue = (await clerk.request({ method: 'POST', url: `/api/clues/from-report/${rep.json().id}` })).json()
        .clue;
      const m = await officer.request({
        method: 'POST',
        url: `/api/clues/${clue.id}/match`,
        payload: { enterpriseId: listed.id, version: clue.version },
      });
      expect(m.statusCode, m.body).toBe(200);
      const o = await officer.request({
        method: 'POST',
        url: `/api/clues/${clue.id}/outcome`,
        payload: { outcome: 'problem-found', note: '现场核实属实', version: clue.version + 1 },
      });
      expect(o.statusCode, o.body).toBe(200);
      const open = (await officer.request({ method: 'GET', url: '/api/positive-list/proposals?status=open' })).json();
      const mine = open.items.filter((p: { enterpriseName: string }) => p.enterpriseName === listed.name);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ trigger: 'verified-complaint' });
    } finally {
      await t.database.db
        .update(positiveListEntries)
        .set({ status: 'removed' })
        .where(eq(positiveListEntries.id, entry!.id));
    }
  });

  it('the map draws sites and clues without any tile server', async () => {
    const res = await officer.request({ method: 'GET', url: '/api/clues/map' });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.tileUrl).toBeNull();
    expect(m.enterprises.some((e: { id: string }) => e.id === firm.id)).toBe(true);
    expect(m.clues.some((c: { id: string }) => c.id === id)).toBe(true);
  });
});

describe('credit and risk', () => {
  it('records a grade with its basis; the register follows; a future rating is refused', async () => {
    const future = await officer.request({
      method: 'POST',
      url: '/api/credit',
      payload: { enterpriseId: firm.id, grade: 'red', basis: '测试', ratedOn: '2099-01-01' },
    });
    expect(future.statusCode).toBe(422);
    const res = await officer.request({
      method: 'POST',
      url: '/api/credit',
      payload: { enterpriseId: firm.id, grade: 'red', basis: '2026 年度评价：不良', ratedOn: '2026-03-01' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ grade: 'red', gradeLabel: '环保不良企业（红牌）' });
    const [e] = await t.database.db.select().from(enterprises).where(eq(enterprises.id, firm.id));
    expect(e!.creditGrade).toBe('red');
    const byClerk = await clerk.request({
      method: 'POST',
      url: '/api/credit',
      payload: { enterpriseId: firm.id, grade: 'green', basis: 'x', ratedOn: '2026-03-01' },
    });
    expect(byClerk.statusCode).toBe(403);
  });

  it('the risk score lists every contribution with its weight and records; the watch list and draw weight read it', async () => {
    const res = await officer.request({ method: 'GET', url: `/api/risk/${firm.id}` });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const by = new Map(r.contributions.map((c: { factor: string }) => [c.factor, c]));
    expect(by.get('credit')).toMatchObject({ points: 40, weight: 40 });
    expect(by.get('findings')).toMatchObject({ count: 1, weight: 15, points: 15 });
    expect((by.get('findings') as { records: { link: string }[] }).records[0]!.link).toMatch(/^\/staff\/clues\//);
    expect(by.get('complaints')).toMatchObject({ count: 1, points: 10 });
    // penalties are read from the enforcement cases (site-inspections); this firm has none
    expect(by.get('penalties')).toMatchObject({ hasSource: true, count: 0, points: 0 });
    expect(r.score).toBe(65);
    expect(r.onWatchList).toBe(true);
    for (const c of r.contributions) expect(c.source.length).toBeGreaterThan(10);
    const watch = (await officer.request({ method: 'GET', url: '/api/risk/watch-list?townCode=360322103' })).json();
    const row = watch.items.find((w: { enterpriseId: string }) => w.enterpriseId === firm.id);
    expect(row).toMatchObject({ score: 65, findings: 1, complaints: 1, townCode: '360322103', townName: '金山镇' });
    const other = await makeEnterprise(t, { townCode: '360322103' });
    const weights = await riskDrawWeights(t.database.db, [firm.id, other.id]);
    expect(weights.get(firm.id)).toBe(4);
    expect(weights.get(other.id)).toBe(1);
  });
});
