import { usccCheckChar } from '@qingshan/core';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, freshUscc, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { XLSX_TYPE } from './spreadsheet.ts';

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
    expect(byCode.json().items[0].uscc).toBe(uscc);
    const byTown = await clerk.request({ method: 'GET', url: '/api/enterprises?townCode=360322103' });
    expect(byTown.json().items.every((e: { townCode: string }) => e.townCode === '360322103')).toBe(true);
    const page = await clerk.request({ method: 'GET', url: '/api/enterprises?pageSize=2&page=1&sort=-name' });
    expect(page.json().items).toHaveLength(2);
    expect(page.json().total).toBeGreaterThan(2);
    const names = page.json().items.map((e: { name: string }) => e.name);
    expect([...names].sort().reverse()).toEqual(names);
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
      payload: { status: 'suspended', creditGrade: 'yellow' },
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
      payload: { address: '改' },
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
      payload: { contacts: [{ name: '王五', phone: '13900000000' }] },
    });
    expect(ok.statusCode).toBe(200);
    const no = await user.request({
      method: 'PATCH',
      url: `/api/enterprises/${own.id}`,
      payload: { creditGrade: 'green' },
    });
    expect(no.statusCode).toBe(403);
    expect(no.json().detail).toContain('creditGrade');
  });
});

async function runImport(c: Client, payload: Buffer, type: string) {
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
