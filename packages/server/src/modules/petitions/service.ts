import { randomBytes } from 'node:crypto';
import {
  makeCode,
  maskName,
  maskPhone,
  PETITION_CHANNEL_LABELS,
  PETITION_LETTER_TEMPLATES,
  PETITION_LETTER_TITLES,
  PETITION_MAX_EXTENSION_DAYS,
  type PetitionActionInput,
  type PetitionChannel,
  type PetitionCreate,
  type PetitionLetterKind,
  type PetitionStatus,
  petitionStep,
  renderTemplate,
} from '@qingshan/core';
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { hasRole, isStaff, type SessionUser } from '../../plugins/auth.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { clocksOf, completeClock, extendClock, startClock } from '../clocks/service.ts';
import { notify, usersWithRole } from '../notifications/service.ts';
import { registerRatableEvent } from '../ratings/registry.ts';
import { petitionEvents, petitionLetters, petitions } from './tables.ts';

export type PetitionRow = typeof petitions.$inferSelect;

export const BUREAU_NAME = '萍乡市上栗生态环境局';

function shanghaiDate(d: Date): string {
  return d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

function conflict(zh: string, en: string): AppError {
  return new AppError('PETITION_STATE_CONFLICT', { detail: { zh, en } });
}

function auditView(r: PetitionRow) {
  return { ...r, petitionerPhone: maskPhone(r.petitionerPhone) };
}

async function addEvent(
  tx: Tx,
  actor: Actor,
  petitionId: string,
  e: { action: string; note?: string | null; public?: boolean; at: Date; data?: unknown },
) {
  await tx.insert(petitionEvents).values({
    petitionId,
    at: e.at,
    action: e.action,
    note: e.note ?? null,
    public: e.public ?? true,
    actorId: actor.id,
    actorName: actor.name,
    data: e.data ?? null,
  });
}

export type CreatePetitionOptions = {
  /** set when a signed-in citizen files online: they may follow and rate it from their account */
  citizenUserId?: string | null;
  /** test and seed hook: the clock of "now" */
  now?: Date;
};

/**
 * Registers a petition from any channel (信访工作条例 第二十一条: every petition goes into the
 * system). Works inside the caller's transaction so a reception concern can be converted in one
 * step (channel 'reception' + sourceConcernId). Starts the 15-day acceptance-notice clock
 * (第二十三条) and, for a petition referred by a 信访部门, the 5-working-day objection clock.
 */
export async function createPetition(
  tx: Tx,
  actor: Actor,
  input: PetitionCreate,
  opts: CreatePetitionOptions = {},
): Promise<PetitionRow> {
  const now = opts.now ?? new Date();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + 60_000) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'receivedAt', message: { zh: '收件时间不能晚于现在', en: 'receipt cannot be in the future' } }],
    });
  }
  if (input.keyCase && !input.keyCaseReason) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'keyCaseReason', message: { zh: '列为重点疑难件须说明理由', en: 'a key case needs a reason' } }],
    });
  }
  const [row] = await tx
    .insert(petitions)
    .values({
      code: makeCode('XF', (n) => randomBytes(n)),
      channel: input.channel,
      type: input.type,
      title: input.title,
      content: input.content,
      petitionerName: input.petitionerName,
      petitionerPhone: input.petitionerPhone,
      petitionerAddress: input.petitionerAddress ?? null,
      citizenUserId: opts.citizenUserId ?? null,
      enterpriseId: input.enterpriseId ?? null,
      referredBy: input.referredBy ?? null,
      sourceConcernId: input.sourceConcernId ?? null,
      keyCase: input.keyCase ?? false,
      keyCaseReason: input.keyCaseReason ?? null,
      receivedAt,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const p = row!;
  const link = `/staff/petitions/${p.id}`;
  const notice = await startClock(tx, actor, {
    ownerType: 'petition',
    ownerId: p.id,
    profileKey: 'petition.acceptance-notice',
    start: receivedAt,
    title: `信访受理告知：${p.title}`,
    link,
    assigneeRole: 'leader',
  });
  if (p.referredBy) {
    await startClock(tx, actor, {
      ownerType: 'petition',
      ownerId: p.id,
      profileKey: 'petition.referral-objection',
      start: receivedAt,
      title: `转送信访异议期：${p.title}`,
      link,
      assigneeRole: 'leader',
    });
  }
  const [updated] = await tx
    .update(petitions)
    .set({ acceptanceDueDate: notice.dueDate })
    .where(eq(petitions.id, p.id))
    .returning();
  await addEvent(tx, actor, p.id, {
    action: 'register',
    at: now,
    note: `经${PETITION_CHANNEL_LABELS[input.channel as PetitionChannel].zh}登记，${notice.dueDate} 前书面告知是否受理`,
  });
  await recordAudit(tx, actor, {
    action: 'petition.create',
    entityType: 'petition',
    entityId: p.id,
    after: auditView(updated!),
  });
  if (updated!.keyCase) await tellLeaders(tx, updated!);
  return updated!;
}

async function tellLeaders(tx: Tx, p: PetitionRow) {
  for (const userId of await usersWithRole(tx, 'leader')) {
    await notify(tx, {
      userId,
      kind: 'petition.key-case',
      title: `重点疑难信访件：${p.title}`,
      body: `编号 ${p.code}，请领导阅批、集中研究处理。理由：${p.keyCaseReason ?? ''}`,
      link: `/staff/petitions/${p.id}`,
    });
  }
}

async function lockPetition(tx: Tx, id: string): Promise<PetitionRow> {
  const [row] = await tx.select().from(petitions).where(eq(petitions.id, id)).for('update');
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '信访件不存在', en: 'No such petition' } });
  return row;
}

function letterValues(p: PetitionRow, extra: Record<string, string | number | null>) {
  return {
    petitionerName: p.petitionerName,
    code: p.code,
    title: p.title,
    channel: PETITION_CHANNEL_LABELS[p.channel as PetitionChannel]?.zh ?? p.channel,
    receivedDate: shanghaiDate(p.receivedAt),
    acceptedDate: p.acceptedAt ? shanghaiDate(p.acceptedAt) : null,
    dueDate: p.resolutionDueDate,
    bureau: BUREAU_NAME,
    ...extra,
  };
}

// The request windows are the petitioner's (第三十五、三十六条); the answers are the bureau's.
const STEP_CLOCK_TITLES: Record<string, string> = {
  'petition.resolution': '信访办理',
  'petition.review-request': '信访人请求复查期限',
  'petition.review-answer': '信访复查答复',
  'petition.re-review-request': '信访人请求复核期限',
  'petition.re-review-answer': '信访复核答复',
};

const WINDOW_OF: Partial<Record<PetitionActionInput['action'], string>> = {
  'request-review': 'petition.review-request',
  'request-re-review': 'petition.re-review-request',
};

const NEEDS_TEXT = new Set(['not-accept', 'object', 'extend', 'reply', 'answer-review', 'answer-re-review']);

/**
 * One step of the case (petitionStep in core decides what is allowed): completes the clocks the
 * step ends, starts the ones it begins, writes the letter the step owes the petitioner.
 */
export async function actOnPetition(db: Db, actor: Actor, id: string, input: PetitionActionInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const before = await lockPetition(tx, id);
    const step = petitionStep(before.status as PetitionStatus, input.action);
    if (!step) {
      throw conflict(
        `当前阶段（${before.status}）不能执行“${input.action}”`,
        `Action ${input.action} is not allowed at stage ${before.status}`,
      );
    }
    if (NEEDS_TEXT.has(input.action) && !input.text) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'text', message: { zh: '请填写理由或答复内容', en: 'a reason or reply text is required' } }],
      });
    }
    if (input.action === 'object' && !before.referredBy) {
      throw conflict('只有上级信访部门转送、交办的信访件可以提出异议', 'Only a referred petition can be objected to');
    }
    const set: Partial<typeof petitions.$inferInsert> = { status: step.to, updatedAt: now };
    const clocks = await clocksOf(tx, { ownerType: 'petition', ownerId: id });
    // 第三十五、三十六条: a review / re-review is requested within 30 days of the written answer;
    // once the petitioner's window has passed (lapsed, or past due and not yet swept) it is closed
    const window = WINDOW_OF[input.action];
    const late =
      window && clocks.find((c) => c.profileKey === window && (c.state === 'lapsed' || shanghaiDate(now) > c.dueDate));
    if (late) {
      throw conflict(
        `请求${input.action === 'request-review' ? '复查' : '复核'}的期限已于 ${late.dueDate} 届满`,
        `The window to request this ended on ${late.dueDate}`,
      );
    }
    for (const c of clocks) {
      if (!c.completedAt && (step.complete as string[]).includes(c.profileKey))
        await completeClock(tx, actor, c.id, now);
    }
    let extraValues: Record<string, string | number | null> = { reason: input.text ?? '', date: shanghaiDate(now) };
    if (input.action === 'extend') {
      if (!input.days)
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'days', message: { zh: '请填写延期天数', en: 'days required' } }],
        });
      if (before.extensionDays + input.days > PETITION_MAX_EXTENSION_DAYS) {
        throw new AppError('PETITION_EXTENSION_LIMIT', {
          detail: {
            zh: `延期合计不得超过 ${PETITION_MAX_EXTENSION_DAYS} 日（已延期 ${before.extensionDays} 日）`,
            en: `Extensions may add at most ${PETITION_MAX_EXTENSION_DAYS} days in total (${before.extensionDays} used)`,
          },
        });
      }
      const resolution = clocks.find((c) => c.profileKey === 'petition.resolution' && !c.completedAt);
      if (!resolution) throw conflict('没有进行中的办理期限', 'No running resolution clock');
      const view = await extendClock(tx, actor, resolution.id, { days: input.days, reason: input.text! });
      set.extensionDays = before.extensionDays + input.days;
      set.resolutionDueDate = view.dueDate;
      extraValues = { ...extraValues, days: input.days, dueDate: view.dueDate };
    }
    for (const key of step.start) {
      const view = await startClock(tx, actor, {
        ownerType: 'petition',
        ownerId: id,
        profileKey: key,
        start: now,
        title: `${STEP_CLOCK_TITLES[key]}：${before.title}`,
        link: `/staff/petitions/${id}`,
        assigneeUserId: before.assigneeUserId,
        assigneeRole: before.assigneeUserId ? null : 'leader',
      });
      if (key === 'petition.resolution') {
        set.acceptedAt = now;
        set.resolutionDueDate = view.dueDate;
        extraValues.dueDate = view.dueDate;
      }
    }
    if (input.action === 'reply') {
      set.repliedAt = now;
      set.closedOnTime = before.resolutionDueDate !== null && shanghaiDate(now) <= before.resolutionDueDate;
    }
    if (input.action === 'not-accept') {
      set.repliedAt = now;
      set.closedOnTime = before.acceptanceDueDate !== null && shanghaiDate(now) <= before.acceptanceDueDate;
    }
    const [after] = await tx.update(petitions).set(set).where(eq(petitions.id, id)).returning();
    let letterId: string | null = null;
    if (step.letter) letterId = await writeLetter(tx, actor, after!, step.letter, extraValues, now);
    await addEvent(tx, actor, id, {
      action: input.action,
      at: now,
      // the objection goes to the referring body, not to the petitioner
      public: input.action !== 'object',
      note: input.action === 'object' ? input.text : step.letter ? PETITION_LETTER_TITLES[step.letter].zh : null,
      data: letterId ? { letterId } : null,
    });
    await recordAudit(tx, actor, {
      action: `petition.${input.action}`,
      entityType: 'petition',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    if (after!.citizenUserId && step.letter) {
      await notify(tx, {
        userId: after!.citizenUserId,
        kind: 'petition.progress',
        title: `您的信访件有新进展：${PETITION_LETTER_TITLES[step.letter].zh}`,
        body: `编号 ${after!.code}「${after!.title}」`,
        link: `/petitions/track?code=${after!.code}`,
      });
    }
    return after!;
  });
}

async function writeLetter(
  tx: Tx,
  actor: Actor,
  p: PetitionRow,
  kind: PetitionLetterKind,
  extra: Record<string, string | number | null>,
  now: Date,
): Promise<string> {
  const body = renderTemplate(PETITION_LETTER_TEMPLATES[kind], letterValues(p, extra));
  const [row] = await tx
    .insert(petitionLetters)
    .values({
      petitionId: p.id,
      kind,
      title: PETITION_LETTER_TITLES[kind].zh,
      body,
      createdAt: now,
      createdBy: actor.id,
    })
    .returning({ id: petitionLetters.id });
  return row!.id;
}

export async function updatePetition(
  db: Db,
  actor: Actor,
  id: string,
  input: {
    keyCase?: boolean | undefined;
    keyCaseReason?: string | null | undefined;
    assigneeUserId?: string | null | undefined;
  },
) {
  return db.transaction(async (tx) => {
    const before = await lockPetition(tx, id);
    const keyCase = input.keyCase ?? before.keyCase;
    const reason = input.keyCaseReason !== undefined ? input.keyCaseReason : before.keyCaseReason;
    if (keyCase && !reason) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          { path: 'keyCaseReason', message: { zh: '列为重点疑难件须说明理由', en: 'a key case needs a reason' } },
        ],
      });
    }
    const [after] = await tx
      .update(petitions)
      .set({
        keyCase,
        keyCaseReason: keyCase ? reason : null,
        ...(input.assigneeUserId !== undefined ? { assigneeUserId: input.assigneeUserId } : {}),
        updatedAt: new Date(),
      })
      .where(eq(petitions.id, id))
      .returning();
    if (keyCase !== before.keyCase) {
      await addEvent(tx, actor, id, {
        action: keyCase ? 'flag-key-case' : 'unflag-key-case',
        at: new Date(),
        public: false,
        note: reason,
      });
      if (keyCase) await tellLeaders(tx, after!);
    }
    if (input.assigneeUserId && input.assigneeUserId !== before.assigneeUserId) {
      await addEvent(tx, actor, id, { action: 'assign', at: new Date(), public: false });
      await notify(tx, {
        userId: input.assigneeUserId,
        kind: 'petition.assigned',
        title: `交办信访件：${after!.title}`,
        body: `编号 ${after!.code}`,
        link: `/staff/petitions/${id}`,
      });
    }
    await recordAudit(tx, actor, {
      action: 'petition.update',
      entityType: 'petition',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    return after!;
  });
}

export async function getPetition(db: Tx, id: string): Promise<PetitionRow> {
  const [row] = await db.select().from(petitions).where(eq(petitions.id, id));
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '信访件不存在', en: 'No such petition' } });
  return row;
}

export function assertCanRead(user: SessionUser | null, p: PetitionRow) {
  if (isStaff(user)) return;
  if (user && p.citizenUserId === user.id) return;
  if (user && hasRole(user, 'enterprise') && user.enterpriseId && p.enterpriseId === user.enterpriseId) return;
  throw new AppError('FORBIDDEN_RECORD', { detail: { zh: '这不是您的信访件', en: 'This is not your petition' } });
}

export async function byCodeAndPhone(db: Tx, code: string, phone: string): Promise<PetitionRow> {
  const [row] = await db.select().from(petitions).where(eq(petitions.code, code.trim().toUpperCase()));
  if (!row || row.petitionerPhone !== phone.trim()) {
    throw new AppError('RECORD_NOT_FOUND', {
      detail: { zh: '查询码或手机号不正确', en: 'Wrong tracking code or phone' },
    });
  }
  return row;
}

export async function eventsOf(db: Tx, id: string, publicOnly: boolean) {
  return db
    .select()
    .from(petitionEvents)
    .where(
      publicOnly
        ? and(eq(petitionEvents.petitionId, id), eq(petitionEvents.public, true))
        : eq(petitionEvents.petitionId, id),
    )
    .orderBy(asc(petitionEvents.at), asc(petitionEvents.id));
}

export async function lettersOf(db: Tx, id: string) {
  return db
    .select()
    .from(petitionLetters)
    .where(eq(petitionLetters.petitionId, id))
    .orderBy(asc(petitionLetters.createdAt));
}

export async function getLetter(db: Tx, petitionId: string, letterId: string) {
  const [row] = await db
    .select()
    .from(petitionLetters)
    .where(and(eq(petitionLetters.id, letterId), eq(petitionLetters.petitionId, petitionId)));
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '文书不存在', en: 'No such letter' } });
  return row;
}

export type PetitionFilter = {
  status?: string | undefined;
  channel?: string | undefined;
  type?: string | undefined;
  keyCase?: boolean | undefined;
  q?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};
export const PETITION_SORTS = ['receivedAt', '-receivedAt', 'resolutionDueDate', '-resolutionDueDate'] as const;

function conditions(user: SessionUser | null, f: PetitionFilter): SQL | undefined {
  const where: SQL[] = [];
  if (!isStaff(user)) {
    if (user && hasRole(user, 'enterprise') && user.enterpriseId)
      where.push(eq(petitions.enterpriseId, user.enterpriseId));
    else where.push(eq(petitions.citizenUserId, user?.id ?? '00000000-0000-0000-0000-000000000000'));
  }
  if (f.status) where.push(eq(petitions.status, f.status));
  if (f.channel) where.push(eq(petitions.channel, f.channel));
  if (f.type) where.push(eq(petitions.type, f.type));
  if (f.keyCase !== undefined) where.push(eq(petitions.keyCase, f.keyCase));
  if (f.from) where.push(gte(petitions.receivedAt, f.from));
  if (f.to) where.push(lt(petitions.receivedAt, f.to));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(${petitions.code} ilike ${like} or ${petitions.title} ilike ${like} or ${petitions.petitionerName} ilike ${like})`,
    );
  }
  return where.length ? and(...where) : undefined;
}

export async function listPetitions(
  db: Db,
  user: SessionUser | null,
  f: PetitionFilter,
  sort: (typeof PETITION_SORTS)[number],
  page: number,
  pageSize: number,
) {
  const cond = conditions(user, f);
  const dir = sort.startsWith('-') ? desc : asc;
  const col = sort.endsWith('receivedAt') ? petitions.receivedAt : petitions.resolutionDueDate;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(petitions)
      .where(cond)
      .orderBy(sql`${dir(col)} nulls last`, asc(petitions.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(petitions).where(cond),
  ]);
  return { items, total: count?.n ?? 0 };
}

export function toPetitionView(p: PetitionRow, opts: { unmasked: boolean }) {
  return {
    id: p.id,
    code: p.code,
    channel: p.channel as PetitionChannel,
    type: p.type as PetitionCreate['type'],
    title: p.title,
    content: p.content,
    petitionerName: opts.unmasked ? p.petitionerName : maskName(p.petitionerName),
    petitionerPhone: opts.unmasked ? p.petitionerPhone : maskPhone(p.petitionerPhone),
    petitionerAddress: opts.unmasked ? p.petitionerAddress : null,
    enterpriseId: p.enterpriseId,
    referredBy: p.referredBy,
    sourceConcernId: p.sourceConcernId,
    status: p.status as PetitionStatus,
    keyCase: p.keyCase,
    keyCaseReason: p.keyCaseReason,
    assigneeUserId: p.assigneeUserId,
    receivedAt: p.receivedAt.toISOString(),
    acceptedAt: p.acceptedAt?.toISOString() ?? null,
    acceptanceDueDate: p.acceptanceDueDate,
    resolutionDueDate: p.resolutionDueDate,
    extensionDays: p.extensionDays,
    repliedAt: p.repliedAt?.toISOString() ?? null,
    closedOnTime: p.closedOnTime,
    createdAt: p.createdAt.toISOString(),
  };
}

// A petition becomes ratable when its written reply (or the notice of non-acceptance) went out
// (信访工作条例 第二十一条: petitioners can query and rate the handling).
registerRatableEvent('petition', async (tx, eventId) => {
  const [p] = await tx.select().from(petitions).where(eq(petitions.id, eventId));
  if (!p) return { exists: false, staffUserIds: [], label: '' };
  return {
    exists: true,
    ratedAt: p.repliedAt,
    subjectEnterpriseId: p.enterpriseId,
    subjectCitizenUserId: p.citizenUserId,
    citizenPhone: p.petitionerPhone,
    staffUserIds: p.assigneeUserId ? [p.assigneeUserId] : [],
    label: `信访 ${p.code} ${p.title}`,
  };
});
