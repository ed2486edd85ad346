import type { TFunction } from 'i18next';
import type { ConditionCheck, Proposal } from './api.ts';

/**
 * A decided proposal in words: its state, the reason given and, when named, who decided
 * ("驳回：…（张三）", "Rejected: … (张三)").
 */
export function proposalOutcome(
  t: TFunction,
  p: Pick<Proposal, 'status' | 'decisionReason'>,
  decidedBy?: string | null,
): string {
  const state = t(`positiveList.proposalStates.${p.status}`);
  const said = p.decisionReason ? t('common.labelled', { label: state, value: p.decisionReason }) : state;
  return decidedBy ? t('common.parenthetical', { text: said, note: decidedBy }) : said;
}

export const CHECK_STATUS_COLORS: Record<ConditionCheck['status'], string> = {
  passed: 'green',
  failed: 'red',
  'no-source': 'orange',
};
