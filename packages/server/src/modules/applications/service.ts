import { createHash } from 'node:crypto';
import { type MaterialItem, shanghaiDateOf } from '@qingshan/core';
import {
  APPLICATION_SOURCES,
  type ApplicationAction,
  type ApplicationCreateBody,
  type ApplicationDecisionBody,
  type ApplicationState,
  type ApplicationWindowBody,
  DECISION_NUMBER_PREFIX,
  formatDecisionNumber,
  isDeemedAccepted,
  itemsNotInFirstNotice,
  nextState,
  preCheck,
} from '@qingshan/core/applications';
import { and, asc, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { isStaff, type SessionUser } from '../../plugins/auth.ts';
import { nextInSeries } from '../../shared/document-series.ts';
import { type Paged, paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { getCalendar } from '../calendar/service.ts';
import { type ClockView, clocksOf, completeClock, pauseClock, resumeClock, startClock } from '../clocks/service.ts';
import { eiaCases } from '../eia/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { getMatter } from '../matters/service.ts';
import { matterVersions } from '../matters/tables.ts';
import { notify } from '../notifications/service.ts';
import { getRule } from '../rules/service.ts';
import type { APPLICATION_SORTS } from './schema.ts';
import {
  type ApplicationMaterialRow,
  type ApplicationRow,
  applicationMaterials,
  applications,
  applicationVisits,
} from './tables.ts';

export const OWNER_TYPE = 'application';
export const NOTICE_PROFILE = 'application.incomplete-notice';
export const DEFERRED_PROFILE = 'application.deferred-material';
export const SIZE_RULE = 'applications.max-file-bytes';

/** Parser cap on a raw upload body; the rule (SIZE_RULE, ≤ this) is the limit users meet. */
export const UPLOAD_HARD_LIMIT = 50 * 1024 * 1024;

const staffLink = (id: string) => `/staff/applications/${id}`;
const enterpriseLink = (id: string) => `/enterprise/applications/${id}`;

function notFound(): AppError {
  return new AppError('RECORD_NOT_FOUND', { detail: { zh: '申请不存在', en: 'No such application' } });
}

function stateConflict(zh: string, en: string): AppError {
  return new AppError('APPLICATION_STATE_CONFLICT', { detail: { zh, en } });
}

function invalid(path: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { errors: [{ path, message: { zh, en } }] });
}

/** The row, if the caller may see it (enterprise users: their own enterprise's only). */
async function load(db: Tx, user: SessionUser | null, id: string, lock = false): Promise<ApplicationRow> {
  const where = and(eq(applications.id, id), ownScope(user, { enterprise: applications.enterpriseId }));
  const q = db.select().from(applications).where(where);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

/** For staff-only steps (the route's access already admits only staff): the row, locked. */
async function loadAny(db: Tx, id: string): Promise<ApplicationRow> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

function step(row: ApplicationRow, action: ApplicationAction): ApplicationState {
  const to = nextState(row.status as ApplicationState, action);
  if (!to) {
    throw stateConflict('该申请当前状态不能进行此操作', `The application is ${row.status}; ${action} is not possible`);
  }
  return to;
}

/** The checklist of the guide version the application was filed under. */
export async function checklistOf(db: Tx, row: Pick<ApplicationRow, 'matterCode' | 'matterVersion'>) {
  const [v] = await db
    .select({ content: matterVersions.content })
    .from(matterVersions)
    .where(and(eq(matterVersions.matterCode, row.matterCode), eq(matterVersions.version, row.matterVersion)));
  if (!v) throw notFound();
  return (v.content as { materials: MaterialItem[] }).materials;
}

async function providedItems(db: Tx, applicationId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ item: applicationMaterials.item })
    .from(applicationMaterials)
    .where(eq(applicationMaterials.applicationId, applicationId));
  return rows.map((r) => r.item);
}

async function openClock(db: Tx, id: string, profileKey?: string): Promise<ClockView | undefined> {
  const all = await clocksOf(db, { ownerType: OWNER_TYPE, ownerId: id });
  return all.find((c) => !c.completedAt && (profileKey ? c.profileKey === profileKey : true));
}

/** The handling clock: the matter's statutory limit (or its promised one when the law sets none). */
async function handlingClock(db: Tx, row: Pick<ApplicationRow, 'id'>): Promise<ClockView | undefined> {
  const all = await clocksOf(db, { ownerType: OWNER_TYPE, ownerId: row.id });
  return all.find((c) => c.profileKey !== NOTICE_PROFILE && c.profileKey !== DEFERRED_PROFILE && !c.completedAt);
}

/**
 * When each application must be decided: its running handling clock's due date, read from the
 * clock that owns it (an EIA case shows its application's). Applications without one are absent.
 */
export async function decisionDueDates(db: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    const clock = await handlingClock(db, { id });
    if (clock) out.set(id, clock.dueDate);
  }
  return out;
}

async function nextCode(tx: Tx, at: Date): Promise<string> {
  // one code sequence per day; the lock serialises two filings in the same instant
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('applications.code'))`);
  const day = shanghaiDateOf(at).replaceAll('-', '');
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(sql`${applications.code} like ${`SQ${day}-%`}`);
  return `SQ${day}-${String((r?.n ?? 0) + 1).padStart(3, '0')}`;
}

async function startNoticeClock(tx: Tx, actor: Actor, row: ApplicationRow, profileKey: string, at: Date) {
  await startClock(tx, actor, {
    ownerType: OWNER_TYPE,
    ownerId: row.id,
    profileKey,
    start: at,
    title: `申请 ${row.code} 材料预审（不齐全须一次性告知）`,
    link: staffLink(row.id),
    assigneeRole: 'clerk',
    enterpriseId: row.enterpriseId,
  });
}

/**
 * `at` is given only when a past step is written (the demo's records of this year); otherwise the
 * database stamps the row, whose clock is the one that orders the lists.
 */
async function addVisit(tx: Tx, actor: Actor, applicationId: string, purpose: string, at?: Date) {
  await tx.insert(applicationVisits).values({
    applicationId,
    purpose,
    recordedBy: actor.id,
    recordedByName: actor.name,
    createdAt: at,
  });
}

/**
 * Files an application: online by the enterprise for itself, or at the window by a clerk (帮办代办
 * with the applicant's authorisation on record). Starts the §32 notice clock and the handling clock
 * from receipt; the handling clock pauses while the applicant supplies missing materials.
 */
export async function fileApplication(
  tx: Tx,
  actor: Actor,
  user: SessionUser,
  body: ApplicationCreateBody | ApplicationWindowBody,
  at?: Date,
): Promise<ApplicationRow> {
  const now = at ?? new Date();
  const window = 'enterpriseId' in body;
  const enterpriseId = window ? body.enterpriseId : user.enterpriseId;
  if (!enterpriseId) throw new AppError('FORBIDDEN_RECORD');
  if (window && body.assisted && !body.authorisation) {
    throw invalid(
      'authorisation',
      '帮办代办须记录申请人的授权（如授权委托书的出具人与日期）',
      "Filing on the applicant's behalf needs the applicant's authorisation on record",
    );
  }
  const [ent] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, enterpriseId));
  if (!ent) throw invalid('enterpriseId', '企业不存在', 'No such enterprise');
  let matter: Awaited<ReturnType<typeof getMatter>>;
  try {
    matter = await getMatter(tx, body.matterCode);
  } catch {
    throw invalid('matterCode', '该事项不存在', 'No such matter');
  }
  const noticeProfile = matter.timeLimits.incompleteNoticeProfile;
  if (matter.decidingAuthority !== 'bureau' || !noticeProfile) {
    throw invalid(
      'matterCode',
      '该事项不由本局受理审批（由上级或全国系统办理），请按办事指南到相应平台申请，本局窗口可帮办',
      'This matter is not decided by this bureau; apply where the guide says (the window can help)',
    );
  }
  const code = await nextCode(tx, now);
  const [row] = await tx
    .insert(applications)
    .values({
      code,
      matterCode: matter.code,
      matterVersion: matter.version,
      matterName: matter.name,
      enterpriseId,
      projectName: body.projectName,
      applicantName: body.applicantName,
      applicantPhone: body.applicantPhone,
      channel: window ? 'window' : 'online',
      assisted: window ? body.assisted : false,
      authorisation: window && body.assisted ? body.authorisation : null,
      assistedBy: window && body.assisted ? actor.id : null,
      assistedByName: window && body.assisted ? actor.name : null,
      status: 'submitted',
      receivedAt: now,
      createdBy: actor.id,
      createdAt: at,
      updatedAt: now,
    })
    .returning();
  const app = row!;
  // 帮办代办: the clerk files so that the applicant need not come; otherwise a window filing is a trip
  if (window && !body.assisted) await addVisit(tx, actor, app.id, '到窗口提交申请', at);
  await startNoticeClock(tx, actor, app, noticeProfile, now);
  const handling = matter.timeLimits.statutoryProfile ?? matter.timeLimits.promisedProfile;
  if (handling) {
    await startClock(tx, actor, {
      ownerType: OWNER_TYPE,
      ownerId: app.id,
      profileKey: handling,
      start: now,
      title: `申请 ${code} ${matter.name} 办理期限`,
      link: staffLink(app.id),
      assigneeRole: 'approver',
      enterpriseId,
    });
  }
  await recordAudit(tx, actor, {
    action: 'application.file',
    entityType: 'application',
    entityId: app.id,
    after: app,
  });
  return app;
}

// ── materials ────────────────────────────────────────────────────────────────────────────────────

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const MATERIAL_TYPES = ['application/pdf', 'image/jpeg', 'image/png', DOCX, 'application/octet-stream'] as const;

/** The file's real type from its first bytes; the declared content type is not trusted. */
export function sniffType(buf: Buffer): string | null {
  if (buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  // a .docx is a zip whose entry names (stored uncompressed in the headers) include word/document.xml
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50 && buf.includes('word/document.xml')) return DOCX;
  return null;
}

const UPLOAD_STATES: readonly ApplicationState[] = ['submitted', 'awaiting-materials'];

export async function addMaterial(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: string,
  input: { item: number; name: string; body: unknown },
  at?: Date,
): Promise<ApplicationMaterialRow> {
  const now = at ?? new Date();
  if (!Buffer.isBuffer(input.body) || input.body.length === 0) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { zh: '请上传 PDF、JPEG、PNG 或 Word（.docx）文件', en: 'Upload a PDF, JPEG, PNG or Word (.docx) file' },
    });
  }
  const content = input.body;
  const type = sniffType(content);
  if (!type) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: {
        zh: '文件内容不是 PDF、JPEG、PNG 或 Word（.docx）文件',
        en: 'The file is not a PDF, JPEG, PNG or Word (.docx) file',
      },
    });
  }
  return db.transaction(async (tx) => {
    const limit = Number((await getRule(tx, SIZE_RULE)).value);
    if (content.length > limit) {
      throw new AppError('BODY_TOO_LARGE', {
        detail: {
          zh: `单个文件不得超过 ${Math.round(limit / 1024 / 1024)} MB`,
          en: `A file may be at most ${Math.round(limit / 1024 / 1024)} MB`,
        },
      });
    }
    const row = await load(tx, user, id, true);
    const checklist = await checklistOf(tx, row);
    const entry = checklist[input.item];
    if (!entry) throw invalid('item', '材料清单中没有这一项', 'No such item in the checklist');
    const deferred = row.deferredItems.find((d) => d.item === input.item && !d.fulfilledAt);
    if (!UPLOAD_STATES.includes(row.status as ApplicationState) && !deferred) {
      throw stateConflict(
        '申请已受理或已办结，不能再上传材料（容缺受理的材料除外）',
        'The application is past pre-check; only an item accepted as deferred may still be handed in',
      );
    }
    const [m] = await tx
      .insert(applicationMaterials)
      .values({
        applicationId: id,
        item: input.item,
        itemName: entry.name,
        fileName: input.name,
        contentType: type,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        uploadedBy: actor.id,
        uploadedByName: actor.name,
        createdAt: at,
      })
      .returning();
    if (deferred) {
      // the promised item arrived: its own clock stops, met or missed
      await completeClock(tx, actor, deferred.clockId, now);
      const items = row.deferredItems.map((d) => (d === deferred ? { ...d, fulfilledAt: now.toISOString() } : d));
      await tx.update(applications).set({ deferredItems: items, updatedAt: now }).where(eq(applications.id, id));
    }
    const { content: _c, ...summary } = m!;
    await recordAudit(tx, actor, {
      action: 'application.material',
      entityType: 'application',
      entityId: id,
      after: { ...summary, deferred: Boolean(deferred) },
    });
    return m!;
  });
}

export async function getMaterial(db: Tx, user: SessionUser, id: string, materialId: string) {
  await load(db, user, id);
  const [m] = await db
    .select()
    .from(applicationMaterials)
    .where(and(eq(applicationMaterials.id, materialId), eq(applicationMaterials.applicationId, id)));
  if (!m) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '材料不存在', en: 'No such file' } });
  return m;
}

// ── steps ────────────────────────────────────────────────────────────────────────────────────────

async function completeOpen(tx: Tx, actor: Actor, id: string, profileKey: string, at?: Date) {
  const c = await openClock(tx, id, profileKey);
  if (c) await completeClock(tx, actor, c.id, at);
}

/** Tells the enterprise of a step: the message in Chinese (as sent) and the same in English (the inbox's English face). */
async function tellEnterprise(
  tx: Tx,
  row: ApplicationRow,
  title: string,
  body: string,
  en: { title: string; body: string },
) {
  await notify(tx, {
    enterpriseId: row.enterpriseId,
    kind: 'application.status',
    title,
    body,
    en,
    link: enterpriseLink(row.id),
  });
}

async function update(
  tx: Tx,
  id: string,
  set: Partial<typeof applications.$inferInsert>,
  at: Date = new Date(),
): Promise<ApplicationRow> {
  const [row] = await tx
    .update(applications)
    .set({ ...set, updatedAt: at })
    .where(eq(applications.id, id))
    .returning();
  return row!;
}

/**
 * 补正告知书: lists everything missing at once (行政许可法 第三十二条). The §32 clock is met, the
 * handling clock pauses until the materials arrive. A later notice may only repeat items the
 * first one listed (一次性告知).
 */
export async function issueNotice(
  tx: Tx,
  actor: Actor,
  id: string,
  note: string | null,
  now: Date = new Date(),
): Promise<ApplicationRow> {
  const row = await loadAny(tx, id);
  const to = step(row, 'issue-notice');
  const checklist = await checklistOf(tx, row);
  const check = preCheck(checklist, await providedItems(tx, id));
  if (check.complete && !note) {
    throw stateConflict(
      '材料已齐全，应予受理；如材料不符合法定形式，请在说明中写明需补正的内容',
      'The materials are complete: accept, or say in the note what must be corrected',
    );
  }
  const extra = itemsNotInFirstNotice(row.noticeMissing, check.missing);
  if (extra.length) {
    throw stateConflict(
      `一次性告知：第一次告知书未列出的材料不能再要求补正（${extra.map((i) => checklist[i]!.name).join('、')}）`,
      'One-time notice: items the first notice did not list cannot be demanded now',
    );
  }
  await completeOpen(tx, actor, id, NOTICE_PROFILE, now);
  await completeOpen(tx, actor, id, 'permit.incomplete-notice', now);
  const handling = await handlingClock(tx, row);
  if (handling) {
    await pauseClock(
      tx,
      actor,
      handling.id,
      { reason: 'supplement', note: '一次性告知补正，等待申请人补齐材料', at: now },
      { byOwner: true },
    );
  }
  const after = await update(
    tx,
    id,
    {
      status: to,
      noticeIssuedAt: row.noticeIssuedAt ?? now,
      noticeMissing: row.noticeMissing ?? check.missing,
      noticeNote: note,
    },
    now,
  );
  await recordAudit(tx, actor, {
    action: 'application.notice',
    entityType: 'application',
    entityId: id,
    before: { status: row.status },
    after: {
      status: to,
      missing: check.missing.map((i) => checklist[i]!.name),
      note,
      source: APPLICATION_SOURCES.notice,
    },
  });
  const missing = check.missing.map((i) => checklist[i]!.name);
  await tellEnterprise(
    tx,
    row,
    `申请 ${row.code} 需补正材料`,
    `请一次补齐：${missing.join('、') || '见告知书'}。可在线下载补正告知书。`,
    {
      title: `Application ${row.code}: materials missing`,
      body: `Supply all of these at once: ${missing.join(', ') || 'see the notice'}. The notice of missing materials can be downloaded online.`,
    },
  );
  return after;
}

/** The materials came in (online or at the window): back to pre-check; the handling clock resumes. */
export async function supplement(
  tx: Tx,
  actor: Actor,
  user: SessionUser,
  id: string,
  inPerson: boolean,
  at?: Date,
): Promise<ApplicationRow> {
  const now = at ?? new Date();
  const row = await load(tx, user, id, true);
  const to = step(row, 'supplement');
  // "supply all at once": handing back without what the notice listed would restart the bureau's
  // clock on an application it can only send back again
  const provided = new Set(await providedItems(tx, id));
  const stillMissing = (row.noticeMissing ?? []).filter((i) => !provided.has(i));
  if (stillMissing.length) {
    const checklist = await checklistOf(tx, row);
    throw stateConflict(
      `补正告知书所列材料尚未上传：${stillMissing.map((i) => checklist[i]?.name ?? `第 ${i + 1} 项`).join('、')}。请上传后再提交补正`,
      `Materials the notice listed are not uploaded yet: ${stillMissing.map((i) => checklist[i]?.name ?? `item ${i + 1}`).join(', ')}. Upload them, then hand the materials back`,
    );
  }
  const handling = await handlingClock(tx, row);
  if (handling?.state === 'paused') await resumeClock(tx, actor, handling.id, now, { byOwner: true });
  if (inPerson) await addVisit(tx, actor, id, '到窗口补正材料', at);
  const after = await update(tx, id, { status: to, receivedAt: now }, now);
  const matter = await getMatter(tx, row.matterCode).catch(() => null);
  await startNoticeClock(tx, actor, after, matter?.timeLimits.incompleteNoticeProfile ?? NOTICE_PROFILE, now);
  await recordAudit(tx, actor, {
    action: 'application.supplement',
    entityType: 'application',
    entityId: id,
    before: { status: row.status },
    after: { status: to, receivedAt: now, inPerson },
  });
  return after;
}

async function closeNoticeClocks(tx: Tx, actor: Actor, id: string, at?: Date) {
  await completeOpen(tx, actor, id, NOTICE_PROFILE, at);
  await completeOpen(tx, actor, id, 'permit.incomplete-notice', at);
}

/** 受理: materials complete. */
export async function accept(tx: Tx, actor: Actor, id: string, now: Date = new Date()): Promise<ApplicationRow> {
  const row = await loadAny(tx, id);
  const to = step(row, 'accept');
  const checklist = await checklistOf(tx, row);
  const check = preCheck(checklist, await providedItems(tx, id));
  if (!check.complete) {
    throw stateConflict(
      `材料不齐全，不能受理：缺 ${check.missing.map((i) => checklist[i]!.name).join('、')}（可一次性告知补正${check.deferrable ? '，或容缺受理' : ''}）`,
      'Materials are missing: issue the one-time notice (or accept as deferred where allowed)',
    );
  }
  await closeNoticeClocks(tx, actor, id, now);
  const after = await update(tx, id, { status: to, acceptedAt: now, acceptanceKind: 'complete' }, now);
  await recordAudit(tx, actor, {
    action: 'application.accept',
    entityType: 'application',
    entityId: id,
    before: { status: row.status },
    after: { status: to, acceptedAt: now, acceptanceKind: 'complete', source: APPLICATION_SOURCES.acceptance },
  });
  await tellEnterprise(tx, row, `申请 ${row.code} 已受理`, '可在线下载受理通知书。', {
    title: `Application ${row.code} accepted`,
    body: 'The acceptance notice can be downloaded online.',
  });
  return after;
}

/** 容缺受理: every missing item is deferrable; the applicant's written promise; each item on its own clock. */
export async function acceptDeferred(
  tx: Tx,
  actor: Actor,
  id: string,
  promise: string,
  now: Date = new Date(),
): Promise<ApplicationRow> {
  const row = await loadAny(tx, id);
  const to = step(row, 'accept-deferred');
  const checklist = await checklistOf(tx, row);
  const check = preCheck(checklist, await providedItems(tx, id));
  if (check.complete) throw stateConflict('材料已齐全，请直接受理', 'Materials are complete: accept normally');
  if (!check.deferrable) {
    const blocking = check.missing.filter((i) => !checklist[i]!.deferrable).map((i) => checklist[i]!.name);
    throw stateConflict(
      `以下材料不允许容缺：${blocking.join('、')}，请一次性告知补正`,
      'Some missing items may not be deferred; issue the one-time notice',
    );
  }
  await closeNoticeClocks(tx, actor, id, now);
  const items = [];
  for (const i of check.missing) {
    const c = await startClock(tx, actor, {
      ownerType: OWNER_TYPE,
      ownerId: id,
      profileKey: DEFERRED_PROFILE,
      start: now,
      title: `申请 ${row.code} 容缺材料限期补交：${checklist[i]!.name}`,
      link: staffLink(id),
      assigneeRole: 'clerk',
      enterpriseId: row.enterpriseId,
    });
    items.push({ item: i, name: checklist[i]!.name, clockId: c.id, fulfilledAt: null });
  }
  const after = await update(
    tx,
    id,
    { status: to, acceptedAt: now, acceptanceKind: 'deferred', deferredPromise: promise, deferredItems: items },
    now,
  );
  await recordAudit(tx, actor, {
    action: 'application.accept-deferred',
    entityType: 'application',
    entityId: id,
    before: { status: row.status },
    after: {
      status: to,
      acceptedAt: now,
      deferredItems: items,
      deferredPromise: promise,
      source: APPLICATION_SOURCES.deferred,
    },
  });
  await tellEnterprise(
    tx,
    row,
    `申请 ${row.code} 已容缺受理`,
    `请按承诺限期补交：${items.map((x) => x.name).join('、')}。可在线下载受理通知书。`,
    {
      title: `Application ${row.code} accepted with deferred items`,
      body: `Hand in by the promised deadline: ${items.map((x) => x.name).join(', ')}. The acceptance notice can be downloaded online.`,
    },
  );
  return after;
}

/**
 * 行政许可法 第三十二条: no notice within the period → accepted from the day the materials were
 * received. Done by the system, audited with the legal source. Returns null when nothing is due.
 */
export async function deemAccept(tx: Tx, id: string, now: Date = new Date()): Promise<ApplicationRow | null> {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!row || !nextState(row.status as ApplicationState, 'deem-accepted')) return null;
  const clock = await openClock(tx, id, NOTICE_PROFILE);
  if (!clock) return null;
  const due = isDeemedAccepted(
    {
      receivedAt: row.receivedAt.toISOString(),
      noticeIssuedAt: row.noticeIssuedAt?.toISOString() ?? null,
      acceptedAt: null,
    },
    now,
    clock.profile,
    await getCalendar(tx),
  );
  if (!due) return null;
  await completeClock(tx, SYSTEM_ACTOR, clock.id, now);
  const after = await update(tx, id, { status: 'accepted', acceptedAt: row.receivedAt, acceptanceKind: 'deemed' });
  await recordAudit(tx, SYSTEM_ACTOR, {
    action: 'application.deem-accept',
    entityType: 'application',
    entityId: id,
    before: { status: row.status },
    after: {
      status: 'accepted',
      acceptedAt: row.receivedAt,
      acceptanceKind: 'deemed',
      source: APPLICATION_SOURCES.deemed,
    },
  });
  await tellEnterprise(
    tx,
    row,
    `申请 ${row.code} 依法视为受理`,
    `本局未在法定期限内一次性告知补正，依${APPLICATION_SOURCES.notice}，自收到申请材料之日起即为受理。`,
    {
      title: `Application ${row.code} deemed accepted by law`,
      body: 'The bureau gave no one-time notice of missing materials within the statutory period: under Administrative Licensing Law art. 32, para. 1, item (4) the application counts as accepted from the day the materials were received.',
    },
  );
  return after;
}

/** The scheduled pass: every application still awaiting pre-check with its notice period passed. */
export async function scanDeemedAcceptance(db: Db, now: Date = new Date()): Promise<number> {
  const candidates = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.status, 'submitted'), isNull(applications.noticeIssuedAt)));
  let n = 0;
  for (const c of candidates) {
    const done = await db.transaction((tx) => deemAccept(tx, c.id, now));
    if (done) n++;
  }
  return n;
}

export async function startExpertReview(
  tx: Tx,
  actor: Actor,
  id: string,
  note: string,
  now: Date = new Date(),
): Promise<ApplicationRow> {
  const row = await loadAny(tx, id);
  const to = step(row, 'start-expert-review');
  const handling = await handlingClock(tx, row);
  if (handling) await pauseClock(tx, actor, handling.id, { reason: 'expert-review', note, at: now }, { byOwner: true });
  const after = await update(tx, id, { status: to }, now);
  await recordAudit(tx, actor, {
    action: 'application.expert-review',
    entityType: 'application',
    entityId: id,
    before: { status: row.status },
    after: { status: to, note, source: APPLICATION_SOURCES.expertReview },
  });
  return after;
}

export async function endExpertReview(
  tx: Tx,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<ApplicationRow> {
  const row = await loadAny(tx, id);
  const to = step(row, 'end-expert-review');
  const handling = await handlingClock(tx, row);
  if (handling?.state === 'paused') await resumeClock(tx, actor, handling.id, now, { byOwner: true });
  const after = await update(tx, id, { status: to }, now);
  await recordAudit(tx, actor, {
    action: 'application.expert-review-end',
    entityType: 'application',
    entityId: id,
    before: { status: row.status },
    after: { status: to },
  });
  return after;
}

/** 决定: approve (every 容缺 item handed in) or refuse with reasons; a 文号 per year; on time is the clock's verdict. */
export async function decide(
  tx: Tx,
  actor: Actor,
  id: string,
  body: ApplicationDecisionBody,
  now: Date = new Date(),
): Promise<ApplicationRow> {
  const row = await loadAny(tx, id);
  const to = step(row, body.outcome === 'approved' ? 'approve' : 'refuse');
  const pending = row.deferredItems.filter((d) => !d.fulfilledAt);
  if (to === 'approved' && pending.length) {
    throw stateConflict(
      `容缺受理的材料尚未补交（${pending.map((d) => d.name).join('、')}），不能作出准予许可决定`,
      'Items accepted as deferred have not been handed in yet',
    );
  }
  const year = Number(shanghaiDateOf(now).slice(0, 4));
  // the EIA report-form approvals number in the same 上环审 series
  const seq = await nextInSeries(tx, `${DECISION_NUMBER_PREFIX}〔${year}〕`, [
    applications.decisionNumber,
    eiaCases.documentNo,
  ]);
  const decisionNumber = formatDecisionNumber(DECISION_NUMBER_PREFIX, year, seq);
  const handling = await handlingClock(tx, row);
  const verdict = handling ? await completeClock(tx, actor, handling.id, now) : null;
  for (const d of pending) await completeClock(tx, actor, d.clockId, now);
  const after = await update(
    tx,
    id,
    {
      status: to,
      decisionNumber,
      decidedAt: now,
      decisionReasons: body.reasons,
      decidedOnTime: verdict ? verdict.state === 'met' : null,
    },
    now,
  );
  await recordAudit(tx, actor, {
    action: 'application.decide',
    entityType: 'application',
    entityId: id,
    before: { status: row.status },
    after: {
      status: to,
      decisionNumber,
      decidedAt: now,
      decisionReasons: body.reasons,
      decidedOnTime: after.decidedOnTime,
      source: APPLICATION_SOURCES.decision,
    },
  });
  await tellEnterprise(
    tx,
    row,
    `申请 ${row.code} 已作出决定（${decisionNumber}）`,
    `${to === 'approved' ? '准予许可' : '不予许可'}。可在线下载决定书。`,
    {
      title: `Application ${row.code} decided (${decisionNumber})`,
      body: `${to === 'approved' ? 'Approved' : 'Refused'}. The decision can be downloaded online.`,
    },
  );
  return after;
}

/** The applicant came in person for something (一次办清 counts the trips). */
export async function recordVisit(tx: Tx, actor: Actor, id: string, purpose: string, at?: Date) {
  await loadAny(tx, id);
  await addVisit(tx, actor, id, purpose, at);
  await recordAudit(tx, actor, {
    action: 'application.visit',
    entityType: 'application',
    entityId: id,
    after: { purpose },
  });
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────────

export type ApplicationDetail = {
  row: ApplicationRow;
  enterpriseName: string;
  checklist: MaterialItem[];
  provided: number[];
  materials: Omit<ApplicationMaterialRow, 'content'>[];
  visits: (typeof applicationVisits.$inferSelect)[];
  clocks: ClockView[];
};

export async function getApplication(db: Tx, user: SessionUser | null, id: string): Promise<ApplicationDetail> {
  const row = await load(db, user, id);
  const [ent] = await db
    .select({ name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.id, row.enterpriseId));
  const checklist = await checklistOf(db, row);
  const materials = await db
    .select({
      id: applicationMaterials.id,
      applicationId: applicationMaterials.applicationId,
      item: applicationMaterials.item,
      itemName: applicationMaterials.itemName,
      fileName: applicationMaterials.fileName,
      contentType: applicationMaterials.contentType,
      size: applicationMaterials.size,
      sha256: applicationMaterials.sha256,
      uploadedBy: applicationMaterials.uploadedBy,
      uploadedByName: applicationMaterials.uploadedByName,
      createdAt: applicationMaterials.createdAt,
    })
    .from(applicationMaterials)
    .where(eq(applicationMaterials.applicationId, id))
    .orderBy(asc(applicationMaterials.item), asc(applicationMaterials.createdAt));
  const visits = await db
    .select()
    .from(applicationVisits)
    .where(eq(applicationVisits.applicationId, id))
    .orderBy(asc(applicationVisits.createdAt));
  const cl = await clocksOf(db, { ownerType: OWNER_TYPE, ownerId: id });
  return {
    row,
    enterpriseName: ent?.name ?? '',
    checklist,
    provided: [...new Set(materials.map((m) => m.item))],
    materials,
    visits,
    clocks: cl,
  };
}

export type ApplicationListItem = ApplicationRow & { enterpriseName: string; visits: number };

type ApplicationSort = (typeof APPLICATION_SORTS)[number];

/**
 * The list's order; within one enterprise the newest filing comes first either way. Applications
 * filed in the same instant (a batch filed in one transaction) keep the order they were filed in:
 * their codes are numbered in that order, ids are random.
 */
function applicationOrder(sort: ApplicationSort | undefined): SQL[] {
  const a = applications;
  switch (sort) {
    case 'createdAt':
      return [asc(a.createdAt), asc(a.code)];
    case '-receivedAt':
      return [desc(a.receivedAt), desc(a.createdAt), desc(a.code)];
    case 'receivedAt':
      return [asc(a.receivedAt), asc(a.createdAt), asc(a.code)];
    case 'enterprise':
      return [asc(enterprises.name), desc(a.createdAt), desc(a.code)];
    case '-enterprise':
      return [desc(enterprises.name), desc(a.createdAt), desc(a.code)];
    default:
      return [desc(a.createdAt), desc(a.code)];
  }
}

export async function listApplications(
  db: Tx,
  user: SessionUser,
  f: {
    status?: string | undefined;
    q?: string | undefined;
    enterpriseId?: string | undefined;
    sort?: ApplicationSort | undefined;
  },
  page: { page: number; pageSize: number },
): Promise<Paged<ApplicationListItem>> {
  const conds: (SQL | undefined)[] = [ownScope(user, { enterprise: applications.enterpriseId })];
  if (f.status) conds.push(eq(applications.status, f.status));
  if (f.enterpriseId && isStaff(user)) conds.push(eq(applications.enterpriseId, f.enterpriseId));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(
      or(
        ilike(applications.code, like),
        ilike(applications.projectName, like),
        ilike(applications.matterName, like),
        ilike(enterprises.name, like),
      ),
    );
  }
  const where = and(...conds);
  const visitCount = sql<number>`(select count(*)::int from application_visits v where v.application_id = ${applications.id})`;
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await db
        .select({ a: applications, enterpriseName: enterprises.name, visits: visitCount })
        .from(applications)
        .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
        .where(where)
        .orderBy(...applicationOrder(f.sort))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => ({ ...r.a, enterpriseName: r.enterpriseName, visits: Number(r.visits) }));
    },
    async () => {
      const [c] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(applications)
        .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
        .where(where);
      return c?.n ?? 0;
    },
  );
}
