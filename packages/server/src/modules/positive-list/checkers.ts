import { CREDIT_GRADE_LABELS, type CreditGrade } from '@qingshan/core/enterprise';
import type { ConditionCheck, PositiveListCondition } from '@qingshan/core/positive-list';
import { and, eq, gte } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { enterprises } from '../enterprises/tables.ts';
import { petitions } from '../petitions/tables.ts';
import { reports } from '../reports/tables.ts';

type EnterpriseRow = typeof enterprises.$inferSelect;

/**
 * One named checker per condition, each reading the platform's own records. The list is the plug:
 * when the permits, monitoring, penalty/case or credit modules land, their checker replaces the
 * "no source" one here, and every decision after that carries their evidence.
 */
export type PositiveListChecker = {
  condition: PositiveListCondition;
  check(tx: Tx, enterprise: EnterpriseRow, since: Date): Promise<Omit<ConditionCheck, 'condition'>>;
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

export const POSITIVE_LIST_CHECKERS: readonly PositiveListChecker[] = [
  noSource('permits-complete', '环评审批、排污许可记录'),
  noSource('no-penalty-2y', '环境行政处罚记录'),
  noSource('no-incident-2y', '突发环境事件记录'),
  noSource('monitoring-online', '自动监控安装与联网记录'),
  {
    // the register holds the grade until a credit module keeps graded records with their basis
    condition: 'credit-not-yellow-red',
    async check(_tx, e) {
      const grade = e.creditGrade as CreditGrade | null;
      const records = [{ type: 'enterprise', id: e.id, label: e.name }];
      if (!grade)
        return { status: 'no-source', evidence: '企业登记中未录入环境信用等级：尚无数据来源，需人工核实', records };
      const label = CREDIT_GRADE_LABELS[grade].zh;
      return grade === 'yellow' || grade === 'red'
        ? { status: 'failed', evidence: `企业登记中的环境信用等级为${label}`, records }
        : { status: 'passed', evidence: `企业登记中的环境信用等级为${label}`, records };
    },
  },
  {
    // 12369 reports and petitions name the firm; neither records whether it was verified (查实)
    condition: 'no-verified-complaint',
    async check(tx, e, since) {
      const rs = await tx
        .select({ id: reports.id, code: reports.code, title: reports.title })
        .from(reports)
        .where(and(eq(reports.subjectEnterpriseId, e.id), gte(reports.receivedAt, since)));
      const ps = await tx
        .select({ id: petitions.id, code: petitions.code })
        .from(petitions)
        .where(and(eq(petitions.enterpriseId, e.id), gte(petitions.receivedAt, since)));
      const records = [
        ...rs.map((r) => ({ type: 'report', id: r.id, label: `12369 举报 ${r.code}` })),
        ...ps.map((p) => ({ type: 'petition', id: p.id, label: `信访件 ${p.code}` })),
      ];
      if (!records.length)
        return { status: 'passed', evidence: '近两年平台内没有指向该企业的 12369 举报或信访件', records };
      return {
        status: 'no-source',
        evidence: `近两年有 ${rs.length} 件 12369 举报、${ps.length} 件信访指向该企业；平台未记录是否查实，需人工核实`,
        records,
      };
    },
  },
];
