import { isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
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
  ctx.print(`credit: ${rows.length} credit evaluations (2025) from the register's grades`);
}
