import { PUBLICATION_CLOCK } from '@qingshan/core/inspection-draws';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { RuleDefault } from '../rules/defaults.ts';
import { rules, ruleVersions } from '../rules/tables.ts';

const JIANGXI = '江西省生态环境"双随机、一公开"监管分类做法（江西日报报道）';
const JIANGXI_EN =
  'Jiangxi’s classified supervision practice for ecology and environment random inspections ("double random, one public"), as reported by Jiangxi Daily';

export const INSPECTIONS_RULES: readonly RuleDefault[] = [
  {
    key: 'inspections.ratio-a-per-quarter',
    type: 'ratio',
    labelZh: 'A 类对象每季度抽查比例（县级）',
    labelEn: 'class a: share inspected per quarter (county)',
    value: 0.25,
    source: `${JIANGXI}：县级每季度抽查 A 类不少于 25%`,
    sourceEn: `${JIANGXI_EN}: a county inspects at least 25% of class A each quarter`,
  },
  {
    key: 'inspections.ratio-b-per-year',
    type: 'ratio',
    labelZh: 'B 类对象每年抽查比例（县级）',
    labelEn: 'class b: share inspected per year (county)',
    value: 0.5,
    source: `${JIANGXI}：县级每年抽查 B 类不少于 50%`,
    sourceEn: `${JIANGXI_EN}: a county inspects at least 50% of class B each year`,
  },
  {
    key: 'inspections.ratio-c-per-year',
    type: 'ratio',
    labelZh: 'C 类对象每年抽查比例（县级）',
    labelEn: 'class c: share inspected per year (county)',
    value: 0.2,
    source: `${JIANGXI}：C 类按执法人员与企业 1:5 或 20% 的比例抽查`,
    sourceEn: `${JIANGXI_EN}: class C is inspected at a ratio of 1 inspector to 5 firms, or 20%`,
  },
  {
    key: 'inspections.ratio-special-per-quarter',
    type: 'ratio',
    labelZh: '特殊监管对象每季度抽查比例',
    labelEn: 'special sources: share inspected per quarter',
    value: 1,
    source: '参照福州市做法：特殊污染源（上年受处罚、信用不良、查实投诉 3 次以上等）每季度 100% 抽查',
    sourceEn:
      'following the practice of Fuzhou: special pollution sources (penalised the year before, poor credit, 3 or more substantiated complaints and the like) are all inspected every quarter',
  },
  {
    key: 'inspections.inspectors-per-target',
    type: 'integer',
    labelZh: '每个检查对象的执法人员数',
    labelEn: 'inspectors per drawn firm',
    value: 2,
    source: '《中华人民共和国行政处罚法》第四十二条：执法人员不得少于两人',
    sourceEn: 'Administrative Penalty Law, Art. 42: no fewer than two enforcement officers',
  },
  {
    key: 'inspections.avoid-own-town',
    type: 'integer',
    labelZh: '执法人员回避本人居住乡镇（1 回避，0 不回避）',
    labelEn: 'inspectors avoid their own town (1 yes, 0 no)',
    value: 1,
    source: '本平台默认值（非法规规定）：回避本乡镇以减少人情干扰，本局可调整',
    sourceEn:
      'the platform’s default (not set by law): inspectors stay out of the town they live in, to reduce personal influence; this bureau may change it',
  },
  {
    key: 'inspections.listed-weight',
    type: 'ratio',
    labelZh: '正面清单企业的抽取权重（其他企业为 1）',
    labelEn: 'draw weight of positive-list firms (others 1)',
    value: 0.5,
    source: '环办执法〔2021〕10号：正面清单企业仍纳入"双随机"，适当降低抽查比例；0.5 为本平台默认值',
    sourceEn:
      '环办执法〔2021〕10号: firms on the positive list stay in the random draw, at a suitably lower inspection ratio; 0.5 is the platform’s default',
  },
];

export const RATIO_RULE_KEYS = {
  a: 'inspections.ratio-a-per-quarter',
  b: 'inspections.ratio-b-per-year',
  c: 'inspections.ratio-c-per-year',
  special: 'inspections.ratio-special-per-quarter',
} as const;

/**
 * The results' time limit used to be a plain number of working days; it is now the publication
 * clock's profile. An install from before keeps its versions (an admin's 15 stays 15), reshaped.
 */
export async function upgradePublicationRule(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [old] = await tx
      .update(rules)
      .set({ type: 'clock-profile', updatedAt: new Date() })
      .where(and(eq(rules.key, PUBLICATION_CLOCK), eq(rules.type, 'integer')))
      .returning({ key: rules.key });
    if (!old) return;
    await tx
      .update(ruleVersions)
      .set({
        value: sql`jsonb_build_object('length', ${ruleVersions.value}, 'unit', 'working', 'warnBefore', 3, 'direction', 'after-start')`,
      })
      .where(eq(ruleVersions.ruleKey, PUBLICATION_CLOCK));
  });
}
