import { randomUUID } from 'node:crypto';
import { BUREAU_NAME, todayInShanghai } from '@qingshan/core';
import type { InspectionOutcome } from '@qingshan/core/inspection-draws';
import {
  CASE_STAGE_LABELS,
  type CaseSort,
  type CaseStage,
  type CompleteInspectionBody,
  checklistItemKeys,
  ENTERPRISE_VISIBLE_RECORD,
  nextCaseStage,
  type PublicPenaltySort,
  type SiteInspectionBody,
} from '@qingshan/core/site-inspections';
import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, type FieldErrorMsg } from '../../errors.ts';
import { isStaff, type SessionUser } from '../../plugins/auth.ts';
import { type Paged, type PageRequest, paginate } from '../../shared/paginate.ts';
import { PHOTO_LIMIT, PHOTO_TYPES, sniffType } from '../../shared/photo.ts';
import { ownScope, ownsRecord } from '../../shared/scope.ts';
import { alarms } from '../alarms/tables.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { type ClockView, clocksOf, completeClock, startClock } from '../clocks/service.ts';
import { clues } from '../clues/tables.ts';
import { proposeCreditChange, withdrawCreditProposalsFrom } from '../credit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notePublicationClock, publishResults } from '../inspections/service.ts';
import { inspectionDraws } from '../inspections/tables.ts';
import { proposeRemoval, withdrawProposalsFrom } from '../positive-list/service.ts';
import type { ORDER_SORTS } from './schema.ts';
import { checkSignaturePng } from './signature.ts';
import {
  enforcementCases,
  inspectionFiles,
  inspectionFindings,
  rectificationAnswers,
  rectificationOrders,
  siteInspections,
} from './tables.ts';

export type InspectionRow = typeof siteInspections.$inferSelect;
export type FindingRow = typeof inspectionFindings.$inferSelect;
export type OrderRow = typeof rectificationOrders.$inferSelect;
export type AnswerRow = typeof rectificationAnswers.$inferSelect;
export type CaseRow = typeof enforcementCases.$inferSelect;
export type FileSummary = Omit<typeof inspectionFiles.$inferSelect, 'content' | 'createdBy'>;

const notFound = (zh: string, en: string) => new AppError('RECORD_NOT_FOUND', { detail: { zh, en } });
const invalid = (errors: FieldErrorMsg[]) => new AppError('VALIDATION_FAILED', { errors });
const ORDER_CLOCK = 'site-inspection.rectify';

// ---------------------------------------------------------------------------------------------
// Files: photos, the drawn signature, proof of rectification

export { PHOTO_TYPES, sniffType };
export const PROOF_TYPES = [...PHOTO_TYPES, 'application/pdf'] as const;
export const FILE_LIMIT = PHOTO_LIMIT;
/** photos per inspection, proof files per order: a phone's evidence, not an archive */
export const FILES_PER_RECORD = 20;

export function uploadedFile(
  body: unknown,
  contentType: string | undefined,
  name: string,
  accepted: readonly string[],
): { name: string; type: string; content: Buffer } {
  const type = (contentType ?? '').split(';')[0]!.trim();
  const refuse = () =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail:
        accepted.length === PHOTO_TYPES.length
          ? { zh: '只接受 JPEG、PNG、WebP 图片', en: 'Only JPEG, PNG or WebP images' }
          : { zh: '只接受 JPEG、PNG、WebP 图片或 PDF', en: 'Only JPEG, PNG, WebP images or PDF' },
    });
  if (!Buffer.isBuffer(body) || !accepted.includes(type)) throw refuse();
  if (body.length === 0 || sniffType(body) !== type) throw refuse();
  return { name, type, content: body };
}

const fileColumns = {
  id: inspectionFiles.id,
  ownerType: inspectionFiles.ownerType,
  ownerId: inspectionFiles.ownerId,
  enterpriseId: inspectionFiles.enterpriseId,
  answerId: inspectionFiles.answerId,
  fileName: inspectionFiles.fileName,
  contentType: inspectionFiles.contentType,
  size: inspectionFiles.size,
  createdAt: inspectionFiles.createdAt,
};

async function insertFile(
  tx: Tx,
  actor: Actor,
  owner: { ownerType: 'inspection' | 'signature' | 'order'; ownerId: string; enterpriseId: string },
  file: { name: string; type: string; content: Buffer },
): Promise<FileSummary> {
  const [row] = await tx
    .insert(inspectionFiles)
    .values({
      ...owner,
      fileName: file.name,
      contentType: file.type,
      size: file.content.length,
      content: file.content,
      createdBy: actor.id,
    })
    .returning(fileColumns);
  return row!;
}

async function countFiles(tx: Tx, ownerType: string, ownerId: string): Promise<number> {
  const [r] = await tx
    .select({ n: count() })
    .from(inspectionFiles)
    .where(and(eq(inspectionFiles.ownerType, ownerType), eq(inspectionFiles.ownerId, ownerId)));
  return Number(r?.n ?? 0);
}

/**
 * One more photo or proof on a record: bounded per record, stored, audited against the record it
 * belongs to. The caller has locked the record and checked its state.
 */
async function attachFile(
  tx: Tx,
  actor: Actor,
  owner: { ownerType: 'inspection' | 'order'; ownerId: string; enterpriseId: string },
  audit: { action: string; entityType: string },
  file: { name: string; type: string; content: Buffer },
): Promise<FileSummary> {
  if ((await countFiles(tx, owner.ownerType, owner.ownerId)) >= FILES_PER_RECORD) throw tooMany();
  const saved = await insertFile(tx, actor, owner, file);
  await recordAudit(tx, actor, {
    ...audit,
    entityId: owner.ownerId,
    after: { id: saved.id, fileName: saved.fileName, size: saved.size },
  });
  return saved;
}

function tooMany(): AppError {
  return invalid([
    {
      path: 'file',
      message: { zh: `每条记录最多 ${FILES_PER_RECORD} 个文件`, en: `At most ${FILES_PER_RECORD} files per record` },
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Inspection records

/**
 * A draw's list is its team's until published (the inspections module's rule, viewDraw): only the
 * team ties a record to an unpublished draw, or works on a record tied to one.
 */
function assertDrawTeam(d: { team: string[]; status: string }, actor: Actor, onRecord = false): void {
  if (d.status === 'published' || (actor.id && d.team.includes(actor.id))) return;
  // on a record the code's own words ("only the team may see the draw") would not say what was refused
  throw new AppError(
    'INSPECTION_DRAW_SECRET',
    onRecord
      ? {
          detail: {
            zh: '该记录属于尚未公开的双随机抽查，只有检查组成员可以修改、上传照片或完成',
            en: 'The record belongs to a draw not yet published: only its team may change, photograph or complete it',
          },
        }
      : {},
  );
}

/** The record's own draw, when it has one, under the same rule as a draw named in a body. */
async function checkRecordDraw(tx: Tx, actor: Actor, row: InspectionRow): Promise<void> {
  if (!row.drawId) return;
  const [d] = await tx
    .select({ team: inspectionDraws.team, status: inspectionDraws.status })
    .from(inspectionDraws)
    .where(eq(inspectionDraws.id, row.drawId));
  if (d) assertDrawTeam(d, actor, true);
}

/**
 * Whether the caller may know a record's tie to its draw: once published anyone who reads the
 * record, before that only the draw's team (a record's drawId names a firm drawn). True for a
 * record tied to no draw (the left join finds none).
 */
function drawKnownTo(user: SessionUser | null): SQL<boolean> {
  const onTeam = user ? sql` or ${inspectionDraws.team} @> ${JSON.stringify([user.id])}::jsonb` : sql``;
  return sql<boolean>`(${inspectionDraws.id} is null or ${inspectionDraws.status} = 'published'${onTeam})`;
}

/**
 * Records listed by draw are the firms drawn: before publication the team's alone, and a refused
 * look is an audit entry of its own, committed though the answer is a refusal (as viewDraw's).
 */
async function checkDrawFilter(db: Tx, user: SessionUser | null, actor: Actor, drawId: string): Promise<void> {
  const [d] = await db
    .select({ team: inspectionDraws.team, status: inspectionDraws.status })
    .from(inspectionDraws)
    .where(eq(inspectionDraws.id, drawId));
  if (!d || d.status === 'published' || (user && d.team.includes(user.id))) return;
  await db.transaction((tx) =>
    recordAudit(tx, actor, { action: 'inspection-draw.view-refused', entityType: 'inspection-draw', entityId: drawId }),
  );
  throw new AppError('INSPECTION_DRAW_SECRET');
}

/** What a record's body refers to must exist and fit: the draw drew the firm, the items are its industry's, the alarm is its own. */
async function checkReferences(tx: Tx, actor: Actor, body: SiteInspectionBody): Promise<void> {
  const errors: FieldErrorMsg[] = [];
  const [firm] = await tx
    .select({ id: enterprises.id, industryCode: enterprises.industryCode })
    .from(enterprises)
    .where(eq(enterprises.id, body.enterpriseId));
  if (!firm) throw invalid([{ path: 'enterpriseId', message: { zh: '企业不存在', en: 'No such enterprise' } }]);
  if (body.inspectedOn > todayInShanghai())
    errors.push({ path: 'inspectedOn', message: { zh: '检查日期不能晚于今天', en: 'in the future' } });
  if (body.drawId) {
    const [d] = await tx
      .select({ targets: inspectionDraws.targets, team: inspectionDraws.team, status: inspectionDraws.status })
      .from(inspectionDraws)
      .where(eq(inspectionDraws.id, body.drawId));
    // the list stays secret until published: only its team may tie a record to it
    if (d) assertDrawTeam(d, actor);
    if (!d) errors.push({ path: 'drawId', message: { zh: '该抽查不存在', en: 'No such draw' } });
    else if (!d.targets.some((t) => t.objectId === body.enterpriseId))
      errors.push({ path: 'drawId', message: { zh: '该企业不在这次抽查名单内', en: 'The firm was not drawn' } });
  }
  const keys = checklistItemKeys(firm.industryCode);
  body.checklist.forEach((c, i) => {
    if (!keys.has(c.key))
      errors.push({
        path: `checklist.${i}.key`,
        message: { zh: '不是该行业的检查项', en: 'Not an item of the industry' },
      });
  });
  if (new Set(body.checklist.map((c) => c.key)).size !== body.checklist.length)
    errors.push({ path: 'checklist', message: { zh: '同一检查项填写了多次', en: 'An item is given twice' } });
  body.findings.forEach((f, i) => {
    if (f.itemKey && !keys.has(f.itemKey))
      errors.push({
        path: `findings.${i}.itemKey`,
        message: { zh: '不是该行业的检查项', en: 'Not an item of the industry' },
      });
  });
  if (body.clueId) {
    const [c] = await tx.select({ enterpriseId: clues.enterpriseId }).from(clues).where(eq(clues.id, body.clueId));
    if (!c || c.enterpriseId !== body.enterpriseId)
      errors.push({ path: 'clueId', message: { zh: '该企业没有这条线索', en: 'No such clue about the firm' } });
  }
  if (body.alarmId) {
    const [a] = await tx.select({ enterpriseId: alarms.enterpriseId }).from(alarms).where(eq(alarms.id, body.alarmId));
    if (!a || a.enterpriseId !== body.enterpriseId)
      errors.push({ path: 'alarmId', message: { zh: '该企业没有这条报警', en: 'No such alarm of the firm' } });
  }
  if (errors.length) throw invalid(errors);
}

function recordValues(body: SiteInspectionBody) {
  return {
    kind: body.kind,
    enterpriseId: body.enterpriseId,
    drawId: body.drawId,
    inspectedOn: body.inspectedOn,
    inspectorNames: body.inspectorNames,
    latitude: body.latitude,
    longitude: body.longitude,
    place: body.place,
    offSiteSource: body.kind === 'off-site' ? body.offSiteSource : null,
    alarmId: body.alarmId,
    clueId: body.clueId,
    sourceRef: body.sourceRef,
    checklist: body.checklist,
    summary: body.summary,
  };
}

async function writeFindings(tx: Tx, inspectionId: string, body: SiteInspectionBody): Promise<void> {
  await tx.delete(inspectionFindings).where(eq(inspectionFindings.inspectionId, inspectionId));
  if (body.findings.length)
    await tx
      .insert(inspectionFindings)
      .values(
        body.findings.map((f, position) => ({ inspectionId, position, ...f, requirement: f.requirement || null })),
      );
}

export async function createInspection(db: Db, actor: Actor, body: SiteInspectionBody): Promise<string> {
  return db.transaction(async (tx) => {
    await checkReferences(tx, actor, body);
    const [row] = await tx
      .insert(siteInspections)
      .values({ ...recordValues(body), officerId: actor.id, officerName: actor.name })
      .returning({ id: siteInspections.id });
    await writeFindings(tx, row!.id, body);
    await recordAudit(tx, actor, {
      action: 'site-inspection.create',
      entityType: 'site-inspection',
      entityId: row!.id,
      after: body,
    });
    return row!.id;
  });
}

async function lockDraft(tx: Tx, id: string, version?: number): Promise<InspectionRow> {
  const [row] = await tx.select().from(siteInspections).where(eq(siteInspections.id, id)).for('update');
  if (!row) throw notFound('检查记录不存在', 'No such inspection record');
  if (row.status !== 'draft')
    throw new AppError('SITE_INSPECTION_STATE', {
      detail: { zh: '检查记录已完成，不能再修改', en: 'The inspection is completed and cannot change' },
    });
  if (version !== undefined && row.version !== version) throw new AppError('RECORD_CHANGED');
  return row;
}

export async function updateInspection(
  db: Db,
  actor: Actor,
  id: string,
  body: SiteInspectionBody,
  version: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockDraft(tx, id, version);
    // an outsider, who is shown no drawId, would otherwise save the record loose from its draw
    await checkRecordDraw(tx, actor, before);
    await checkReferences(tx, actor, body);
    await tx
      .update(siteInspections)
      .set({ ...recordValues(body), version: before.version + 1 })
      .where(eq(siteInspections.id, id));
    await writeFindings(tx, id, body);
    await recordAudit(tx, actor, {
      action: 'site-inspection.update',
      entityType: 'site-inspection',
      entityId: id,
      before: recordValues({ ...before, findings: [] } as unknown as SiteInspectionBody),
      after: body,
    });
  });
}

export async function addInspectionPhoto(
  db: Db,
  actor: Actor,
  id: string,
  file: { name: string; type: string; content: Buffer },
): Promise<FileSummary> {
  return db.transaction(async (tx) => {
    const row = await lockDraft(tx, id);
    await checkRecordDraw(tx, actor, row);
    return attachFile(
      tx,
      actor,
      { ownerType: 'inspection', ownerId: id, enterpriseId: row.enterpriseId },
      { action: 'site-inspection.file', entityType: 'site-inspection' },
      file,
    );
  });
}

const outcomeOf = (findings: number): InspectionOutcome => (findings ? 'problems-found' : 'no-problem');

/**
 * Completes a record: the enterprise's drawn signature (a PNG) or its refusal with the reason and a
 * witness (on-site), nothing more for an off-site check. Each finding with a requirement becomes a
 * rectification order with its clock, in the same transaction; a record tied to a draw starts or
 * moves the draw's publication clock.
 */
export async function completeInspection(
  db: Db,
  actor: Actor,
  id: string,
  body: CompleteInspectionBody,
  at: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockDraft(tx, id, body.version);
    await checkRecordDraw(tx, actor, row);
    const signed = body.signerName !== undefined && body.signaturePng !== undefined;
    const refused = body.refusalReason !== undefined && body.witness !== undefined;
    if (row.kind === 'on-site' && !signed && !refused)
      throw invalid([
        {
          path: 'signerName',
          message: {
            zh: '现场检查需企业签字，或记录拒签原因和见证人',
            en: 'On site: a signature, or the refusal and a witness',
          },
        },
      ]);
    if (row.kind === 'off-site' && (signed || refused))
      throw invalid([
        { path: 'signerName', message: { zh: '非现场检查无需企业签字', en: 'An off-site check is not signed' } },
      ]);
    if (signed) {
      const png = Buffer.from(body.signaturePng!, 'base64');
      // decoded, not sniffed: a blank canvas or bytes behind a PNG header are no signature
      if (!checkSignaturePng(png).ok)
        throw invalid([
          {
            path: 'signaturePng',
            message: {
              zh: '签名为空白或无法识别，请重新签名',
              en: 'The signature is blank or unreadable; please sign again',
            },
          },
        ]);
      await insertFile(
        tx,
        actor,
        { ownerType: 'signature', ownerId: id, enterpriseId: row.enterpriseId },
        { name: 'signature.png', type: 'image/png', content: png },
      );
    }
    await tx
      .update(siteInspections)
      .set({
        status: 'completed',
        completedAt: at,
        signerName: signed ? body.signerName : null,
        refusalReason: refused ? body.refusalReason : null,
        witness: refused ? body.witness : null,
        version: row.version + 1,
      })
      .where(eq(siteInspections.id, id));
    const findings = await tx
      .select()
      .from(inspectionFindings)
      .where(eq(inspectionFindings.inspectionId, id))
      .orderBy(asc(inspectionFindings.position));
    const [firm] = await tx
      .select({ name: enterprises.name })
      .from(enterprises)
      .where(eq(enterprises.id, row.enterpriseId));
    for (const f of findings) {
      if (!f.requirement) continue;
      const orderId = randomUUID();
      const clock = await startClock(tx, actor, {
        ownerType: 'rectification-order',
        ownerId: orderId,
        profileKey: ORDER_CLOCK,
        start: at,
        title: `${firm?.name ?? ''} 责令整改：${f.description.slice(0, 40)}`,
        link: `/staff/rectifications/${orderId}`,
        assigneeRole: 'inspector',
        enterpriseId: row.enterpriseId,
      });
      await tx.insert(rectificationOrders).values({
        id: orderId,
        findingId: f.id,
        inspectionId: id,
        enterpriseId: row.enterpriseId,
        requirement: f.requirement,
        clockId: clock.id,
        createdAt: at,
      });
      await recordAudit(tx, actor, {
        action: 'rectification-order.create',
        entityType: 'rectification-order',
        entityId: orderId,
        after: {
          findingId: f.id,
          inspectionId: id,
          requirement: f.requirement,
          clockId: clock.id,
          dueDate: clock.dueDate,
        },
      });
    }
    // a drawn firm inspected: the draw's results are now due on the publication clock
    if (row.drawId) await notePublicationClock(tx, actor, row.drawId, row.inspectedOn);
    await recordAudit(tx, actor, {
      action: 'site-inspection.complete',
      entityType: 'site-inspection',
      entityId: id,
      after: {
        outcome: outcomeOf(findings.length),
        signerName: signed ? body.signerName : null,
        refusalReason: refused ? body.refusalReason : null,
        witness: refused ? body.witness : null,
        completedAt: at,
      },
    });
  });
}

/**
 * An enterprise reads only its own records, and of those only what core's visibleToEnterprise lets
 * it see (on-site, completed); anyone else the scope cannot place, none.
 */
function inspectionScope(user: SessionUser | null): SQL | undefined {
  const own = ownScope(user, { enterprise: siteInspections.enterpriseId });
  if (isStaff(user)) return own;
  return and(
    own,
    eq(siteInspections.kind, ENTERPRISE_VISIBLE_RECORD.kind),
    eq(siteInspections.status, ENTERPRISE_VISIBLE_RECORD.status),
  );
}

export type InspectionFilter = {
  enterpriseId?: string | undefined;
  drawId?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort: 'inspectedOn' | '-inspectedOn';
};

export type InspectionListItem = InspectionRow & { enterpriseName: string; findings: number };

export async function listInspections(
  db: Tx,
  user: SessionUser | null,
  actor: Actor,
  f: InspectionFilter,
  page: PageRequest,
): Promise<Paged<InspectionListItem>> {
  if (f.drawId) await checkDrawFilter(db, user, actor, f.drawId);
  const conds: (SQL | undefined)[] = [inspectionScope(user)];
  if (f.enterpriseId) conds.push(eq(siteInspections.enterpriseId, f.enterpriseId));
  if (f.drawId) conds.push(eq(siteInspections.drawId, f.drawId));
  if (f.kind) conds.push(eq(siteInspections.kind, f.kind));
  if (f.status) conds.push(eq(siteInspections.status, f.status));
  if (f.from) conds.push(sql`${siteInspections.inspectedOn} >= ${f.from}::date`);
  if (f.to) conds.push(sql`${siteInspections.inspectedOn} <= ${f.to}::date`);
  const where = and(...conds);
  const order = f.sort === 'inspectedOn' ? asc(siteInspections.inspectedOn) : desc(siteInspections.inspectedOn);
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await db
        .select({
          row: siteInspections,
          enterpriseName: enterprises.name,
          findings: sql<number>`(select count(*)::int from inspection_findings f where f.inspection_id = ${siteInspections.id})`,
          drawKnown: drawKnownTo(user),
        })
        .from(siteInspections)
        .innerJoin(enterprises, eq(enterprises.id, siteInspections.enterpriseId))
        .leftJoin(inspectionDraws, eq(inspectionDraws.id, siteInspections.drawId))
        .where(where)
        .orderBy(order, desc(siteInspections.createdAt), asc(siteInspections.id))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => ({
        ...r.row,
        drawId: r.drawKnown ? r.row.drawId : null,
        enterpriseName: r.enterpriseName,
        findings: Number(r.findings),
      }));
    },
    async () => {
      const [r] = await db.select({ n: count() }).from(siteInspections).where(where);
      return Number(r?.n ?? 0);
    },
  );
}

export type InspectionDetail = InspectionRow & {
  enterpriseName: string;
  findings: (FindingRow & { orderId: string | null; caseId: string | null })[];
  files: FileSummary[];
  outcome: InspectionOutcome | null;
};

export async function getInspection(db: Tx, user: SessionUser | null, id: string): Promise<InspectionDetail> {
  const [r] = await db
    .select({ row: siteInspections, enterpriseName: enterprises.name, drawKnown: drawKnownTo(user) })
    .from(siteInspections)
    .innerJoin(enterprises, eq(enterprises.id, siteInspections.enterpriseId))
    .leftJoin(inspectionDraws, eq(inspectionDraws.id, siteInspections.drawId))
    .where(and(eq(siteInspections.id, id), inspectionScope(user)));
  // another enterprise's record answers as if it did not exist
  if (!r) throw notFound('检查记录不存在', 'No such inspection record');
  const findings = await db
    .select({
      f: inspectionFindings,
      orderId: rectificationOrders.id,
      caseId: enforcementCases.id,
    })
    .from(inspectionFindings)
    .leftJoin(rectificationOrders, eq(rectificationOrders.findingId, inspectionFindings.id))
    .leftJoin(enforcementCases, eq(enforcementCases.findingId, inspectionFindings.id))
    .where(eq(inspectionFindings.inspectionId, id))
    .orderBy(asc(inspectionFindings.position));
  const files = await db
    .select(fileColumns)
    .from(inspectionFiles)
    .where(and(inArray(inspectionFiles.ownerType, ['inspection', 'signature']), eq(inspectionFiles.ownerId, id)))
    .orderBy(asc(inspectionFiles.createdAt), asc(inspectionFiles.id));
  return {
    ...r.row,
    drawId: r.drawKnown ? r.row.drawId : null,
    enterpriseName: r.enterpriseName,
    // the bureau's own records (the case, the clue that led here) stay the bureau's
    clueId: isStaff(user) ? r.row.clueId : null,
    findings: findings.map((x) => ({ ...x.f, orderId: x.orderId, caseId: isStaff(user) ? x.caseId : null })),
    files,
    outcome: r.row.status === 'completed' ? outcomeOf(findings.length) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The enterprise's own records, in its portal: what it signed (or refused to sign) on site

export type MyInspectionFilter = {
  from?: string | undefined;
  to?: string | undefined;
  outcome?: 'no-problem' | 'problems-found' | undefined;
  signature?: 'signed' | 'refused' | undefined;
  sort: 'inspectedOn' | '-inspectedOn';
};

export type MyInspectionListItem = {
  id: string;
  inspectedOn: string;
  inspectorNames: string[];
  place: string;
  signerName: string | null;
  refusalReason: string | null;
  completedAt: Date | null;
  findings: number;
  orders: number;
  /** orders still waiting for the firm (open or returned) */
  openOrders: number;
};

// spelled out: in a one-table select drizzle leaves columns unqualified, and a bare "id" here would be f.id
const findingCount = sql<number>`(select count(*)::int from inspection_findings f where f.inspection_id = "site_inspections"."id")`;

/** The firm's records (inspectionScope: its own, on-site, completed), never another firm's. */
export async function listMyInspections(
  db: Tx,
  user: SessionUser,
  f: MyInspectionFilter,
  page: PageRequest,
): Promise<Paged<MyInspectionListItem>> {
  // a staff caller would pass an empty scope: this view is the enterprise's alone (the route says so too)
  if (isStaff(user) || !user.enterpriseId) return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
  const conds: (SQL | undefined)[] = [inspectionScope(user)];
  if (f.from) conds.push(sql`${siteInspections.inspectedOn} >= ${f.from}::date`);
  if (f.to) conds.push(sql`${siteInspections.inspectedOn} <= ${f.to}::date`);
  if (f.outcome) conds.push(f.outcome === 'no-problem' ? sql`${findingCount} = 0` : sql`${findingCount} > 0`);
  if (f.signature === 'signed') conds.push(sql`${siteInspections.signerName} is not null`);
  if (f.signature === 'refused') conds.push(sql`${siteInspections.refusalReason} is not null`);
  const where = and(...conds);
  const order = f.sort === 'inspectedOn' ? asc(siteInspections.inspectedOn) : desc(siteInspections.inspectedOn);
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await db
        .select({
          id: siteInspections.id,
          inspectedOn: siteInspections.inspectedOn,
          inspectorNames: siteInspections.inspectorNames,
          place: siteInspections.place,
          signerName: siteInspections.signerName,
          refusalReason: siteInspections.refusalReason,
          completedAt: siteInspections.completedAt,
          findings: findingCount,
          orders: sql<number>`(select count(*)::int from rectification_orders o where o.inspection_id = "site_inspections"."id")`,
          openOrders: sql<number>`(select count(*)::int from rectification_orders o where o.inspection_id = "site_inspections"."id" and o.status in ('open', 'returned'))`,
        })
        .from(siteInspections)
        .where(where)
        .orderBy(order, desc(siteInspections.completedAt), asc(siteInspections.id))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => ({
        ...r,
        findings: Number(r.findings),
        orders: Number(r.orders),
        openOrders: Number(r.openOrders),
      }));
    },
    async () => {
      const [r] = await db.select({ n: count() }).from(siteInspections).where(where);
      return Number(r?.n ?? 0);
    },
  );
}

export type MyInspectionDetail = InspectionDetail & {
  orders: { id: string; findingId: string; status: string; clock: ClockView | null }[];
};

/** One of the firm's records with the orders that came from it; another firm's answers as missing. */
export async function getMyInspection(db: Tx, user: SessionUser, id: string): Promise<MyInspectionDetail> {
  if (isStaff(user)) throw notFound('检查记录不存在', 'No such inspection record');
  const d = await getInspection(db, user, id);
  const rows = await db
    .select({
      id: rectificationOrders.id,
      findingId: rectificationOrders.findingId,
      status: rectificationOrders.status,
    })
    .from(rectificationOrders)
    .where(eq(rectificationOrders.inspectionId, id))
    .orderBy(asc(rectificationOrders.createdAt), asc(rectificationOrders.id));
  const orders = [];
  for (const o of rows) orders.push({ ...o, clock: await clockOf(db, o.id) });
  return { ...d, orders };
}

/** A file of the module, if the caller may read the record it belongs to. */
export async function getFile(db: Tx, user: SessionUser | null, fileId: string) {
  const [file] = await db.select().from(inspectionFiles).where(eq(inspectionFiles.id, fileId));
  if (!file) throw notFound('文件不存在', 'No such file');
  if (file.ownerType === 'order') await getOrder(db, user, file.ownerId);
  else await getInspection(db, user, file.ownerId);
  return file;
}

/**
 * Publishes a draw's results from its completed records (one per drawn firm: the latest), through
 * the inspections module's own publication, so the public results are the records' outcomes.
 */
export async function publishDrawFromRecords(db: Db, user: SessionUser, actor: Actor, drawId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(siteInspections)
      .where(and(eq(siteInspections.drawId, drawId), eq(siteInspections.status, 'completed')))
      .orderBy(asc(siteInspections.enterpriseId), desc(siteInspections.inspectedOn), desc(siteInspections.completedAt));
    const latest = new Map<string, InspectionRow>();
    for (const r of rows) if (!latest.has(r.enterpriseId)) latest.set(r.enterpriseId, r);
    const results = [];
    for (const r of latest.values()) {
      const [n] = await tx
        .select({ n: count() })
        .from(inspectionFindings)
        .where(eq(inspectionFindings.inspectionId, r.id));
      const outcome = outcomeOf(Number(n?.n ?? 0));
      const fallback = outcome === 'problems-found' ? '发现问题，已责令整改' : '未发现环境违法行为';
      results.push({
        enterpriseId: r.enterpriseId,
        inspectedOn: r.inspectedOn,
        outcome,
        summary: (r.summary || fallback).slice(0, 500),
      });
    }
    if (!results.length)
      throw invalid([
        { path: 'drawId', message: { zh: '这次抽查还没有完成的检查记录', en: 'No completed records for the draw' } },
      ]);
    await publishResults(tx, user, actor, drawId, { results });
    await recordAudit(tx, actor, {
      action: 'site-inspection.publish-draw',
      entityType: 'inspection-draw',
      entityId: drawId,
      after: { records: [...latest.values()].map((r) => r.id) },
    });
    return results.length;
  });
}

// ---------------------------------------------------------------------------------------------
// Rectification orders

export type OrderListItem = OrderRow & {
  enterpriseName: string;
  description: string;
  inspectedOn: string;
  clock: ClockView | null;
};

async function clockOf(db: Tx, orderId: string): Promise<ClockView | null> {
  const list = await clocksOf(db, { ownerType: 'rectification-order', ownerId: orderId });
  return list[0] ?? null;
}

export type OrderFilter = {
  enterpriseId?: string | undefined;
  status?: string | undefined;
  sort?: (typeof ORDER_SORTS)[number] | undefined;
};

/** The list's order; an inspection's orders are issued together, so the order's id settles them. */
function rectificationOrderOrder(sort: OrderFilter['sort']): SQL[] {
  const o = rectificationOrders;
  switch (sort) {
    case 'createdAt':
      return [asc(o.createdAt), asc(o.id)];
    case 'inspectedOn':
      return [asc(siteInspections.inspectedOn), asc(o.createdAt), asc(o.id)];
    case '-inspectedOn':
      return [desc(siteInspections.inspectedOn), desc(o.createdAt), asc(o.id)];
    case 'enterprise':
      return [asc(enterprises.name), desc(o.createdAt), asc(o.id)];
    case '-enterprise':
      return [desc(enterprises.name), desc(o.createdAt), asc(o.id)];
    default:
      return [desc(o.createdAt), asc(o.id)];
  }
}

export async function listOrders(
  db: Tx,
  user: SessionUser | null,
  f: OrderFilter,
  page: PageRequest,
): Promise<Paged<OrderListItem>> {
  const conds: (SQL | undefined)[] = [ownScope(user, { enterprise: rectificationOrders.enterpriseId })];
  if (f.enterpriseId) conds.push(eq(rectificationOrders.enterpriseId, f.enterpriseId));
  if (f.status) conds.push(eq(rectificationOrders.status, f.status));
  const where = and(...conds);
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await db
        .select({
          row: rectificationOrders,
          enterpriseName: enterprises.name,
          description: inspectionFindings.description,
          inspectedOn: siteInspections.inspectedOn,
        })
        .from(rectificationOrders)
        .innerJoin(enterprises, eq(enterprises.id, rectificationOrders.enterpriseId))
        .innerJoin(inspectionFindings, eq(inspectionFindings.id, rectificationOrders.findingId))
        .innerJoin(siteInspections, eq(siteInspections.id, rectificationOrders.inspectionId))
        .where(where)
        .orderBy(...rectificationOrderOrder(f.sort))
        .limit(limit)
        .offset(offset);
      const out: OrderListItem[] = [];
      // the due date lives on the clock: one small read per row of a bounded page
      for (const r of rows)
        out.push({
          ...r.row,
          enterpriseName: r.enterpriseName,
          description: r.description,
          inspectedOn: r.inspectedOn,
          clock: await clockOf(db, r.row.id),
        });
      return out;
    },
    async () => {
      const [r] = await db.select({ n: count() }).from(rectificationOrders).where(where);
      return Number(r?.n ?? 0);
    },
  );
}

export type OrderDetail = OrderListItem & { answers: AnswerRow[]; files: FileSummary[] };

export async function getOrder(db: Tx, user: SessionUser | null, id: string): Promise<OrderDetail> {
  const page = await db
    .select({ enterpriseId: rectificationOrders.enterpriseId })
    .from(rectificationOrders)
    .where(eq(rectificationOrders.id, id));
  if (!page[0] || !ownsRecord(user, { enterpriseId: page[0].enterpriseId, personId: null }))
    throw notFound('整改记录不存在', 'No such rectification order');
  const [r] = await db
    .select({
      row: rectificationOrders,
      enterpriseName: enterprises.name,
      description: inspectionFindings.description,
      inspectedOn: siteInspections.inspectedOn,
    })
    .from(rectificationOrders)
    .innerJoin(enterprises, eq(enterprises.id, rectificationOrders.enterpriseId))
    .innerJoin(inspectionFindings, eq(inspectionFindings.id, rectificationOrders.findingId))
    .innerJoin(siteInspections, eq(siteInspections.id, rectificationOrders.inspectionId))
    .where(eq(rectificationOrders.id, id));
  const answers = await db
    .select()
    .from(rectificationAnswers)
    .where(eq(rectificationAnswers.orderId, id))
    .orderBy(asc(rectificationAnswers.submittedAt), asc(rectificationAnswers.id));
  const files = await db
    .select(fileColumns)
    .from(inspectionFiles)
    .where(and(eq(inspectionFiles.ownerType, 'order'), eq(inspectionFiles.ownerId, id)))
    .orderBy(asc(inspectionFiles.createdAt), asc(inspectionFiles.id));
  return {
    ...r!.row,
    enterpriseName: r!.enterpriseName,
    description: r!.description,
    inspectedOn: r!.inspectedOn,
    clock: await clockOf(db, id),
    answers,
    files,
  };
}

async function lockOrder(tx: Tx, user: SessionUser | null, id: string): Promise<OrderRow> {
  const [row] = await tx.select().from(rectificationOrders).where(eq(rectificationOrders.id, id)).for('update');
  if (!row || !ownsRecord(user, { enterpriseId: row.enterpriseId, personId: null }))
    throw notFound('整改记录不存在', 'No such rectification order');
  return row;
}

const orderState = (zh: string, en: string) => new AppError('RECTIFICATION_STATE', { detail: { zh, en } });

export async function addOrderProof(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: string,
  file: { name: string; type: string; content: Buffer },
): Promise<FileSummary> {
  return db.transaction(async (tx) => {
    const row = await lockOrder(tx, user, id);
    if (row.status !== 'open' && row.status !== 'returned')
      throw orderState('整改情况已提交或已核查，不能再上传', 'Answered or verified: no more proof');
    return attachFile(
      tx,
      actor,
      { ownerType: 'order', ownerId: id, enterpriseId: row.enterpriseId },
      { action: 'rectification-order.file', entityType: 'rectification-order' },
      file,
    );
  });
}

/** The enterprise answers with what it did; the proof uploaded since its last answer goes with it. */
export async function answerOrder(db: Db, actor: Actor, user: SessionUser, id: string, text: string, at = new Date()) {
  await db.transaction(async (tx) => {
    const row = await lockOrder(tx, user, id);
    if (row.status !== 'open' && row.status !== 'returned')
      throw orderState('该整改已提交待核查或已通过', 'Already answered or verified');
    const [answer] = await tx
      .insert(rectificationAnswers)
      .values({ orderId: id, text, submittedAt: at, submittedByName: actor.name })
      .returning({ id: rectificationAnswers.id });
    await tx
      .update(inspectionFiles)
      .set({ answerId: answer!.id })
      .where(
        and(eq(inspectionFiles.ownerType, 'order'), eq(inspectionFiles.ownerId, id), isNull(inspectionFiles.answerId)),
      );
    await tx
      .update(rectificationOrders)
      .set({ status: 'answered', version: row.version + 1 })
      .where(eq(rectificationOrders.id, id));
    await recordAudit(tx, actor, {
      action: 'rectification-order.answer',
      entityType: 'rectification-order',
      entityId: id,
      before: { status: row.status },
      after: { status: 'answered', answerId: answer!.id, text },
    });
  });
}

/**
 * The officer's verification of the latest answer. Accepting completes the clock at the time the
 * accepted answer was submitted, so "on time" is the clock's verdict, not a comparison of copies.
 */
export async function verifyOrder(
  db: Db,
  actor: Actor,
  id: string,
  body: { verdict: 'accept' | 'return'; reason: string },
  at = new Date(),
) {
  await db.transaction(async (tx) => {
    // staff only (the route's access): no enterprise scope to apply
    const [row] = await tx.select().from(rectificationOrders).where(eq(rectificationOrders.id, id)).for('update');
    if (!row) throw notFound('整改记录不存在', 'No such rectification order');
    if (row.status !== 'answered') throw orderState('企业尚未提交整改情况，无可核查', 'Nothing answered to verify');
    const [answer] = await tx
      .select()
      .from(rectificationAnswers)
      .where(and(eq(rectificationAnswers.orderId, id), isNull(rectificationAnswers.verdict)))
      .orderBy(desc(rectificationAnswers.submittedAt))
      .limit(1);
    if (!answer) throw orderState('企业尚未提交整改情况，无可核查', 'Nothing answered to verify');
    const verdict = body.verdict === 'accept' ? 'accepted' : 'returned';
    await tx
      .update(rectificationAnswers)
      .set({ verdict, reason: body.reason || null, verifiedByName: actor.name, verifiedAt: at })
      .where(eq(rectificationAnswers.id, answer.id));
    let onTime: number | null = null;
    if (verdict === 'accepted') {
      const clock = await completeClock(tx, actor, row.clockId, answer.submittedAt);
      onTime = clock.state === 'met' ? 1 : 0;
    }
    await tx
      .update(rectificationOrders)
      .set({ status: verdict, onTime, version: row.version + 1 })
      .where(eq(rectificationOrders.id, id));
    await recordAudit(tx, actor, {
      action: 'rectification-order.verify',
      entityType: 'rectification-order',
      entityId: id,
      before: { status: row.status },
      after: { status: verdict, verdict, reason: body.reason, answerId: answer.id, onTime },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Enforcement cases

export type CaseListItem = CaseRow & { enterpriseName: string; description: string; inspectionId: string };

const caseSelect = {
  row: enforcementCases,
  enterpriseName: enterprises.name,
  description: inspectionFindings.description,
  inspectionId: inspectionFindings.inspectionId,
};

export async function openCase(
  db: Db,
  actor: Actor,
  body: { findingId: string; title: string; note: string },
  at = new Date(),
): Promise<string> {
  return db.transaction(async (tx) => {
    const [f] = await tx
      .select({ f: inspectionFindings, enterpriseId: siteInspections.enterpriseId, status: siteInspections.status })
      .from(inspectionFindings)
      .innerJoin(siteInspections, eq(siteInspections.id, inspectionFindings.inspectionId))
      .where(eq(inspectionFindings.id, body.findingId));
    if (!f) throw invalid([{ path: 'findingId', message: { zh: '问题不存在', en: 'No such finding' } }]);
    if (f.f.severity !== 'serious' || f.status !== 'completed')
      throw invalid([
        {
          path: 'findingId',
          message: {
            zh: '只有已完成检查中涉嫌违法的问题可以立案',
            en: 'Only a serious finding of a completed inspection',
          },
        },
      ]);
    const [existing] = await tx
      .select({ id: enforcementCases.id })
      .from(enforcementCases)
      .where(eq(enforcementCases.findingId, body.findingId));
    if (existing)
      throw new AppError('DUPLICATE_RECORD', { detail: { zh: '该问题已立案', en: 'A case exists for it' } });
    const stages = [{ stage: 'filed' as const, at: at.toISOString(), byName: actor.name, note: body.note }];
    const [row] = await tx
      .insert(enforcementCases)
      .values({
        findingId: body.findingId,
        enterpriseId: f.enterpriseId,
        title: body.title,
        stage: 'filed',
        stages,
        createdAt: at,
      })
      .returning({ id: enforcementCases.id });
    await recordAudit(tx, actor, {
      action: 'enforcement-case.open',
      entityType: 'enforcement-case',
      entityId: row!.id,
      after: { findingId: body.findingId, title: body.title, stage: 'filed', note: body.note },
    });
    return row!.id;
  });
}

/**
 * The next stage, in order (立案 → 调查 → 告知 → 决定 → 执行). The decision records the 文号 and
 * amount and, in the same transaction, proposes the firm's removal from the positive list.
 */
export async function advanceCase(
  db: Db,
  actor: Actor,
  id: string,
  body: {
    stage: CaseStage;
    note: string;
    decisionNumber?: string | undefined;
    penaltyAmount?: string | undefined;
    facts?: string | undefined;
    legalBasis?: string | undefined;
    penaltyContent?: string | undefined;
    version: number;
  },
  at = new Date(),
): Promise<{ proposalId: string | null; creditProposalId: string | null }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(enforcementCases).where(eq(enforcementCases.id, id)).for('update');
    if (!row) throw notFound('案件不存在', 'No such case');
    if (row.version !== body.version) throw new AppError('RECORD_CHANGED');
    const next = nextCaseStage(row.stage);
    if (body.stage !== next)
      throw new AppError('ENFORCEMENT_CASE_STAGE', {
        detail: next
          ? { zh: `下一阶段应为「${CASE_STAGE_LABELS[next].zh}」`, en: `The next stage is ${next}` }
          : { zh: '案件已执行完毕', en: 'The case is finished' },
      });
    if (body.decisionNumber) {
      const [dup] = await tx
        .select({ id: enforcementCases.id })
        .from(enforcementCases)
        .where(eq(enforcementCases.decisionNumber, body.decisionNumber));
      if (dup)
        throw invalid([
          { path: 'decisionNumber', message: { zh: '该文号已被使用', en: 'The number is already used' } },
        ]);
    }
    const stages = [...row.stages, { stage: body.stage, at: at.toISOString(), byName: actor.name, note: body.note }];
    const decided = body.stage === 'decision';
    const decidedOn = decided ? todayInShanghai(at) : row.decidedOn;
    await tx
      .update(enforcementCases)
      .set({
        stage: body.stage,
        stages,
        version: row.version + 1,
        // published on the portal as it is decided (PENALTY_PUBLICITY: within 7 working days)
        ...(decided
          ? {
              decisionNumber: body.decisionNumber!,
              penaltyAmount: body.penaltyAmount!,
              decidedOn,
              facts: body.facts!,
              legalBasis: body.legalBasis!,
              penaltyContent: body.penaltyContent!,
              decidedBy: BUREAU_NAME,
              publishedAt: at,
            }
          : {}),
      })
      .where(eq(enforcementCases.id, id));
    let proposalId: string | null = null;
    let creditProposalId: string | null = null;
    if (decided) {
      const summary = `行政处罚决定 ${body.decisionNumber}，罚款 ${body.penaltyAmount} 元`;
      proposalId = await proposeRemoval(tx, actor, {
        enterpriseId: row.enterpriseId,
        trigger: 'penalty',
        sourceType: 'enforcement-case',
        sourceId: id,
        summary,
      });
      // which grade a penalty leads to is the officer's judgement (环发〔2013〕150号): a proposal waits
      creditProposalId = await proposeCreditChange(
        tx,
        actor,
        {
          enterpriseId: row.enterpriseId,
          sourceType: 'enforcement-case',
          sourceId: id,
          basis: `${summary}（${decidedOn}）`,
        },
        at,
      );
    }
    await recordAudit(tx, actor, {
      action: 'enforcement-case.stage',
      entityType: 'enforcement-case',
      entityId: id,
      before: { stage: row.stage },
      after: {
        stage: body.stage,
        note: body.note,
        ...(decided
          ? {
              decisionNumber: body.decisionNumber,
              penaltyAmount: body.penaltyAmount,
              decidedOn,
              facts: body.facts,
              legalBasis: body.legalBasis,
              penaltyContent: body.penaltyContent,
              decidedBy: BUREAU_NAME,
              publishedAt: at,
              proposalId,
              creditProposalId,
            }
          : {}),
      },
    });
    return { proposalId, creditProposalId };
  });
}

/**
 * 撤销: the decision was revoked (on administrative review, in court, or by the bureau correcting
 * itself). The public list withdraws it at once, showing the reason instead (行政处罚法 §48).
 */
export async function revokeCase(
  db: Db,
  actor: Actor,
  id: string,
  body: { reason: string; version: number },
  at = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(enforcementCases).where(eq(enforcementCases.id, id)).for('update');
    if (!row) throw notFound('案件不存在', 'No such case');
    if (row.version !== body.version) throw new AppError('RECORD_CHANGED');
    if (row.decidedOn === null)
      throw new AppError('PENALTY_REVOCATION_STATE', {
        detail: { zh: '案件尚未作出处罚决定', en: 'The case has no decision yet' },
      });
    if (row.revokedAt !== null)
      throw new AppError('PENALTY_REVOCATION_STATE', {
        detail: { zh: '该处罚决定已撤销', en: 'The decision is already revoked' },
      });
    await tx
      .update(enforcementCases)
      .set({ revokedAt: at, revocationReason: body.reason, version: row.version + 1 })
      .where(eq(enforcementCases.id, id));
    await recordAudit(tx, actor, {
      action: 'enforcement-case.revoke',
      entityType: 'enforcement-case',
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt: at, revocationReason: body.reason },
    });
    // what the decision proposed and nobody decided yet loses its basis with it
    const source = { sourceType: 'enforcement-case', sourceId: id, reason: `处罚决定已撤销：${body.reason}` };
    await withdrawProposalsFrom(tx, actor, source);
    await withdrawCreditProposalsFrom(tx, actor, source);
  });
}

export type PublicPenaltyFilter = {
  year?: number | undefined;
  town?: string | undefined;
  industry?: string | undefined;
  sort?: PublicPenaltySort | undefined;
};

/** The public list's order; by enterprise, the latest decision first within one, as by default. */
function publicPenaltyOrder(sort: PublicPenaltySort | undefined): SQL[] {
  const c = enforcementCases;
  const latest = [desc(c.decidedOn), asc(c.decisionNumber), asc(c.id)];
  switch (sort) {
    case 'decidedOn':
      return [asc(c.decidedOn), asc(c.decisionNumber), asc(c.id)];
    case 'enterprise':
      return [asc(enterprises.name), ...latest];
    case '-enterprise':
      return [desc(enterprises.name), ...latest];
    case 'decisionNumber':
      return [asc(c.decisionNumber), asc(c.id)];
    case '-decisionNumber':
      return [desc(c.decisionNumber), asc(c.id)];
    default:
      return latest;
  }
}

export type PublicPenaltyRow = {
  id: string;
  decisionNumber: string;
  enterpriseName: string;
  uscc: string;
  townCode: string;
  industryCode: string;
  facts: string;
  legalBasis: string;
  penaltyContent: string;
  penaltyAmount: string;
  decidedOn: string;
  decidedBy: string;
  publishedAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
};

/**
 * 行政处罚信息公开: every published decision, newest first, paged in SQL. Only the firm is named;
 * the view withholds a revoked decision's content (the service returns it so the caller decides
 * nothing else leaks: see toPublicPenaltyView).
 */
export async function publicPenalties(
  db: Tx,
  f: PublicPenaltyFilter,
  page: PageRequest,
): Promise<Paged<PublicPenaltyRow>> {
  const conds: SQL[] = [sql`${enforcementCases.publishedAt} is not null`];
  if (f.year !== undefined)
    conds.push(sql`${enforcementCases.decidedOn} between ${`${f.year}-01-01`}::date and ${`${f.year}-12-31`}::date`);
  if (f.town) conds.push(eq(enterprises.townCode, f.town));
  if (f.industry) conds.push(sql`${enterprises.industryCode} like ${`${f.industry}%`}`);
  const where = and(...conds);
  return paginate(
    page,
    async (limit, offset) =>
      (await db
        .select({
          id: enforcementCases.id,
          decisionNumber: enforcementCases.decisionNumber,
          enterpriseName: enterprises.name,
          uscc: enterprises.uscc,
          townCode: enterprises.townCode,
          industryCode: enterprises.industryCode,
          facts: enforcementCases.facts,
          legalBasis: enforcementCases.legalBasis,
          penaltyContent: enforcementCases.penaltyContent,
          penaltyAmount: enforcementCases.penaltyAmount,
          decidedOn: enforcementCases.decidedOn,
          decidedBy: enforcementCases.decidedBy,
          publishedAt: enforcementCases.publishedAt,
          revokedAt: enforcementCases.revokedAt,
          revocationReason: enforcementCases.revocationReason,
        })
        .from(enforcementCases)
        .innerJoin(enterprises, eq(enterprises.id, enforcementCases.enterpriseId))
        .where(where)
        .orderBy(...publicPenaltyOrder(f.sort))
        .limit(limit)
        .offset(offset)) as PublicPenaltyRow[],
    async () => {
      const [r] = await db
        .select({ n: count() })
        .from(enforcementCases)
        .innerJoin(enterprises, eq(enterprises.id, enforcementCases.enterpriseId))
        .where(where);
      return Number(r?.n ?? 0);
    },
  );
}

export type CaseFilter = {
  enterpriseId?: string | undefined;
  stage?: string | undefined;
  sort?: CaseSort | undefined;
};

/** The cases' order; a case not decided yet has no fine and comes last either way. */
function caseOrder(sort: CaseSort | undefined): SQL[] {
  const c = enforcementCases;
  switch (sort) {
    case 'createdAt':
      return [asc(c.createdAt), asc(c.id)];
    case 'enterprise':
      return [asc(enterprises.name), desc(c.createdAt), asc(c.id)];
    case '-enterprise':
      return [desc(enterprises.name), desc(c.createdAt), asc(c.id)];
    case '-penaltyAmount':
      return [sql`${c.penaltyAmount} desc nulls last`, desc(c.createdAt), asc(c.id)];
    case 'penaltyAmount':
      return [sql`${c.penaltyAmount} asc nulls last`, desc(c.createdAt), asc(c.id)];
    default:
      return [desc(c.createdAt), asc(c.id)];
  }
}

export async function listCases(db: Tx, f: CaseFilter, page: PageRequest): Promise<Paged<CaseListItem>> {
  const conds: SQL[] = [];
  if (f.enterpriseId) conds.push(eq(enforcementCases.enterpriseId, f.enterpriseId));
  if (f.stage) conds.push(eq(enforcementCases.stage, f.stage as CaseStage));
  const where = and(...conds);
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await db
        .select(caseSelect)
        .from(enforcementCases)
        .innerJoin(enterprises, eq(enterprises.id, enforcementCases.enterpriseId))
        .innerJoin(inspectionFindings, eq(inspectionFindings.id, enforcementCases.findingId))
        .where(where)
        .orderBy(...caseOrder(f.sort))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => ({
        ...r.row,
        enterpriseName: r.enterpriseName,
        description: r.description,
        inspectionId: r.inspectionId,
      }));
    },
    async () => {
      const [r] = await db.select({ n: count() }).from(enforcementCases).where(where);
      return Number(r?.n ?? 0);
    },
  );
}

export async function getCase(db: Tx, id: string): Promise<CaseListItem> {
  const [r] = await db
    .select(caseSelect)
    .from(enforcementCases)
    .innerJoin(enterprises, eq(enterprises.id, enforcementCases.enterpriseId))
    .innerJoin(inspectionFindings, eq(inspectionFindings.id, enforcementCases.findingId))
    .where(eq(enforcementCases.id, id));
  if (!r) throw notFound('案件不存在', 'No such case');
  return { ...r.row, enterpriseName: r.enterpriseName, description: r.description, inspectionId: r.inspectionId };
}

/**
 * Decided penalties, for the modules that weigh them (a credit record, the positive list's
 * "no penalty in 2 years", a risk score): what was decided, by which 文号, for how much, when.
 */
export async function decidedPenalties(
  db: Tx,
  f: { enterpriseId?: string; since?: string } = {},
): Promise<
  { caseId: string; enterpriseId: string; decisionNumber: string; penaltyAmount: string; decidedOn: string }[]
> {
  // a revoked decision weighs nothing
  const conds: SQL[] = [sql`${enforcementCases.decidedOn} is not null`, isNull(enforcementCases.revokedAt)];
  if (f.enterpriseId) conds.push(eq(enforcementCases.enterpriseId, f.enterpriseId));
  if (f.since) conds.push(sql`${enforcementCases.decidedOn} >= ${f.since}::date`);
  const rows = await db
    .select()
    .from(enforcementCases)
    .where(and(...conds))
    .orderBy(asc(enforcementCases.decidedOn), asc(enforcementCases.id));
  return rows.map((r) => ({
    caseId: r.id,
    enterpriseId: r.enterpriseId,
    decisionNumber: r.decisionNumber!,
    penaltyAmount: r.penaltyAmount!,
    decidedOn: r.decidedOn!,
  }));
}
