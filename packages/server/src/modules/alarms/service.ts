import {
  ALARM_ESCALATE_AFTER_MINUTES,
  ALARM_EVENT_LABELS,
  ALARM_KIND_LABELS,
  ALARM_REACTIVATE_WITHIN_MINUTES,
  type AlarmAnswerBody,
  type AlarmCloseBody,
  type AlarmEventType,
  type AlarmKind,
  type AlarmSourceKind,
  alarmReminderText,
} from '@qingshan/core/alarms';
import { and, asc, desc, eq, gte, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import { type Paged, type PageRequest, paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notify, usersWithRole } from '../notifications/service.ts';
import { proposeRemoval } from '../positive-list/service.ts';
import { alarmAttachments, alarmEvents, alarms } from './tables.ts';

export type AlarmRow = typeof alarms.$inferSelect;

export type RaiseAlarmInput = {
  sourceKind: AlarmSourceKind;
  sourceId: string;
  /** how the enterprise and staff know the source: 1号窑炉烟气排放口, 除尘风机电表 */
  sourceName: string;
  enterpriseId: string;
  kind: AlarmKind;
  /** plain Chinese: what was seen, with values */
  detail: string;
  /** the same in English, for the English face */
  detailEn?: string;
  evidence?: Record<string, unknown>;
  /** when the condition was seen (defaults to now) */
  at?: Date;
  /** when the condition began, if earlier (a run of readings found late) */
  since?: Date;
  /**
   * The closed alarm this one repeats, when the caller knows the condition held on after the close
   * (the monitoring rules do). Otherwise raiseAlarm finds it: the latest alarm of the same source
   * and rule, closed by an officer while still active, no later than `since`.
   */
  recurrenceOf?: string;
};

const shanghai = (d: Date) => d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);

/** How the timeline names the platform's own steps (raising, reminding, escalating). */
const SYSTEM_NAME = '系统（自动监控）';

async function addEvent(
  tx: Tx,
  alarmId: string,
  type: AlarmEventType,
  actorName: string,
  note: string | null,
  noteEn: string | null = null,
) {
  await tx.insert(alarmEvents).values({ alarmId, type, actorName, note, noteEn, at: new Date() });
}

/**
 * Raises an alarm, or refreshes the active one of the same (source, kind): one active alarm per
 * source and rule, enforced by alarms_one_active_uq and race-safe through ON CONFLICT (two
 * writers raising at once make one alarm and one reminder). A new alarm reminds the enterprise —
 * in-app and an SMS-style text on its accounts' channels — and is audited, in the caller's
 * transaction. Other modules (monitoring, electricity) call this.
 */
export async function raiseAlarm(tx: Tx, input: RaiseAlarmInput): Promise<{ alarm: AlarmRow; created: boolean }> {
  const at = input.at ?? new Date();
  const evidence = input.evidence ?? {};
  const again = await reactivate(tx, input, at, evidence);
  if (again) return { alarm: again, created: false };
  const res = await tx.execute(sql`
    insert into alarms (source_kind, source_id, source_name, enterprise_id, kind, state, detail, detail_en, evidence, first_seen_at, last_seen_at, raised_at)
    values (${input.sourceKind}, ${input.sourceId}, ${input.sourceName}, ${input.enterpriseId}, ${input.kind}, 'active',
            ${input.detail}, ${input.detailEn ?? null}, ${JSON.stringify(evidence)}::jsonb, ${(input.since ?? at).toISOString()}::timestamptz, ${at.toISOString()}::timestamptz,
            ${new Date().toISOString()}::timestamptz)
    on conflict (source_kind, source_id, kind) where state = 'active'
    do update set last_seen_at = greatest(alarms.last_seen_at, excluded.last_seen_at),
                  occurrences = alarms.occurrences + 1,
                  detail = excluded.detail,
                  detail_en = excluded.detail_en,
                  evidence = excluded.evidence
    returning id, (xmax = 0) as created`);
  const rows = ((res as unknown as { rows?: { id: string; created: boolean }[] }).rows ??
    (res as unknown as { id: string; created: boolean }[])) as { id: string; created: boolean }[];
  const { id, created } = rows[0]!;
  if (created) {
    const previous = await closedWhileHolding(tx, input, at);
    if (previous) await tx.update(alarms).set({ recurrenceOf: previous.id }).where(eq(alarms.id, id));
    await addEvent(tx, id, 'raised', SYSTEM_NAME, input.detail, input.detailEn ?? null);
    if (previous)
      await addEvent(
        tx,
        id,
        'recurred',
        SYSTEM_NAME,
        `原报警（${shanghai(previous.raisedAt)} 产生）由${previous.closedByName ?? ''}于 ${shanghai(previous.closedAt!)} 审核关闭，此后情况仍持续`,
        `The earlier alarm (raised ${shanghai(previous.raisedAt)}) was closed on review by ${previous.closedByName ?? ''} at ${shanghai(previous.closedAt!)}; the condition went on after that`,
      );
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'alarm.raise',
      entityType: 'alarm',
      entityId: id,
      after: {
        kind: input.kind,
        sourceKind: input.sourceKind,
        sourceId: input.sourceId,
        detail: input.detail,
        evidence,
        ...(previous ? { recurrenceOf: previous.id } : {}),
      },
    });
    const [ent] = await tx
      .select({ name: enterprises.name })
      .from(enterprises)
      .where(eq(enterprises.id, input.enterpriseId));
    const text = alarmReminderText({
      enterpriseName: ent?.name ?? '',
      sourceName: input.sourceName,
      kind: input.kind,
      at: shanghai(at),
      ...(previous ? { recurredAfterClosedAt: shanghai(previous.closedAt!) } : {}),
    });
    await notify(tx, {
      enterpriseId: input.enterpriseId,
      kind: 'alarm',
      title: text.title,
      body: text.body,
      en: text.en,
      link: `/enterprise/alarms/${id}`,
    });
    await addEvent(tx, id, 'reminded', SYSTEM_NAME, text.body);
  }
  const [alarm] = await tx.select().from(alarms).where(eq(alarms.id, id));
  return { alarm: alarm!, created };
}

/**
 * The same episode come back (ALARM_REACTIVATE_WITHIN_MINUTES): the latest alarm of this source and
 * rule, cleared that recently and not yet answered, is active again — its reminder and its due time
 * stand. Only while no other alarm of the source and rule is active (one active alarm each); when
 * two transactions try at once, the second finds it active, updates nothing and falls through to
 * the insert's ON CONFLICT, which counts the occurrence on it.
 */
async function reactivate(
  tx: Tx,
  input: RaiseAlarmInput,
  at: Date,
  evidence: Record<string, unknown>,
): Promise<AlarmRow | null> {
  const after = new Date(at.getTime() - ALARM_REACTIVATE_WITHIN_MINUTES * 60_000);
  const [row] = await tx
    .update(alarms)
    .set({
      state: 'active',
      clearedAt: null,
      lastSeenAt: sql`greatest(${alarms.lastSeenAt}, ${at.toISOString()}::timestamptz)`,
      occurrences: sql`${alarms.occurrences} + 1`,
      detail: input.detail,
      detailEn: input.detailEn ?? null,
      evidence,
    })
    .where(
      and(
        eq(alarms.state, 'cleared'),
        eq(
          alarms.id,
          sql`(select a.id from alarms a
               where a.source_kind = ${input.sourceKind} and a.source_id = ${input.sourceId} and a.kind = ${input.kind}
                 and a.state = 'cleared' and a.answered_at is null and a.cleared_at >= ${after.toISOString()}::timestamptz
                 and not exists (select 1 from alarms b where b.source_kind = a.source_kind and b.source_id = a.source_id
                                 and b.kind = a.kind and b.state = 'active')
               order by a.cleared_at desc limit 1)`,
        ),
      ),
    )
    .returning();
  if (!row) return null;
  await addEvent(tx, row.id, 'reactivated', SYSTEM_NAME, input.detail, input.detailEn ?? null);
  await recordAudit(tx, SYSTEM_ACTOR, {
    action: 'alarm.reactivate',
    entityType: 'alarm',
    entityId: row.id,
    before: { state: 'cleared' },
    after: { state: 'active', detail: input.detail, evidence },
  });
  return row;
}

/**
 * The alarm a new one repeats: closed by an officer while its condition was still active (never
 * cleared), with the condition seen on since then — named by the caller, or the latest such alarm
 * of the same (source, rule) closed no earlier than the condition began.
 */
async function closedWhileHolding(tx: Tx, input: RaiseAlarmInput, at: Date): Promise<AlarmRow | null> {
  const same = and(
    eq(alarms.sourceKind, input.sourceKind),
    eq(alarms.sourceId, input.sourceId),
    eq(alarms.kind, input.kind),
    eq(alarms.state, 'closed'),
    isNull(alarms.clearedAt),
  );
  const [row] = await tx
    .select()
    .from(alarms)
    .where(
      input.recurrenceOf
        ? and(same, eq(alarms.id, input.recurrenceOf))
        : and(same, gte(alarms.closedAt, input.since ?? at)),
    )
    .orderBy(desc(alarms.closedAt))
    .limit(1);
  return row ?? null;
}

/** The one active alarm a (source, rule) may have. */
const activeAlarmOf = (a: { sourceKind: AlarmSourceKind; sourceId: string; kind: AlarmKind }) =>
  and(
    eq(alarms.sourceKind, a.sourceKind),
    eq(alarms.sourceId, a.sourceId),
    eq(alarms.kind, a.kind),
    eq(alarms.state, 'active'),
  );

/**
 * The condition still holds, but no longer as the open alarm describes it (one of its factors
 * cleared while another still triggers, or another joined): the active alarm of (source, kind), if
 * any, gets the detail and evidence of what holds now. A step like raising and clearing: on the
 * timeline with the new text and audited (before/after detail), in the caller's transaction. No new
 * reminder: the enterprise's duty to answer is the same alarm's. Returns whether one changed.
 */
export async function restateAlarm(
  tx: Tx,
  input: {
    sourceKind: AlarmSourceKind;
    sourceId: string;
    kind: AlarmKind;
    detail: string;
    detailEn?: string;
    evidence?: Record<string, unknown>;
    at?: Date;
    /** who made the change, when staff did (a factor removed from the registry); else the platform */
    actor?: Actor;
  },
): Promise<boolean> {
  const at = input.at ?? new Date();
  const [row] = await tx
    .select({ id: alarms.id, detail: alarms.detail, evidence: alarms.evidence })
    .from(alarms)
    .where(activeAlarmOf(input))
    .for('update');
  if (!row || row.detail === input.detail) return false;
  await tx
    .update(alarms)
    .set({
      detail: input.detail,
      detailEn: input.detailEn ?? null,
      evidence: input.evidence ?? row.evidence,
      lastSeenAt: sql`greatest(${alarms.lastSeenAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(eq(alarms.id, row.id));
  await addEvent(tx, row.id, 'restated', input.actor?.name ?? SYSTEM_NAME, input.detail, input.detailEn ?? null);
  await recordAudit(tx, input.actor ?? SYSTEM_ACTOR, {
    action: 'alarm.restate',
    entityType: 'alarm',
    entityId: row.id,
    before: { detail: row.detail },
    after: { detail: input.detail },
  });
  return true;
}

/**
 * The condition ended: the active alarm of (source, kind), if any, becomes cleared. Returns whether
 * one was. A raiser whose text told of a condition still going on ("…起至今") passes the text of
 * the period as it ended; it replaces the alarm's in the same statement, so a cleared alarm never
 * reads as ongoing, and the timeline's step and the audit entry carry it.
 */
export async function clearAlarm(
  tx: Tx,
  input: {
    sourceKind: AlarmSourceKind;
    sourceId: string;
    kind: AlarmKind;
    at?: Date;
    detail?: string;
    detailEn?: string;
    evidence?: Record<string, unknown>;
  },
): Promise<boolean> {
  const at = input.at ?? new Date();
  const restated = input.detail !== undefined;
  const [before] = restated
    ? await tx.select({ detail: alarms.detail }).from(alarms).where(activeAlarmOf(input)).for('update')
    : [];
  const [row] = await tx
    .update(alarms)
    .set({
      state: 'cleared',
      clearedAt: at,
      ...(restated
        ? {
            detail: input.detail,
            detailEn: input.detailEn ?? null,
            ...(input.evidence ? { evidence: input.evidence } : {}),
          }
        : {}),
    })
    .where(activeAlarmOf(input))
    .returning({ id: alarms.id });
  if (!row) return false;
  await addEvent(tx, row.id, 'cleared', SYSTEM_NAME, input.detail ?? null, input.detailEn ?? null);
  await recordAudit(tx, SYSTEM_ACTOR, {
    action: 'alarm.clear',
    entityType: 'alarm',
    entityId: row.id,
    before: { state: 'active', ...(restated ? { detail: before?.detail } : {}) },
    after: { state: 'cleared', clearedAt: at.toISOString(), ...(restated ? { detail: input.detail } : {}) },
  });
  return true;
}

/**
 * Closes open alarms whose subject left the registry (a factor removed from its station): the rule
 * can no longer judge it, so there is nothing left for the enterprise to answer or for a leader to
 * chase — a closed alarm is neither answerable nor escalated. Cleared (if still active) and closed
 * with the plain reason by the staff member who made the change, in the caller's transaction, each
 * step on the timeline and audited. No outcome: nobody reviewed whether it happened, and only an
 * officer's review makes an alarm the evidence an inspection cites. Returns how many were closed.
 */
export async function closeObsoleteAlarms(
  tx: Tx,
  actor: Actor,
  ids: readonly string[],
  reason: string,
  reasonEn: string | null = null,
) {
  let n = 0;
  for (const id of ids) {
    const [row] = await tx.select().from(alarms).where(eq(alarms.id, id)).for('update');
    if (!row || row.state === 'closed') continue;
    const now = new Date();
    const clearedAt = row.clearedAt ?? now;
    await tx
      .update(alarms)
      .set({
        state: 'closed',
        clearedAt,
        closedAt: now,
        closedBy: actor.id,
        closedByName: actor.name,
        reviewNote: reason,
      })
      .where(eq(alarms.id, id));
    if (row.state === 'active') await addEvent(tx, id, 'cleared', actor.name, reason, reasonEn);
    await addEvent(tx, id, 'closed', actor.name, reason, reasonEn);
    await recordAudit(tx, actor, {
      action: 'alarm.close',
      entityType: 'alarm',
      entityId: id,
      before: { state: row.state },
      after: { state: 'closed', clearedAt: clearedAt.toISOString(), reviewNote: reason },
    });
    n++;
  }
  return n;
}

export type AlarmFilter = {
  stationId?: string | undefined;
  sourceKind?: string | undefined;
  sourceId?: string | undefined;
  enterpriseId?: string | undefined;
  kind?: string | undefined;
  state?: string | undefined;
  answered?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: '-raisedAt' | 'raisedAt' | undefined;
};

export async function listAlarms(
  db: Db,
  user: SessionUser | null,
  f: AlarmFilter,
  paging: PageRequest,
): Promise<Paged<AlarmRow & { enterpriseName: string }>> {
  const conds: (SQL | undefined)[] = [ownScope(user, { enterprise: alarms.enterpriseId })];
  if (f.stationId) conds.push(and(eq(alarms.sourceKind, 'station'), eq(alarms.sourceId, f.stationId)));
  if (f.sourceKind) conds.push(eq(alarms.sourceKind, f.sourceKind));
  if (f.sourceId) conds.push(eq(alarms.sourceId, f.sourceId));
  if (f.enterpriseId) conds.push(eq(alarms.enterpriseId, f.enterpriseId));
  if (f.kind) conds.push(eq(alarms.kind, f.kind));
  if (f.state === 'open') conds.push(ne(alarms.state, 'closed'));
  else if (f.state) conds.push(eq(alarms.state, f.state));
  if (f.answered === true) conds.push(sql`${alarms.answeredAt} is not null`);
  if (f.answered === false) conds.push(isNull(alarms.answeredAt));
  if (f.from) conds.push(gte(alarms.raisedAt, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) conds.push(lt(alarms.raisedAt, new Date(Date.parse(`${f.to}T00:00:00+08:00`) + 86_400_000)));
  const where = and(...conds);
  return paginate(
    paging,
    async (limit, offset) => {
      const rows = await db
        .select({ a: alarms, enterpriseName: enterprises.name })
        .from(alarms)
        .innerJoin(enterprises, eq(enterprises.id, alarms.enterpriseId))
        .where(where)
        .orderBy(
          ...(f.sort === 'raisedAt'
            ? [asc(alarms.raisedAt), asc(alarms.id)]
            : [desc(alarms.raisedAt), desc(alarms.id)]),
        )
        .limit(limit)
        .offset(offset);
      return rows.map((r) => ({ ...r.a, enterpriseName: r.enterpriseName }));
    },
    async () => {
      const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(alarms).where(where);
      return c?.n ?? 0;
    },
  );
}

async function visibleAlarm(db: Tx, user: SessionUser | null, id: string, lock = false) {
  const q = db.select().from(alarms).where(eq(alarms.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该报警不存在', en: `No alarm ${id}` } });
  const scope = ownScope(user, { enterprise: alarms.enterpriseId });
  if (scope) {
    const [mine] = await db
      .select({ id: alarms.id })
      .from(alarms)
      .where(and(eq(alarms.id, id), scope));
    if (!mine) throw new AppError('FORBIDDEN_RECORD');
  }
  return row;
}

export async function getAlarm(db: Tx, user: SessionUser | null, id: string) {
  const row = await visibleAlarm(db, user, id);
  const [ent] = await db
    .select({ name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.id, row.enterpriseId));
  const events = await db.select().from(alarmEvents).where(eq(alarmEvents.alarmId, id)).orderBy(asc(alarmEvents.seq));
  const [att] = await db
    .select({ name: alarmAttachments.name, contentType: alarmAttachments.contentType, size: alarmAttachments.size })
    .from(alarmAttachments)
    .where(eq(alarmAttachments.alarmId, id));
  return { alarm: { ...row, enterpriseName: ent?.name ?? '' }, events, attachment: att ?? null };
}

export async function getAlarmAttachment(db: Tx, user: SessionUser | null, id: string) {
  await visibleAlarm(db, user, id);
  const [att] = await db.select().from(alarmAttachments).where(eq(alarmAttachments.alarmId, id));
  if (!att)
    throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该报警没有附件', en: 'The alarm has no attachment' } });
  return att;
}

/** The enterprise answers (reason, action, optional file): this is its acknowledgement. Once; not after closing. */
export async function answerAlarm(tx: Tx, actor: Actor, user: SessionUser, id: string, body: AlarmAnswerBody) {
  const row = await visibleAlarm(tx, user, id, true);
  if (row.state === 'closed')
    throw new AppError('ALARM_STATE', { detail: { zh: '报警已关闭，不能再答复', en: 'The alarm is closed' } });
  if (row.answeredAt)
    throw new AppError('ALARM_STATE', { detail: { zh: '该报警已答复', en: 'The alarm has been answered' } });
  const now = new Date();
  let attachment: { name: string; contentType: string; size: number } | null = null;
  if (body.attachment) {
    const content = Buffer.from(body.attachment.dataBase64, 'base64');
    if (content.length === 0)
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'attachment.dataBase64', message: { zh: '附件为空', en: 'The attachment is empty' } }],
      });
    attachment = { name: body.attachment.name, contentType: body.attachment.contentType, size: content.length };
    await tx.insert(alarmAttachments).values({ alarmId: id, ...attachment, content });
  }
  await tx
    .update(alarms)
    .set({ answeredAt: now, answeredBy: user.id, answerReason: body.reason, answerAction: body.action })
    .where(eq(alarms.id, id));
  await addEvent(
    tx,
    id,
    'answered',
    user.displayName,
    `原因：${body.reason}；措施：${body.action}`,
    `Reason: ${body.reason}; action: ${body.action}`,
  );
  await recordAudit(tx, actor, {
    action: 'alarm.answer',
    entityType: 'alarm',
    entityId: id,
    after: { answerReason: body.reason, answerAction: body.action, attachment },
  });
  return getAlarm(tx, user, id);
}

/**
 * An officer's review closes the alarm: confirmed (it happened; the evidence an inspection cites)
 * or dismissed (a false alarm). Confirming needs the enterprise's answer first — it must have had
 * its say; a false alarm may be dismissed at once. Closing does not say the condition ended: if it
 * still holds, the next pass of its rule raises a new alarm (the closed one stays as evidence).
 */
export async function closeAlarm(tx: Tx, actor: Actor, user: SessionUser, id: string, body: AlarmCloseBody) {
  const row = await visibleAlarm(tx, user, id, true);
  if (row.state === 'closed')
    throw new AppError('ALARM_STATE', { detail: { zh: '报警已关闭', en: 'The alarm is closed' } });
  if (body.outcome === 'confirmed' && !row.answeredAt)
    throw new AppError('ALARM_STATE', {
      detail: { zh: '企业尚未答复，不能确认关闭', en: 'The enterprise has not answered yet' },
    });
  const now = new Date();
  await tx
    .update(alarms)
    .set({
      state: 'closed',
      closedAt: now,
      closedBy: user.id,
      closedByName: user.displayName,
      outcome: body.outcome,
      reviewNote: body.note,
    })
    .where(eq(alarms.id, id));
  await addEvent(
    tx,
    id,
    'closed',
    user.displayName,
    `${body.outcome === 'confirmed' ? '确认属实' : '排除误报'}：${body.note}`,
    `${body.outcome === 'confirmed' ? 'Confirmed' : 'Dismissed as a false alarm'}: ${body.note}`,
  );
  await recordAudit(tx, actor, {
    action: 'alarm.close',
    entityType: 'alarm',
    entityId: id,
    before: { state: row.state },
    after: { state: 'closed', outcome: body.outcome, reviewNote: body.note },
  });
  // rules.md §3: a confirmed alarm proposes the firm's removal from the positive list (if listed)
  if (body.outcome === 'confirmed')
    await proposeRemoval(tx, actor, {
      enterpriseId: row.enterpriseId,
      trigger: 'confirmed-alarm',
      sourceType: 'alarm',
      sourceId: id,
      summary: `${row.sourceName}：${row.detail}（确认属实：${body.note}）`,
    });
  return getAlarm(tx, user, id);
}

/**
 * Alarms not acknowledged (answered) within 2 h go to the leaders (rules.md §4: the duty officer's
 * leader; the platform has no duty roster, so every account holding the leader role). Each alarm
 * escalates once; the mark and the messages commit together.
 */
export async function escalateUnanswered(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - ALARM_ESCALATE_AFTER_MINUTES * 60_000);
  const due = await db
    .select({ id: alarms.id })
    .from(alarms)
    .where(
      and(
        isNull(alarms.answeredAt),
        isNull(alarms.escalatedAt),
        ne(alarms.state, 'closed'),
        lt(alarms.raisedAt, before),
      ),
    )
    .orderBy(asc(alarms.raisedAt))
    .limit(200);
  let n = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(alarms)
        .set({ escalatedAt: now })
        .where(and(eq(alarms.id, id), isNull(alarms.escalatedAt), isNull(alarms.answeredAt)))
        .returning();
      if (!row) return;
      const [ent] = await tx
        .select({ name: enterprises.name })
        .from(enterprises)
        .where(eq(enterprises.id, row.enterpriseId));
      const label = ALARM_KIND_LABELS[row.kind as AlarmKind];
      for (const userId of await usersWithRole(tx, 'leader'))
        await notify(tx, {
          userId,
          kind: 'alarm-escalation',
          title: `报警逾期未答复：${ent?.name ?? ''}`,
          body: `${ent?.name ?? ''}${row.sourceName}“${label?.zh ?? row.kind}”报警于${shanghai(row.raisedAt)}产生，企业超过2小时未答复，请督办。`,
          en: {
            title: `Alarm not answered in time: ${ent?.name ?? ''}`,
            body: `The “${label?.en ?? row.kind}” alarm at ${ent?.name ?? ''}, ${row.sourceName}, was raised at ${shanghai(row.raisedAt)}; the enterprise has not answered it within 2 hours. Please follow it up.`,
          },
          link: `/staff/alarms/${id}`,
        });
      await addEvent(
        tx,
        id,
        'escalated',
        SYSTEM_NAME,
        ALARM_EVENT_LABELS.escalated.zh,
        ALARM_EVENT_LABELS.escalated.en,
      );
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'alarm.escalate',
        entityType: 'alarm',
        entityId: id,
        after: { escalatedAt: now.toISOString() },
      });
      n++;
    });
  }
  return n;
}
