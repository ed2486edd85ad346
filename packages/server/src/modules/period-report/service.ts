import {
  type DraftSection,
  draftReport,
  type ReportDraft,
  type ReportDraftEdit,
  type ReportFigure,
} from '@qingshan/core/period-report';
import { and, asc, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { paginate } from '../../shared/paginate.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { figureSources, figureTotals, type Period } from '../figures/registry.ts';
import { periodReportDrafts, periodReportDraftVersions } from './tables.ts';

export type DraftRow = typeof periodReportDrafts.$inferSelect;
export type DraftVersionRow = typeof periodReportDraftVersions.$inferSelect;

/** Every registered figure over the period, in one statement (the dashboard's own query). */
export async function reportFigures(db: Tx, p: Period): Promise<ReportFigure[]> {
  const sources = figureSources();
  const totals = await figureTotals(db, sources, p);
  return sources.map((s) => {
    const total = totals.get(s.key);
    return {
      key: s.key,
      value: total?.total ?? 0,
      label: s.label,
      unit: s.unit,
      group: s.group,
      ...(s.rate ? { rate: true, noData: !total?.measured } : {}),
    };
  });
}

/** The report as drafted from the figures now, not saved. */
export async function freshDraft(db: Tx, p: Period): Promise<{ draft: ReportDraft; figures: ReportFigure[] }> {
  const figures = await reportFigures(db, p);
  return { draft: draftReport(p, figures), figures };
}

function notFound(): AppError {
  return new AppError('RECORD_NOT_FOUND', { detail: { zh: '报告稿不存在', en: 'No such report draft' } });
}

export async function getDraft(db: Tx, id: string): Promise<DraftRow> {
  const [row] = await db.select().from(periodReportDrafts).where(eq(periodReportDrafts.id, id));
  if (!row) throw notFound();
  return row;
}

/** Saves the fresh draft of a period as a record (version 1) a leader can then edit. */
export async function createDraft(db: Db, actor: Actor, p: Period): Promise<DraftRow> {
  const { draft } = await freshDraft(db, p);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(periodReportDrafts)
      .values({
        periodFrom: p.from,
        periodTo: p.to,
        title: draft.title,
        body: draft.sections,
        createdBy: actor.id,
        createdByName: actor.name,
      })
      .returning();
    await tx.insert(periodReportDraftVersions).values({
      draftId: row!.id,
      version: 1,
      title: row!.title,
      body: row!.body,
      note: '由统计数字生成',
      savedBy: actor.id,
      savedByName: actor.name,
    });
    await recordAudit(tx, actor, {
      action: 'period-report.draft.create',
      entityType: 'period-report-draft',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

/**
 * Applies an edit: the text is the editor's, the figures each sentence states are the draft's (kept
 * by sentence id), so a link always points at what was counted. A new sentence has no figures.
 */
export function applyEdit(before: readonly DraftSection[], edit: ReportDraftEdit['sections']): DraftSection[] {
  const figuresOf = new Map(before.flatMap((s) => s.sentences.map((x) => [x.id, x.figures] as const)));
  return edit.map((s) => ({
    key: s.key,
    heading: s.heading,
    sentences: s.sentences.map((x) => ({ id: x.id, text: x.text, figures: figuresOf.get(x.id) ?? [] })),
  }));
}

export async function updateDraft(db: Db, actor: Actor, id: string, edit: ReportDraftEdit): Promise<DraftRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(periodReportDrafts).where(eq(periodReportDrafts.id, id)).for('update');
    if (!before) throw notFound();
    if (before.version !== edit.version) {
      throw new AppError('RECORD_CHANGED', { extra: { version: before.version } });
    }
    const ids = edit.sections.flatMap((s) => s.sentences.map((x) => x.id));
    if (new Set(ids).size !== ids.length) {
      throw new AppError('VALIDATION_FAILED', {
        detail: { zh: '同一语句出现了两次', en: 'A sentence appears twice' },
        errors: [{ path: 'sections', message: { zh: '语句编号重复', en: 'duplicate sentence id' } }],
      });
    }
    const version = before.version + 1;
    const [after] = await tx
      .update(periodReportDrafts)
      .set({ title: edit.title, body: applyEdit(before.body, edit.sections), version, updatedAt: new Date() })
      .where(eq(periodReportDrafts.id, id))
      .returning();
    await tx.insert(periodReportDraftVersions).values({
      draftId: id,
      version,
      title: after!.title,
      body: after!.body,
      note: edit.note ?? null,
      savedBy: actor.id,
      savedByName: actor.name,
    });
    await recordAudit(tx, actor, {
      action: 'period-report.draft.update',
      entityType: 'period-report-draft',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export const DRAFT_SORTS = ['-updated', 'updated', '-period', 'period'] as const;

export async function listDrafts(
  db: Db,
  q: {
    from?: string | undefined;
    to?: string | undefined;
    q?: string | undefined;
    sort: (typeof DRAFT_SORTS)[number];
    page: number;
    pageSize: number;
  },
) {
  const where: SQL[] = [];
  if (q.from) where.push(gte(periodReportDrafts.periodTo, q.from));
  if (q.to) where.push(lte(periodReportDrafts.periodFrom, q.to));
  if (q.q) where.push(ilike(periodReportDrafts.title, containsPattern(q.q)));
  const cond = where.length ? and(...where) : undefined;
  const order = {
    '-updated': [desc(periodReportDrafts.updatedAt), desc(periodReportDrafts.id)],
    updated: [asc(periodReportDrafts.updatedAt), asc(periodReportDrafts.id)],
    '-period': [desc(periodReportDrafts.periodTo), desc(periodReportDrafts.id)],
    period: [asc(periodReportDrafts.periodFrom), asc(periodReportDrafts.id)],
  }[q.sort];
  return paginate(
    q,
    (limit, offset) =>
      db
        .select()
        .from(periodReportDrafts)
        .where(cond)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: count() }).from(periodReportDrafts).where(cond))[0]!.n,
  );
}

export async function listDraftVersions(db: Db, id: string): Promise<DraftVersionRow[]> {
  await getDraft(db, id);
  return db
    .select()
    .from(periodReportDraftVersions)
    .where(eq(periodReportDraftVersions.draftId, id))
    .orderBy(desc(periodReportDraftVersions.version))
    .limit(200);
}
