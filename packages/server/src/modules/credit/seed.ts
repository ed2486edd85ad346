import { todayInShanghai } from '@qingshan/core';
import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { clues } from '../clues/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { recordCredit } from './service.ts';
import { creditRecords } from './tables.ts';

const OFFICER: Actor = { id: null, name: '法规科·周敏', roles: ['leader'], ip: null };

/** The demo register's grades as the 2025 evaluation they came from, so each grade has a record and a basis. */
export async function seedCredit(db: Db, ctx: SeedContext): Promise<void> {
  const graded = await db
    .select({ id: enterprises.id, grade: enterprises.creditGrade })
    .from(enterprises)
    .where(isNotNull(enterprises.creditGrade));
  if (!graded.length) return;
  const rows = await db
    .insert(creditRecords)
    .values(
      graded.map((e) => ({
        enterpriseId: e.id,
        grade: e.grade!,
        basis: '演示数据：2025 年度企业环境信用评价结果（按《企业环境信用评价办法（试行）》环发〔2013〕150号 评定）',
        ratedOn: '2026-03-31',
        validUntil: '2027-03-31',
        recordedByName: OFFICER.name,
      })),
    )
    .returning({ id: creditRecords.id });
  await recordAudit(db, OFFICER, {
    action: 'credit.record',
    entityType: 'credit-record',
    entityId: rows[0]!.id,
    after: { records: rows.length, ratedOn: '2026-03-31' },
  });
  // a firm whose patrol finding was verified is re-rated, so the watch list has its demo entry
  const found = await db
    .selectDistinct({ id: clues.enterpriseId })
    .from(clues)
    .where(and(isNotNull(clues.enterpriseId), inArray(clues.outcome, ['problem-found', 'rectification-ordered'])));
  for (const f of found)
    await recordCredit(db, OFFICER, {
      enterpriseId: f.id!,
      grade: 'yellow',
      basis: '演示数据：无人机巡查发现的环境问题经核查属实，动态调整为环保警示企业（黄牌）',
      ratedOn: todayInShanghai(),
    });
  ctx.print(`环境信用：2025 年信用评价 ${rows.length} 条，其中 ${found.length} 家重新评定 / credit evaluations`);
}
