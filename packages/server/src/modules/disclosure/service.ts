import { randomBytes } from 'node:crypto';
import { makeCode } from '@qingshan/core/appointments';
import {
  DISCLOSURE_ACTION_LABELS,
  DISCLOSURE_GROUND_LABELS,
  DISCLOSURE_GROUND_SOURCES_EN,
  DISCLOSURE_GROUNDS_OF,
  DISCLOSURE_LEADER_ACTIONS,
  DISCLOSURE_OUTCOME_LABELS,
  DISCLOSURE_OUTCOME_SOURCES_EN,
  type DisclosureActionInput,
  type DisclosureGround,
  type DisclosureOutcome,
  type DisclosureRequestInput,
  type DisclosureStatus,
  disclosureActionAllowed,
  GIOR_EN,
  type PublicPermitSort,
} from '@qingshan/core/disclosure';
import { maskIdNumber, maskPhone } from '@qingshan/core/mask';
import { and, asc, desc, eq, gte, ilike, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { hasRole, isStaff, type SessionUser } from '../../plugins/auth.ts';
import { assertLeaderDecides } from '../../shared/extension.ts';
import { type PageRequest, paginate } from '../../shared/paginate.ts';
import { normalisedCode, provenByPhone } from '../../shared/public-lookup.ts';
import { ownScope, ownsRecord } from '../../shared/scope.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import type { DueDateHook } from '../clocks/due-date-hooks.ts';
import {
  type ClockView,
  clocksOf,
  completeClock,
  extendClock,
  pauseClock,
  resumeClock,
  startClock,
} from '../clocks/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notify, usersWithRole } from '../notifications/service.ts';
import { permits } from '../permits/tables.ts';
import { consumePhoneCode, requirePhoneCode } from '../phone-codes/service.ts';
import { clockProfileValueSchema, getRule } from '../rules/service.ts';
import { disclosureEvents, disclosureRequests } from './tables.ts';

export type DisclosureRow = typeof disclosureRequests.$inferSelect;
export type DisclosureEventRow = typeof disclosureEvents.$inferSelect;

const ANSWER = 'disclosure.answer';
const staffLink = (id: string) => `/staff/disclosure/${id}`;

function conflict(zh: string, en: string): AppError {
  return new AppError('DISCLOSURE_STATE_CONFLICT', { detail: { zh, en } });
}

function auditView(r: DisclosureRow) {
  return { ...r, phone: maskPhone(r.phone), applicantIdNo: maskIdNumber(r.applicantIdNo) };
}

/** The clock keeps the request's copy of its due date in step (a pause or extension moves it). */
export const refreshDisclosureDueDate: DueDateHook = async (tx, clock) => {
  if (clock.profileKey === ANSWER) {
    await tx.update(disclosureRequests).set({ dueDate: clock.dueDate }).where(eq(disclosureRequests.id, clock.ownerId));
  }
};

async function addEvent(
  tx: Tx,
  actor: Actor,
  requestId: string,
  e: { action: string; note: string | null; noteEn: string | null; public?: boolean; at: Date },
) {
  await tx.insert(disclosureEvents).values({
    requestId,
    action: e.action,
    note: e.note,
    noteEn: e.noteEn,
    public: e.public ?? true,
    actorName: actor.name,
    at: e.at,
  });
}

export type FileOptions = {
  enterpriseId?: string | null;
  citizenUserId?: string | null;
  receivedAt?: Date;
  now?: Date;
};

/**
 * Registers a request and starts its 20-working-day clock (§33, from the day the request is
 * received: §31). Works in the caller's transaction.
 */
export async function createDisclosureRequest(
  tx: Tx,
  actor: Actor,
  input: DisclosureRequestInput,
  opts: FileOptions = {},
): Promise<DisclosureRow> {
  const now = opts.now ?? new Date();
  const receivedAt = opts.receivedAt ?? now;
  if (input.delivery === 'email' && !input.email) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          path: 'email',
          message: { zh: '选择电子邮件获取的，请填写邮箱', en: 'an e-mail address is needed for e-mail delivery' },
        },
      ],
    });
  }
  const [row] = await tx
    .insert(disclosureRequests)
    .values({
      code: makeCode('GK', (n) => randomBytes(n)),
      applicantType: input.applicantType,
      applicantName: input.applicantName,
      applicantIdNo: input.applicantIdNo,
      phone: input.phone,
      address: input.address ?? null,
      email: input.email ?? null,
      description: input.description,
      delivery: input.delivery,
      enterpriseId: opts.enterpriseId ?? null,
      citizenUserId: opts.citizenUserId ?? null,
      receivedAt,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const r = row!;
  const clock = await startClock(tx, actor, {
    ownerType: 'disclosure',
    ownerId: r.id,
    profileKey: ANSWER,
    start: receivedAt,
    title: `政府信息公开申请答复：${r.applicantName}`,
    link: staffLink(r.id),
    assigneeRole: 'clerk',
    enterpriseId: opts.enterpriseId ?? null,
  });
  const [after] = await tx
    .update(disclosureRequests)
    .set({ dueDate: clock.dueDate })
    .where(eq(disclosureRequests.id, r.id))
    .returning();
  await addEvent(tx, actor, r.id, {
    action: 'register',
    at: now,
    note: `已收到申请，依《政府信息公开条例》第三十三条，应于 ${clock.dueDate} 前答复`,
    noteEn: `Request received; under Art. 33 of the ${GIOR_EN}, the answer is due by ${clock.dueDate}`,
  });
  await recordAudit(tx, actor, {
    action: 'disclosure.create',
    entityType: 'disclosure',
    entityId: r.id,
    after: auditView(after!),
  });
  return after!;
}

/**
 * The public form: the phone is proven with a code sent to it (or by the signed-in account), the
 * code is spent in the same transaction. An enterprise account files in its own name only.
 */
export async function fileDisclosureOnline(
  db: Db,
  user: SessionUser | null,
  actor: Actor,
  input: DisclosureRequestInput & { phoneCode?: string | undefined },
  now = new Date(),
): Promise<DisclosureRow> {
  const { phoneCode, ...body } = input;
  const codeId = await requirePhoneCode(db, user, body.phone, phoneCode, now);
  const enterpriseUser = user && hasRole(user, 'enterprise') && !isStaff(user) && user.enterpriseId;
  const citizenUserId = user && hasRole(user, 'citizen') && !isStaff(user) ? user.id : null;
  if (!enterpriseUser && body.applicantType !== 'natural-person' && user && hasRole(user, 'citizen')) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          path: 'applicantType',
          message: { zh: '个人账号以自然人身份申请', en: 'a citizen account applies as a natural person' },
        },
      ],
    });
  }
  return db.transaction(async (tx) => {
    if (codeId) await consumePhoneCode(tx, codeId, now);
    return createDisclosureRequest(tx, actor, body, {
      enterpriseId: enterpriseUser ? user.enterpriseId : null,
      citizenUserId,
      now,
    });
  });
}

async function lockRequest(tx: Tx, id: string): Promise<DisclosureRow> {
  const [row] = await tx.select().from(disclosureRequests).where(eq(disclosureRequests.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

const notFound = () =>
  new AppError('RECORD_NOT_FOUND', { detail: { zh: '信息公开申请不存在', en: 'No such disclosure request' } });

async function extensionCap(tx: Tx): Promise<number> {
  return clockProfileValueSchema.parse((await getRule(tx, 'disclosure.extension')).value).length;
}

function limitError(cap: number, used: number): AppError {
  return new AppError('DISCLOSURE_EXTENSION_LIMIT', {
    detail: {
      zh: `延长答复期限合计不得超过 ${cap} 个工作日（已延长 ${used} 个工作日，《政府信息公开条例》第三十三条）`,
      en: `Extensions may add at most ${cap} working days in total (${used} used)`,
    },
  });
}

/** One handling step; the clock moves with it (paused while a third party is consulted, extended on the head's consent). */
export async function actOnDisclosure(
  db: Db,
  actor: Actor,
  id: string,
  input: DisclosureActionInput,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const before = await lockRequest(tx, id);
    if (input.version !== before.version) throw new AppError('RECORD_CHANGED');
    const status = before.status as DisclosureStatus;
    if (!disclosureActionAllowed(status, input.action, before.extensionRequest !== null)) {
      throw conflict(
        `当前阶段不能执行“${DISCLOSURE_ACTION_LABELS[input.action].zh}”`,
        `${input.action} is not allowed at stage ${status}`,
      );
    }
    assertLeaderDecides(actor, input.action, DISCLOSURE_LEADER_ACTIONS);
    const clock = (await clocksOf(tx, { ownerType: 'disclosure', ownerId: id })).find(
      (c) => c.profileKey === ANSWER && !c.completedAt,
    );
    const set: Partial<typeof disclosureRequests.$inferInsert> = { updatedAt: now, version: before.version + 1 };
    let note: string | null = null;
    // the same note in English, kept beside it on the event and sent to the applicant's inbox
    let noteEn: string | null = null;
    let isPublic = true;

    if (input.action === 'consult') {
      if (clock)
        await pauseClock(
          tx,
          actor,
          clock.id,
          { reason: 'other', note: `征求第三方意见：${input.text}`, at: now },
          { byOwner: true },
        );
      set.status = 'consulting';
      set.consulting = input.text!;
      note = `征求第三方意见（${input.text}），征求意见期间不计入答复期限（《政府信息公开条例》第三十三条第三款）`;
      noteEn = `Consulting a third party (${input.text}); the time spent consulting is not counted in the answer period (${GIOR_EN}, Art. 33, para. 3)`;
    }
    if (input.action === 'end-consult') {
      let due = before.dueDate;
      if (clock) due = (await resumeClock(tx, actor, clock.id, now, { byOwner: true })).dueDate;
      set.status = 'received';
      set.consulting = null;
      set.dueDate = due;
      note = `第三方意见已收到，恢复计算答复期限，应于 ${due} 前答复`;
      noteEn = `The third party’s opinion has been received; the answer period runs again, and the answer is due by ${due}`;
    }
    if (input.action === 'request-extension') {
      const cap = await extensionCap(tx);
      if (before.extensionDays + input.days! > cap) throw limitError(cap, before.extensionDays);
      set.extensionRequest = {
        days: input.days!,
        reason: input.text!,
        requestedBy: actor.name,
        requestedById: actor.id,
        at: now.toISOString(),
      };
      isPublic = false;
      note = `申请延长答复期限 ${input.days} 个工作日：${input.text}`;
      noteEn = `An extension of the answer period by ${input.days} working days is requested: ${input.text}`;
    }
    if (input.action === 'approve-extension' || input.action === 'reject-extension') {
      const req = before.extensionRequest!;
      set.extensionRequest = null;
      if (input.action === 'approve-extension') {
        const cap = await extensionCap(tx);
        if (before.extensionDays + req.days > cap) throw limitError(cap, before.extensionDays);
        if (!clock) throw conflict('没有进行中的答复期限', 'No running answer clock');
        const view = await extendClock(
          tx,
          actor,
          clock.id,
          { days: req.days, reason: req.reason, approvedBy: actor.name },
          { byOwner: true },
        );
        set.extensionDays = before.extensionDays + req.days;
        set.dueDate = view.dueDate;
        note = `经政府信息公开工作机构负责人同意，答复期限延长 ${req.days} 个工作日至 ${view.dueDate}。理由：${req.reason}`;
        noteEn = `With the consent of the head of the disclosure body, the answer period is extended by ${req.days} working days to ${view.dueDate}. Reason: ${req.reason}`;
      } else {
        isPublic = false;
        note = `负责人不同意延期：${input.text}`;
        noteEn = `The head did not consent to the extension: ${input.text}`;
      }
    }
    if (input.action === 'answer') {
      let verdict: ClockView | null = null;
      if (clock) verdict = await completeClock(tx, actor, clock.id, now);
      const outcome = input.outcome as DisclosureOutcome;
      const clause = DISCLOSURE_GROUNDS_OF[outcome] ? (input.clause as DisclosureGround) : null;
      set.status = 'answered';
      set.outcome = outcome;
      set.clause = clause;
      set.answer = input.text!;
      set.answeredAt = now;
      set.answeredOnTime = verdict ? verdict.state === 'met' : null;
      set.consulting = null;
      set.extensionRequest = null;
      const o = DISCLOSURE_OUTCOME_LABELS[outcome];
      const c = clause ? DISCLOSURE_GROUND_LABELS[clause] : null;
      note = `答复：${o.zh}（${o.source}${c ? `；${c.zh}，${c.source}` : ''}）`;
      noteEn = `Answer: ${o.en} (${DISCLOSURE_OUTCOME_SOURCES_EN[outcome]}${c && clause ? `; ${c.en}, ${DISCLOSURE_GROUND_SOURCES_EN[clause]}` : ''})`;
    }
    const [after] = await tx.update(disclosureRequests).set(set).where(eq(disclosureRequests.id, id)).returning();
    await addEvent(tx, actor, id, { action: input.action, at: now, note, noteEn, public: isPublic });
    await recordAudit(tx, actor, {
      action: `disclosure.${input.action}`,
      entityType: 'disclosure',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    if (input.action === 'request-extension') {
      for (const userId of await usersWithRole(tx, 'leader')) {
        await notify(tx, {
          userId,
          kind: 'disclosure.extension-requested',
          title: `信息公开申请延期待同意：${before.applicantName}`,
          body: `查询码 ${before.code}，申请延长 ${input.days} 个工作日。理由：${input.text}`,
          en: {
            title: `Disclosure request: extension awaiting your consent: ${before.applicantName}`,
            body: `Tracking code ${before.code}: an extension of ${input.days} working days is requested. Reason: ${input.text}`,
          },
          link: staffLink(id),
        });
      }
    }
    // English runs about twice the length of Chinese: the same cut keeps about the same text
    const progressEn = `Tracking code ${after!.code}: ${noteEn ?? ''}`.slice(0, 600);
    if (after!.citizenUserId && isPublic) {
      await notify(tx, {
        userId: after!.citizenUserId,
        kind: 'disclosure.progress',
        title: '您的政府信息公开申请有新进展',
        body: `查询码 ${after!.code}：${note ?? ''}`.slice(0, 300),
        en: {
          title: 'There is progress on your request for government information',
          body: progressEn,
        },
        link: `/disclosure/track?code=${after!.code}`,
      });
    }
    if (after!.enterpriseId && isPublic) {
      await notify(tx, {
        enterpriseId: after!.enterpriseId,
        kind: 'disclosure.progress',
        title: '本企业的政府信息公开申请有新进展',
        body: `查询码 ${after!.code}：${note ?? ''}`.slice(0, 300),
        en: {
          title: 'There is progress on your enterprise’s request for government information',
          body: progressEn,
        },
        link: `/disclosure/track?code=${after!.code}`,
      });
    }
    return after!;
  });
}

export async function getDisclosure(db: Tx, id: string): Promise<DisclosureRow> {
  const [row] = await db.select().from(disclosureRequests).where(eq(disclosureRequests.id, id));
  if (!row) throw notFound();
  return row;
}

export function assertCanRead(user: SessionUser | null, r: DisclosureRow) {
  if (ownsRecord(user, { enterpriseId: r.enterpriseId, personId: r.citizenUserId })) return;
  throw new AppError('FORBIDDEN_RECORD', { detail: { zh: '这不是您的申请', en: 'This is not your request' } });
}

export async function byCodeAndPhone(db: Tx, code: string, phone: string): Promise<DisclosureRow> {
  const [row] = await db
    .select()
    .from(disclosureRequests)
    .where(eq(disclosureRequests.code, normalisedCode(code)));
  return provenByPhone(row, (r) => r.phone, phone);
}

export async function eventsOf(db: Tx, id: string, publicOnly: boolean): Promise<DisclosureEventRow[]> {
  return db
    .select()
    .from(disclosureEvents)
    .where(
      publicOnly
        ? and(eq(disclosureEvents.requestId, id), eq(disclosureEvents.public, true))
        : eq(disclosureEvents.requestId, id),
    )
    .orderBy(asc(disclosureEvents.at), asc(disclosureEvents.id));
}

export async function disclosureDetail(db: Tx, id: string, full: boolean) {
  const request = await getDisclosure(db, id);
  const events = await eventsOf(db, id, !full);
  const clocks = full ? await clocksOf(db, { ownerType: 'disclosure', ownerId: id }) : [];
  return { request, events, clocks };
}

export type DisclosureFilter = {
  status?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  sort?: (typeof DISCLOSURE_SORTS)[number] | undefined;
};

export const DISCLOSURE_SORTS = [
  'dueDate',
  '-dueDate',
  'receivedAt',
  '-receivedAt',
  'applicantName',
  '-applicantName',
] as const;

/**
 * The list's order. By due date the answered requests go last either way: their due date no
 * longer binds anyone, and the desk works the open ones. A request without a due date comes
 * after those with one, either way.
 */
function disclosureOrder(sort: DisclosureFilter['sort']): SQL[] {
  const r = disclosureRequests;
  switch (sort) {
    case '-dueDate':
      return [sql`${r.answeredAt} is not null`, sql`${r.dueDate} desc nulls last`, asc(r.receivedAt), desc(r.id)];
    case 'receivedAt':
      return [asc(r.receivedAt), asc(r.id)];
    case '-receivedAt':
      return [desc(r.receivedAt), desc(r.id)];
    case 'applicantName':
      return [asc(r.applicantName), asc(r.id)];
    case '-applicantName':
      return [desc(r.applicantName), desc(r.id)];
    default:
      return [sql`${r.answeredAt} is not null`, sql`${r.dueDate} asc nulls last`, desc(r.receivedAt), asc(r.id)];
  }
}

export async function listDisclosures(db: Tx, user: SessionUser, f: DisclosureFilter, page: PageRequest) {
  const where: SQL[] = [];
  const own = ownScope(user, { enterprise: disclosureRequests.enterpriseId, person: disclosureRequests.citizenUserId });
  if (own) where.push(own);
  if (f.status) where.push(eq(disclosureRequests.status, f.status));
  if (f.from) where.push(gte(disclosureRequests.receivedAt, f.from));
  if (f.to) where.push(lt(disclosureRequests.receivedAt, f.to));
  if (f.q) {
    const p = containsPattern(f.q);
    where.push(
      sql`(${disclosureRequests.code} ilike ${p} or ${disclosureRequests.applicantName} ilike ${p} or ${disclosureRequests.description} ilike ${p})`,
    );
  }
  const cond = where.length ? and(...where) : undefined;
  return paginate(
    page,
    (limit, offset) =>
      db
        .select()
        .from(disclosureRequests)
        .where(cond)
        .orderBy(...disclosureOrder(f.sort))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(disclosureRequests).where(cond))[0]?.n ?? 0,
  );
}

export type PublicPermitRow = {
  enterpriseName: string;
  townCode: string;
  permitClass: string;
  permitNumber: string | null;
  status: string;
  issuedBy: string;
  issuedOn: string | null;
  validTo: string | null;
};

/** A permit without the date sorted on is listed last either way; then by firm, and the permit's id settles the rest. */
function publicPermitOrder(sort: PublicPermitSort | undefined): SQL[] {
  switch (sort) {
    case 'issuedOn':
      return [sql`${permits.issuedOn} asc nulls last`, asc(enterprises.name), asc(permits.id)];
    case 'enterprise':
      return [asc(enterprises.name), sql`${permits.issuedOn} desc nulls last`, asc(permits.id)];
    case '-enterprise':
      return [desc(enterprises.name), sql`${permits.issuedOn} desc nulls last`, asc(permits.id)];
    case 'validTo':
      return [sql`${permits.validTo} asc nulls last`, asc(enterprises.name), asc(permits.id)];
    case '-validTo':
      return [sql`${permits.validTo} desc nulls last`, asc(enterprises.name), asc(permits.id)];
    default:
      return [sql`${permits.issuedOn} desc nulls last`, asc(enterprises.name), asc(permits.id)];
  }
}

/**
 * 主动公开 of the permits the bureau tracks (排污许可): read from the permits module's own table
 * on every request, never copied. A permit still being applied for has nothing to publish yet.
 */
export async function publicPermits(
  db: Tx,
  f: { q?: string | undefined; sort?: PublicPermitSort | undefined },
  page: PageRequest,
) {
  const conds: SQL[] = [ne(permits.status, 'applying')];
  if (f.q) conds.push(ilike(enterprises.name, containsPattern(f.q)));
  const cond = and(...conds);
  return paginate<PublicPermitRow>(
    page,
    (limit, offset) =>
      db
        .select({
          enterpriseName: enterprises.name,
          townCode: enterprises.townCode,
          permitClass: permits.permitClass,
          permitNumber: permits.permitNumber,
          status: permits.status,
          issuedBy: permits.issuedBy,
          issuedOn: permits.issuedOn,
          validTo: permits.validTo,
        })
        .from(permits)
        .innerJoin(enterprises, eq(enterprises.id, permits.enterpriseId))
        .where(cond)
        .orderBy(...publicPermitOrder(f.sort))
        .limit(limit)
        .offset(offset),
    async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(permits)
          .innerJoin(enterprises, eq(enterprises.id, permits.enterpriseId))
          .where(cond)
      )[0]?.n ?? 0,
  );
}
