import { randomBytes } from 'node:crypto';
import {
  makeCode,
  maskPhone,
  REPORT_LEADER_ACTIONS,
  REPORT_STATUS_LABELS,
  type ReportActionInput,
  type ReportCreate,
  type ReportSort,
  type ReportStatus,
  reportStep,
} from '@qingshan/core';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { assertLeaderDecides } from '../../shared/extension.ts';
import { type PageRequest, paginate } from '../../shared/paginate.ts';
import { normalisedCode, provenByPhone } from '../../shared/public-lookup.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { getCalendar } from '../calendar/service.ts';
import { type ClockView, clocksOf, completeClock, evaluateRow, extendClock, startClock } from '../clocks/service.ts';
import { clocks } from '../clocks/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notify, usersWithRole } from '../notifications/service.ts';
import { clockProfileValueSchema, getRule } from '../rules/service.ts';
import { reports } from './tables.ts';

export type ReportRow = typeof reports.$inferSelect;

function conflict(zh: string, en: string): AppError {
  return new AppError('REPORT_STATE_CONFLICT', { detail: { zh, en } });
}

function invalid(path: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { errors: [{ path, message: { zh, en } }] });
}

function auditView(r: ReportRow) {
  return { ...r, reporterPhone: r.reporterPhone ? maskPhone(r.reporterPhone) : null };
}

const link = (id: string) => `/staff/reports/${id}`;

/**
 * Registers a report from any channel ("有报必接": nothing is refused at intake) and starts the
 * 15-day clock to tell the reporter whether it is accepted. An anonymous report keeps no name or
 * phone, so it cannot be tracked or answered, and says so.
 */
export async function createReport(
  tx: Tx,
  actor: Actor,
  input: ReportCreate,
  opts: { now?: Date } = {},
): Promise<ReportRow> {
  const now = opts.now ?? new Date();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + 60_000) {
    throw invalid('receivedAt', '收件时间不能晚于现在', 'receipt cannot be in the future');
  }
  if (!input.anonymous && !input.reporterPhone) {
    throw invalid(
      'reporterPhone',
      '实名举报请留联系电话，以便告知受理和办理结果；不愿留名的请选择匿名举报',
      'a named report needs a phone for the answer; choose anonymous otherwise',
    );
  }
  if (input.subjectEnterpriseId) {
    const [e] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.id, input.subjectEnterpriseId));
    if (!e) throw invalid('subjectEnterpriseId', '企业不存在', 'no such enterprise');
  }
  const [row] = await tx
    .insert(reports)
    .values({
      code: makeCode('JB', (n) => randomBytes(n)),
      channel: input.channel,
      title: input.title,
      content: input.content,
      location: input.location,
      anonymous: input.anonymous,
      reporterName: input.anonymous ? null : (input.reporterName ?? null),
      reporterPhone: input.anonymous ? null : (input.reporterPhone ?? null),
      subjectEnterpriseId: input.subjectEnterpriseId ?? null,
      receivedAt,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await startClock(tx, actor, {
    ownerType: 'report',
    ownerId: row!.id,
    profileKey: 'report.acceptance',
    start: receivedAt,
    title: `举报受理告知：${row!.title}`,
    link: link(row!.id),
    assigneeRole: 'leader',
  });
  await recordAudit(tx, actor, {
    action: 'report.create',
    entityType: 'report',
    entityId: row!.id,
    after: auditView(row!),
  });
  return row!;
}

async function lockReport(tx: Tx, id: string): Promise<ReportRow> {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id)).for('update');
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '举报件不存在', en: 'No such report' } });
  return row;
}

async function extensionCap(tx: Tx): Promise<number> {
  return clockProfileValueSchema.parse((await getRule(tx, 'report.extension')).value).length;
}

const NEEDS_TEXT = new Set(['not-accept', 'transfer', 'request-extension', 'reject-extension', 'reply']);

/** One handling step: completes and starts the report's clocks; "on time" is the clock's verdict. */
export async function actOnReport(db: Db, actor: Actor, id: string, input: ReportActionInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const before = await lockReport(tx, id);
    if (input.version !== undefined && input.version !== before.version) throw new AppError('RECORD_CHANGED');
    const step = reportStep(before.status as ReportStatus, input.action);
    if (!step) {
      throw conflict(
        `当前阶段（${REPORT_STATUS_LABELS[before.status as ReportStatus]?.zh ?? before.status}）不能执行此步骤`,
        `Action ${input.action} is not allowed at stage ${before.status}`,
      );
    }
    assertLeaderDecides(actor, input.action, REPORT_LEADER_ACTIONS);
    if (NEEDS_TEXT.has(input.action) && !input.text) {
      throw invalid('text', '请填写理由、移交单位或答复内容', 'a reason, the receiving body or the answer is required');
    }
    const set: Partial<typeof reports.$inferInsert> = { status: step.to, updatedAt: now, version: before.version + 1 };
    const own = await clocksOf(tx, { ownerType: 'report', ownerId: id });
    const handling = own.find((c) => c.profileKey === 'report.handling' && !c.completedAt);
    let note: string | null = null;

    if (input.action === 'request-extension') {
      if (!input.days) throw invalid('days', '请填写延期天数', 'days required');
      if (before.extensionRequest) throw conflict('已有待批准的延期申请', 'An extension request is already pending');
      const cap = await extensionCap(tx);
      if (before.extensionDays + input.days > cap) {
        throw conflict(
          `延期合计不得超过 ${cap} 日（已延期 ${before.extensionDays} 日）`,
          `Extensions may add at most ${cap} days (${before.extensionDays} used)`,
        );
      }
      set.extensionRequest = {
        days: input.days,
        reason: input.text!,
        requestedBy: actor.name,
        requestedById: actor.id,
        at: now.toISOString(),
      };
      for (const userId of await usersWithRole(tx, 'leader')) {
        await notify(tx, {
          userId,
          kind: 'report.extension-requested',
          title: `举报件延期待批准：${before.title}`,
          body: `编号 ${before.code}，申请延期 ${input.days} 日。理由：${input.text}`,
          en: {
            title: `12369 report extension awaiting approval: ${before.title}`,
            body: `Tracking code ${before.code}: an extension of ${input.days} days is requested. Reason: ${input.text}`,
          },
          link: link(id),
        });
      }
    }
    if (input.action === 'approve-extension' || input.action === 'reject-extension') {
      const req = before.extensionRequest;
      if (!req) throw conflict('没有待批准的延期申请', 'No pending extension request');
      set.extensionRequest = null;
      if (input.action === 'approve-extension') {
        if (!handling) throw conflict('没有进行中的办理期限', 'No running handling clock');
        await extendClock(
          tx,
          actor,
          handling.id,
          { days: req.days, reason: req.reason, approvedBy: actor.name },
          { byOwner: true },
        );
        set.extensionDays = before.extensionDays + req.days;
      } else {
        note = input.text ?? null;
      }
    }
    const verdicts = new Map<string, ClockView>();
    for (const c of own) {
      if (!c.completedAt && (step.complete as string[]).includes(c.profileKey))
        verdicts.set(c.profileKey, await completeClock(tx, actor, c.id, now));
    }
    for (const key of step.start) {
      await startClock(tx, actor, {
        ownerType: 'report',
        ownerId: id,
        profileKey: key,
        start: now,
        title: `举报调查处理：${before.title}`,
        link: link(id),
        assigneeRole: 'leader',
      });
    }
    if (input.action === 'accept') set.acceptedAt = now;
    if (input.action === 'not-accept' || input.action === 'transfer' || input.action === 'reply') {
      set.decisionNote = input.text!;
      set.repliedAt = now;
      const v = verdicts.get(input.action === 'reply' ? 'report.handling' : 'report.acceptance');
      set.closedOnTime = v ? v.state === 'met' : null;
      if (input.action === 'transfer') set.transferredTo = input.text!;
    }
    const [after] = await tx.update(reports).set(set).where(eq(reports.id, id)).returning();
    await recordAudit(tx, actor, {
      action: `report.${input.action}`,
      entityType: 'report',
      entityId: id,
      before: auditView(before),
      after: { ...auditView(after!), ...(note ? { note } : {}) },
    });
    return after!;
  });
}

export async function getReport(db: Tx, id: string): Promise<ReportRow> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '举报件不存在', en: 'No such report' } });
  return row;
}

export async function byCodeAndPhone(db: Tx, code: string, phone: string): Promise<ReportRow> {
  const [row] = await db
    .select()
    .from(reports)
    .where(eq(reports.code, normalisedCode(code)));
  return provenByPhone(row, (r) => r.reporterPhone, phone);
}

export type ReportDueDates = { acceptanceDueDate: string | null; handlingDueDate: string | null };
/** A report with the due dates its clocks own, the shape the wire view is made from. */
export type ReportWithDueDates = { r: ReportRow; due: ReportDueDates | undefined };
export type ReportDetail = { report: ReportWithDueDates; clocks: ClockView[] };

/** The due dates of many reports, read from their clocks in one query (the clocks own them). */
export async function dueDatesOf(db: Tx, ids: string[]) {
  const out = new Map<string, ReportDueDates>();
  if (!ids.length) return out;
  const rows = await db
    .select()
    .from(clocks)
    .where(and(eq(clocks.ownerType, 'report'), inArray(clocks.ownerId, ids)));
  const calendar = await getCalendar(db);
  for (const id of ids) out.set(id, { acceptanceDueDate: null, handlingDueDate: null });
  for (const r of rows) {
    const v = evaluateRow(r, calendar);
    const d = out.get(r.ownerId)!;
    if (v.profileKey === 'report.acceptance') d.acceptanceDueDate = v.dueDate;
    if (v.profileKey === 'report.handling') d.handlingDueDate = v.dueDate;
  }
  return out;
}

export async function withDueDates(db: Tx, r: ReportRow): Promise<ReportWithDueDates> {
  return { r, due: (await dueDatesOf(db, [r.id])).get(r.id) };
}

export async function reportDetail(db: Tx, r: ReportRow): Promise<ReportDetail> {
  return { report: await withDueDates(db, r), clocks: await clocksOf(db, { ownerType: 'report', ownerId: r.id }) };
}

export type ReportFilter = { status?: string | undefined; q?: string | undefined; sort?: ReportSort | undefined };

/** By subject, the newest report first within one subject either way: a repeated complaint's latest word. */
function reportOrder(sort: ReportSort | undefined): SQL[] {
  switch (sort) {
    case 'receivedAt':
      return [asc(reports.receivedAt), asc(reports.id)];
    case 'title':
      return [asc(reports.title), desc(reports.receivedAt), desc(reports.id)];
    case '-title':
      return [desc(reports.title), desc(reports.receivedAt), desc(reports.id)];
    default:
      return [desc(reports.receivedAt), desc(reports.id)];
  }
}

export async function listReports(db: Db, f: ReportFilter, paging: PageRequest) {
  const where: SQL[] = [];
  if (f.status) where.push(eq(reports.status, f.status));
  if (f.q) {
    const like = containsPattern(f.q);
    where.push(
      sql`(${reports.code} ilike ${like} or ${reports.title} ilike ${like} or ${reports.location} ilike ${like})`,
    );
  }
  const cond = where.length ? and(...where) : undefined;
  const page = await paginate(
    paging,
    (limit, offset) =>
      db
        .select()
        .from(reports)
        .where(cond)
        .orderBy(...reportOrder(f.sort))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(cond))[0]?.n ?? 0,
  );
  const due = await dueDatesOf(
    db,
    page.items.map((r) => r.id),
  );
  return { ...page, items: page.items.map((r): ReportWithDueDates => ({ r, due: due.get(r.id) })) };
}
