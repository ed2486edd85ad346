import type { RuleDefault } from '../rules/defaults.ts';

/** The rule defaults this module reads (rules.md), each with its source. */
export const RATINGS_RULES: readonly RuleDefault[] = [
  {
    key: 'rating.window-days',
    type: 'integer',
    labelZh: '服务办结后可评价的天数',
    labelEn: 'ratings: days after the service ends during which it can be rated',
    note: '国办发〔2019〕51号要求"一次一评""一事一评"但未规定评价期限；GB/T 39734-2020 有评价时效规则，其数值尚未核对录入。30 日为本局暂定默认值，不是法定期限',
    noteEn:
      '国办发〔2019〕51号 asks for "one rating per service" and "one rating per matter" but sets no period for rating; GB/T 39734-2020 has rules on how long a rating stays open, whose figures have not yet been checked and entered. 30 days is this bureau’s provisional default, not a statutory period',
    value: 30,
    source: '本局默认（国办发〔2019〕51号未规定评价期限）：服务办结后 30 日内可评价',
    sourceEn:
      'this bureau’s default (国办发〔2019〕51号 sets no period for rating): a service can be rated within 30 days of its end',
  },
];
