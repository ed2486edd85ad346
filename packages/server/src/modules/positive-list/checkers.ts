import { shanghaiDateOf } from '@qingshan/core';
import { CREDIT_GRADE_LABELS, type CreditGrade } from '@qingshan/core/enterprise';
import { INCIDENT_LEVEL_LABELS, type IncidentLevel } from '@qingshan/core/incidents';
import type { ConditionCheck, PositiveListCondition } from '@qingshan/core/positive-list';
import { and, desc, eq, gte } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { enterprises } from '../enterprises/tables.ts';
import { incidents } from '../incidents/tables.ts';
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
  {
    // the window starts at the day two years before the decision (Asia/Shanghai), that day included
    condition: 'no-incident-2y',
    async check(tx, e, since) {
      const rows = await tx
        .select({ id: incidents.id, title: incidents.title, level: incidents.level, at: incidents.occurredAt })
        .from(incidents)
        .where(and(eq(incidents.enterpriseId, e.id), gte(incidents.occurredAt, since)))
        .orderBy(desc(incidents.occurredAt));
      const day = (d: Date) => shanghaiDateOf(d);
      const records = rows.map((r) => ({
        type: 'incident',
        id: r.id,
        label: `${day(r.at)} ${INCIDENT_LEVEL_LABELS[r.level as IncidentLevel]?.zh ?? r.level}：${r.title}`,
      }));
      return rows.length
        ? { status: 'failed', evidence: `${day(since)} 以来平台登记了 ${rows.length} 起该企业的突发环境事件`, records }
        : { status: 'passed', evidence: `${day(since)} 以来平台未登记该企业的突发环境事件`, records };
    },
  },
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
