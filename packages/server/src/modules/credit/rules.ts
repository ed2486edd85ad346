import type { RuleDefault } from '../rules/defaults.ts';

const PRACTICE =
  '参照福州市“特殊污染源”做法（上年受处罚、≥3 次属实投诉、信用警示/不良的企业每季度 100% 抽查）与《企业环境信用评价办法（试行）》（环发〔2013〕150号）；各项权重为本局默认值';
const PRACTICE_EN =
  'following Fuzhou’s "special pollution sources" practice (firms penalised the year before, with 3 or more substantiated complaints, or with a warning or poor credit rating, are all inspected every quarter) and the Measures for Enterprise Environmental Credit Evaluation (Trial) (环发〔2013〕150号); the weights are this bureau’s defaults';

const weight = (key: string, zh: string, en: string, value: number): RuleDefault => ({
  key,
  type: 'integer',
  labelZh: `风险评分权重：${zh}`,
  labelEn: `risk weight: ${en}`,
  value,
  source: PRACTICE,
  sourceEn: PRACTICE_EN,
});

export const CREDIT_RULES: readonly RuleDefault[] = [
  weight('risk.weight.alarms', '每次确认的报警', 'per confirmed alarm', 5),
  weight('risk.weight.complaints', '每件 12369 举报', 'per 12369 report', 10),
  weight('risk.weight.findings', '每条核查属实的线索', 'per clue verified as a problem', 15),
  weight('risk.weight.inspection-findings', '每个检查发现的问题', 'per problem found by an inspection', 15),
  weight('risk.weight.penalties', '每次行政处罚', 'per penalty', 30),
  weight('risk.weight.incidents', '每起突发环境事件', 'per environmental incident', 30),
  weight('risk.weight.credit-green', '绿牌', 'green credit', -10),
  weight('risk.weight.credit-blue', '蓝牌', 'blue credit', 0),
  weight('risk.weight.credit-yellow', '黄牌', 'yellow credit', 20),
  weight('risk.weight.credit-red', '红牌', 'red credit', 40),
  weight('risk.weight.positive-list', '在正面清单内', 'on the positive list', -15),
  {
    key: 'risk.watch-threshold',
    type: 'integer',
    labelZh: '重点关注名单的风险分下限',
    labelEn: 'risk score from which a firm is on the watch list',
    value: 30,
    source: PRACTICE,
    sourceEn: PRACTICE_EN,
  },
  {
    key: 'risk.draw-step',
    type: 'integer',
    labelZh: '双随机抽取：每多少风险分加 1 倍权重',
    labelEn: 'draw: one more weight per this many risk points',
    value: 20,
    source: PRACTICE,
    sourceEn: PRACTICE_EN,
  },
];
