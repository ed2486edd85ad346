import { makeValidUscc, todayInShanghai, usccCheckChar } from '@qingshan/core';
import { pinyinFull } from '@qingshan/core/pinyin';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type Client, freshUscc, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { auditEntries } from '../audit/tables.ts';
import { getRuleNumber, updateRule } from '../rules/service.ts';
import { IMPORT_MAX_ROWS_RULE, importEnterpriseFile, serialLane } from './import.ts';
import { sampleWorkbook } from './sample-workbook.ts';
import { EXPORT_MAX_ROWS_RULE } from './service.ts';
import { COLUMNS, csvRecords, readSheetRows, XLSX_TYPE, xlsxPartsInReadingOrder, xlsxReader } from './spreadsheet.ts';
import { enterprises } from './tables.ts';

let t: TestApp;
let clerk: Client;

beforeAll(async () => {
  t = await buildTestApp();
  clerk = await loginAs(t, ['clerk']);
});
afterAll(() => t.close());

function body(overrides: Record<string, unknown> = {}) {
  return {
    name: '上栗金花烟花制造有限公司',
    uscc: freshUscc(),
    address: '上栗县上栗镇金花村',
    townCode: '360322101',
    industryCode: '2672',
    ...overrides,
  };
}

function wrongCheck(uscc: string): { code: string; expected: string } {
  const expected = usccCheckChar(uscc.slice(0, 17));
  const wrong = expected === '0' ? '1' : '0';
  return { code: uscc.slice(0, 17) + wrong, expected };
}

describe('enterprise register', () => {
  it('creates an enterprise with only the required fields and audits it', async () => {
    const res = await clerk.request({ method: 'POST', url: '/api/enterprises', payload: body() });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e.townName).toBe('上栗镇');
    expect(e.industryName).toBe('焰火、鞭炮产品制造');
    expect(e.usccValid).toBe(true);
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, e.id), eq(auditEntries.action, 'enterprise.create')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorName).toBe(clerk.username);
  });

  it('trims and upper-cases the code before checking it', async () => {
    const uscc = freshUscc();
    const res = await clerk.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: body({ uscc: `  ${uscc.toLowerCase()} ` }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().uscc).toBe(uscc);
  });

  it('names the expected check character when it is wrong, and writes nothing', async () => {
    const { code, expected } = wrongCheck(freshUscc());
    const res = await clerk.request({ method: 'POST', url: '/api/enterprises', payload: body({ uscc: code }) });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('USCC_INVALID');
    expect(res.json().errors[0].path).toBe('uscc');
    expect(res.json().errors[0].message).toContain(expected);
    const list = await clerk.request({ method: 'GET', url: `/api/enterprises?q=${code}` });
    expect(list.json().total).toBe(0);
  });

  it('says which rule failed for length and alphabet errors', async () => {
    const short = await clerk.request({ method: 'POST', url: '/api/enterprises', payload: body({ uscc: '91360322' }) });
    expect(short.json().errors[0].message).toContain('18');
    const bad = await clerk.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: body({ uscc: '91360322MA35IOSVZ1' }),
    });
    expect(bad.json().errors[0].message).toMatch(/I|O|S|V|Z/);
  });

  it('lets staff override a wrong check character with a reason, audited and flagged', async () => {
    const { code } = wrongCheck(freshUscc());
    const res = await clerk.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: body({ uscc: code, usccOverrideReason: '营业执照原件所载代码如此，已电话核实' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().usccValid).toBe(false);
    expect(res.json().usccOverrideReason).toContain('营业执照');
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, res.json().id));
    expect(audit.map((a) => a.action)).toContain('enterprise.create-uscc-override');
  });

  it('refuses a duplicate code with 409 naming the existing record', async () => {
    const first = await clerk.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: body({ name: '上栗县原有企业' }),
    });
    const dup = await clerk.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: body({ name: '另一家', uscc: first.json().uscc }),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ENTERPRISE_DUPLICATE_USCC');
    expect(dup.json().detail).toContain('上栗县原有企业');
    expect(dup.json().existingId).toBe(first.json().id);
  });

  it('validates town, industry class and unknown fields with field paths', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: body({ townCode: '360322999', industryCode: '26', color: 'red' }),
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['townCode', 'industryCode', 'color']));
  });

  it('searches Chinese names, codes in either case and Latin names in any case; totals every page', async () => {
    const a = await makeEnterprise(t, { name: '搜索用ABC化工甲厂' });
    await makeEnterprise(t, { name: '搜索用ABC化工乙厂' });
    await makeEnterprise(t, { name: '搜索用ABC化工丙厂' });
    const get = async (q: string, extra = '') =>
      (await clerk.request({ method: 'GET', url: `/api/enterprises?q=${encodeURIComponent(q)}${extra}` })).json();
    expect((await get('搜索用')).total).toBe(3);
    expect((await get('abc化工甲')).items.map((e: { id: string }) => e.id)).toEqual([a.id]);
    expect((await get(a.uscc.toLowerCase())).items.map((e: { id: string }) => e.id)).toEqual([a.id]);
    expect((await get('ssyabc')).total).toBe(3);
    // the total comes with each page, and still after the last one
    const p2 = await get('搜索用', '&pageSize=2&page=2&sort=name');
    expect(p2).toMatchObject({ total: 3 });
    expect(p2.items).toHaveLength(1);
    expect(await get('搜索用', '&pageSize=2&page=3')).toMatchObject({ total: 3, items: [] });
    // names go in pinyin order (丙 bing, 甲 jia, 乙 yi), not by code point (丙 乙 甲)
    const byName = async (sort: string) =>
      (await get('搜索用', `&sort=${sort}`)).items.map((e: { name: string }) => e.name.slice(-2, -1));
    expect(await byName('name')).toEqual(['丙', '甲', '乙']);
    expect(await byName('-name')).toEqual(['乙', '甲', '丙']);
    expect(await get('没有这样的企业名')).toMatchObject({ total: 0, items: [] });
  });

  it('finds an enterprise by pinyin initials, name and code; filters, sorts and pages', async () => {
    const uscc = freshUscc();
    await clerk.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: body({ name: '上栗金花测试烟花厂', uscc, townCode: '360322103' }),
    });
    const byInitials = await clerk.request({ method: 'GET', url: '/api/enterprises?q=sljh' });
    expect(byInitials.json().items.map((e: { name: string }) => e.name)).toContain('上栗金花测试烟花厂');
    const byCode = await clerk.request({ method: 'GET', url: `/api/enterprises?q=${uscc.slice(-6)}` });
    // freshUscc's codes share their tail often, so the partial code may find more than one
    expect(byCode.json().items.map((e: { uscc: string }) => e.uscc)).toContain(uscc);
    const byTown = await clerk.request({ method: 'GET', url: '/api/enterprises?townCode=360322103' });
    expect(byTown.json().items.every((e: { townCode: string }) => e.townCode === '360322103')).toBe(true);
    const page = await clerk.request({ method: 'GET', url: '/api/enterprises?pageSize=2&page=1&sort=-name' });
    expect(page.json().items).toHaveLength(2);
    expect(page.json().total).toBeGreaterThan(2);
    const names: string[] = page.json().items.map((e: { name: string }) => e.name);
    const keys = names.map(pinyinFull);
    expect([...keys].sort().reverse()).toEqual(keys);
  });

  it('masks contact phones; unmasking shows them and is audited', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: body({ contacts: [{ name: '李四', phone: '13812345678', role: '环保专员' }] }),
    });
    expect(res.json().contacts[0].phone).toBe('138****5678');
    const id = res.json().id;
    const un = await clerk.request({ method: 'POST', url: `/api/enterprises/${id}/unmask` });
    expect(un.json().contacts[0].phone).toBe('13812345678');
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, id));
    expect(audit.map((a) => a.action)).toContain('enterprise.unmask-contacts');
  });

  it('records before and after of an update', async () => {
    const id = (await clerk.request({ method: 'POST', url: '/api/enterprises', payload: body() })).json().id;
    const res = await clerk.request({
      method: 'PATCH',
      url: `/api/enterprises/${id}`,
      payload: { status: 'suspended', version: 1 },
    });
    expect(res.statusCode).toBe(200);
    const [entry] = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, id), eq(auditEntries.action, 'enterprise.update')));
    expect((entry!.before as { status: string }).status).toBe('operating');
    expect((entry!.after as { status: string }).status).toBe('suspended');
  });
});

describe('an enterprise user sees only its own file', () => {
  it('lists only its own enterprise and is refused on another', async () => {
    const own = await makeEnterprise(t);
    const other = await makeEnterprise(t);
    const user = await loginAs(t, ['enterprise'], own.id);
    const list = await user.request({ method: 'GET', url: '/api/enterprises?pageSize=200' });
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([own.id]);
    expect((await user.request({ method: 'GET', url: `/api/enterprises/${own.id}` })).statusCode).toBe(200);
    const refused = await user.request({ method: 'GET', url: `/api/enterprises/${other.id}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN_RECORD');
    const patch = await user.request({
      method: 'PATCH',
      url: `/api/enterprises/${other.id}`,
      payload: { address: '改', version: 1 },
    });
    expect(patch.statusCode).toBe(403);
    const unmask = await user.request({ method: 'POST', url: `/api/enterprises/${other.id}/unmask` });
    expect(unmask.statusCode).toBe(403);
  });

  it('may edit its contacts and address but not its credit grade', async () => {
    const own = await makeEnterprise(t);
    const user = await loginAs(t, ['enterprise'], own.id);
    const ok = await user.request({
      method: 'PATCH',
      url: `/api/enterprises/${own.id}`,
      payload: { contacts: [{ name: '王五', phone: '13900000000' }], version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    const no = await user.request({
      method: 'PATCH',
      url: `/api/enterprises/${own.id}`,
      payload: { status: 'closed', version: 2 },
    });
    expect(no.statusCode).toBe(403);
    expect(no.json().detail).toContain('status');
  });
});

describe('enterprises: one writer for the credit grade', () => {
  it('refuses creditGrade on an edit, for staff too, saying where the grade is recorded; nothing changes', async () => {
    const firm = await makeEnterprise(t, { creditGrade: 'blue' });
    const res = await clerk.request({
      method: 'PATCH',
      url: `/api/enterprises/${firm.id}`,
      payload: { creditGrade: 'green', address: '改地址', version: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'creditGrade' }] });
    expect(res.json().errors[0].message).toContain('登记环境信用评价');
    const after = (await clerk.request({ method: 'GET', url: `/api/enterprises/${firm.id}` })).json();
    expect(after).toMatchObject({ creditGrade: 'blue', address: '上栗县上栗镇测试路1号', version: 1 });
    // the grade moves only with a credit record, and the register shows the latest
    const leader = await loginAs(t, ['leader']);
    const rec = await leader.request({
      method: 'POST',
      url: '/api/credit',
      payload: {
        enterpriseId: firm.id,
        grade: 'yellow',
        basis: '2026 年度评价 萍环信〔2026〕2号',
        ratedOn: '2026-01-05',
      },
    });
    expect(rec.statusCode, rec.body).toBe(201);
    expect((await clerk.request({ method: 'GET', url: `/api/enterprises/${firm.id}` })).json().creditGrade).toBe(
      'yellow',
    );
  });
});

async function runImport(c: Client, payload: Buffer | string, type: string) {
  const res = await c.request({
    method: 'POST',
    url: '/api/enterprises/import',
    payload,
    headers: { 'content-type': type },
  });
  expect(res.statusCode, res.body).toBe(202);
  await Promise.all(t.jobs);
  const job = await c.request({ method: 'GET', url: `/api/jobs/${res.json().jobId}` });
  return job.json();
}

describe('import and export', () => {
  it('imports CSV row by row: good rows saved, bad rows reported, re-import changes nothing', async () => {
    const good1 = freshUscc();
    const good2 = freshUscc();
    const { code: bad } = wrongCheck(freshUscc());
    const csv = [
      '企业名称,统一社会信用代码,地址,乡镇,行业代码,联系人,联系电话',
      `导入一号花炮厂,${good1},上栗镇一号路,上栗镇,2672,张三,13800000001`,
      `导入二号陶瓷厂,${good2},金山镇二号路,360322103,3073,,`,
      `导入坏代码厂,${bad},福田镇,福田镇,2672,,`,
      `导入坏乡镇厂,${freshUscc()},某地,不存在镇,2672,,`,
      `导入重复厂,${good1},上栗镇,上栗镇,2672,,`,
    ].join('\n');
    const first = await runImport(clerk, Buffer.from(csv), 'text/csv');
    expect(first.status).toBe('done');
    expect(first.processed).toBe(5);
    expect(first.result).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 3 });
    expect(first.result.errors.map((e: { row: number }) => e.row)).toEqual([4, 5, 6]);
    expect(first.result.errors[0].reason).toContain('校验码');
    const again = await runImport(clerk, Buffer.from(csv), 'text/csv');
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 3 });
  });

  it('reads a GB18030 CSV saved by Excel on Chinese Windows', async () => {
    const uscc = freshUscc();
    const text = `企业名称,统一社会信用代码,地址,乡镇,行业代码\n国标编码砖厂,${uscc},彭高镇,彭高镇,3031\n`;
    // GB18030 bytes for the Chinese text, built with TextDecoder's inverse via a lookup of each char.
    const gb = encodeGb18030(text);
    const r = await runImport(clerk, gb, 'text/csv');
    expect(r.result.created).toBe(1);
    const found = await clerk.request({ method: 'GET', url: `/api/enterprises?q=${uscc}` });
    expect(found.json().items[0].name).toBe('国标编码砖厂');
  });

  it('exports xlsx that imports back unchanged', async () => {
    const e = await makeEnterprise(t, { townCode: '360322203', name: '导出往返测试企业' });
    const res = await clerk.request({ method: 'GET', url: '/api/enterprises/export?townCode=360322203' });
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const names: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(1).value));
    });
    expect(names).toContain(e.name);
    const back = await runImport(clerk, res.rawPayload, XLSX_TYPE);
    expect(back.result.failed).toBe(0);
    expect(back.result.created).toBe(0);
    expect(back.result.updated).toBe(0);
  });

  it('names the export and the template by their Chinese titles and the date in Shanghai', async () => {
    const before = todayInShanghai();
    const exported = await clerk.request({ method: 'GET', url: '/api/enterprises/export?townCode=360322203' });
    const template = await clerk.request({ method: 'GET', url: '/api/enterprises/import-template' });
    const after = todayInShanghai();
    for (const [res, zh] of [
      [exported, '企业名录'],
      [template, '企业导入模板'],
    ] as const) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX_TYPE);
      const header = String(res.headers['content-disposition']);
      const stamp = /filename="enterprises-(\d{4}-\d{2}-\d{2})\.xlsx"/.exec(header)?.[1];
      expect([before, after]).toContain(stamp);
      expect(header).toBe(
        `attachment; filename="enterprises-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${zh}-${stamp}.xlsx`)}`,
      );
    }
  });

  it('refuses a file that is not a spreadsheet with a clear error', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/enterprises/import',
      payload: Buffer.from('not a zip'),
      headers: { 'content-type': XLSX_TYPE },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IMPORT_UNREADABLE');
  });
});

/** The export of one town's register as a workbook, and a way to edit one cell of it. */
async function exportTown(townCode: string): Promise<Buffer> {
  const res = await clerk.request({ method: 'GET', url: `/api/enterprises/export?townCode=${townCode}` });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

async function editCell(file: Buffer, uscc: string, header: string, value: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as never);
  const ws = wb.worksheets[0]!;
  const col = COLUMNS.findIndex((c) => c.header === header) + 1;
  const usccCol = COLUMNS.findIndex((c) => c.key === 'uscc') + 1;
  let hit = 0;
  ws.eachRow((row, n) => {
    if (n > 1 && String(row.getCell(usccCol).value) === uscc) {
      row.getCell(col).value = value;
      hit++;
    }
  });
  expect(hit).toBe(1);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the register by spreadsheet round-trips', () => {
  const town = '360322202';
  const made: { id: string; uscc: string }[] = [];

  beforeAll(async () => {
    // every column filled in, with the values that broke the round trip: masked phones, a status
    // other than the default, credit grades and tags (written as keys before), a second contact
    made.push(
      await makeEnterprise(t, {
        townCode: town,
        name: '往返测试一号花炮厂',
        legalRepresentative: '赵一',
        contacts: [
          { name: '钱二', phone: '13812345678', role: '环保专员' },
          { name: '孙三', phone: '0799-7654321' },
        ],
        location: { lat: 27.8812, lng: 113.7934 },
        status: 'suspended',
        tags: ['key-polluter', 'medical-waste-disposal'],
        creditGrade: 'yellow',
      }),
      await makeEnterprise(t, {
        townCode: town,
        name: '往返测试二号陶瓷厂',
        contacts: [{ name: '李四', phone: '07997654321' }],
        creditGrade: 'green',
        tags: ['positive-list'],
      }),
      await makeEnterprise(t, { townCode: town, name: '往返测试三号砖厂', status: 'closed' }),
      // a code accepted by override despite its check character (rules.md §7) round-trips too
      await makeEnterprise(t, {
        townCode: town,
        name: '往返测试四号人工核准厂',
        uscc: wrongCheck(freshUscc()).code,
        usccOverrideReason: '营业执照原件所载代码如此，已电话核实',
      }),
    );
  });

  it('writes the labels the UI shows, phones masked', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportTown(town)) as never);
    const ws = wb.worksheets[0]!;
    const rows: Record<string, string>[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      rows.push(Object.fromEntries(COLUMNS.map((c, i) => [c.header, String(row.getCell(i + 1).value ?? '')])));
    });
    const first = rows.find((r) => r.企业名称 === '往返测试一号花炮厂')!;
    expect(first.状态).toBe('停产');
    expect(first.信用等级).toBe('环保警示企业（黄牌）');
    expect(first.标签).toBe('重点排污单位，医疗废物、废水处置');
    expect(first.联系电话).toBe('138****5678');
    expect(rows.find((r) => r.企业名称 === '往返测试二号陶瓷厂')!.状态).toBe('在营');
  });

  it('imports its own export untouched: 0 errors, 0 changes', async () => {
    const before = await t.database.db.select().from(enterprises).where(eq(enterprises.townCode, town));
    const back = await runImport(clerk, await exportTown(town), XLSX_TYPE);
    expect(back.status).toBe('done');
    expect(back.result).toMatchObject({ created: 0, updated: 0, failed: 0, unchanged: made.length, errors: [] });
    const after = await t.database.db.select().from(enterprises).where(eq(enterprises.townCode, town));
    expect(after).toEqual(before);
  });

  it('applies exactly the one cell that was edited, keeping the real phones', async () => {
    const target = made[0]!;
    const edited = await editCell(await exportTown(town), target.uscc, '地址', '上栗县东源乡新址路9号');
    const before = await t.database.db.select().from(enterprises).where(eq(enterprises.townCode, town));
    const back = await runImport(clerk, edited, XLSX_TYPE);
    expect(back.result).toMatchObject({ created: 0, updated: 1, failed: 0, unchanged: made.length - 1 });
    const after = await t.database.db.select().from(enterprises).where(eq(enterprises.townCode, town));
    for (const b of before) {
      const a = after.find((x) => x.id === b.id)!;
      if (b.id !== target.id) expect(a).toEqual(b);
      else {
        const { address, updatedAt: _ua, updatedBy: _ub, version, ...rest } = a;
        const { address: oldAddress, updatedAt: _u, updatedBy: _b, version: oldVersion, ...oldRest } = b;
        expect(address).toBe('上栗县东源乡新址路9号');
        expect(oldAddress).not.toBe(address);
        expect(version).toBe(oldVersion + 1);
        expect(rest).toEqual(oldRest);
        expect(a.contacts).toEqual(b.contacts);
        expect(a.contacts[0]!.phone).toBe('13812345678');
      }
    }
  });

  it('reads a status typed as the UI shows it, or as the old template wrote it', async () => {
    const target = made[1]!;
    const suspended = await runImport(
      clerk,
      await editCell(await exportTown(town), target.uscc, '状态', '停产'),
      XLSX_TYPE,
    );
    expect(suspended.result).toMatchObject({ updated: 1, failed: 0 });
    const old = await runImport(
      clerk,
      await editCell(await exportTown(town), target.uscc, '状态', '正常生产'),
      XLSX_TYPE,
    );
    expect(old.result).toMatchObject({ updated: 1, failed: 0 });
    const [row] = await t.database.db.select().from(enterprises).where(eq(enterprises.id, target.id));
    expect(row!.status).toBe('operating');
  });

  it('names the column and lists the allowed values for a value it does not know', async () => {
    const target = made[1]!;
    const res = await runImport(
      clerk,
      await editCell(await exportTown(town), target.uscc, '状态', '营运中'),
      XLSX_TYPE,
    );
    expect(res.result.failed).toBe(1);
    expect(res.result.errors[0].reason).toBe('状态：“营运中”不是可选值，可选：在营、停产、关闭');
    const grade = await runImport(
      clerk,
      await editCell(await exportTown(town), target.uscc, '信用等级', '紫牌'),
      XLSX_TYPE,
    );
    expect(grade.result.errors[0].reason).toMatch(/^信用等级：“紫牌”不是可选值，可选：环保诚信企业（绿牌）、/);
  });

  it('refuses a masked phone for a number the register does not hold, naming 联系电话', async () => {
    const csv = [
      '企业名称,统一社会信用代码,地址,乡镇,行业代码,联系人,联系电话',
      `新企业带隐藏号码,${freshUscc()},上栗镇,上栗镇,2672,王五,139****0000`,
    ].join('\n');
    const res = await runImport(clerk, csv, 'text/csv');
    expect(res.result).toMatchObject({ created: 0, failed: 1 });
    expect(res.result.errors[0].reason).toMatch(/^联系电话：“139\*\*\*\*0000”是隐藏了中间位的号码/);
    const phone = await runImport(
      clerk,
      await editCell(await exportTown(town), made[0]!.uscc, '联系电话', '12345'),
      XLSX_TYPE,
    );
    expect(phone.result.errors[0].reason).toMatch(/^联系电话：电话应为 11 位手机号/);
  });
});

describe('CSV cells are read as the text the clerk typed', () => {
  it('keeps leading zeros, hyphen-less landlines and all-digit codes', async () => {
    let digits = '';
    for (let n = 0; !digits; n++) {
      const code = makeValidUscc(`1136032200${String(Date.now() + n).slice(-7)}`);
      if (/^\d{18}$/.test(code)) digits = code;
    }
    const csv = [
      '企业名称,统一社会信用代码,地址,乡镇,行业代码,联系人,联系电话',
      `全数字代码稻谷合作社,${digits},上栗镇,上栗镇,0111,张三,07991234567`,
    ].join('\r\n');
    const r = await runImport(clerk, csv, 'text/csv');
    expect(r.result.errors).toEqual([]);
    expect(r.result.created).toBe(1);
    const [row] = await t.database.db.select().from(enterprises).where(eq(enterprises.uscc, digits));
    expect(row!.industryCode).toBe('0111');
    expect(row!.contacts[0]!.phone).toBe('07991234567');
  });

  it('parses quoted cells, doubled quotes and line breaks inside quotes', () => {
    expect([...csvRecords('a,"b,c","say ""hi"""\r\n"two\nlines",0313,\n')]).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['two\nlines', '0313', ''],
    ]);
  });
});

/** A row cap set as an admin would, through the rules registry. */
const setRule = (key: string, value: number) =>
  t.database.db.transaction((tx) =>
    updateRule(tx, SYSTEM_ACTOR, key, { value, source: '测试', effectiveFrom: '2020-01-01', reason: '测试上限' }),
  );

describe('exports cannot exhaust the server', () => {
  const setCap = (value: number) => setRule(EXPORT_MAX_ROWS_RULE, value);

  it('refuses an export over the rule cap, saying how many matched, and exports a narrower filter', async () => {
    expect(await getRuleNumber(t.database.db, EXPORT_MAX_ROWS_RULE)).toBe(20000);
    const all = (await clerk.request({ method: 'GET', url: '/api/enterprises?pageSize=1' })).json().total as number;
    expect(all).toBeGreaterThan(2);
    await setCap(2);
    try {
      const refused = await clerk.request({ method: 'GET', url: '/api/enterprises/export' });
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ code: 'ENTERPRISE_EXPORT_TOO_LARGE', total: all, max: 2 });
      expect(refused.json().detail).toContain(`共 ${all} 家`);
      const uscc = (await clerk.request({ method: 'GET', url: '/api/enterprises?pageSize=1' })).json().items[0].uscc;
      const narrow = await clerk.request({ method: 'GET', url: `/api/enterprises/export?q=${uscc}` });
      expect(narrow.statusCode).toBe(200);
      expect(narrow.headers['content-type']).toContain(XLSX_TYPE);
    } finally {
      await setCap(20000);
    }
  });
});

describe('imports cannot exhaust the server', () => {
  it('refuses a file over the row cap before writing anything, and the job says why', async () => {
    const cap = await getRuleNumber(t.database.db, IMPORT_MAX_ROWS_RULE);
    expect(cap).toBe(10000);
    const res = await runImport(clerk, await sampleWorkbook(cap + 1, 500_000), XLSX_TYPE);
    expect(res.status).toBe('failed');
    expect(res.error).toContain(`${cap} 行的导入上限`);
    const written = await t.database.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.name, '上栗县样例第500000号花炮制造有限公司'));
    expect(written).toEqual([]);
  });

  it('takes the cap from the rules registry, so an admin can change it', async () => {
    const setCap = (value: number) => setRule(IMPORT_MAX_ROWS_RULE, value);
    await setCap(3);
    try {
      const csv = ['企业名称,统一社会信用代码', ...Array.from({ length: 4 }, (_, i) => `上限测试${i},${freshUscc()}`)];
      const res = await runImport(clerk, csv.join('\n'), 'text/csv');
      expect(res.status).toBe('failed');
      expect(res.error).toContain('超过 3 行的导入上限');
    } finally {
      await setCap(10000);
    }
  });

  it('runs imports one after another, even when one fails', async () => {
    const lane = serialLane();
    const order: string[] = [];
    let release!: () => void;
    const first = lane(async () => {
      order.push('first starts');
      await new Promise<void>((r) => {
        release = r;
      });
      order.push('first ends');
      throw new Error('first fails');
    });
    const second = lane(async () => {
      order.push('second starts');
      return 2;
    });
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['first starts']);
    release();
    await expect(first).rejects.toThrow('first fails');
    await expect(second).resolves.toBe(2);
    expect(order).toEqual(['first starts', 'first ends', 'second starts']);
  });

  it('fails the job with a reason for a damaged workbook', async () => {
    const good = await sampleWorkbook(50, 600_000);
    const truncated = Buffer.concat([good.subarray(0, 200), Buffer.alloc(good.length - 200, 0x41)]);
    const cut = await runImport(clerk, truncated, XLSX_TYPE);
    expect(cut.status).toBe('failed');
    expect(cut.error).toContain('不是有效的 xlsx 工作簿');
    // directory intact, compressed data of the parts overwritten
    const scrambled = Buffer.from(good);
    for (const part of xlsxPartsInReadingOrder(good)) scrambled.fill(0x5a, part.start + 60, part.end - 20);
    // the unzip may fail, or wait for ever on the damaged stream: either way the import ends
    await expect(
      importEnterpriseFile(t.database.db, SYSTEM_ACTOR, { body: scrambled, kind: 'xlsx' }, 'zh', undefined, {
        stallMs: 3000,
      }),
    ).rejects.toThrow(/文件无法读取|不是有效的 xlsx|文件读取停滞/);
  });

  it('reads shared strings before the sheets, so no sheet is copied to a temporary file', async () => {
    const file = await sampleWorkbook(5, 800_000);
    // exceljs's writer puts the shared strings after the sheet, as Excel may
    const stored = new ExcelJS.Workbook();
    await stored.xlsx.load(file as never);
    const parts = xlsxPartsInReadingOrder(file).map((p) => p.name);
    expect(parts).toEqual([
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const rows: string[] = [];
    for await (const row of readSheetRows(file, 'xlsx')) rows.push(row.values.name ?? '');
    expect(rows).toEqual(
      stored.worksheets[0]!.getSheetValues()
        .slice(2)
        .map((r) => (r as string[])[1]),
    );
  });

  it('fails the job for a workbook without the header columns', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['甲', '乙']);
    const res = await runImport(clerk, Buffer.from(await wb.xlsx.writeBuffer()), XLSX_TYPE);
    expect(res.status).toBe('failed');
    expect(res.error).toContain('企业名称');
  });

  it('streams the workbook and handles rows in batches, reporting rows as they are read', async () => {
    const reader = vi.spyOn(xlsxReader, 'open');
    const progress: [number, number][] = [];
    const batches: number[] = [];
    try {
      const result = await importEnterpriseFile(
        t.database.db,
        SYSTEM_ACTOR,
        { body: await sampleWorkbook(25, 700_000), kind: 'xlsx' },
        'zh',
        { id: 'test', progress: async (p, n) => void progress.push([p, n]) },
        { batchRows: 10, onBatch: (n) => batches.push(n) },
      );
      expect(result).toMatchObject({ created: 25, failed: 0 });
      // both passes (count, then save) stream with exceljs's row-by-row reader
      expect(reader).toHaveBeenCalledTimes(2);
      expect(reader.mock.results[0]!.value).toBeInstanceOf(ExcelJS.stream.xlsx.WorkbookReader);
    } finally {
      reader.mockRestore();
    }
    expect(batches).toEqual([10, 10, 5]);
    // counting: rows read so far; then saving: rows saved of the known total
    expect(progress).toEqual([
      [0, 10],
      [0, 20],
      [0, 25],
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
    const codes = Array.from({ length: 25 }, (_, i) =>
      makeValidUscc(`91360322MA${String(700_000 + i).padStart(7, '0')}`),
    );
    const rows = await t.database.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(inArray(enterprises.uscc, codes));
    expect(rows).toHaveLength(25);
  });
});

// Node has no GB18030 encoder; invert the decoder over the BMP once for the few chars we need.
function encodeGb18030(text: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    let found = false;
    for (let hi = 0x81; hi <= 0xfe && !found; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        if (dec.decode(new Uint8Array([hi, lo])) === ch) {
          out.push(hi, lo);
          found = true;
          break;
        }
      }
    }
    if (!found) throw new Error(`cannot encode ${ch}`);
  }
  return Buffer.from(out);
}
