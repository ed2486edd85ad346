import { DECISION_NUMBER_PREFIX } from '@qingshan/core/applications';
import { todayInShanghai } from '@qingshan/core/calendar';
import {
  applicationLinkRefusal,
  type CommitmentFacts,
  commitmentIneligibility,
  EIA_DOCUMENT_PREFIX,
  EIA_MATTER_PATHS,
  EIA_NOTICE_SOURCES,
  EIA_NOTICE_SOURCES_EN,
  EIA_PATH_LABELS,
  EIA_START_STATE,
  type EiaNoticeKind,
  type EiaNoticeSort,
  type EiaPath,
  type EiaState,
  eiaDocumentNo,
  pathAllows,
  pathRefusal,
  type VerificationResult,
} from '@qingshan/core/eia';
import { classify, questionIn, UnknownIndustryError } from '@qingshan/core/eia-classification';
import { matterName } from '@qingshan/core/matters';
import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { isStaff, type SessionUser } from '../../plugins/auth.ts';
import type { Actor } from '../../shared/actor.ts';
import { nextInSeries } from '../../shared/document-series.ts';
import { type Paged, paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { decisionDueDates } from '../applications/service.ts';
import { applications } from '../applications/tables.ts';
import { recordAudit } from '../audit/service.ts';
import { completeClock, getClock, startClock } from '../clocks/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notify } from '../notifications/service.ts';
import { consumePhoneCode, requirePhoneCode } from '../phone-codes/service.ts';
import { getRule } from '../rules/service.ts';
import {
  type CaseExtras,
  type EiaCaseDetailView,
  type EiaCaseRow,
  type EiaCaseSort,
  type EiaCaseView,
  type EiaDocumentKind,
  type EiaNoticeView,
  type eiaCaseCreateBody,
  type eiaCityDecisionBody,
  type eiaDecisionBody,
  type eiaObjectionBody,
  type eiaVerificationBody,
  toEiaCaseView,
  toNoticeView,
  toObjectionView,
} from './schema.ts';
import { type EiaClassificationEvidence, eiaCases, eiaObjections } from './tables.ts';

export const COMMITMENT_INDUSTRIES_RULE = 'eia.commitment.industries';
export const COMMITMENT_TEXT_RULE = 'eia.commitment.text';
const PUBLICITY = 'eia.commitment.publicity';
const DECISION = 'eia.commitment.decision';
const VERIFICATION = 'eia.commitment.verification';
const ORDINARY = 'eia.report-form.statutory';

function notFound(): AppError {
  return new AppError('RECORD_NOT_FOUND', { detail: { zh: '环评事项不存在', en: 'No such EIA case' } });
}

function stateError(zh: string, en: string): AppError {
  return new AppError('EIA_STATE', { detail: { zh, en } });
}

function required(path: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { errors: [{ path, message: { zh, en } }] });
}

/** The commitment path's eligibility for a project, with the rule data it was judged by. */
export async function commitmentEligibility(db: Tx, facts: CommitmentFacts, lang: 'zh' | 'en' = 'zh') {
  const industries = (await getRule(db, COMMITMENT_INDUSTRIES_RULE)).value as string[];
  const commitmentText = (await getRule(db, COMMITMENT_TEXT_RULE)).value as string;
  const failed = commitmentIneligibility(facts, industries);
  return {
    eligible: failed.length === 0,
    failed: failed.map((c) => ({ key: c.key, label: c.label[lang], source: lang === 'en' ? c.sourceEn : c.source })),
    industries,
    commitmentText,
  };
}

async function extrasOf(db: Tx, rows: EiaCaseRow[]): Promise<Map<string, CaseExtras>> {
  const out = new Map<string, CaseExtras>();
  if (rows.length === 0) return out;
  const names = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(
      inArray(
        enterprises.id,
        rows.map((r) => r.enterpriseId),
      ),
    );
  const open = await db
    .select({ caseId: eiaObjections.caseId, n: count() })
    .from(eiaObjections)
    .where(
      and(
        inArray(
          eiaObjections.caseId,
          rows.map((r) => r.id),
        ),
        isNull(eiaObjections.answeredAt),
      ),
    )
    .groupBy(eiaObjections.caseId);
  const appIds = rows.map((r) => r.applicationId).filter((x): x is string => x !== null);
  const apps =
    appIds.length > 0
      ? await db
          .select({ id: applications.id, code: applications.code })
          .from(applications)
          .where(inArray(applications.id, appIds))
      : [];
  // an ordinary case is decided on its application, whose handling clock says by when
  const decisionDue = await decisionDueDates(
    db,
    rows.filter((r) => r.state === 'accepted' && r.applicationId !== null).map((r) => r.applicationId!),
  );
  for (const r of rows) {
    // the clocks own the due dates: read them, never copy them
    // publicityClockId is the commitment path's publicity, but an ordinary case's own 报告表审批期限:
    // there is no publicity on that path, so its date is the day to decide by, not a 公示截止日期
    const own = r.publicityClockId ? await getClock(db, r.publicityClockId) : null;
    const verification = r.verificationClockId ? await getClock(db, r.verificationClockId) : null;
    const ownDecisionDue = r.path === 'ordinary' && own && !own.completedAt ? own.dueDate : null;
    out.set(r.id, {
      enterpriseName: names.find((n) => n.id === r.enterpriseId)?.name ?? '',
      publicityEndsOn: r.path === 'commitment' ? (own?.dueDate ?? null) : null,
      verificationDueDate: verification?.dueDate ?? null,
      decisionDueDate:
        r.state !== 'accepted' ? null : r.applicationId ? (decisionDue.get(r.applicationId) ?? null) : ownDecisionDue,
      unansweredObjections: open.find((o) => o.caseId === r.id)?.n ?? 0,
      applicationCode: apps.find((a) => a.id === r.applicationId)?.code ?? null,
    });
  }
  return out;
}

async function viewsOf(db: Tx, rows: EiaCaseRow[]): Promise<EiaCaseView[]> {
  const extras = await extrasOf(db, rows);
  return rows.map((r) => toEiaCaseView(r, extras.get(r.id)!));
}

async function loadCase(db: Tx, id: string, lock = false): Promise<EiaCaseRow> {
  const q = db.select().from(eiaCases).where(eq(eiaCases.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

function assertCanRead(user: SessionUser | null, row: EiaCaseRow): void {
  if (isStaff(user)) return;
  if (user?.enterpriseId && user.enterpriseId === row.enterpriseId) return;
  throw new AppError('FORBIDDEN_RECORD');
}

async function nextCode(tx: Tx, year: string): Promise<string> {
  const [r] = await tx
    .select({ n: count() })
    .from(eiaCases)
    .where(sql`${eiaCases.code} like ${`环评${year}-%`}`);
  return `环评${year}-${String((r?.n ?? 0) + 1).padStart(4, '0')}`;
}

/**
 * The bureau's next 文号 for a path in a year (上环承诺审〔2020〕13号). 上环审 is also the window's
 * decisions' series (applications), so a report-form approval numbers after theirs too.
 */
async function nextDocumentNo(tx: Tx, path: EiaPath, year: string): Promise<string> {
  const prefix = EIA_DOCUMENT_PREFIX[path] ?? DECISION_NUMBER_PREFIX;
  const registers =
    prefix === DECISION_NUMBER_PREFIX ? [eiaCases.documentNo, applications.decisionNumber] : [eiaCases.documentNo];
  return eiaDocumentNo(path, year, await nextInSeries(tx, `${prefix}〔${year}〕`, registers));
}

/**
 * Classifies the project with the catalogue engine; the answer is the case's category and its
 * evidence. Missing facts and a path the answer does not allow are refused in plain words.
 */
function classifyForCase(input: z.infer<typeof eiaCaseCreateBody>) {
  let a: ReturnType<typeof classify>;
  try {
    a = classify({ industryCode: input.industryCode, constructionType: input.constructionType, facts: input.facts });
  } catch (e) {
    if (e instanceof UnknownIndustryError)
      throw required('industryCode', '不是国民经济行业分类（GB/T 4754-2017）的行业小类', 'Not a GB/T 4754 class');
    throw e;
  }
  if (a.category === null) {
    throw new AppError('EIA_CLASSIFICATION_INCOMPLETE', {
      detail: {
        zh: `还不能判定环评类别（名录第${a.row}行），请在环评判定向导中回答：${a.questions.map((q) => q.label).join('；')}`,
        en: `The EIA category cannot be decided yet (catalogue row ${a.row}); answer in the EIA classification wizard: ${a.questions.map((q) => questionIn(q, 'en').label).join('; ')}`,
      },
      extra: { missingFacts: a.missingFacts },
    });
  }
  const category = a.category;
  if (!pathAllows(input.path, category, a.industryCode)) {
    const r = pathRefusal(input.path, category, a.basis, a.industryCode);
    throw new AppError('EIA_PATH_MISMATCH', {
      detail: { zh: r.zh, en: r.en },
      extra: { category, suggestedPaths: r.suggested },
    });
  }
  const evidence: EiaClassificationEvidence = {
    catalogueVersion: a.catalogueVersion,
    industryCode: a.industryCode,
    constructionType: a.constructionType,
    facts: input.facts as Record<string, unknown>,
    row: a.row,
    rowTitle: a.rowTitle,
    column: a.column,
    columnLabel: a.columnLabel,
    quote: a.quote,
    clause: a.clause,
    basis: a.basis,
    categoryLabel: a.categoryLabel ?? '',
    permit: a.permit ? { item: a.permit.item, classLabel: a.permit.classLabel, basis: a.permit.basis } : undefined,
  };
  const catalogueRow =
    a.row === null
      ? `名录未作规定（第五条）：“${a.quote}”`
      : a.column === null
        ? `名录第${a.row}行 ${a.rowTitle} · 各栏均不适用（第五条）`
        : `名录第${a.row}行 ${a.rowTitle} · ${a.columnLabel}栏：“${a.quote}”`;
  return { category, evidence, catalogueRow: catalogueRow.slice(0, 1000) };
}

/** The application a case is opened from: same enterprise, an EIA matter that fits the path, accepted and not yet decided. */
async function assertLinkableApplication(tx: Tx, input: z.infer<typeof eiaCaseCreateBody>, now: Date): Promise<void> {
  if (!input.applicationId) return;
  // locked as the application's own steps lock it: a decision cannot slip in between this check and the link
  const [app] = await tx.select().from(applications).where(eq(applications.id, input.applicationId)).for('update');
  const bad = (zh: string, en: string) => required('applicationId', zh, en);
  if (!app || app.enterpriseId !== input.enterpriseId)
    throw bad('该企业没有这件申请', 'No such application of this enterprise');
  const path = EIA_MATTER_PATHS[app.matterCode];
  const nameEn = matterName(app.matterCode, app.matterName, 'en');
  if (!path) throw bad(`“${app.matterName}”不是环评事项`, `${nameEn} is not an EIA matter`);
  if (path !== input.path)
    throw bad(
      `申请的事项是“${app.matterName}”，应按“${EIA_PATH_LABELS[path].zh}”办理`,
      `The application is for ${nameEn}: use the ${EIA_PATH_LABELS[path].en} path`,
    );
  const [linked] = await tx
    .select({ code: eiaCases.code })
    .from(eiaCases)
    .where(eq(eiaCases.applicationId, input.applicationId));
  const refusal = applicationLinkRefusal(app, linked?.code ?? null, now);
  if (refusal) throw new AppError('EIA_APPLICATION_NOT_LINKABLE', { detail: refusal });
}

type NoticeSource = keyof typeof EIA_NOTICE_SOURCES;

/**
 * Tells the enterprise about a step of its case, in plain words with the legal sources: in Chinese
 * as sent, and the same in English for the inbox's English face (the project's name as it is).
 */
async function tellEnterprise(
  tx: Tx,
  r: EiaCaseRow,
  kind: string,
  zh: { title: string; body: string },
  en: { title: string; body: string },
  sources: readonly NoticeSource[],
) {
  await notify(tx, {
    enterpriseId: r.enterpriseId,
    kind: `eia.${kind}`,
    title: `环评事项 ${r.code}：${zh.title}`,
    body: `${r.projectName}：${zh.body}\n依据：${sources.map((k) => EIA_NOTICE_SOURCES[k]).join('；')}`,
    en: {
      title: `EIA case ${r.code}: ${en.title}`,
      body: `${r.projectName}: ${en.body}\nBasis: ${sources.map((k) => EIA_NOTICE_SOURCES_EN[k]).join('; ')}`,
    },
    link: `/enterprise/eia/${r.id}`,
  });
}

/**
 * Opens a case on its path. Staff open every path; an enterprise records only its own filings
 * (登记表备案: it files on the national system and enters the receipt number here).
 */
export async function createCase(
  db: Db,
  user: SessionUser,
  actor: Actor,
  input: z.infer<typeof eiaCaseCreateBody>,
  now: Date = new Date(),
): Promise<EiaCaseDetailView> {
  if (!isStaff(user)) {
    if (input.path !== 'filing' || user.enterpriseId !== input.enterpriseId) throw new AppError('FORBIDDEN_RECORD');
  }
  return db.transaction(async (tx) => {
    const [ent] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.id, input.enterpriseId));
    if (!ent) throw required('enterpriseId', '企业不存在', 'No such enterprise');
    const today = todayInShanghai(now);
    const cls = classifyForCase(input);
    await assertLinkableApplication(tx, input, now);
    // the wizard's answers count too: a sensitive area or electroplating named there is not unticked here
    const facts = {
      industryCode: input.industryCode.replace(/^[A-Ta-t]/, ''),
      category: cls.category,
      inSensitiveArea: input.inSensitiveArea || (input.facts.sensitiveAreas?.length ?? 0) > 0,
      electroplating: input.electroplating || input.facts.electroplating === true,
      nationalSecurity: input.nationalSecurity,
    };
    let commitmentText: string | null = null;
    if (input.path === 'commitment') {
      const e = await commitmentEligibility(tx, facts);
      if (!e.eligible) {
        throw new AppError('EIA_NOT_ELIGIBLE', {
          detail: {
            zh: `不符合告知承诺制条件：${e.failed.map((f) => `${f.label}（${f.source}）`).join('；')}。可按一般程序申请报告表审批。`,
            en: `Not eligible: ${commitmentIneligibility(facts, e.industries)
              .map((c) => c.label.en)
              .join('; ')}. The ordinary approval path remains open.`,
          },
          extra: { failed: e.failed.map((f) => f.key) },
        });
      }
      commitmentText = e.commitmentText;
    }
    const decided = input.path === 'exemption' || input.path === 'filing';
    const decidedOn = decided ? (input.decidedOn ?? today) : null;
    if (decidedOn && decidedOn > today)
      throw required('decidedOn', '日期不能晚于今天', 'The date cannot be later than today');
    const documentNo =
      input.path === 'exemption' ? await nextDocumentNo(tx, 'exemption', decidedOn!.slice(0, 4)) : null;
    const [row] = await tx
      .insert(eiaCases)
      .values({
        code: await nextCode(tx, (decidedOn ?? today).slice(0, 4)),
        enterpriseId: input.enterpriseId,
        path: input.path,
        state: EIA_START_STATE[input.path],
        projectName: input.projectName,
        projectAddress: input.projectAddress,
        constructionType: input.constructionType,
        industryCode: facts.industryCode,
        category: cls.category,
        catalogueRow: cls.catalogueRow,
        classification: cls.evidence,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        inSensitiveArea: facts.inSensitiveArea,
        electroplating: facts.electroplating,
        nationalSecurity: input.nationalSecurity,
        commitmentText,
        commitmentSignedAt: commitmentText ? now : null,
        acceptedOn: decidedOn ?? today,
        decidedOn,
        decidedByName: decided ? actor.name : null,
        documentNo,
        exemptionList: input.path === 'exemption' ? (input.exemptionList ?? null) : null,
        exemptionEntry: input.path === 'exemption' ? (input.exemptionEntry ?? null) : null,
        receiptNo: input.path === 'filing' ? (input.receiptNo ?? null) : null,
        applicationId: input.applicationId ?? null,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    let r = row!;
    const clockProfile = input.path === 'commitment' ? PUBLICITY : input.path === 'ordinary' ? ORDINARY : null;
    if (clockProfile) {
      const clock = await startClock(tx, actor, {
        ownerType: 'eia-case',
        ownerId: r.id,
        enterpriseId: r.enterpriseId,
        profileKey: clockProfile,
        start: now,
        title:
          input.path === 'commitment' ? `环评 ${r.code} 拟批准公示（期满后作出决定）` : `环评 ${r.code} 报告表审批期限`,
        link: `/staff/eia/${r.id}`,
        assigneeRole: 'approver',
      });
      [r] = (await tx
        .update(eiaCases)
        .set({ publicityClockId: clock.id })
        .where(eq(eiaCases.id, r.id))
        .returning()) as [EiaCaseRow];
    }
    await recordAudit(tx, actor, { action: 'eia-case.create', entityType: 'eia-case', entityId: r.id, after: r });
    await tellOpened(tx, r, isStaff(user));
    return detailOf(tx, r, true);
  });
}

async function tellOpened(tx: Tx, r: EiaCaseRow, byStaff: boolean): Promise<void> {
  if (r.path === 'commitment') {
    const clock = r.publicityClockId ? await getClock(tx, r.publicityClockId) : null;
    await tellEnterprise(
      tx,
      r,
      'publicity-started',
      {
        title: '已受理，拟批准公示开始',
        body: `本局已受理你单位的告知承诺制环评申请，并在门户网站进行拟批准公示${clock ? `，公示期至 ${clock.dueDate}` : ''}。公示期间公众提出的意见，本局逐条答复后再作出审批决定。`,
      },
      {
        title: 'accepted; publicity of the intended approval has begun',
        body: `The bureau has accepted your commitment-path EIA application and is publishing the intended approval on its portal${clock ? `, until ${clock.dueDate}` : ''}. The bureau answers each objection the public raises during the publicity period before it decides.`,
      },
      ['accepted', 'publicity'],
    );
  } else if (r.path === 'ordinary') {
    await tellEnterprise(
      tx,
      r,
      'accepted',
      {
        title: '已受理',
        body: '本局已受理你单位的环境影响报告表审批申请，受理公示已在门户网站发布，审批期限届满前作出决定。',
      },
      {
        title: 'accepted',
        body: 'The bureau has accepted your application for approval of the EIA report form; the acceptance notice is published on the portal, and the decision is made before the time limit ends.',
      },
      ['accepted'],
    );
  } else if (r.path === 'report-book') {
    await tellEnterprise(
      tx,
      r,
      'accepted',
      {
        title: '已登记，报告书由萍乡市生态环境局审批',
        body: '本项目应编制环境影响报告书，由萍乡市生态环境局审批；本局跟踪办理进度，市局批复后登记批复文号。',
      },
      {
        title: 'registered; the report book is decided by the Pingxiang city bureau',
        body: 'This project needs an EIA report book, which the Pingxiang city bureau decides; this bureau follows its progress and records the decision number once the city bureau has decided.',
      },
      ['city'],
    );
  } else if (r.path === 'exemption') {
    await tellEnterprise(
      tx,
      r,
      'decided',
      {
        title: '已认定豁免',
        body: `经认定，本项目不需要办理环境影响评价审批手续（文号 ${r.documentNo ?? ''}），豁免认定书可在环评事项中下载；豁免不免除你单位的生态环境保护责任。`,
      },
      {
        title: 'exemption determined',
        body: `The project has been determined not to need EIA approval (document no. ${r.documentNo ?? ''}); the exemption determination can be downloaded from the EIA case. The exemption does not release your organisation from its environmental protection duties.`,
      },
      ['exempted'],
    );
  } else if (byStaff) {
    await tellEnterprise(
      tx,
      r,
      'filed',
      { title: '登记表已备案', body: `本局已记录你单位的环境影响登记表备案（备案编号 ${r.receiptNo ?? ''}）。` },
      {
        title: 'registration form filed',
        body: `The bureau has recorded the filing of your EIA registration form (receipt number ${r.receiptNo ?? ''}).`,
      },
      ['filed'],
    );
  }
}

async function detailOf(db: Tx, r: EiaCaseRow, staffOrOwner: boolean): Promise<EiaCaseDetailView> {
  const [view] = await viewsOf(db, [r]);
  const objections = await db
    .select()
    .from(eiaObjections)
    .where(eq(eiaObjections.caseId, r.id))
    .orderBy(eiaObjections.createdAt);
  // the enterprise sees what citizens said and the answers, not who said it
  return { ...view!, objections: objections.map((o) => toObjectionView(o, !staffOrOwner)) };
}

export async function getCase(db: Tx, user: SessionUser, id: string): Promise<EiaCaseDetailView> {
  const r = await loadCase(db, id);
  assertCanRead(user, r);
  return detailOf(db, r, isStaff(user));
}

/** The list's order; the code is unique, so it settles ties (within one enterprise, newest accepted first). */
function caseOrder(sort: EiaCaseSort | undefined): SQL[] {
  const c = eiaCases;
  switch (sort) {
    case 'acceptedOn':
      return [asc(c.acceptedOn), asc(c.code)];
    case 'enterprise':
      return [asc(enterprises.name), desc(c.acceptedOn), desc(c.code)];
    case '-enterprise':
      return [desc(enterprises.name), desc(c.acceptedOn), desc(c.code)];
    default:
      return [desc(c.acceptedOn), desc(c.code)];
  }
}

export async function listCases(
  db: Tx,
  user: SessionUser,
  q: {
    path?: EiaPath | undefined;
    state?: EiaState | undefined;
    enterpriseId?: string | undefined;
    applicationId?: string | undefined;
    q?: string | undefined;
    sort?: EiaCaseSort | undefined;
  },
  page: { page: number; pageSize: number },
): Promise<Paged<EiaCaseView>> {
  const conds: (SQL | undefined)[] = [ownScope(user, { enterprise: eiaCases.enterpriseId })];
  if (q.path) conds.push(eq(eiaCases.path, q.path));
  if (q.state) conds.push(eq(eiaCases.state, q.state));
  if (q.enterpriseId) conds.push(eq(eiaCases.enterpriseId, q.enterpriseId));
  if (q.applicationId) conds.push(eq(eiaCases.applicationId, q.applicationId));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(eiaCases.projectName, like), ilike(eiaCases.code, like)));
  }
  const where = and(...conds);
  return paginate(
    page,
    async (limit, offset) =>
      viewsOf(
        db,
        await db
          .select(getTableColumns(eiaCases))
          .from(eiaCases)
          .innerJoin(enterprises, eq(enterprises.id, eiaCases.enterpriseId))
          .where(where)
          .orderBy(...caseOrder(q.sort))
          .limit(limit)
          .offset(offset),
      ),
    async () => (await db.select({ n: count() }).from(eiaCases).where(where))[0]?.n ?? 0,
  );
}

function checkVersion(r: EiaCaseRow, version: number): void {
  if (r.version !== version) throw new AppError('RECORD_CHANGED');
}

/**
 * The bureau's decision. On the commitment path only after the publicity period has ended and
 * every objection has been answered; an approval schedules the verification (事后核查).
 */
export async function decideCase(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof eiaDecisionBody>,
  now: Date = new Date(),
): Promise<EiaCaseDetailView> {
  return db.transaction(async (tx) => {
    const before = await loadCase(tx, id, true);
    checkVersion(before, body.version);
    const today = todayInShanghai(now);
    if (
      !(
        (before.path === 'commitment' && before.state === 'publicity') ||
        (before.path === 'ordinary' && before.state === 'accepted')
      )
    )
      throw stateError(
        '只有公示中的告知承诺事项或已受理的报告表事项可以作出审批决定',
        'Only a commitment case in publicity or an accepted ordinary case can be decided',
      );
    if (!body.approve && !body.reason) throw required('reason', '不予批准须写明理由', 'A refusal needs its reason');
    const clock = before.publicityClockId ? await getClock(tx, before.publicityClockId) : null;
    if (before.path === 'commitment') {
      if (clock && today <= clock.dueDate) {
        throw new AppError('EIA_PUBLICITY_RUNNING', {
          detail: {
            zh: `拟批准公示期至 ${clock.dueDate} 届满，公示期满后方可作出审批决定`,
            en: `The publicity period ends on ${clock.dueDate}; decide after it`,
          },
        });
      }
      const [open] = await tx
        .select({ n: count() })
        .from(eiaObjections)
        .where(and(eq(eiaObjections.caseId, id), isNull(eiaObjections.answeredAt)));
      if ((open?.n ?? 0) > 0) {
        throw new AppError('EIA_OBJECTIONS_UNANSWERED', {
          detail: {
            zh: `公示期间收到的 ${open!.n} 条意见尚未答复，请先逐条答复后再作出审批决定`,
            en: `${open!.n} objection(s) received during publicity have no answer yet; answer each before deciding`,
          },
        });
      }
    }
    if (before.path === 'commitment' && clock) {
      // The publicity period ends at the end of its last day, not when someone decides (completed at
      // the decision, every commitment case would count late). What the bureau owes from then on is a
      // decision within one working day (eia.commitment.decision), judged on a clock of its own.
      const ended = new Date(`${clock.dueDate}T23:59:59.999+08:00`);
      if (!clock.completedAt) await completeClock(tx, actor, clock.id, ended < now ? ended : now);
      const decision = await startClock(tx, actor, {
        ownerType: 'eia-case',
        ownerId: id,
        enterpriseId: before.enterpriseId,
        profileKey: DECISION,
        start: ended,
        title: `环评 ${before.code} 公示期满后作出审批决定`,
        link: `/staff/eia/${id}`,
        assigneeRole: 'approver',
      });
      await completeClock(tx, actor, decision.id, now);
    } else if (clock && !clock.completedAt) await completeClock(tx, actor, clock.id, now);
    let verificationClockId: string | null = null;
    let verificationDue: string | null = null;
    if (body.approve && before.path === 'commitment') {
      const v = await startClock(tx, actor, {
        ownerType: 'eia-case',
        ownerId: id,
        enterpriseId: before.enterpriseId,
        profileKey: VERIFICATION,
        start: now,
        title: `环评 ${before.code} 告知承诺事后核查`,
        link: `/staff/eia/${id}`,
        assigneeRole: 'inspector',
      });
      verificationClockId = v.id;
      verificationDue = v.dueDate;
    }
    // the 文号 is the bureau's, given in order on the decision (approval or refusal alike)
    const documentNo = await nextDocumentNo(tx, before.path, today.slice(0, 4));
    const [after] = await tx
      .update(eiaCases)
      .set({
        state: body.approve ? 'approved' : 'refused',
        decidedOn: today,
        decidedByName: actor.name,
        documentNo,
        decisionReason: body.reason ?? null,
        verificationClockId,
        updatedAt: now,
        version: before.version + 1,
      })
      .where(eq(eiaCases.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'eia-case.decide', entityType: 'eia-case', entityId: id, before, after });
    await tellEnterprise(
      tx,
      after!,
      'decided',
      {
        title: body.approve ? '准予批准' : '不予批准',
        body: body.approve
          ? `本局已作出准予批准的审批决定（文号 ${documentNo}），审批决定书可在环评事项中下载。`
          : `本局已作出不予批准的审批决定（文号 ${documentNo}），理由：${body.reason ?? ''}。如不服，可自收到决定书之日起六十日内申请行政复议，或六个月内提起行政诉讼。`,
      },
      {
        title: body.approve ? 'approved' : 'refused',
        body: body.approve
          ? `The bureau has decided to approve (decision no. ${documentNo}); the decision can be downloaded from the EIA case.`
          : `The bureau has decided to refuse approval (decision no. ${documentNo}). Reason: ${body.reason ?? ''}. If you disagree, you may apply for administrative review within 60 days of receiving the decision, or sue within 6 months.`,
      },
      ['decided'],
    );
    if (verificationDue)
      await tellEnterprise(
        tx,
        after!,
        'verification-scheduled',
        {
          title: '已安排事后核查',
          body: `本局将在 ${verificationDue} 前对你单位履行告知承诺的情况进行现场核查，请按承诺落实各项污染防治措施。`,
        },
        {
          title: 'verification scheduled',
          body: `By ${verificationDue} the bureau will check on site that your organisation has kept its commitment; carry out every pollution control measure as committed.`,
        },
        ['verification'],
      );
    return detailOf(tx, after!, true);
  });
}

/** The city bureau's decision on a report book, as tracked here with its 批复文号. */
export async function recordCityDecision(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof eiaCityDecisionBody>,
  now: Date = new Date(),
): Promise<EiaCaseDetailView> {
  return db.transaction(async (tx) => {
    const before = await loadCase(tx, id, true);
    checkVersion(before, body.version);
    if (before.path !== 'report-book' || before.state !== 'at-city')
      throw stateError(
        '只有在市局审批中的报告书事项可以登记市局批复',
        'Only a report book with the city bureau can get its decision recorded',
      );
    if (body.approve && !body.externalRef)
      throw required('externalRef', '请填写市局批复文号', 'Enter the city bureau’s decision number');
    if (!body.approve && !body.reason)
      throw required('reason', '请填写市局不予批准的理由', 'Enter the city bureau’s reason');
    if (body.decidedOn > todayInShanghai(now) || body.decidedOn < before.acceptedOn)
      throw required(
        'decidedOn',
        '批复日期应在受理之后、不晚于今天',
        'The decision date must fall between acceptance and today',
      );
    const [after] = await tx
      .update(eiaCases)
      .set({
        state: body.approve ? 'approved' : 'refused',
        decidedOn: body.decidedOn,
        decidedByName: '萍乡市生态环境局',
        documentNo: body.externalRef ?? null,
        decisionReason: body.reason ?? null,
        updatedAt: now,
        version: before.version + 1,
      })
      .where(eq(eiaCases.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'eia-case.record-city-decision',
      entityType: 'eia-case',
      entityId: id,
      before,
      after,
    });
    await tellEnterprise(
      tx,
      after!,
      'decided',
      {
        title: body.approve ? '市局已批复' : '市局不予批准',
        body: body.approve
          ? `萍乡市生态环境局已批复你单位的环境影响报告书（批复文号 ${body.externalRef ?? ''}，${body.decidedOn}）。`
          : `萍乡市生态环境局不予批准你单位的环境影响报告书，理由：${body.reason ?? ''}。`,
      },
      {
        title: body.approve ? 'approved by the city bureau' : 'refused by the city bureau',
        body: body.approve
          ? `The Pingxiang city bureau has approved your EIA report book (decision no. ${body.externalRef ?? ''}, ${body.decidedOn}).`
          : `The Pingxiang city bureau has refused your EIA report book. Reason: ${body.reason ?? ''}.`,
      },
      ['city'],
    );
    return detailOf(tx, after!, true);
  });
}

/** The verification result (事后核查): pass, rectify (verified again later) or revoke. */
export async function verifyCase(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof eiaVerificationBody>,
  now: Date = new Date(),
): Promise<EiaCaseDetailView> {
  return db.transaction(async (tx) => {
    const before = await loadCase(tx, id, true);
    checkVersion(before, body.version);
    if (before.path !== 'commitment' || (before.state !== 'approved' && before.state !== 'rectifying'))
      throw stateError(
        '只有已批准或整改中的告知承诺事项可以登记核查结果',
        'Only an approved or rectifying commitment case can be verified',
      );
    const result: VerificationResult = body.result;
    if (before.verificationClockId) {
      const c = await getClock(tx, before.verificationClockId);
      if (!c.completedAt) await completeClock(tx, actor, c.id, now);
    }
    let verificationClockId = before.verificationClockId;
    let recheckDue: string | null = null;
    if (result === 'rectify') {
      // rectification is checked again: a new verification period on the worklist
      const v = await startClock(tx, actor, {
        ownerType: 'eia-case',
        ownerId: id,
        enterpriseId: before.enterpriseId,
        profileKey: VERIFICATION,
        start: now,
        title: `环评 ${before.code} 整改后复核`,
        link: `/staff/eia/${id}`,
        assigneeRole: 'inspector',
      });
      verificationClockId = v.id;
      recheckDue = v.dueDate;
    }
    const [after] = await tx
      .update(eiaCases)
      .set({
        state: result === 'pass' ? 'verified' : result === 'rectify' ? 'rectifying' : 'revoked',
        verificationResult: result,
        verificationNote: body.note,
        verifiedOn: todayInShanghai(now),
        revocationReason: result === 'revoke' ? body.note : null,
        creditConsequence: result === 'revoke' ? body.creditConsequence! : null,
        verificationClockId,
        updatedAt: now,
        version: before.version + 1,
      })
      .where(eq(eiaCases.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'eia-case.verify', entityType: 'eia-case', entityId: id, before, after });
    if (result === 'pass')
      await tellEnterprise(
        tx,
        after!,
        'verification-result',
        { title: '事后核查通过', body: `事后核查通过：${body.note}` },
        { title: 'verification passed', body: `Verification passed: ${body.note}` },
        ['verification'],
      );
    else if (result === 'rectify')
      await tellEnterprise(
        tx,
        after!,
        'verification-result',
        {
          title: '事后核查：责令整改',
          body: `事后核查发现问题，请整改：${body.note}。本局将在 ${recheckDue ?? ''} 前复核。`,
        },
        {
          title: 'verification: rectification ordered',
          body: `The verification found problems; rectify them: ${body.note}. The bureau will re-check by ${recheckDue ?? ''}.`,
        },
        ['verification'],
      );
    else
      await tellEnterprise(
        tx,
        after!,
        'verification-result',
        {
          title: '事后核查：撤销批准',
          body: `事后核查认定承诺不实，本局撤销审批决定（${before.documentNo ?? ''}）。理由：${body.note}。信用后果：${body.creditConsequence ?? ''}。如不服，可自收到决定之日起六十日内申请行政复议，或六个月内提起行政诉讼。`,
        },
        {
          title: 'verification: approval revoked',
          body: `The verification found the commitment untrue; the bureau revokes its approval (${before.documentNo ?? ''}). Reason: ${body.note}. Consequence for the enterprise’s credit: ${body.creditConsequence ?? ''}. If you disagree, you may apply for administrative review within 60 days of receiving the decision, or sue within 6 months.`,
        },
        ['revoked'],
      );
    return detailOf(tx, after!, true);
  });
}

// ---------------------------------------------------------------------------------------------
// Public portal

function noticeCondition(kind: EiaNoticeKind | undefined): SQL {
  const pre = sql`(${eiaCases.path} = 'commitment' and ${eiaCases.state} = 'publicity')`;
  const acc = sql`(${eiaCases.path} = 'ordinary' and ${eiaCases.state} = 'accepted')`;
  const appr = sql`(${eiaCases.path} in ('commitment', 'ordinary') and ${eiaCases.state} in ('approved', 'verified', 'rectifying'))`;
  if (kind === 'pre-approval') return pre;
  if (kind === 'acceptance') return acc;
  if (kind === 'approval') return appr;
  return sql`(${pre} or ${acc} or ${appr})`;
}

/** A notice's date is its decision's, else its acceptance's; one project's notices newest first either way; the code settles the rest. */
function noticeOrder(sort: EiaNoticeSort | undefined): SQL[] {
  const day = sql`coalesce(${eiaCases.decidedOn}, ${eiaCases.acceptedOn})`;
  switch (sort) {
    case 'date':
      return [asc(day), asc(eiaCases.code)];
    case 'project':
      return [asc(eiaCases.projectName), desc(day), desc(eiaCases.code)];
    case '-project':
      return [desc(eiaCases.projectName), desc(day), desc(eiaCases.code)];
    default:
      return [desc(day), desc(eiaCases.code)];
  }
}

export async function listNotices(
  db: Tx,
  f: { kind?: EiaNoticeKind | undefined; sort?: EiaNoticeSort | undefined },
  page: { page: number; pageSize: number },
  now: Date = new Date(),
): Promise<Paged<EiaNoticeView>> {
  const where = noticeCondition(f.kind);
  const today = todayInShanghai(now);
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await db
        .select()
        .from(eiaCases)
        .where(where)
        .orderBy(...noticeOrder(f.sort))
        .limit(limit)
        .offset(offset);
      const extras = await extrasOf(db, rows);
      return rows.map((r) => toNoticeView(r, extras.get(r.id)!, today));
    },
    async () => (await db.select({ n: count() }).from(eiaCases).where(where))[0]?.n ?? 0,
  );
}

export async function getNotice(db: Tx, id: string, now: Date = new Date()) {
  const [r] = await db
    .select()
    .from(eiaCases)
    .where(and(eq(eiaCases.id, id), noticeCondition(undefined)));
  if (!r) throw notFound();
  const extras = await extrasOf(db, [r]);
  const objections = await db
    .select()
    .from(eiaObjections)
    .where(eq(eiaObjections.caseId, id))
    .orderBy(eiaObjections.createdAt);
  return {
    ...toNoticeView(r, extras.get(r.id)!, todayInShanghai(now)),
    objections: objections.map((o) => {
      const { phone: _p, answeredByName: _a, ...rest } = toObjectionView(o, true);
      return rest;
    }),
  };
}

async function assertInPublicity(db: Tx, id: string, now: Date, lock = false): Promise<void> {
  const r = await loadCase(db, id, lock);
  const clock = r.publicityClockId ? await getClock(db, r.publicityClockId) : null;
  if (r.path !== 'commitment' || r.state !== 'publicity' || !clock || todayInShanghai(now) > clock.dueDate) {
    throw new AppError('EIA_PUBLICITY_CLOSED', {
      detail: {
        zh: '该项目不在拟批准公示期内，不能再提交公示意见；如有问题可拨打 12369 环保举报热线',
        en: 'The project is not in its publicity period; objections are closed (call 12369 with a concern)',
      },
    });
  }
}

/** A citizen's objection during the 拟批准公示 (a mobile phone proves itself with a code). */
export async function lodgeObjection(
  db: Db,
  user: SessionUser | null,
  actor: Actor,
  id: string,
  body: z.infer<typeof eiaObjectionBody>,
  now: Date = new Date(),
) {
  // a closed publicity answers as closed before anyone is asked for a code
  await assertInPublicity(db, id, now);
  const codeId = isStaff(user) ? null : await requirePhoneCode(db, user, body.phone, body.phoneCode, now);
  return db.transaction(async (tx) => {
    await assertInPublicity(tx, id, now, true);
    if (codeId) await consumePhoneCode(tx, codeId, now);
    const [o] = await tx
      .insert(eiaObjections)
      .values({
        caseId: id,
        name: body.name,
        phone: body.phone,
        content: body.content,
        citizenUserId: user && !isStaff(user) ? user.id : null,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'eia-objection.create',
      entityType: 'eia-objection',
      entityId: o!.id,
      after: o,
    });
    // the enterprise learns what was said, not who said it
    await tellEnterprise(
      tx,
      await loadCase(tx, id),
      'objection',
      {
        title: '公示期间收到公众意见',
        body: `拟批准公示期间收到一条公众意见：“${body.content.slice(0, 200)}”。本局将逐条答复，答复前不作出审批决定；如需补充说明，请与审批窗口联系。`,
      },
      {
        title: 'objection received during publicity',
        body: `An objection was received during the publicity of the intended approval: “${body.content.slice(0, 200)}”. The bureau answers each objection and does not decide before it has answered; to add an explanation, contact the approvals window.`,
      },
      ['publicity'],
    );
    const { phone: _p, answeredByName: _a, ...rest } = toObjectionView(o!, true);
    return rest;
  });
}

export async function answerObjection(
  db: Db,
  actor: Actor,
  caseId: string,
  objectionId: string,
  answer: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(eiaObjections)
      .where(and(eq(eiaObjections.id, objectionId), eq(eiaObjections.caseId, caseId)))
      .for('update');
    if (!before) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '公示意见不存在', en: 'No such objection' } });
    if (before.answeredAt) throw stateError('该意见已答复', 'The objection is already answered');
    const [after] = await tx
      .update(eiaObjections)
      .set({ answer, answeredAt: now, answeredByName: actor.name })
      .where(eq(eiaObjections.id, objectionId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'eia-objection.answer',
      entityType: 'eia-objection',
      entityId: objectionId,
      before,
      after,
    });
    const r = await loadCase(tx, caseId);
    // the enterprise saw the objection; it also sees what the bureau answered (still without the citizen)
    await tellEnterprise(
      tx,
      r,
      'objection-answered',
      {
        title: '公众意见已答复',
        body: `对公示期间公众意见“${before.content.slice(0, 100)}”，本局答复如下：${answer.slice(0, 500)}`,
      },
      {
        title: 'objection answered',
        body: `The bureau answered the objection raised during publicity, “${before.content.slice(0, 100)}”, as follows: ${answer.slice(0, 500)}`,
      },
      ['publicity'],
    );
    return detailOf(tx, r, true);
  });
}

/** A decision document of the case, for staff and for the enterprise that owns the case. */
export async function caseDocument(db: Tx, user: SessionUser, id: string, kind: EiaDocumentKind) {
  const r = await loadCase(db, id);
  assertCanRead(user, r);
  const [ent] = await db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, r.enterpriseId));
  const { eiaDocx } = await import('./documents.ts');
  return { row: r, buf: await eiaDocx(kind, r, ent?.name ?? '') };
}
