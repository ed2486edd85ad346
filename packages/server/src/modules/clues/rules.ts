import type { RuleDefault } from '../rules/defaults.ts';

export const CLUE_RULES: readonly RuleDefault[] = [
  {
    key: 'clues.match-radius-m',
    type: 'integer',
    labelZh: '线索就近匹配企业的最大距离（米）',
    labelEn: 'clues: farthest registered site matched to a clue (m)',
    value: 1000,
    source:
      '参照无人机、遥感巡查线索“就近落地到企业”的通行做法：超过该距离的线索不自动建议对应企业，由核查人员确认；本局默认值',
    sourceEn:
      'following the common practice of tying drone and remote-sensing patrol clues to the nearest enterprise: a clue farther away than this is not matched to a firm automatically, and the verifying officer decides; this bureau’s default',
  },
];
