// Two rules a record's completion depends on, through the API: a record tied to an unpublished draw
// is its team's alone (saved, photographed, completed, listed by the draw, its drawId read), as the
// draw itself is; and a signature is a drawing with ink, not bytes behind a PNG header.
import { crc32, deflateSync } from 'node:zlib';
import { todayInShanghai } from '@qingshan/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngImage } from '../../shared/png.ts';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { createDraw, createInspector, createPlan, putObject } from '../inspections/service.ts';
import { SIGNATURE } from './demo-parties.ts';

let t: TestApp;
let officer: Client;
let outsider: Client;
let leader: Client;
let clerk: Client;
let firm: { id: string; name: string };
let drawId: string;
const today = todayInShanghai();

const record = (over: Record<string, unknown> = {}) => ({
  kind: 'on-site',
  enterpriseId: firm.id,
  inspectedOn: today,
  inspectorNames: ['李强', '周文斌'],
  latitude: null,
  longitude: null,
  place: '厂区',
  checklist: [],
  findings: [],
  ...over,
});

const signed = (version: number, png = SIGNATURE) => ({ signerName: '张厂长', signaturePng: png, version });

beforeAll(async () => {
  t = await buildTestApp();
  officer = await loginAs(t, ['inspector']);
  outsider = await loginAs(t, ['inspector']);
  leader = await loginAs(t, ['leader']);
  clerk = await loginAs(t, ['clerk']);
  firm = await makeEnterprise(t);
  // the firm is the library's only object (a special source: always drawn); the officer draws it
  const db = t.database.db;
  const actor = { id: officer.userId, name: '执法·测试', roles: ['inspector'], ip: null };
  await putObject(db, actor, { enterpriseId: firm.id, class: 'special', basis: '上年度受到处罚' });
  for (const name of ['甲', '乙', '丙'])
    await createInspector(db, actor, { userId: null, name, townCode: null, active: true, conflicts: [] });
  const plan = await createPlan(db, actor, {
    name: '保密测试计划',
    year: Number(today.slice(0, 4)),
    period: 'quarter',
    quarter: 1,
  });
  drawId = (await createDraw(db, actor, plan.id, { seed: 'draw-team-test', at: new Date() })).id;
});
afterAll(() => t.close());

async function draft(by: Client, over: Record<string, unknown> = {}): Promise<string> {
  const res = await by.request({ method: 'POST', url: '/api/site-inspections', payload: record(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const photo = (by: Client, id: string) =>
  by.request({
    method: 'POST',
    url: `/api/site-inspections/${id}/photos?name=${encodeURIComponent('现场.png')}`,
    payload: pngImage(8, 8, () => [90, 120, 90]),
    headers: { 'content-type': 'image/png' },
  });

describe('site inspections: a record tied to an unpublished draw is its team’s alone', () => {
  let id: string;

  it('nobody off the team saves, photographs or completes it, and it stays tied to its draw', async () => {
    id = await draft(officer, { drawId });
    for (const who of [outsider, leader]) {
      // an outsider is shown no drawId, so its save would untie the record: refused like a tie
      const save = await who.request({
        method: 'PUT',
        url: `/api/site-inspections/${id}`,
        payload: { ...record(), version: 1 },
      });
      expect(save.statusCode, save.body).toBe(403);
      expect(save.json()).toMatchObject({
        code: 'INSPECTION_DRAW_SECRET',
        detail: '该记录属于尚未公开的双随机抽查，只有检查组成员可以修改、上传照片或完成',
      });
      const up = await photo(who, id);
      expect(up.statusCode, up.body).toBe(403);
      expect(up.json().code).toBe('INSPECTION_DRAW_SECRET');
      const done = await who.request({
        method: 'POST',
        url: `/api/site-inspections/${id}/complete`,
        payload: signed(1),
      });
      expect(done.statusCode, done.body).toBe(403);
      expect(done.json().code).toBe('INSPECTION_DRAW_SECRET');
    }
    const mine = (await officer.request({ method: 'GET', url: `/api/site-inspections/${id}` })).json();
    expect(mine).toMatchObject({ drawId, status: 'draft', version: 1, files: [] });
    expect((await photo(officer, id)).statusCode).toBe(201);
    const done = await officer.request({
      method: 'POST',
      url: `/api/site-inspections/${id}/complete`,
      payload: signed(1),
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', drawId });
  });

  it('nobody off the team reads its drawId or lists records by the draw; a refused look is audited', async () => {
    for (const who of [outsider, clerk]) {
      const byDraw = await who.request({ method: 'GET', url: `/api/site-inspections?drawId=${drawId}` });
      expect(byDraw.statusCode, byDraw.body).toBe(403);
      expect(byDraw.json().code).toBe('INSPECTION_DRAW_SECRET');
      const refused = await t.database.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.entityId, drawId), eq(auditEntries.actorId, who.userId)));
      expect(refused.map((a) => a.action)).toEqual(['inspection-draw.view-refused']);
      const list = (await who.request({ method: 'GET', url: `/api/site-inspections?enterpriseId=${firm.id}` })).json();
      expect(list.items.map((r: { id: string }) => r.id)).toContain(id);
      expect(list.items.every((r: { drawId: string | null }) => r.drawId === null)).toBe(true);
      const one = (await who.request({ method: 'GET', url: `/api/site-inspections/${id}` })).json();
      expect(one).toMatchObject({ id, drawId: null, status: 'completed' });
    }
    const team = await officer.request({ method: 'GET', url: `/api/site-inspections?drawId=${drawId}` });
    expect(team.statusCode).toBe(200);
    expect(team.json().items).toEqual([expect.objectContaining({ id, drawId })]);
  });

  it('once published, anyone reading the records reads the tie, and finishes a draft left over', async () => {
    const left = await draft(officer, { drawId });
    const published = await officer.request({ method: 'POST', url: `/api/site-inspections/draws/${drawId}/publish` });
    expect(published.statusCode, published.body).toBe(200);
    const byDraw = await outsider.request({ method: 'GET', url: `/api/site-inspections?drawId=${drawId}` });
    expect(byDraw.statusCode).toBe(200);
    expect(byDraw.json().items.map((r: { drawId: string }) => r.drawId)).toEqual([drawId, drawId]);
    const done = await outsider.request({
      method: 'POST',
      url: `/api/site-inspections/${left}/complete`,
      payload: { refusalReason: '负责人拒绝签字', witness: '村干部王某', version: 1 },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ drawId, status: 'completed' });
  });
});

/** An RGBA PNG whose every pixel is `rgba`: what a canvas exports with nothing drawn on it. */
function filledRgba(width: number, height: number, rgba: number[]): Buffer {
  const raw = Buffer.concat(
    Array.from({ length: height }, () => Buffer.from([0, ...Array.from({ length: width }, () => rgba).flat()])),
  );
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('site inspections: a signature is a drawing with ink', () => {
  it('refuses a blank, a transparent or a fake one in plain words; the record stays an unsigned draft', async () => {
    const id = await draft(officer);
    const fakes = {
      transparent: filledRgba(600, 240, [0, 0, 0, 0]),
      white: pngImage(600, 240, () => [255, 255, 255]),
      'header only': Buffer.concat([filledRgba(1, 1, [0, 0, 0, 255]).subarray(0, 8), Buffer.alloc(60, 0x41)]),
    };
    for (const [what, png] of Object.entries(fakes)) {
      const res = await officer.request({
        method: 'POST',
        url: `/api/site-inspections/${id}/complete`,
        payload: signed(1, png.toString('base64')),
      });
      expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'signaturePng', message: '签名为空白或无法识别，请重新签名' }]);
    }
    const still = (await officer.request({ method: 'GET', url: `/api/site-inspections/${id}` })).json();
    expect(still).toMatchObject({ status: 'draft', version: 1, signerName: null, files: [] });
    const done = await officer.request({
      method: 'POST',
      url: `/api/site-inspections/${id}/complete`,
      payload: signed(1),
    });
    expect(done.statusCode, done.body).toBe(200);
    const sig = done.json().files.find((f: { ownerType: string }) => f.ownerType === 'signature');
    const stored = await officer.request({ method: 'GET', url: `/api/site-inspections/${id}/files/${sig.id}` });
    expect(Buffer.compare(stored.rawPayload, Buffer.from(SIGNATURE, 'base64'))).toBe(0);
  });
});
