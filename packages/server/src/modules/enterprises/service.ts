import { checkUscc, type EnterpriseCreate, type EnterprisePatch, normalizeUscc } from '@qingshan/core';
import { and, asc, desc, eq, ilike, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { pgErrorOf } from '../../db/errors.ts';
import { containsPattern, escapeLike } from '../../db/like.ts';
import { AppError, type FieldErrorMsg } from '../../errors.ts';
import { hasRole, isStaff, type SessionUser } from '../../plugins/auth.ts';
import { paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { getRuleNumber } from '../rules/service.ts';
import type { SORTS } from './schema.ts';
import { enterprises } from './tables.ts';

export type EnterpriseRow = typeof enterprises.$inferSelect;

// Fields an enterprise user may change on its own file; the rest (status, tags, credit, code)
// are the bureau's to set.
const ENTERPRISE_EDITABLE = new Set(['legalRepresentative', 'contacts', 'address', 'location']);

export function assertCanRead(user: SessionUser | null, enterpriseId: string): void {
  if (isStaff(user)) return;
  if (user && hasRole(user, 'enterprise') && user.enterpriseId === enterpriseId) return;
  throw new AppError('FORBIDDEN_RECORD', {
    detail: { zh: '企业用户只能查看本企业的档案。', en: 'An enterprise user may only see its own file.' },
  });
}

/** The audit view of a record: what a reviewer needs to see changed, phones included. */
function auditView(r: EnterpriseRow) {
  const { nameSearch: _n, version: _v, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}

function usccErrors(uscc: string, overrideReason: string | undefined, canOverride: boolean) {
  const check = checkUscc(uscc);
  if (check.ok) return { value: check.value, valid: true, errors: [] as FieldErrorMsg[] };
  const errors: FieldErrorMsg[] = [{ path: 'uscc', message: { zh: check.message, en: check.messageEn } }];
  if (overrideReason && canOverride && check.rule === 'check') {
    return { value: check.value, valid: false, errors: [] as FieldErrorMsg[] };
  }
  if (overrideReason && !canOverride) {
    errors.push({
      path: 'usccOverrideReason',
      message: { zh: '您无权强制保存未通过校验的代码', en: 'You may not override a failed check' },
    });
  } else if (overrideReason && check.rule !== 'check') {
    errors.push({
      path: 'usccOverrideReason',
      message: {
        zh: '只有校验位不符的代码可以人工核准；长度或字符错误必须更正',
        en: 'Only a wrong check character can be overridden; length or alphabet errors must be corrected',
      },
    });
  }
  return { value: check.value, valid: false, errors };
}

async function assertUsccFree(tx: Tx, uscc: string, exceptId?: string) {
  const [dup] = await tx
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.uscc, uscc))
    .limit(1);
  if (dup && dup.id !== exceptId) {
    throw new AppError('ENTERPRISE_DUPLICATE_USCC', {
      detail: {
        zh: `统一社会信用代码 ${uscc} 已登记为“${dup.name}”。`,
        en: `Code ${uscc} is already registered to "${dup.name}".`,
      },
      errors: [{ path: 'uscc', message: { zh: `已登记为“${dup.name}”`, en: `already registered to "${dup.name}"` } }],
      extra: { existingId: dup.id, existingName: dup.name },
    });
  }
}

async function columnsFrom(input: EnterpriseCreate | EnterprisePatch) {
  const out: Partial<typeof enterprises.$inferInsert> = {};
  if (input.name !== undefined) {
    out.name = input.name;
    // pinyin-pro's dictionaries (3.8 MB of heap) load with the first name written, not at start
    const { searchKey } = await import('@qingshan/core/pinyin');
    out.nameSearch = searchKey(input.name);
  }
  if (input.legalRepresentative !== undefined) out.legalRepresentative = input.legalRepresentative ?? null;
  if (input.contacts !== undefined) out.contacts = input.contacts ?? [];
  if (input.address !== undefined) out.address = input.address;
  if (input.townCode !== undefined) out.townCode = input.townCode;
  if (input.industryCode !== undefined) out.industryCode = input.industryCode;
  if (input.location !== undefined) {
    out.lat = input.location?.lat ?? null;
    out.lng = input.location?.lng ?? null;
  }
  if (input.status !== undefined) out.status = input.status;
  if (input.tags !== undefined) out.tags = input.tags;
  // only a new firm's first grade comes this way (register, import); later ones are credit records
  if ('creditGrade' in input && input.creditGrade !== undefined) out.creditGrade = input.creditGrade ?? null;
  return out;
}

export async function createEnterprise(db: Db, actor: Actor, input: EnterpriseCreate): Promise<EnterpriseRow> {
  const u = usccErrors(input.uscc, input.usccOverrideReason, true);
  if (u.errors.length) throw new AppError('USCC_INVALID', { errors: u.errors });
  return usccRace(db, u.value, undefined, () => createInTx(db, actor, input, u));
}

// Two creates of one code at once both pass assertUsccFree; the unique index refuses the second.
// Asking again after the winner committed gives the loser the same answer (with the existing
// enterprise's name and id) as a sequential duplicate.
async function usccRace<T>(db: Db, uscc: string, exceptId: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (pgErrorOf(e)?.constraint === 'enterprises_uscc_unique') await assertUsccFree(db, uscc, exceptId);
    throw e;
  }
}

function createInTx(db: Db, actor: Actor, input: EnterpriseCreate, u: ReturnType<typeof usccErrors>) {
  return db.transaction(async (tx) => {
    await assertUsccFree(tx, u.value);
    const [row] = await tx
      .insert(enterprises)
      .values({
        ...((await columnsFrom(input)) as typeof enterprises.$inferInsert),
        uscc: u.value,
        usccValid: u.valid,
        usccOverrideReason: u.valid ? null : (input.usccOverrideReason ?? null),
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: u.valid ? 'enterprise.create' : 'enterprise.create-uscc-override',
      entityType: 'enterprise',
      entityId: row!.id,
      after: auditView(row!),
    });
    return row!;
  });
}

export async function getEnterprise(db: Tx, id: string): Promise<EnterpriseRow> {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id)).limit(1);
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '企业不存在', en: 'No such enterprise' } });
  return row;
}

export async function patchEnterprise(
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: string,
  input: EnterprisePatch,
  expectedVersion: number,
): Promise<EnterpriseRow> {
  assertCanRead(user, id);
  if (!isStaff(user)) {
    assertEnterpriseEditable(input);
  }
  return patchEnterpriseAsStaff(db, actor, id, input, expectedVersion);
}

function assertEnterpriseEditable(input: EnterprisePatch) {
  const denied = Object.keys(input).filter((k) => !ENTERPRISE_EDITABLE.has(k));
  if (denied.length) {
    throw new AppError('FORBIDDEN_ROLE', {
      detail: {
        zh: `企业用户不能修改这些字段：${denied.join('、')}`,
        en: `An enterprise user may not change: ${denied.join(', ')}`,
      },
    });
  }
}

/** The update itself; callers have already decided that the actor may make it. */
export async function patchEnterpriseAsStaff(
  db: Db,
  actor: Actor,
  id: string,
  input: EnterprisePatch,
  /** The version the editor (or the import) read; a change since then refuses this one. */
  expectedVersion: number,
): Promise<EnterpriseRow> {
  const uscc = input.uscc === undefined ? undefined : normalizeUscc(input.uscc);
  const run = () => patchInTx(db, actor, id, input, expectedVersion);
  return uscc === undefined ? run() : usccRace(db, uscc, id, run);
}

function patchInTx(
  db: Db,
  actor: Actor,
  id: string,
  input: EnterprisePatch,
  expectedVersion: number,
): Promise<EnterpriseRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(enterprises).where(eq(enterprises.id, id)).for('update');
    if (!before) throw new AppError('RECORD_NOT_FOUND');
    if (before.version !== expectedVersion) throw new AppError('RECORD_CHANGED');
    const set: Partial<typeof enterprises.$inferInsert> = await columnsFrom(input);
    let action = 'enterprise.update';
    if (input.uscc !== undefined) {
      const normalized = normalizeUscc(input.uscc);
      if (normalized !== before.uscc || input.usccOverrideReason !== undefined) {
        const u = usccErrors(input.uscc, input.usccOverrideReason, true);
        if (u.errors.length) throw new AppError('USCC_INVALID', { errors: u.errors });
        await assertUsccFree(tx, u.value, id);
        set.uscc = u.value;
        set.usccValid = u.valid;
        set.usccOverrideReason = u.valid ? null : (input.usccOverrideReason ?? null);
        if (!u.valid) action = 'enterprise.update-uscc-override';
      }
    }
    const [after] = await tx
      .update(enterprises)
      .set({ ...set, updatedAt: new Date(), updatedBy: actor.id, version: before.version + 1 })
      .where(eq(enterprises.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action,
      entityType: 'enterprise',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    return after!;
  });
}

export async function unmaskContacts(db: Db, user: SessionUser, actor: Actor, id: string) {
  assertCanRead(user, id);
  return db.transaction(async (tx) => {
    const row = await getEnterprise(tx, id);
    await recordAudit(tx, actor, {
      action: 'enterprise.unmask-contacts',
      entityType: 'enterprise',
      entityId: id,
      after: { fields: ['contacts.phone'] },
    });
    return row.contacts;
  });
}

export type EnterpriseFilter = {
  q?: string | undefined;
  townCode?: string | undefined;
  industryCode?: string | undefined;
  tag?: string | undefined;
  status?: string | undefined;
  creditGrade?: string | undefined;
};

export type EnterpriseSort = (typeof SORTS)[number];

export function filterConditions(user: SessionUser | null, f: EnterpriseFilter): SQL | undefined {
  const where: SQL[] = [];
  // Enterprise users see only their own file, whatever they ask for.
  const own = ownScope(user, { enterprise: enterprises.id });
  if (own) where.push(own);
  if (f.q) {
    const q = f.q.trim();
    const pattern = containsPattern(q);
    // Cheapest exact form of "name, code or pinyin contains q": a query without letters that have
    // case (Chinese) needs LIKE, not ILIKE, on the name, and cannot match the code or the pinyin
    // key, which hold only A-Z, a-z, 0-9 (and the key's space).
    const caseless = q.toLowerCase() === q.toUpperCase();
    const conds = [caseless ? like(enterprises.name, pattern) : ilike(enterprises.name, pattern)];
    if (/^[A-Za-z0-9 ]+$/.test(q)) {
      conds.push(like(enterprises.uscc, pattern.toUpperCase()), like(enterprises.nameSearch, pattern.toLowerCase()));
    }
    where.push(or(...conds)!);
  }
  if (f.townCode) where.push(eq(enterprises.townCode, f.townCode));
  if (f.industryCode) where.push(sql`${enterprises.industryCode} like ${`${escapeLike(f.industryCode)}%`}`);
  if (f.tag) where.push(sql`${f.tag} = any(${enterprises.tags})`);
  if (f.status) where.push(eq(enterprises.status, f.status));
  if (f.creditGrade) where.push(eq(enterprises.creditGrade, f.creditGrade));
  return where.length ? and(...where) : undefined;
}

// Names in pinyin order, as a Chinese register is read (上栗县东源… before 上栗县上栗镇…), not by
// the characters' code points: the full pinyin after the initials in the stored search key.
const PINYIN_NAME = sql`substr(${enterprises.nameSearch}, strpos(${enterprises.nameSearch}, ' ') + 1)`;

function orderBy(sort: EnterpriseSort) {
  const dir = sort.startsWith('-') ? desc : asc;
  const key = sort.replace('-', '');
  if (key === 'name') return [dir(PINYIN_NAME), dir(enterprises.name), asc(enterprises.id)];
  const col = key === 'uscc' ? enterprises.uscc : enterprises.updatedAt;
  return [dir(col), asc(enterprises.id)];
}

export async function listEnterprises(
  db: Db,
  user: SessionUser | null,
  f: EnterpriseFilter,
  sort: EnterpriseSort,
  page: number,
  pageSize: number,
) {
  const cond = filterConditions(user, f);
  // One scan gives the page and the total (a window count); only a page past the end, which
  // returns no rows to carry the total, needs the separate count.
  let windowTotal: number | undefined;
  return paginate(
    { page, pageSize },
    async (limit, offset) => {
      const rows = await db
        .select({ row: enterprises, total: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(enterprises)
        .where(cond)
        .orderBy(...orderBy(sort))
        .limit(limit)
        .offset(offset);
      windowTotal = rows[0]?.total;
      return rows.map((r) => r.row);
    },
    async () => {
      if (windowTotal !== undefined) return windowTotal;
      if (page === 1) return 0;
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(cond);
      return count?.n ?? 0;
    },
  );
}

export const EXPORT_MAX_ROWS_RULE = 'enterprise.export-max-rows';

/**
 * Every enterprise matching the filters, for the export: at most the rule's cap, or a refusal that
 * says how many matched, so one request never loads an unbounded register into memory.
 */
export async function allMatching(db: Db, user: SessionUser | null, f: EnterpriseFilter, sort: EnterpriseSort) {
  const max = await getRuleNumber(db, EXPORT_MAX_ROWS_RULE);
  const where = filterConditions(user, f);
  // one row over the cap tells a full export from one that would be cut short
  const rows = await db
    .select()
    .from(enterprises)
    .where(where)
    .orderBy(...orderBy(sort))
    .limit(max + 1);
  if (rows.length > max) {
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(where);
    const total = count?.n ?? rows.length;
    throw new AppError('ENTERPRISE_EXPORT_TOO_LARGE', {
      detail: {
        zh: `符合条件的企业共 ${total} 家，超过一次导出的上限 ${max} 家（规则“企业名录导出最多行数”），请按乡镇、行业或状态筛选后分批导出。`,
        en: `${total} enterprises match, more than the ${max} one export may hold (rule "${EXPORT_MAX_ROWS_RULE}"); filter by town, industry or status and export in parts.`,
      },
      extra: { total, max },
    });
  }
  return rows;
}
