import { todayInShanghai } from '@qingshan/core/calendar';
import { CREDIT_GRADE_LABELS, type CreditGrade } from '@qingshan/core/enterprise';
import { isOnline } from '@qingshan/core/monitoring';
import type { ConditionCheck, PositiveListCondition } from '@qingshan/core/positive-list';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { enterprises } from '../enterprises/tables.ts';
import { rowsOf } from '../figures/registry.ts';
import { permitStatusOf } from '../permits/service.ts';
import { permits } from '../permits/tables.ts';
import { petitions } from '../petitions/tables.ts';
import { reports } from '../reports/tables.ts';

type EnterpriseRow = typeof enterprises.$inferSelect;
type EvidenceRecord = ConditionCheck['records'][number];

/** The day the decision is taken on, and the start of its "last 2 years" look-back. */
export type CheckWindow = { on: string; since: Date };

/**
 * One named checker per condition, each reading the platform's own records. The modules that hold
 * those records (permits, site-inspections' cases, monitoring, credit, clues) are read by their
 * tables here, not imported as services, so the positive list stays below them in the module order.
 * "No source" is kept for what the records cannot settle: the officer confirms it, and the note is
 * kept beside the check.
 */
export type PositiveListChecker = {
  condition: PositiveListCondition;
  check(tx: Tx, enterprise: EnterpriseRow, w: CheckWindow): Promise<Omit<ConditionCheck, 'condition'>>;
};

/** A condition the platform holds no records for yet: never passed, always an officer's confirmation. */
function noSource(condition: PositiveListCondition, what: string): PositiveListChecker {
  return {
    condition,
    async check() {
      return { status: 'no-source', evidence: `${what}：尚无数据来源，需人工核实`, records: [] };
    },
  };
}

const permitsComplete: PositiveListChecker = {
  condition: 'permits-complete',
  async check(tx, e, { on }) {
    const rows = await tx.select().from(permits).where(eq(permits.enterpriseId, e.id));
    const records = rows.map((p) => ({
      type: 'permit',
      id: p.id,
      label: `${p.permitNumber ?? '排污登记'}${p.validTo ? `（有效期至 ${p.validTo}）` : ''}`,
    }));
    // the register tracks permits, it does not issue them: a firm with none here may hold one elsewhere
    if (!rows.length)
      return {
        status: 'no-source',
        evidence: '本平台未登记该企业的排污许可证或排污登记：需人工核实（依法无需办理的，写明依据）',
        records,
      };
    const s = await permitStatusOf(tx, e.id, on);
    return s.complete
      ? { status: 'passed', evidence: '排污许可证或排污登记在有效期内，无逾期未办的许可事项', records }
      : { status: 'failed', evidence: s.reasons.join('；'), records };
  },
};

const noPenalty: PositiveListChecker = {
  condition: 'no-penalty-2y',
  async check(tx, e, { on, since }) {
    const rows = await rowsOf<{
      id: string;
      decision_number: string;
      decided_on: string;
      penalty_amount: string | null;
    }>(
      tx,
      sql`select c.id::text as id, c.decision_number, c.decided_on::text as decided_on, c.penalty_amount::text as penalty_amount
        from enforcement_cases c
        where c.enterprise_id = ${e.id}::uuid and c.decided_on is not null
          and c.decided_on >= (${since.toISOString()}::timestamptz at time zone 'Asia/Shanghai')::date
          and c.decided_on <= ${on}::date
        order by c.decided_on desc`,
    );
    const records: EvidenceRecord[] = rows.map((r) => ({
      type: 'enforcement-case',
      id: r.id,
      label: `${r.decided_on} ${r.decision_number}${r.penalty_amount ? `，罚款 ${r.penalty_amount} 元` : ''}`,
    }));
    return rows.length
      ? {
          status: 'failed',
          evidence: `近两年有 ${rows.length} 项环境行政处罚决定：${records.map((r) => r.label).join('；')}`,
          records,
        }
      : { status: 'passed', evidence: '近两年平台执法案件中没有对该企业的行政处罚决定', records };
  },
};

const monitoringOnline: PositiveListChecker = {
  condition: 'monitoring-online',
  async check(tx, e, { on }) {
    const rows = await rowsOf<{ id: string; name: string; last_frame_at: string | null; rtd: number }>(
      tx,
      sql`select s.id::text as id, s.name, s.last_frame_at, s.rtd_interval_seconds as rtd
        from monitoring_stations s where s.enterprise_id = ${e.id}::uuid order by s.name`,
    );
    const records: EvidenceRecord[] = rows.map((s) => ({ type: 'monitoring-station', id: s.id, label: s.name }));
    if (!rows.length)
      return {
        status: 'no-source',
        evidence: '本平台未登记该企业的自动监控站点：需人工核实（依法无需安装的，写明依据）',
        records,
      };
    // whether a station was online is known only now: a decision on an earlier day is confirmed by hand
    const now = Date.now();
    if (on !== todayInShanghai())
      return {
        status: 'no-source',
        evidence: `已登记自动监控站点 ${rows.length} 个；${on} 当日的联网状态无记录，需人工核实`,
        records,
      };
    const offline = rows.filter(
      (s) => !isOnline(s.last_frame_at ? new Date(s.last_frame_at).getTime() : null, now, s.rtd),
    );
    return offline.length
      ? {
          status: 'failed',
          evidence: `自动监控站点未联网：${offline.map((s) => s.name).join('、')}（共 ${rows.length} 个站点）`,
          records,
        }
      : { status: 'passed', evidence: `已安装自动监控站点 ${rows.length} 个，均在线`, records };
  },
};

const creditNotYellowRed: PositiveListChecker = {
  condition: 'credit-not-yellow-red',
  async check(tx, e, { on }) {
    const [r] = await rowsOf<{ id: string; grade: CreditGrade; basis: string; rated_on: string }>(
      tx,
      sql`select c.id::text as id, c.grade, c.basis, c.rated_on::text as rated_on from credit_records c
        where c.enterprise_id = ${e.id}::uuid and c.rated_on <= ${on}::date
        order by c.rated_on desc, c.created_at desc limit 1`,
    );
    // a graded record with its basis first; an imported firm may carry only the register's grade
    const grade = (r?.grade ?? e.creditGrade) as CreditGrade | null;
    const records: EvidenceRecord[] = r
      ? [{ type: 'credit', id: r.id, label: `${r.rated_on} ${r.basis}`.slice(0, 120) }]
      : [{ type: 'enterprise', id: e.id, label: e.name }];
    if (!grade) return { status: 'no-source', evidence: '平台没有该企业的环境信用评价记录：需人工核实', records };
    const label = CREDIT_GRADE_LABELS[grade].zh;
    const evidence = r ? `${r.rated_on} 环境信用评价为${label}（${r.basis}）` : `企业登记中的环境信用等级为${label}`;
    return grade === 'yellow' || grade === 'red'
      ? { status: 'failed', evidence, records }
      : { status: 'passed', evidence, records };
  },
};

const noVerifiedComplaint: PositiveListChecker = {
  condition: 'no-verified-complaint',
  async check(tx, e, { since }) {
    // a 12369 report or a reception concern becomes a clue; its verification says whether it was true
    const clueRows = await rowsOf<{
      id: string;
      source: string;
      source_ref: string;
      outcome: string | null;
      label: string;
    }>(
      tx,
      sql`select c.id::text as id, c.source, c.source_ref, c.outcome,
          to_char(c.verified_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') || ' ' || left(c.description, 60) as label
        from clues c where c.enterprise_id = ${e.id}::uuid and c.source in ('report', 'reception')
          and c.created_at >= ${since.toISOString()}::timestamptz`,
    );
    const found = clueRows.filter((c) => c.outcome === 'problem-found' || c.outcome === 'rectification-ordered');
    if (found.length)
      return {
        status: 'failed',
        evidence: `近两年有 ${found.length} 件信访举报经核查属实：${found.map((c) => c.label).join('；')}`,
        records: found.map((c) => ({ type: 'clue', id: c.id, label: `核查属实 ${c.label}` })),
      };
    const cleared = new Set(clueRows.filter((c) => c.outcome === 'no-problem').map((c) => c.source_ref));
    const rs = (
      await tx
        .select({ id: reports.id, code: reports.code })
        .from(reports)
        .where(and(eq(reports.subjectEnterpriseId, e.id), gte(reports.receivedAt, since)))
    ).filter((r) => !cleared.has(r.id));
    // petitions carry no verification of their own
    const ps = await tx
      .select({ id: petitions.id, code: petitions.code })
      .from(petitions)
      .where(and(eq(petitions.enterpriseId, e.id), gte(petitions.receivedAt, since)));
    const records = [
      ...rs.map((r) => ({ type: 'report', id: r.id, label: `12369 举报 ${r.code}` })),
      ...ps.map((p) => ({ type: 'petition', id: p.id, label: `信访件 ${p.code}` })),
    ];
    if (!records.length)
      return {
        status: 'passed',
        evidence: cleared.size
          ? `近两年指向该企业的 ${cleared.size} 件举报经核查均不属实，没有其他 12369 举报或信访件`
          : '近两年平台内没有指向该企业的 12369 举报或信访件',
        records,
      };
    return {
      status: 'no-source',
      evidence: `近两年有 ${rs.length} 件 12369 举报（未经线索核查）、${ps.length} 件信访指向该企业：需人工核实是否查实`,
      records,
    };
  },
};

export const POSITIVE_LIST_CHECKERS: readonly PositiveListChecker[] = [
  permitsComplete,
  noPenalty,
  // incidents are not yet kept by the platform
  noSource('no-incident-2y', '突发环境事件记录'),
  monitoringOnline,
  creditNotYellowRed,
  noVerifiedComplaint,
];
