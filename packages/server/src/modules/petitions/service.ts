import { randomBytes } from 'node:crypto';
import {
  acceptanceLetterKind,
  makeCode,
  maskPhone,
  PETITION_CHANNEL_LABELS,
  PETITION_LEADER_ACTIONS,
  PETITION_LETTER_TEMPLATES,
  PETITION_LETTER_TITLES,
  PETITION_ROUTED_WORDING,
  PETITION_STATUS_LABELS,
  type PetitionActionInput,
  type PetitionChannel,
  type PetitionCreate,
  type PetitionLetterKind,
  type PetitionStatus,
  type PetitionType,
  petitionResolutionApplies,
  petitionStep,
  renderTemplate,
  shanghaiDateOf,
  todayInShanghai,
} from '@qingshan/core';
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { hasRole, isStaff, type SessionUser } from '../../plugins/auth.ts';
import { assertLeaderDecides } from '../../shared/extension.ts';
import { type PageRequest, paginate } from '../../shared/paginate.ts';
import { normalisedCode, provenByPhone } from '../../shared/public-lookup.ts';
import { ownScope, ownsRecord } from '../../shared/scope.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { type ClockView, clocksOf, completeClock, extendClock, startClock } from '../clocks/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notify, usersWithRole } from '../notifications/service.ts';
import type { RatableEventResolver } from '../ratings/registry.ts';
import { clockProfileValueSchema, getRule } from '../rules/service.ts';
import type { PETITION_SORTS, PublicPetitionInput } from './schema.ts';
import { petitionEvents, petitionLetters, petitionReviews, petitions } from './tables.ts';

export type PetitionRow = typeof petitions.$inferSelect;

import { BUREAU_NAME } from '@qingshan/core';

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
  // Two steps in the same millisecond (a reply right after the acceptance) would tie on `at` and
  // list in random order: each event of that millisecond lands one microsecond after the last.
  const at = e.at.toISOString();
  await tx.insert(petitionEvents).values({
    petitionId,
    at: sql`${at}::timestamptz + (select count(*) from ${petitionEvents}
      where ${petitionEvents.petitionId} = ${petitionId}
        and ${petitionEvents.at} >= ${at}::timestamptz
        and ${petitionEvents.at} < ${at}::timestamptz + interval '1 millisecond') * interval '1 microsecond'`,
    action: e.action,
    note: e.note ?? null,
    public: e.public ?? true,
    actorId: actor.id,
    actorName: actor.name,
    data: e.data ?? null,
  });
}

export type CreatePetitionOptions = {
  /**
   * Set when an enterprise user files: the petition may only be raised in that enterprise's own
   * name (its users then read the case, petitioner details included).
   */
  filerEnterpriseId?: string | null;
  /** set when a signed-in non-enterprise user files: no enterprise may be named at all */
  filerIsCitizen?: boolean;
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
  if (input.enterpriseId) {
    if (
      (opts.filerEnterpriseId !== undefined && opts.filerEnterpriseId !== input.enterpriseId) ||
      opts.filerIsCitizen
    ) {
      throw new AppError('FORBIDDEN_RECORD', {
        detail: {
          zh: '只能以本企业名义提出信访，不能填写其他企业',
          en: "A petition can only be raised in your own enterprise's name",
        },
      });
    }
    const [e] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
    if (!e) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'enterpriseId', message: { zh: '企业不存在', en: 'no such enterprise' } }],
      });
    }
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
      en: {
        title: `Key case petition: ${p.title}`,
        body: `Tracking code ${p.code}. Please read it and give instructions, for central study and handling by the leaders. Reason: ${p.keyCaseReason ?? ''}`,
      },
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
    receivedDate: shanghaiDateOf(p.receivedAt),
    acceptedDate: p.acceptedAt ? shanghaiDateOf(p.acceptedAt) : null,
    dueDate: p.resolutionDueDate,
    bureau: BUREAU_NAME,
    ...extra,
  };
}

// The request windows are the petitioner's (第三十五、三十六条); the transmissions are the bureau's.
const STEP_CLOCK_TITLES: Record<string, string> = {
  'petition.resolution': '信访办理',
  'petition.review-request': '信访人请求复查期限',
  'petition.review-transmit': '移送上一级机关复查',
  'petition.re-review-request': '信访人请求复核期限',
  'petition.re-review-transmit': '移送复核机关',
};

// a window runs from the petitioner's receipt of the reply or opinion, not from the bureau's step
const WINDOW_KEYS = new Set(['petition.review-request', 'petition.re-review-request']);

const REVIEW_STAGE: Partial<Record<PetitionActionInput['action'], { stage: 'review' | 're-review'; window: string }>> =
  {
    'request-review': { stage: 'review', window: 'petition.review-request' },
    'request-re-review': { stage: 're-review', window: 'petition.re-review-request' },
  };
const STAGE_OF: Partial<Record<PetitionActionInput['action'], 'review' | 're-review'>> = {
  'transmit-review': 'review',
  'record-review': 'review',
  'transmit-re-review': 're-review',
  'record-re-review': 're-review',
};

const NEEDS_TEXT = new Set([
  'not-accept',
  'object',
  'request-extension',
  'reject-extension',
  'reply',
  'record-review',
  'record-re-review',
]);
const NEEDS_BODY = new Set(['transmit-review', 'transmit-re-review']);
const NEEDS_REFERENCE = new Set(['record-review', 'record-re-review']);

function required(path: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { errors: [{ path, message: { zh, en } }] });
}

/** Midday of a Shanghai date: a clock that starts "on that day" counts from the next day. */
function middayOf(date: string): Date {
  return new Date(`${date}T12:00:00+08:00`);
}

async function extensionCap(tx: Tx): Promise<number> {
  const rule = await getRule(tx, 'petition.extension');
  return clockProfileValueSchema.parse(rule.value).length;
}

/**
 * One step of the case (petitionStep in core decides what is allowed): completes the clocks the
 * step ends, starts the ones it begins, writes the letter the step owes the petitioner. The
 * petition's own due dates are copies its clocks keep in step (calendar/owner-copies.ts), and
 * "on time" is the clock's verdict at completion.
 */
export async function actOnPetition(db: Db, actor: Actor, id: string, input: PetitionActionInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const before = await lockPetition(tx, id);
    if (input.version !== undefined && input.version !== before.version) throw new AppError('RECORD_CHANGED');
    const step = petitionStep(before.status as PetitionStatus, input.action);
    if (!step) {
      throw conflict(
        `当前阶段（${PETITION_STATUS_LABELS[before.status as PetitionStatus]?.zh ?? before.status}）不能执行此步骤`,
        `Action ${input.action} is not allowed at stage ${before.status}`,
      );
    }
    // 第三十四条: 经本机关负责人批准 — a clerk asks, only a leader decides
    assertLeaderDecides(actor, input.action, PETITION_LEADER_ACTIONS);
    if (NEEDS_TEXT.has(input.action) && !input.text) {
      throw required('text', '请填写理由、答复内容或处理结果', 'a reason, reply text or outcome is required');
    }
    if (NEEDS_BODY.has(input.action) && !input.decidingBody) {
      throw required('decidingBody', '请填写复查/复核机关', 'the deciding body is required');
    }
    if (NEEDS_REFERENCE.has(input.action) && !input.referenceNo) {
      throw required('referenceNo', '请填写复查/复核意见的文号', 'the reference number is required');
    }
    const today = todayInShanghai(now);
    const on = input.date ?? today;
    if (on > today) throw required('date', '日期不能晚于今天', 'the date cannot be in the future');
    if (input.action === 'object' && !before.referredBy) {
      throw conflict('只有上级信访部门转送、交办的信访件可以提出异议', 'Only a referred petition can be objected to');
    }
    if (input.otherProcedure && (input.action !== 'accept' || before.type !== 'claim')) {
      throw required(
        'otherProcedure',
        '只有申诉求决类信访事项在受理时可以转入其他法定程序',
        'only a claim can be routed into another procedure, on acceptance',
      );
    }
    const set: Partial<typeof petitions.$inferInsert> = {
      status: step.to,
      updatedAt: now,
      version: before.version + 1,
    };
    const clocks = await clocksOf(tx, { ownerType: 'petition', ownerId: id });
    const resolution = clocks.find((c) => c.profileKey === 'petition.resolution' && !c.completedAt);
    let extraValues: Record<string, string | number | null> = { reason: input.text ?? '', date: today };
    let eventPublic = input.action !== 'object';
    let eventNote: string | null = null;

    if (input.action === 'request-extension') {
      if (!input.days) throw required('days', '请填写延期天数', 'days required');
      if (before.extensionRequest) throw conflict('已有待批准的延期申请', 'An extension request is already pending');
      if (!resolution) throw conflict('该事项没有进行中的 60 日办理期限，无需延期', 'No running resolution clock');
      const cap = await extensionCap(tx);
      if (before.extensionDays + input.days > cap) {
        throw new AppError('PETITION_EXTENSION_LIMIT', {
          detail: {
            zh: `延期合计不得超过 ${cap} 日（已延期 ${before.extensionDays} 日，《信访工作条例》第三十四条）`,
            en: `Extensions may add at most ${cap} days in total (${before.extensionDays} used)`,
          },
        });
      }
      set.extensionRequest = {
        days: input.days,
        reason: input.text!,
        requestedBy: actor.name,
        requestedById: actor.id,
        at: now.toISOString(),
      };
      eventPublic = false;
      eventNote = `申请延期 ${input.days} 日：${input.text}`;
    }
    if (input.action === 'approve-extension' || input.action === 'reject-extension') {
      const req = before.extensionRequest;
      if (!req) throw conflict('没有待批准的延期申请', 'No pending extension request');
      set.extensionRequest = null;
      if (input.action === 'approve-extension') {
        if (!resolution) throw conflict('没有进行中的办理期限', 'No running resolution clock');
        const cap = await extensionCap(tx);
        if (before.extensionDays + req.days > cap) {
          throw new AppError('PETITION_EXTENSION_LIMIT', {
            detail: {
              zh: `延期合计不得超过 ${cap} 日（已延期 ${before.extensionDays} 日）`,
              en: `Extensions may add at most ${cap} days in total (${before.extensionDays} used)`,
            },
          });
        }
        const view = await extendClock(
          tx,
          actor,
          resolution.id,
          { days: req.days, reason: req.reason, approvedBy: actor.name },
          { byOwner: true },
        );
        set.extensionDays = before.extensionDays + req.days;
        set.resolutionDueDate = view.dueDate;
        extraValues = {
          ...extraValues,
          reason: req.reason,
          days: req.days,
          dueDate: view.dueDate,
          approver: actor.name,
        };
      } else {
        eventPublic = false;
        eventNote = `不批准延期申请（${req.days} 日）：${input.text}`;
        if (req.requestedById) {
          await notify(tx, {
            userId: req.requestedById,
            kind: 'petition.extension-rejected',
            title: `延期申请未获批准：${before.title}`,
            body: `编号 ${before.code}。${input.text}`,
            en: {
              title: `Extension request refused: ${before.title}`,
              body: `Tracking code ${before.code}. ${input.text}`,
            },
            link: `/staff/petitions/${id}`,
          });
        }
      }
    }

    const verdicts = new Map<string, ClockView>();
    const stage = REVIEW_STAGE[input.action];
    if (stage) {
      // 第三十五、三十六条 give the petitioner 30 days from receipt; whether a late request is
      // still heard is for the deciding body, so the bureau records it and transmits it anyway
      const window = clocks.find((c) => c.profileKey === stage.window);
      const late = window ? window.state === 'lapsed' || on > window.dueDate : false;
      if (window && !window.completedAt) await completeClock(tx, actor, window.id, middayOf(on));
      await tx.insert(petitionReviews).values({
        petitionId: id,
        stage: stage.stage,
        requestedOn: on,
        late,
        windowDueDate: window?.dueDate ?? null,
        createdAt: now,
      });
      eventNote = late
        ? `${on} 收到${stage.stage === 'review' ? '复查' : '复核'}请求（已超过 ${window!.dueDate} 届满的请求期限，照常登记并移送，由${stage.stage === 'review' ? '复查' : '复核'}机关决定）`
        : `${on} 收到${stage.stage === 'review' ? '复查' : '复核'}请求`;
    }
    const reviewStage = STAGE_OF[input.action];
    if (reviewStage) {
      const [review] = await tx
        .select()
        .from(petitionReviews)
        .where(and(eq(petitionReviews.petitionId, id), eq(petitionReviews.stage, reviewStage)))
        .orderBy(desc(petitionReviews.createdAt), desc(petitionReviews.seq))
        .limit(1)
        .for('update');
      if (!review) throw conflict('没有登记的请求', 'No recorded request');
      const name = reviewStage === 'review' ? '复查' : '复核';
      if (input.action.startsWith('transmit-')) {
        await tx
          .update(petitionReviews)
          .set({ transmittedAt: now, decidingBody: input.decidingBody! })
          .where(eq(petitionReviews.id, review.id));
        eventNote = `已将${name}请求及案卷移送${input.decidingBody}`;
      } else {
        const body = input.decidingBody ?? review.decidingBody;
        if (!body) throw required('decidingBody', '请填写复查/复核机关', 'the deciding body is required');
        await tx
          .update(petitionReviews)
          .set({ decidingBody: body, referenceNo: input.referenceNo!, outcome: input.text!, receivedOn: on })
          .where(eq(petitionReviews.id, review.id));
        eventNote = `${body}出具${name}意见（${input.referenceNo}），${on} 送达信访人：${input.text}`;
      }
    }
    if (input.action === 'record-delivery') {
      if (clocks.some((c) => c.profileKey === 'petition.review-request')) {
        throw conflict('已登记处理意见书的送达日期', 'The delivery date is already recorded');
      }
      if (before.repliedAt && on < shanghaiDateOf(before.repliedAt)) {
        throw required('date', '送达日期不能早于答复日期', 'delivery cannot precede the reply');
      }
      eventNote = `处理意见书于 ${on} 送达信访人`;
    }

    for (const c of clocks) {
      if (!c.completedAt && (step.complete as string[]).includes(c.profileKey) && !WINDOW_KEYS.has(c.profileKey))
        verdicts.set(c.profileKey, await completeClock(tx, actor, c.id, now));
    }
    const applies = petitionResolutionApplies(
      before.type as PetitionType,
      input.action === 'accept' ? input.otherProcedure : before.otherProcedure,
    );
    for (const key of step.start) {
      if (key === 'petition.resolution' && !applies) continue;
      const view = await startClock(tx, actor, {
        ownerType: 'petition',
        ownerId: id,
        profileKey: key,
        start: WINDOW_KEYS.has(key) ? middayOf(on) : now,
        title: `${STEP_CLOCK_TITLES[key]}：${before.title}`,
        link: `/staff/petitions/${id}`,
        assigneeUserId: before.assigneeUserId,
        assigneeRole: before.assigneeUserId ? null : 'leader',
      });
      if (key === 'petition.resolution') {
        set.resolutionDueDate = view.dueDate;
        extraValues.dueDate = view.dueDate;
      }
      if (WINDOW_KEYS.has(key) && !eventNote) eventNote = `请求期限至 ${view.dueDate}`;
      else if (WINDOW_KEYS.has(key)) eventNote = `${eventNote}；请求期限至 ${view.dueDate}`;
    }
    if (input.action === 'accept') {
      set.acceptedAt = now;
      set.otherProcedure = input.otherProcedure ?? null;
      extraValues.routedWording = renderTemplate(PETITION_ROUTED_WORDING[before.type as PetitionType], {
        procedure: input.otherProcedure ? `《${input.otherProcedure.replace(/^《|》$/g, '')}》` : '有关法律、行政法规',
      });
    }
    // "on time" is the clock's verdict (an approved extension is in the clock), never a copy's
    if (input.action === 'reply') {
      set.repliedAt = now;
      const v = verdicts.get('petition.resolution');
      set.closedOnTime = v ? v.state === 'met' : null;
    }
    if (input.action === 'not-accept') {
      set.repliedAt = now;
      const v = verdicts.get('petition.acceptance-notice');
      set.closedOnTime = v ? v.state === 'met' : null;
    }
    const [after] = await tx.update(petitions).set(set).where(eq(petitions.id, id)).returning();
    let letterId: string | null = null;
    const letter =
      input.action === 'accept' ? acceptanceLetterKind(before.type as PetitionType, input.otherProcedure) : step.letter;
    if (letter) letterId = await writeLetter(tx, actor, after!, letter, extraValues, now);
    await addEvent(tx, actor, id, {
      action: input.action,
      at: now,
      // the objection goes to the referring body and the extension request to the leader, not to the petitioner
      public: eventPublic,
      note: input.action === 'object' ? input.text : (eventNote ?? (letter ? PETITION_LETTER_TITLES[letter].zh : null)),
      data: letterId ? { letterId } : null,
    });
    await recordAudit(tx, actor, {
      action: `petition.${input.action}`,
      entityType: 'petition',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    if (input.action === 'request-extension') {
      for (const userId of await usersWithRole(tx, 'leader')) {
        await notify(tx, {
          userId,
          kind: 'petition.extension-requested',
          title: `信访延期待批准：${before.title}`,
          body: `编号 ${before.code}，申请延期 ${input.days} 日。理由：${input.text}`,
          en: {
            title: `Petition extension awaiting approval: ${before.title}`,
            body: `Tracking code ${before.code}: an extension of ${input.days} days is requested. Reason: ${input.text}`,
          },
          link: `/staff/petitions/${id}`,
        });
      }
    }
    if (after!.citizenUserId && letter) {
      await notify(tx, {
        userId: after!.citizenUserId,
        kind: 'petition.progress',
        title: `您的信访件有新进展：${PETITION_LETTER_TITLES[letter].zh}`,
        body: `编号 ${after!.code}「${after!.title}」`,
        en: {
          title: `News on your petition: ${PETITION_LETTER_TITLES[letter].en}`,
          body: `Tracking code ${after!.code} “${after!.title}”`,
        },
        link: `/petitions/track?code=${after!.code}`,
      });
    }
    return after!;
  });
}

export async function reviewsOf(db: Tx, id: string) {
  return db
    .select()
    .from(petitionReviews)
    .where(eq(petitionReviews.petitionId, id))
    .orderBy(asc(petitionReviews.createdAt), asc(petitionReviews.seq));
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
    /** the version the client last read: a stale one would silently undo someone else's change */
    version: number;
  },
) {
  return db.transaction(async (tx) => {
    const before = await lockPetition(tx, id);
    if (input.version !== before.version) throw new AppError('RECORD_CHANGED');
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
        version: before.version + 1,
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
        en: { title: `Petition assigned to you: ${after!.title}`, body: `Tracking code ${after!.code}` },
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
  if (ownsRecord(user, { enterpriseId: p.enterpriseId, personId: p.citizenUserId })) return;
  throw new AppError('FORBIDDEN_RECORD', { detail: { zh: '这不是您的信访件', en: 'This is not your petition' } });
}

export async function byCodeAndPhone(db: Tx, code: string, phone: string): Promise<PetitionRow> {
  const [row] = await db
    .select()
    .from(petitions)
    .where(eq(petitions.code, normalisedCode(code)));
  return provenByPhone(row, (p) => p.petitionerPhone, phone);
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
    .orderBy(asc(petitionEvents.at), asc(petitionEvents.seq));
}

export async function lettersOf(db: Tx, id: string) {
  return db
    .select()
    .from(petitionLetters)
    .where(eq(petitionLetters.petitionId, id))
    .orderBy(asc(petitionLetters.createdAt), asc(petitionLetters.seq));
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

function conditions(user: SessionUser | null, f: PetitionFilter): SQL | undefined {
  const where: SQL[] = [];
  const own = ownScope(user, { enterprise: petitions.enterpriseId, person: petitions.citizenUserId });
  if (own) where.push(own);
  if (f.status) where.push(eq(petitions.status, f.status));
  if (f.channel) where.push(eq(petitions.channel, f.channel));
  if (f.type) where.push(eq(petitions.type, f.type));
  if (f.keyCase !== undefined) where.push(eq(petitions.keyCase, f.keyCase));
  if (f.from) where.push(gte(petitions.receivedAt, f.from));
  if (f.to) where.push(lt(petitions.receivedAt, f.to));
  if (f.q) {
    const like = containsPattern(f.q);
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
  paging: PageRequest,
) {
  const cond = conditions(user, f);
  const dir = sort.startsWith('-') ? desc : asc;
  const col = sort.endsWith('receivedAt') ? petitions.receivedAt : petitions.resolutionDueDate;
  return paginate(
    paging,
    (limit, offset) =>
      db
        .select()
        .from(petitions)
        .where(cond)
        .orderBy(sql`${dir(col)} nulls last`, asc(petitions.id))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(petitions).where(cond))[0]?.n ?? 0,
  );
}

/** the petitioner's request windows, by the stage they lead to */
const WINDOW_STAGE: Partial<Record<string, 'review' | 're-review'>> = {
  'petition.review-request': 'review',
  'petition.re-review-request': 're-review',
};
/** a window past its last day is no longer open to the petitioner (the bureau still records a late request) */
const OPEN_STATES = new Set(['running', 'due-soon', 'paused']);

export type PetitionDetail = {
  petition: PetitionRow;
  events: (typeof petitionEvents.$inferSelect)[];
  letters: (typeof petitionLetters.$inferSelect)[];
  clocks: ClockView[];
  reviews: (typeof petitionReviews.$inferSelect)[];
  requestWindow: { stage: 'review' | 're-review'; dueDate: string; provisional: boolean } | null;
};

/** A petition with its history, letters, clocks and reviews; `full` keeps the internal events. */
export async function petitionDetail(db: Db, id: string, full: boolean): Promise<PetitionDetail> {
  const petition = await getPetition(db, id);
  const [events, letters, clocks, reviews] = await Promise.all([
    eventsOf(db, id, !full),
    lettersOf(db, id),
    // the public answer needs the petitioner's own window, never the bureau's duty clocks
    clocksOf(db, { ownerType: 'petition', ownerId: id }),
    reviewsOf(db, id),
  ]);
  const window = clocks.find((c) => WINDOW_STAGE[c.profileKey] && !c.completedAt && OPEN_STATES.has(c.state));
  return {
    petition,
    events,
    letters,
    clocks,
    reviews,
    requestWindow: window
      ? { stage: WINDOW_STAGE[window.profileKey]!, dueDate: window.dueDate, provisional: window.provisional }
      : null,
  };
}

/**
 * A petition filed on the public form. A signed-in enterprise user files in their enterprise's
 * name (and no other); a signed-in citizen may follow and rate it from their account; anyone else
 * follows it by code and phone.
 */
export async function filePetitionOnline(
  db: Db,
  user: SessionUser | null,
  actor: Actor,
  input: PublicPetitionInput,
): Promise<PetitionRow> {
  const citizenUserId = user && hasRole(user, 'citizen') && !isStaff(user) ? user.id : null;
  const enterpriseUser = user && hasRole(user, 'enterprise') && !isStaff(user);
  const enterpriseId = enterpriseUser ? (input.enterpriseId ?? user.enterpriseId) : input.enterpriseId;
  return db.transaction((tx) =>
    createPetition(
      tx,
      actor,
      { ...input, channel: 'online', ...(enterpriseId ? { enterpriseId } : {}) },
      enterpriseUser
        ? { citizenUserId, filerEnterpriseId: user.enterpriseId ?? null }
        : { citizenUserId, filerIsCitizen: true },
    ),
  );
}

// A petition becomes ratable when its written reply (or the notice of non-acceptance) went out
// (信访工作条例 第二十一条: petitioners can query and rate the handling).
export const petitionRatable: RatableEventResolver = async (tx, eventId) => {
  const [p] = await tx.select().from(petitions).where(eq(petitions.id, eventId));
  if (!p) return { exists: false, staffUserIds: [], label: '', labelEn: '' };
  return {
    exists: true,
    ratedAt: p.repliedAt,
    subjectEnterpriseId: p.enterpriseId,
    subjectCitizenUserId: p.citizenUserId,
    citizenPhone: p.petitionerPhone,
    staffUserIds: p.assigneeUserId ? [p.assigneeUserId] : [],
    label: `信访 ${p.code} ${p.title}`,
    labelEn: `Petition ${p.code} ${p.title}`,
  };
};
