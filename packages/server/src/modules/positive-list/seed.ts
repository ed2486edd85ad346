import {
  judgeDecision,
  listingValidUntil,
  POSITIVE_LIST_CONDITIONS,
  type PositiveListCategory,
} from '@qingshan/core/positive-list';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { seedPositiveListThisYear } from './seed-this-year.ts';
import { checkConditions } from './service.ts';
import { positiveListEntries, positiveListRemovalProposals } from './tables.ts';

const OFFICER: Actor = { id: null, name: '执法·李强', roles: ['inspector'], ip: null };
const DECIDED_ON = '2020-05-20';

// Shangli's 2020 list, decided after MEE's April 2020 notice: epidemic-supply and livelihood
// producers first, the wastewater plant under Jiangxi's added category.
const LIST: { name: string; category: PositiveListCategory; reason: string }[] = [
  { name: '上栗县医用口罩生产有限公司', category: 'livelihood-supply', reason: '疫情防控物资（医用口罩）生产企业' },
  {
    name: '上栗县污水处理有限公司',
    category: 'medical-waste-wastewater',
    reason: '县城生活污水集中处理，江西省增补类别',
  },
  { name: '上栗县上栗镇米业有限公司', category: 'livelihood-supply', reason: '粮食加工，保障民生' },
  { name: '上栗县金山酱菜食品厂', category: 'livelihood-supply', reason: '食品加工，保障民生' },
  { name: '上栗县彭高生猪养殖专业合作社', category: 'livelihood-supply', reason: '生猪保供' },
  { name: '上栗县福田电子元件有限公司', category: 'low-emission-employment', reason: '污染排放小，吸纳就业 300 余人' },
  { name: '上栗县金花烟花制造有限公司', category: 'key-field', reason: '花炮重点行业，环境管理规范，环保绩效水平高' },
];

const CONFIRMATION = '2020 年 5 月现场核验：许可证正本、处罚与事件台账、在线监控联网截图、信用评价结果均已查看';

/** The 2020 positive list of Shangli firms; one firm removed later in 2020 on a verified complaint. */
export async function seedPositiveList(db: Db, ctx: SeedContext): Promise<void> {
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(
      inArray(
        enterprises.name,
        LIST.map((l) => l.name),
      ),
    );
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  const confirmations = Object.fromEntries(POSITIVE_LIST_CONDITIONS.map((c) => [c, CONFIRMATION]));
  let listed = 0;
  for (const l of LIST) {
    const enterpriseId = byName.get(l.name);
    if (!enterpriseId) continue;
    const checks = await checkConditions(db, enterpriseId, DECIDED_ON);
    const verdict = judgeDecision(checks, confirmations);
    // a demo firm whose register says yellow/red credit is not listed: the seed obeys the rule too
    if (!verdict.ok) continue;
    const [row] = await db
      .insert(positiveListEntries)
      .values({
        enterpriseId,
        category: l.category,
        decidedOn: DECIDED_ON,
        validUntil: listingValidUntil(DECIDED_ON, 3),
        checks: verdict.checks,
        reason: l.reason,
        decidedByName: OFFICER.name,
        createdAt: new Date(`${DECIDED_ON}T10:00:00+08:00`),
      })
      .returning();
    await recordAudit(db, OFFICER, {
      action: 'positive-list.list',
      entityType: 'positive-list-entry',
      entityId: row!.id,
      after: { enterpriseId, category: l.category, validUntil: row!.validUntil, reason: l.reason },
    });
    listed++;
    if (l.name === '上栗县金山酱菜食品厂') {
      const removedAt = new Date('2020-11-16T15:00:00+08:00');
      const reason = '2020 年 10 月群众举报腌制废水直排，经现场核查属实，移出正面清单';
      await db.insert(positiveListRemovalProposals).values({
        entryId: row!.id,
        trigger: 'verified-complaint',
        sourceType: 'report',
        sourceId: 'R2020-1012',
        summary: '12369 举报：腌制废水经雨水沟外排，现场核查属实',
        status: 'accepted',
        decisionReason: reason,
        decidedByName: OFFICER.name,
        decidedAt: removedAt,
        createdAt: new Date('2020-11-10T09:00:00+08:00'),
      });
      await db
        .update(positiveListEntries)
        .set({ status: 'removed', removedAt, removalReason: reason, removedByName: OFFICER.name })
        .where(eq(positiveListEntries.id, row!.id));
      await recordAudit(db, OFFICER, {
        action: 'positive-list.remove',
        entityType: 'positive-list-entry',
        entityId: row!.id,
        after: { status: 'removed', reason },
      });
    }
  }
  ctx.print(`正面清单：2020 年列入 ${listed} 家`);
  await seedPositiveListThisYear(db, ctx);
}
