// The whole statutory annual report (政府信息公开工作年度报告) of a year: the bureau's text for
// 一、五、六 and the tables 二、三、四 computed from the records the platform holds, each cell
// with the records it counts. Every query is bounded by the year.
import { shanghaiDateOf } from '@qingshan/core/calendar';
import {
  ANNUAL_REPORT_ROWS,
  annualReportRowsOf,
  annualReportTable,
  DISCLOSURE_APPLICANT_LABELS,
  DISCLOSURE_APPLICANT_TYPES,
  DISCLOSURE_OUTCOME_LABELS,
  type DisclosureApplicantType,
  type DisclosureGround,
  type DisclosureOutcome,
} from '@qingshan/core/disclosure';
import {
  ANNUAL_TEXT_SECTIONS,
  type AnnualTextInput,
  type AnnualTextSection,
  APPEAL_COLUMNS,
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_RESULT_LABELS,
  type AppealColumn,
  type AppealInput,
  type AppealKind,
  type AppealRecord,
  type AppealResult,
  type AppealUpdateInput,
  appealColumnOf,
  appealTable,
  normativeMeasuresOf,
  PROACTIVE_MEASURE_LABELS,
  PROACTIVE_ROWS,
  type ProactiveMeasure,
} from '@qingshan/core/disclosure-annual';
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { eiaCases } from '../eia/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { policies } from '../policies/tables.ts';
import { enforcementCases } from '../site-inspections/tables.ts';
import { getDisclosure } from './service.ts';
import { disclosureAnnualTexts, disclosureAppeals, disclosureRequests } from './tables.ts';

export type AppealRow = typeof disclosureAppeals.$inferSelect;

const yearBounds = (year: number) => ({
  first: `${year}-01-01`,
  last: `${year}-12-31`,
  start: new Date(`${year}-01-01T00:00:00+08:00`),
  end: new Date(`${year + 1}-01-01T00:00:00+08:00`),
});

/** One record behind a number: what it is, its date, and where staff open it. */
export type DrillItem = { id: string; title: string; date: string; link: string; note: string | null };

// ---- the records each table counts ---------------------------------------------------------

async function normativeDocs(db: Tx, year: number) {
  const { start, end, first } = yearBounds(year);
  const rows = await db
    .select({
      id: policies.id,
      title: policies.title,
      documentNo: policies.documentNo,
      publishedAt: policies.publishedAt,
      withdrawnAt: policies.withdrawnAt,
      validFrom: policies.validFrom,
      validTo: policies.validTo,
    })
    .from(policies)
    .where(
      and(
        eq(policies.kind, 'normative'),
        inArray(policies.status, ['published', 'withdrawn']),
        lt(policies.publishedAt, end),
        or(isNull(policies.withdrawnAt), gte(policies.withdrawnAt, start)),
        or(isNull(policies.validTo), gte(policies.validTo, first)),
      ),
    )
    .orderBy(asc(policies.publishedAt), asc(policies.id));
  return rows.map((r) => {
    const publishedOn = r.publishedAt ? shanghaiDateOf(r.publishedAt) : null;
    const withdrawnOn = r.withdrawnAt ? shanghaiDateOf(r.withdrawnAt) : null;
    return {
      measures: normativeMeasuresOf(year, { publishedOn, withdrawnOn, validFrom: r.validFrom, validTo: r.validTo }),
      item: {
        id: r.id,
        title: r.documentNo ? `${r.title}（${r.documentNo}）` : r.title,
        date: publishedOn ?? '',
        link: `/staff/policies/${r.id}`,
        note: withdrawnOn ? `${withdrawnOn} 撤回` : r.validTo ? `有效期至 ${r.validTo}` : null,
      } satisfies DrillItem,
    };
  });
}

/** EIA decisions this bureau takes (report form, commitment path): the city's report books are not ours. */
async function licensingDecisions(db: Tx, year: number): Promise<DrillItem[]> {
  const { first, last } = yearBounds(year);
  const rows = await db
    .select({
      id: eiaCases.id,
      code: eiaCases.code,
      projectName: eiaCases.projectName,
      decidedOn: eiaCases.decidedOn,
      documentNo: eiaCases.documentNo,
      enterpriseName: enterprises.name,
    })
    .from(eiaCases)
    .innerJoin(enterprises, eq(enterprises.id, eiaCases.enterpriseId))
    .where(
      and(
        inArray(eiaCases.path, ['commitment', 'ordinary']),
        isNotNull(eiaCases.decidedOn),
        gte(eiaCases.decidedOn, first),
        lte(eiaCases.decidedOn, last),
      ),
    )
    .orderBy(asc(eiaCases.decidedOn), asc(eiaCases.id));
  return rows.map((r) => ({
    id: r.id,
    title: `${r.enterpriseName} · ${r.projectName}`,
    date: r.decidedOn!,
    link: `/staff/eia/${r.id}`,
    note: r.documentNo ?? r.code,
  }));
}

async function penaltyDecisions(db: Tx, year: number): Promise<DrillItem[]> {
  const { first, last } = yearBounds(year);
  const rows = await db
    .select({
      id: enforcementCases.id,
      title: enforcementCases.title,
      decidedOn: enforcementCases.decidedOn,
      decisionNumber: enforcementCases.decisionNumber,
      enterpriseName: enterprises.name,
    })
    .from(enforcementCases)
    .innerJoin(enterprises, eq(enterprises.id, enforcementCases.enterpriseId))
    .where(
      and(
        isNotNull(enforcementCases.decidedOn),
        gte(enforcementCases.decidedOn, first),
        lte(enforcementCases.decidedOn, last),
      ),
    )
    .orderBy(asc(enforcementCases.decidedOn), asc(enforcementCases.id));
  return rows.map((r) => ({
    id: r.id,
    title: `${r.enterpriseName} · ${r.title}`,
    date: r.decidedOn!,
    link: `/staff/enforcement-cases/${r.id}`,
    note: r.decisionNumber,
  }));
}

/** The requests that touch the year (received before its end, not answered before its start). */
async function requestsOfYear(db: Tx, year: number) {
  const { start, end } = yearBounds(year);
  const rows = await db
    .select({
      id: disclosureRequests.id,
      code: disclosureRequests.code,
      applicantName: disclosureRequests.applicantName,
      applicantType: disclosureRequests.applicantType,
      receivedAt: disclosureRequests.receivedAt,
      answeredAt: disclosureRequests.answeredAt,
      answeredOnTime: disclosureRequests.answeredOnTime,
      outcome: disclosureRequests.outcome,
      clause: disclosureRequests.clause,
    })
    .from(disclosureRequests)
    .where(
      and(
        lt(disclosureRequests.receivedAt, end),
        or(isNull(disclosureRequests.answeredAt), gte(disclosureRequests.answeredAt, start)),
      ),
    )
    .orderBy(asc(disclosureRequests.receivedAt), asc(disclosureRequests.id));
  return rows.map((r) => {
    const record = {
      applicantType: r.applicantType as DisclosureApplicantType,
      receivedOn: shanghaiDateOf(r.receivedAt),
      answeredOn: r.answeredAt ? shanghaiDateOf(r.answeredAt) : null,
      outcome: r.outcome as DisclosureOutcome | null,
      clause: r.clause as DisclosureGround | null,
    };
    return {
      record,
      rows: annualReportRowsOf(year, record),
      answeredOnTime: r.answeredOnTime,
      item: {
        id: r.id,
        title: `${r.applicantName}（查询码 ${r.code}）`,
        date: record.receivedOn,
        link: `/staff/disclosure/${r.id}`,
        note: r.outcome
          ? `${record.answeredOn} 答复：${DISCLOSURE_OUTCOME_LABELS[r.outcome as DisclosureOutcome].zh}`
          : '尚未答复',
      } satisfies DrillItem,
    };
  });
}

async function appealsOfYear(db: Tx, year: number) {
  const { first, last } = yearBounds(year);
  const rows = await db
    .select({
      appeal: disclosureAppeals,
      code: disclosureRequests.code,
      applicantName: disclosureRequests.applicantName,
    })
    .from(disclosureAppeals)
    .innerJoin(disclosureRequests, eq(disclosureRequests.id, disclosureAppeals.requestId))
    .where(and(gte(disclosureAppeals.filedOn, first), lte(disclosureAppeals.filedOn, last)))
    .orderBy(asc(disclosureAppeals.filedOn), asc(disclosureAppeals.id));
  return rows.map(({ appeal: a, code, applicantName }) => {
    const record: AppealRecord = {
      kind: a.kind as AppealKind,
      filedOn: a.filedOn,
      result: a.result as AppealResult | null,
      decidedOn: a.decidedOn,
    };
    return {
      record,
      item: {
        id: a.id,
        title: `${applicantName}（查询码 ${code}）· ${APPEAL_KIND_LABELS[record.kind].zh}`,
        date: a.filedOn,
        link: `/staff/disclosure/${a.requestId}`,
        note: `${a.body}${a.caseNo ? ` ${a.caseNo}` : ''}`,
      } satisfies DrillItem,
    };
  });
}

// ---- the report ------------------------------------------------------------------------------

export type ProactiveCell = { measure: ProactiveMeasure; label: string; value: number | null; cell: string | null };

export async function fullAnnualReport(db: Tx, year: number) {
  const [normative, licensing, penalties, requests, appeals, texts] = await Promise.all([
    normativeDocs(db, year),
    licensingDecisions(db, year),
    penaltyDecisions(db, year),
    requestsOfYear(db, year),
    appealsOfYear(db, year),
    db.select().from(disclosureAnnualTexts).where(eq(disclosureAnnualTexts.year, year)),
  ]);
  const counted: Partial<Record<string, number>> = {
    'normative:issued': normative.filter((d) => d.measures.includes('issued')).length,
    'normative:repealed': normative.filter((d) => d.measures.includes('repealed')).length,
    'normative:in-force': normative.filter((d) => d.measures.includes('in-force')).length,
    'licensing:decisions': licensing.length,
    'penalty:decisions': penalties.length,
  };
  const proactive = PROACTIVE_ROWS.map((r) => ({
    key: r.key,
    zh: r.zh,
    en: r.en,
    recorded: r.recorded,
    basis: r.basis,
    cells: r.measures.map((m): ProactiveCell => {
      const value = r.recorded ? (counted[`${r.key}:${m}`] ?? null) : null;
      return {
        measure: m,
        label: PROACTIVE_MEASURE_LABELS[m].zh,
        value,
        cell: value === null ? null : `proactive:${r.key}:${m}`,
      };
    }),
  }));

  const requestRows = annualReportTable(
    year,
    requests.map((q) => q.record),
  ).rows;

  const appealCounts = appealTable(
    year,
    appeals.map((a) => a.record),
  );
  const textOf = (s: AnnualTextSection) => {
    const row = texts.find((x) => x.section === s);
    return row
      ? {
          section: s,
          body: row.body,
          version: row.version,
          updatedByName: row.updatedByName,
          updatedAt: row.updatedAt.toISOString(),
        }
      : { section: s, body: '', version: 0, updatedByName: null, updatedAt: null };
  };

  const answered = requests.filter((q) => q.rows.includes('total'));
  const onTime = answered.filter((q) => q.answeredOnTime === true).length;
  const row = (k: string) => requestRows.find((r) => r.key === k)!.total;
  const reconsiderations = appealCounts.reconsideration.total;
  const lawsuits = appealCounts.litigation.total + appealCounts['litigation-after-reconsideration'].total;
  // sentences 一、总体情况 may take from the platform, each naming the cell it comes from
  const figures = [
    {
      text: `本年主动公开行政规范性文件${counted['normative:issued']}件，年末现行有效${counted['normative:in-force']}件。`,
      cell: 'proactive:normative:issued',
    },
    {
      text: `本年作出行政许可决定${counted['licensing:decisions']}件、行政处罚决定${counted['penalty:decisions']}件。`,
      cell: 'proactive:licensing:decisions',
    },
    {
      text: `本年新收政府信息公开申请${row('new')}件，上年结转${row('carried-in')}件，办结${row('total')}件（其中按期答复${onTime}件），结转下年度继续办理${row('carried-out')}件。`,
      cell: 'requests:new:total',
    },
    {
      text: `本年因政府信息公开被申请行政复议${reconsiderations}件、提起行政诉讼${lawsuits}件。`,
      cell: 'appeals:reconsideration:total',
    },
  ];

  return {
    year,
    texts: ANNUAL_TEXT_SECTIONS.map(textOf),
    figures,
    proactive,
    columns: DISCLOSURE_APPLICANT_TYPES.map((k) => ({ key: k, ...DISCLOSURE_APPLICANT_LABELS[k] })),
    rows: requestRows,
    appeals: APPEAL_KINDS.map((k) => ({
      kind: k,
      zh: APPEAL_KIND_LABELS[k].zh,
      en: APPEAL_KIND_LABELS[k].en,
      cells: appealCounts[k],
    })),
    appealColumns: APPEAL_COLUMNS.map((c) => ({
      key: c,
      ...(c === 'total' ? { zh: '总计', en: 'Total' } : APPEAL_RESULT_LABELS[c]),
    })),
  };
}
export type FullAnnualReport = Awaited<ReturnType<typeof fullAnnualReport>>;

const badCell = () =>
  new AppError('VALIDATION_FAILED', {
    errors: [{ path: 'cell', message: { zh: '报告中没有这个数字', en: 'no such cell in the report' } }],
  });

/**
 * The records behind one number of the report (`proactive:<row>:<measure>`,
 * `requests:<row>:<applicant type|total>`, `appeals:<kind>:<column>`): the same functions count
 * the cell and list it, so the two cannot disagree.
 */
export async function drillAnnualCell(db: Tx, year: number, cell: string): Promise<DrillItem[]> {
  const [part, key, col] = cell.split(':') as [string, string | undefined, string | undefined];
  if (part === 'proactive') {
    if (key === 'normative' && (col === 'issued' || col === 'repealed' || col === 'in-force'))
      return (await normativeDocs(db, year)).filter((d) => d.measures.includes(col)).map((d) => d.item);
    if (key === 'licensing' && col === 'decisions') return licensingDecisions(db, year);
    if (key === 'penalty' && col === 'decisions') return penaltyDecisions(db, year);
    throw badCell();
  }
  if (part === 'requests') {
    // row keys of table 三 carry their own colon (withhold:third-party): the column is the last part
    const parts = cell.split(':');
    const column = parts.at(-1)!;
    const rowKey = parts.slice(1, -1).join(':');
    const isColumn = column === 'total' || (DISCLOSURE_APPLICANT_TYPES as readonly string[]).includes(column);
    if (!isColumn || !ANNUAL_REPORT_ROWS.some((r) => r.key === rowKey)) throw badCell();
    return (await requestsOfYear(db, year))
      .filter((q) => q.rows.includes(rowKey) && (column === 'total' || q.record.applicantType === column))
      .map((q) => q.item);
  }
  if (part === 'appeals') {
    if (
      !(APPEAL_KINDS as readonly string[]).includes(key ?? '') ||
      !(APPEAL_COLUMNS as readonly string[]).includes(col ?? '')
    )
      throw badCell();
    return (await appealsOfYear(db, year))
      .filter((a) => {
        if (a.record.kind !== key) return false;
        const c = appealColumnOf(year, a.record);
        return c !== null && (col === 'total' || c === (col as AppealColumn));
      })
      .map((a) => a.item);
  }
  throw badCell();
}

// ---- the bureau's text (一、五、六) --------------------------------------------------------------

export async function saveAnnualText(db: Db, actor: Actor, section: AnnualTextSection, input: AnnualTextInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(disclosureAnnualTexts)
      .where(and(eq(disclosureAnnualTexts.year, input.year), eq(disclosureAnnualTexts.section, section)))
      .for('update');
    if ((before?.version ?? 0) !== input.version) throw new AppError('RECORD_CHANGED');
    const now = new Date();
    const values = {
      year: input.year,
      section,
      body: input.body,
      version: input.version + 1,
      updatedByName: actor.name,
      updatedAt: now,
    };
    // a first save of a section races another first save: the primary key refuses the second
    const [after] = before
      ? await tx
          .update(disclosureAnnualTexts)
          .set(values)
          .where(and(eq(disclosureAnnualTexts.year, input.year), eq(disclosureAnnualTexts.section, section)))
          .returning()
      : await tx.insert(disclosureAnnualTexts).values(values).onConflictDoNothing().returning();
    if (!after) throw new AppError('RECORD_CHANGED');
    await recordAudit(tx, actor, {
      action: 'disclosure.annual-text.save',
      entityType: 'disclosure-annual-text',
      entityId: `${input.year}:${section}`,
      before: before ? { section, body: before.body, version: before.version } : null,
      after: { section, body: after.body, version: after.version },
    });
    return after;
  });
}

// ---- reconsiderations and lawsuits (四) --------------------------------------------------------

const appealNotFound = () =>
  new AppError('RECORD_NOT_FOUND', {
    detail: { zh: '行政复议或行政诉讼记录不存在', en: 'No such reconsideration or lawsuit record' },
  });

export async function createAppeal(db: Db, actor: Actor, requestId: string, input: AppealInput) {
  return db.transaction(async (tx) => {
    const request = await getDisclosure(tx, requestId);
    // only an answer can be reconsidered or sued over — or a silence past the clock, which the
    // applicant may also challenge; a request not yet due cannot have either
    if (request.status !== 'answered' && !(request.dueDate && request.dueDate < input.filedOn)) {
      throw new AppError('DISCLOSURE_STATE_CONFLICT', {
        detail: {
          zh: '申请尚未答复且未超过答复期限，不能登记行政复议或行政诉讼',
          en: 'The request is neither answered nor past its due date',
        },
      });
    }
    const receivedOn = shanghaiDateOf(request.receivedAt);
    if (input.filedOn < receivedOn) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            path: 'filedOn',
            message: { zh: `不能早于申请收到日期 ${receivedOn}`, en: `cannot predate the request (${receivedOn})` },
          },
        ],
      });
    }
    const now = new Date();
    const [row] = await tx
      .insert(disclosureAppeals)
      .values({
        requestId,
        kind: input.kind,
        filedOn: input.filedOn,
        body: input.body,
        caseNo: input.caseNo ?? null,
        result: input.result,
        decidedOn: input.decidedOn,
        note: input.note ?? null,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'disclosure.appeal.create',
      entityType: 'disclosure-appeal',
      entityId: row!.id,
      after: row!,
    });
    return row!;
  });
}

export async function updateAppeal(db: Db, actor: Actor, id: string, input: AppealUpdateInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(disclosureAppeals).where(eq(disclosureAppeals.id, id)).for('update');
    if (!before) throw appealNotFound();
    if (before.version !== input.version) throw new AppError('RECORD_CHANGED');
    if (input.decidedOn && input.decidedOn < before.filedOn) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            path: 'decidedOn',
            message: { zh: '审结日期不能早于申请复议或起诉的日期', en: 'the decision cannot predate the filing' },
          },
        ],
      });
    }
    const [after] = await tx
      .update(disclosureAppeals)
      .set({
        result: input.result,
        decidedOn: input.decidedOn,
        ...(input.caseNo !== undefined ? { caseNo: input.caseNo || null } : {}),
        ...(input.note !== undefined ? { note: input.note || null } : {}),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(disclosureAppeals.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'disclosure.appeal.update',
      entityType: 'disclosure-appeal',
      entityId: id,
      before,
      after: after!,
    });
    return after!;
  });
}

export async function appealsOf(db: Tx, requestId: string): Promise<AppealRow[]> {
  await getDisclosure(db, requestId);
  return db
    .select()
    .from(disclosureAppeals)
    .where(eq(disclosureAppeals.requestId, requestId))
    .orderBy(asc(disclosureAppeals.filedOn), asc(disclosureAppeals.id))
    .limit(100);
}
