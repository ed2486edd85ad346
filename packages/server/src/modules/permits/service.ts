import { addCalendarDays, todayInShanghai, translate } from '@qingshan/core';
import {
  CHANGE_SUBJECT_LABELS,
  type ExecutionReportKind,
  executionReportsDue,
  OBLIGATION_LABELS,
  OBLIGATION_PROFILE,
  type ObligationKind,
  type ObligationSort,
  obligationPeriodLabel,
  PERMIT_CLASS_LABELS,
  type PermitClass,
  type PermitCreate,
  type PermitPatch,
  permitProblems,
  renewalApplyBy,
} from '@qingshan/core/permits';
import { and, asc, count, desc, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { isStaff, type SessionUser } from '../../plugins/auth.ts';
import { paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { completeClock, startClock } from '../clocks/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notify, usersWithRole } from '../notifications/service.ts';
import { clockProfileValueSchema, getRule } from '../rules/service.ts';
import { users } from '../users/tables.ts';
import { permitObligations, permitReminders, permits } from './tables.ts';

export type PermitRow = typeof permits.$inferSelect;
export type ObligationRow = typeof permitObligations.$inferSelect;
export type ReminderRow = typeof permitReminders.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Staff who follow a permit when no officer is named: the 帮办 window helps with 排污许可. */
const FALLBACK_ROLE = 'clerk' as const;

function notFound(): AppError {
  return new AppError('RECORD_NOT_FOUND', { detail: { zh: '排污许可记录不存在', en: 'No such permit record' } });
}

function stateConflict(zh: string, en: string): AppError {
  return new AppError('PERMIT_STATE_CONFLICT', { detail: { zh, en } });
}

function invalid(problems: { path: string; message: string }[]): AppError {
  return new AppError('VALIDATION_FAILED', {
    errors: problems.map((p) => ({
      path: p.path,
      message: { zh: translate(p.message, 'zh'), en: translate(p.message, 'en') },
    })),
  });
}

async function profileLength(tx: Tx, key: string, day: string): Promise<number> {
  return clockProfileValueSchema.parse((await getRule(tx, key, day)).value).length;
}

/** Which execution reports the class files (rules `permit.reports.<class>`; the permit's own terms prevail). */
async function cadenceOf(tx: Tx, cls: PermitClass, day: string): Promise<ExecutionReportKind[]> {
  if (cls === 'registration') return [];
  return (await getRule(tx, `permit.reports.${cls}`, day)).value as ExecutionReportKind[];
}

type Desired = { kind: ObligationKind; period: string; windowStart: string; dueDate: string };

/**
 * The renewal and execution-report duties a valid permit owes from `today` on. A duty already
 * overdue stays owed (it is never dropped here); one that no longer follows from the permit
 * (validity or class corrected) and has not fallen due is cancelled.
 */
async function syncObligations(tx: Tx, actor: Actor, p: PermitRow, today: string): Promise<void> {
  const desired: Desired[] = [];
  if (p.status === 'valid' && p.validFrom && p.validTo) {
    const lead = await profileLength(tx, 'permit.renewal-lead', today);
    const remind = await profileLength(tx, OBLIGATION_PROFILE.renewal, today);
    const applyBy = renewalApplyBy(p.validTo, lead);
    desired.push({
      kind: 'renewal',
      period: p.validTo,
      dueDate: applyBy,
      windowStart: addCalendarDays(applyBy, -remind),
    });
    const days = {
      annual: await profileLength(tx, OBLIGATION_PROFILE['report-annual'], today),
      quarterly: await profileLength(tx, OBLIGATION_PROFILE['report-quarterly'], today),
    };
    const cadence = await cadenceOf(tx, p.permitClass as PermitClass, today);
    for (const r of executionReportsDue(cadence, p.validFrom, p.validTo, today, days))
      desired.push({ kind: r.kind, period: r.period, dueDate: r.dueDate, windowStart: r.periodEnd });
  }
  const open = await tx
    .select()
    .from(permitObligations)
    .where(
      and(
        eq(permitObligations.permitId, p.id),
        eq(permitObligations.status, 'open'),
        inArray(permitObligations.kind, ['renewal', 'report-annual', 'report-quarterly']),
      ),
    );
  const wanted = new Set(desired.map((d) => `${d.kind}|${d.period}`));
  for (const o of open) {
    if (wanted.has(`${o.kind}|${o.period}`)) continue;
    if (p.status === 'valid' && o.dueDate < today) continue;
    await cancelObligation(tx, actor, o);
  }
  for (const d of desired) {
    await tx
      .insert(permitObligations)
      .values({ permitId: p.id, enterpriseId: p.enterpriseId, ...d })
      .onConflictDoNothing();
  }
}

async function cancelObligation(tx: Tx, actor: Actor, o: ObligationRow): Promise<void> {
  await tx
    .update(permitObligations)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(eq(permitObligations.id, o.id));
  if (o.clockId) await closeClock(tx, actor, o.clockId);
}

async function closeClock(tx: Tx, actor: Actor, clockId: string): Promise<void> {
  try {
    await completeClock(tx, actor, clockId);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'CLOCK_STATE_CONFLICT')) throw e;
  }
}

/** The duty as its clock and reminders name it, in Chinese (stored, sent) and in English (inbox). */
function dutyTitle(o: ObligationRow, enterpriseName: string): { zh: string; en: string } {
  const subject = CHANGE_SUBJECT_LABELS[o.period.split('|')[0] as keyof typeof CHANGE_SUBJECT_LABELS];
  const kind = OBLIGATION_LABELS[o.kind as ObligationKind];
  const what =
    o.kind === 'change'
      ? `${OBLIGATION_LABELS.change.zh}（${subject?.zh ?? ''}变更）`
      : o.kind === 'renewal'
        ? `${OBLIGATION_LABELS.renewal.zh}（有效期至 ${o.period}）`
        : `${obligationPeriodLabel(o.kind as ObligationKind, o.period)}${kind.zh}`;
  const whatEn =
    o.kind === 'change'
      ? `${OBLIGATION_LABELS.change.en} (${subject?.en ?? ''} changed)`
      : o.kind === 'renewal'
        ? `${OBLIGATION_LABELS.renewal.en} (valid until ${o.period})`
        : o.kind === 'report-quarterly'
          ? `${kind.en} ${o.period.slice(0, 4)} Q${o.period.slice(-1)}`
          : `${kind.en} ${o.period}`;
  return { zh: `排污许可：${enterpriseName} ${what}`, en: `Discharge permit: ${enterpriseName} ${whatEn}` };
}

/**
 * Opens what has come due for one duty, once: from its window's first day a clock runs to its due
 * date (on the officer's worklist, overdue when passed) and the enterprise and the officer are
 * reminded; after the due date, one more reminder says it is overdue. Each reminder is kept in
 * permit_reminders, whose unique key makes it once per due date and stage.
 */
async function openDuty(tx: Tx, actor: Actor, o: ObligationRow, p: PermitRow, today: string): Promise<number> {
  if (o.status !== 'open' || o.windowStart > today) return 0;
  const [ent] = await tx.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, p.enterpriseId));
  const { zh: title, en: titleEn } = dutyTitle(o, ent?.name ?? '');
  if (!o.clockId) {
    const clock = await startClock(tx, actor, {
      ownerType: 'permit-obligation',
      ownerId: o.id,
      profileKey: OBLIGATION_PROFILE[o.kind as ObligationKind],
      start: new Date(`${o.windowStart}T12:00:00+08:00`),
      title,
      link: `/staff/permits/${p.id}`,
      assigneeUserId: p.officerUserId,
      assigneeRole: p.officerUserId ? null : FALLBACK_ROLE,
      enterpriseId: p.enterpriseId,
    });
    await tx.update(permitObligations).set({ clockId: clock.id }).where(eq(permitObligations.id, o.id));
  }
  const stage = today > o.dueDate ? 'overdue' : 'due';
  const [sent] = await tx
    .insert(permitReminders)
    .values({ obligationId: o.id, dueDate: o.dueDate, stage, recipients: 0 })
    .onConflictDoNothing()
    .returning({ id: permitReminders.id });
  if (!sent) return 0;
  const rule = await getRule(tx, OBLIGATION_PROFILE[o.kind as ObligationKind], today);
  const body =
    stage === 'overdue'
      ? `${title}：期限 ${o.dueDate} 已过，尚未登记提交。请尽快在全国排污许可证管理信息平台办理并在本平台登记回执。依据：${rule.source}`
      : `${title}：请于 ${o.dueDate} 前在全国排污许可证管理信息平台办理，办理后在本平台登记回执。依据：${rule.source}`;
  const en = {
    title: `${stage === 'overdue' ? '[Overdue] ' : '[Due reminder] '}${titleEn}`,
    body:
      stage === 'overdue'
        ? `${titleEn}: the deadline ${o.dueDate} has passed and no filing has been recorded. Please file it on the national permit platform as soon as possible and record the receipt on this platform. Source: ${rule.sourceEn ?? rule.source}`
        : `${titleEn}: please file it on the national permit platform by ${o.dueDate}, then record the receipt on this platform. Source: ${rule.sourceEn ?? rule.source}`,
  };
  const head = stage === 'overdue' ? '【已逾期】' : '【到期提醒】';
  const staff = p.officerUserId ? [p.officerUserId] : await usersWithRole(tx, FALLBACK_ROLE);
  for (const userId of staff)
    await notify(tx, {
      userId,
      kind: `permit.${stage}`,
      title: `${head}${title}`,
      body,
      en,
      link: `/staff/permits/${p.id}`,
    });
  await notify(tx, {
    enterpriseId: p.enterpriseId,
    kind: `permit.${stage}`,
    title: `${head}${title}`,
    body,
    en,
    link: '/enterprise/permits',
  });
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.enterpriseId, p.enterpriseId), eq(users.disabled, false)));
  await tx
    .update(permitReminders)
    .set({ recipients: staff.length + Number(n) })
    .where(eq(permitReminders.id, sent.id));
  return 1;
}

async function openDutiesOf(tx: Tx, actor: Actor, p: PermitRow, today: string): Promise<number> {
  const rows = await tx
    .select()
    .from(permitObligations)
    .where(
      and(
        eq(permitObligations.permitId, p.id),
        eq(permitObligations.status, 'open'),
        lte(permitObligations.windowStart, today),
      ),
    );
  let sent = 0;
  for (const o of rows) sent += await openDuty(tx, actor, o, p, today);
  return sent;
}

// ---- permits ---------------------------------------------------------------------------------

export async function createPermit(db: Db, actor: Actor, input: PermitCreate, today = todayInShanghai()) {
  const problems = permitProblems(input);
  if (problems.length) throw invalid(problems);
  return db.transaction(async (tx) => {
    const [ent] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.id, input.enterpriseId));
    if (!ent) throw invalid([{ path: 'enterpriseId', message: 'common.invalid' }]);
    const [row] = await tx
      .insert(permits)
      .values({
        enterpriseId: input.enterpriseId,
        permitClass: input.permitClass,
        pwItem: input.pwItem,
        status: input.status,
        permitNumber: input.permitNumber ?? null,
        platformRef: input.platformRef ?? null,
        issuedBy: input.issuedBy ?? '萍乡市生态环境局',
        issuedOn: input.issuedOn ?? null,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        officerUserId: input.officerUserId ?? null,
        officerName: input.officerName,
        note: input.note ?? null,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'permit.create', entityType: 'permit', entityId: row!.id, after: row });
    await syncObligations(tx, actor, row!, today);
    await openDutiesOf(tx, actor, row!, today);
    return row!;
  });
}

async function lockPermit(tx: Tx, id: string): Promise<PermitRow> {
  const [row] = await tx.select().from(permits).where(eq(permits.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

function assertOwn(user: SessionUser | null, enterpriseId: string): void {
  if (!isStaff(user) && user?.enterpriseId !== enterpriseId) throw new AppError('FORBIDDEN_RECORD');
}

/** The officer corrects or renews a permit: a new version of the record, with the reason in the audit. */
export async function updatePermit(db: Db, actor: Actor, id: string, input: PermitPatch, today = todayInShanghai()) {
  return db.transaction(async (tx) => {
    const before = await lockPermit(tx, id);
    if (before.version !== input.version) throw new AppError('RECORD_CHANGED');
    const { version: _v, reason, ...set } = input;
    const merged = { ...before, ...set };
    const problems = permitProblems({ ...merged, permitClass: merged.permitClass as PermitClass });
    if (problems.length) throw invalid(problems);
    const [after] = await tx
      .update(permits)
      .set({ ...set, version: before.version + 1, updatedAt: new Date() })
      .where(eq(permits.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'permit.update',
      entityType: 'permit',
      entityId: id,
      before,
      after: { ...after, reason },
    });
    await syncObligations(tx, actor, after!, today);
    await openDutiesOf(tx, actor, after!, today);
    return after!;
  });
}

/** The enterprise (or staff) records the national platform's reference of its application. */
export async function trackPermit(
  db: Db,
  actor: Actor,
  user: SessionUser | null,
  id: string,
  input: { platformRef: string | null; version: number },
) {
  return db.transaction(async (tx) => {
    const before = await lockPermit(tx, id);
    assertOwn(user, before.enterpriseId);
    if (before.version !== input.version) throw new AppError('RECORD_CHANGED');
    const [after] = await tx
      .update(permits)
      .set({ platformRef: input.platformRef, version: before.version + 1, updatedAt: new Date() })
      .where(eq(permits.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'permit.track',
      entityType: 'permit',
      entityId: id,
      before: { platformRef: before.platformRef },
      after: { platformRef: after!.platformRef },
    });
    return after!;
  });
}

/** A change of name, address, legal representative or principal: 30 days to apply (条例 第十四条). */
export async function recordChange(
  db: Db,
  actor: Actor,
  user: SessionUser | null,
  id: string,
  input: { subject: keyof typeof CHANGE_SUBJECT_LABELS; changedOn: string; note?: string | undefined },
  today = todayInShanghai(),
) {
  return db.transaction(async (tx) => {
    const p = await lockPermit(tx, id);
    assertOwn(user, p.enterpriseId);
    if (p.status !== 'valid') throw stateConflict('只有有效的排污许可证才需办理变更', 'Only a valid permit is changed');
    if (input.changedOn > today)
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          { path: 'changedOn', message: { zh: '变更日期不能晚于今天', en: 'the change cannot be in the future' } },
        ],
      });
    const days = await profileLength(tx, OBLIGATION_PROFILE.change, input.changedOn);
    const [row] = await tx
      .insert(permitObligations)
      .values({
        permitId: p.id,
        enterpriseId: p.enterpriseId,
        kind: 'change',
        period: `${input.subject}|${input.changedOn}`,
        windowStart: input.changedOn,
        dueDate: addCalendarDays(input.changedOn, days),
        note: input.note ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError('DUPLICATE_RECORD', { detail: { zh: '该变更已登记', en: 'This change is already recorded' } });
    await recordAudit(tx, actor, { action: 'permit.change', entityType: 'permit', entityId: id, after: row });
    await openDuty(tx, actor, row, p, today);
    const [opened] = await tx.select().from(permitObligations).where(eq(permitObligations.id, row.id));
    return opened!;
  });
}

/** A duty done on the national platform: recorded with its receipt; the clock stops. */
export async function submitObligation(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: string,
  input: { submittedOn: string; reference: string; note?: string | undefined },
  today = todayInShanghai(),
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(permitObligations).where(eq(permitObligations.id, id)).for('update');
    if (!before) throw notFound();
    assertOwn(user, before.enterpriseId);
    if (before.status !== 'open')
      throw stateConflict('该事项已登记提交或已取消', 'This duty is already recorded or cancelled');
    if (input.submittedOn > today)
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            path: 'submittedOn',
            message: { zh: '提交日期不能晚于今天', en: 'the submission cannot be in the future' },
          },
        ],
      });
    // a report is filed once its period has ended; nothing is filed for a permit before it was issued
    const isReport = before.kind === 'report-annual' || before.kind === 'report-quarterly';
    const [permit] = await tx
      .select({ issuedOn: permits.issuedOn, validFrom: permits.validFrom })
      .from(permits)
      .where(eq(permits.id, before.permitId));
    const earliest = isReport ? before.windowStart : (permit?.issuedOn ?? permit?.validFrom ?? null);
    if (earliest && input.submittedOn < earliest)
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            path: 'submittedOn',
            message: isReport
              ? {
                  zh: `提交日期不能早于报告期末（${earliest}）`,
                  en: `the report cannot have been filed before its period ended (${earliest})`,
                }
              : {
                  zh: `提交日期不能早于许可证核发日期（${earliest}）`,
                  en: `the filing cannot be earlier than the permit's issue date (${earliest})`,
                },
          },
        ],
      });
    const [after] = await tx
      .update(permitObligations)
      .set({
        status: 'submitted',
        submittedOn: input.submittedOn,
        reference: input.reference,
        note: input.note ?? before.note,
        submittedByName: user.displayName,
        updatedAt: new Date(),
      })
      .where(eq(permitObligations.id, id))
      .returning();
    if (before.clockId) await closeClock(tx, actor, before.clockId);
    await recordAudit(tx, actor, {
      action: 'permit-obligation.submit',
      entityType: 'permit-obligation',
      entityId: id,
      before: { status: before.status },
      after,
    });
    return after!;
  });
}

// ---- the scheduled pass ------------------------------------------------------------------------

/**
 * Once a day is enough, hourly is cheap: permits past their last valid day expire; duties whose
 * window opened get their clock and reminder; duties past due get the overdue reminder. Each
 * permit in its own transaction, so one bad record does not hold back the others.
 */
export async function runPermitReminders(db: Db, now: Date = new Date()): Promise<{ expired: number; sent: number }> {
  const today = todayInShanghai(now);
  let expired = 0;
  let sent = 0;
  const lapsing = await db
    .select({ id: permits.id })
    .from(permits)
    .where(and(eq(permits.status, 'valid'), lt(permits.validTo, today)));
  for (const { id } of lapsing) {
    await db.transaction(async (tx) => {
      const before = await lockPermit(tx, id);
      if (before.status !== 'valid' || !before.validTo || before.validTo >= today) return;
      const [after] = await tx
        .update(permits)
        .set({ status: 'expired', version: before.version + 1, updatedAt: new Date() })
        .where(eq(permits.id, id))
        .returning();
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'permit.expire',
        entityType: 'permit',
        entityId: id,
        before: { status: before.status },
        after: { status: 'expired', validTo: before.validTo },
      });
      await syncObligations(tx, SYSTEM_ACTOR, after!, today);
      expired++;
    });
  }
  const due = await db
    .selectDistinct({ permitId: permitObligations.permitId })
    .from(permitObligations)
    .where(and(eq(permitObligations.status, 'open'), lte(permitObligations.windowStart, today)));
  for (const { permitId } of due) {
    sent += await db.transaction(async (tx) => {
      const p = await lockPermit(tx, permitId);
      return openDutiesOf(tx, SYSTEM_ACTOR, p, today);
    });
  }
  return { expired, sent };
}

// ---- reading ---------------------------------------------------------------------------------------

export type PermitFilter = {
  q?: string | undefined;
  permitClass?: PermitClass | undefined;
  status?: string | undefined;
  townCode?: string | undefined;
  enterpriseId?: string | undefined;
  expiringWithinDays?: number | undefined;
};

export const PERMIT_SORTS = ['validTo', '-validTo', 'enterprise', '-enterprise', '-createdAt'] as const;

/** The list's order; a permit still applying has no last day yet and comes last either way. */
function permitOrder(sort: (typeof PERMIT_SORTS)[number]): SQL[] {
  switch (sort) {
    case '-validTo':
      return [sql`${permits.validTo} desc nulls last`, asc(permits.id)];
    case 'enterprise':
      return [asc(enterprises.name), asc(permits.id)];
    case '-enterprise':
      return [desc(enterprises.name), desc(permits.id)];
    case '-createdAt':
      return [desc(permits.createdAt), asc(permits.id)];
    default:
      return [sql`${permits.validTo} asc nulls last`, asc(permits.id)];
  }
}

function permitConditions(user: SessionUser | null, f: PermitFilter, today: string): SQL | undefined {
  const where: SQL[] = [];
  const own = ownScope(user, { enterprise: permits.enterpriseId });
  if (own) where.push(own);
  if (f.permitClass) where.push(eq(permits.permitClass, f.permitClass));
  if (f.status) where.push(eq(permits.status, f.status));
  if (f.townCode) where.push(eq(enterprises.townCode, f.townCode));
  if (f.enterpriseId) where.push(eq(permits.enterpriseId, f.enterpriseId));
  if (f.expiringWithinDays !== undefined)
    where.push(
      and(
        eq(permits.status, 'valid'),
        gte(permits.validTo, today),
        lte(permits.validTo, addCalendarDays(today, f.expiringWithinDays)),
      )!,
    );
  if (f.q) {
    const pat = containsPattern(f.q);
    where.push(
      sql`(${enterprises.name} ilike ${pat} or ${enterprises.nameSearch} ilike ${pat} or ${permits.permitNumber} ilike ${pat})`,
    );
  }
  return where.length ? and(...where) : undefined;
}

export async function listPermits(
  db: Db,
  user: SessionUser | null,
  f: PermitFilter,
  sort: (typeof PERMIT_SORTS)[number],
  page: { page: number; pageSize: number },
  today = todayInShanghai(),
) {
  const cond = permitConditions(user, f, today);
  return paginate(
    page,
    (limit, offset) =>
      db
        .select({ p: permits, enterpriseName: enterprises.name, townCode: enterprises.townCode })
        .from(permits)
        .innerJoin(enterprises, eq(enterprises.id, permits.enterpriseId))
        .where(cond)
        .orderBy(...permitOrder(sort))
        .limit(limit)
        .offset(offset),
    async () =>
      (
        await db
          .select({ n: count() })
          .from(permits)
          .innerJoin(enterprises, eq(enterprises.id, permits.enterpriseId))
          .where(cond)
      )[0]?.n ?? 0,
  );
}

export async function getPermit(db: Db, user: SessionUser | null, id: string) {
  const [row] = await db
    .select({ p: permits, enterpriseName: enterprises.name, townCode: enterprises.townCode })
    .from(permits)
    .innerJoin(enterprises, eq(enterprises.id, permits.enterpriseId))
    .where(eq(permits.id, id));
  if (!row) throw notFound();
  assertOwn(user, row.p.enterpriseId);
  const obligations = await db
    .select()
    .from(permitObligations)
    .where(eq(permitObligations.permitId, id))
    .orderBy(asc(permitObligations.dueDate), asc(permitObligations.kind));
  const reminders = obligations.length
    ? await db
        .select()
        .from(permitReminders)
        .where(
          inArray(
            permitReminders.obligationId,
            obligations.map((o) => o.id),
          ),
        )
        .orderBy(asc(permitReminders.sentAt))
    : [];
  return { ...row, obligations, reminders };
}

export type ObligationFilter = {
  status?: 'open' | 'submitted' | 'cancelled' | undefined;
  kind?: ObligationKind | undefined;
  enterpriseId?: string | undefined;
  overdue?: boolean | undefined;
  dueWithinDays?: number | undefined;
  sort?: ObligationSort | undefined;
};

/** The duties' order; a duty not filed yet has no day filed and comes last either way. */
function obligationOrder(sort: ObligationSort | undefined): SQL[] {
  const o = permitObligations;
  switch (sort) {
    case '-dueDate':
      return [desc(o.dueDate), asc(o.id)];
    case 'enterprise':
      return [asc(enterprises.name), asc(o.dueDate), asc(o.id)];
    case '-enterprise':
      return [desc(enterprises.name), asc(o.dueDate), asc(o.id)];
    case '-submittedOn':
      return [sql`${o.submittedOn} desc nulls last`, asc(o.dueDate), asc(o.id)];
    case 'submittedOn':
      return [sql`${o.submittedOn} asc nulls last`, asc(o.dueDate), asc(o.id)];
    default:
      return [asc(o.dueDate), asc(o.id)];
  }
}

export async function listObligations(
  db: Db,
  user: SessionUser | null,
  f: ObligationFilter,
  page: { page: number; pageSize: number },
  today = todayInShanghai(),
) {
  const where: SQL[] = [];
  const own = ownScope(user, { enterprise: permitObligations.enterpriseId });
  if (own) where.push(own);
  if (f.status) where.push(eq(permitObligations.status, f.status));
  if (f.kind) where.push(eq(permitObligations.kind, f.kind));
  if (f.enterpriseId) where.push(eq(permitObligations.enterpriseId, f.enterpriseId));
  if (f.overdue) where.push(and(eq(permitObligations.status, 'open'), lt(permitObligations.dueDate, today))!);
  if (f.dueWithinDays !== undefined)
    where.push(lte(permitObligations.dueDate, addCalendarDays(today, f.dueWithinDays)));
  const cond = where.length ? and(...where) : undefined;
  return paginate(
    page,
    (limit, offset) =>
      db
        .select({ o: permitObligations, permitNumber: permits.permitNumber, enterpriseName: enterprises.name })
        .from(permitObligations)
        .innerJoin(permits, eq(permits.id, permitObligations.permitId))
        .innerJoin(enterprises, eq(enterprises.id, permitObligations.enterpriseId))
        .where(cond)
        .orderBy(...obligationOrder(f.sort))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: count() }).from(permitObligations).where(cond))[0]?.n ?? 0,
  );
}

/**
 * "Permits complete" for other modules (the positive list reads it, rules.md §3): the enterprise
 * holds a valid permit or registration and owes nothing overdue under it. Reasons in plain Chinese.
 */
export async function permitStatusOf(
  db: Db | Tx,
  enterpriseId: string,
  today = todayInShanghai(),
): Promise<{ complete: boolean; reasons: string[] }> {
  const rows = await db.select().from(permits).where(eq(permits.enterpriseId, enterpriseId));
  const reasons: string[] = [];
  if (!rows.length) reasons.push('本平台未登记该企业的排污许可证或排污登记');
  else if (!rows.some((p) => p.status === 'valid' && p.validTo && p.validTo >= today))
    reasons.push('无在有效期内的排污许可证或排污登记（《排污许可管理条例》第十四条）');
  const overdue = await db
    .select()
    .from(permitObligations)
    .where(
      and(
        eq(permitObligations.enterpriseId, enterpriseId),
        eq(permitObligations.status, 'open'),
        lt(permitObligations.dueDate, today),
      ),
    )
    .orderBy(asc(permitObligations.dueDate));
  for (const o of overdue) {
    const kind = o.kind as ObligationKind;
    const what =
      kind === 'change' || kind === 'renewal'
        ? OBLIGATION_LABELS[kind].zh
        : `${obligationPeriodLabel(kind, o.period)}${OBLIGATION_LABELS[kind].zh}`;
    reasons.push(`${what}逾期未办（期限 ${o.dueDate}）`);
  }
  return { complete: reasons.length === 0, reasons };
}

export function classLabel(cls: string): string {
  return PERMIT_CLASS_LABELS[cls as PermitClass]?.zh ?? cls;
}
