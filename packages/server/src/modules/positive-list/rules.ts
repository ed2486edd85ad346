import type { RuleDefault } from '../rules/defaults.ts';

export const POSITIVE_LIST_RULES: readonly RuleDefault[] = [
  {
    key: 'positive-list.validity-years',
    type: 'integer',
    labelZh: '正面清单有效期（年）',
    labelEn: 'positive list: validity in years',
    value: 3,
    source:
      '参照《关于加强生态环境监督执法正面清单管理推动差异化执法监管的指导意见》（环办执法〔2021〕10号）及广州市 2022 年正面清单做法：有效期 3 年',
    sourceEn:
      'following the Guiding Opinions on Strengthening the Management of the Positive List for Ecological and Environmental Supervision and Enforcement and Promoting Differentiated Enforcement and Supervision (环办执法〔2021〕10号) and Guangzhou’s 2022 positive-list practice: valid for 3 years',
  },
];
