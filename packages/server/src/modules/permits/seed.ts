import { addCalendarDays, todayInShanghai } from '@qingshan/core';
import { addYears, defaultValidTo } from '@qingshan/core/permits';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { countyEnterprises, demoStaff, demoUserWithRole } from '../../seed/demo-data.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';
import { createPermit } from './service.ts';
import { permitObligations } from './tables.ts';

/**
 * Current permits, dated from today: the demo enterprise (qiye1) holds a key-management permit
 * expiring in 45 days whose renewal is overdue (apply ≥ 60 days before expiry) and an annual
 * execution report coming due; others show each class and an application still at the platform.
 */
export async function seedPermits(db: Db, ctx: SeedContext): Promise<void> {
  const today = todayInShanghai();
  const clerk = await demoUserWithRole(db, 'clerk');
  const actor = (clerk && (await demoStaff(db, (await usernameOf(db, clerk.id)) ?? '', 'clerk'))) ?? SYSTEM_ACTOR;
  const officer = { officerUserId: clerk?.id ?? null, officerName: clerk?.name ?? '许可帮办窗口' };
  const all = await countyEnterprises(db);
  const [demoEnt] = await db
    .select({ id: enterprises.id, uscc: enterprises.uscc })
    .from(users)
    .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(eq(users.username, 'qiye1'));
  const uscc = async (id: string) =>
    (await db.select({ uscc: enterprises.uscc }).from(enterprises).where(eq(enterprises.id, id)))[0]!.uscc;
  const pick = (prefix: string, skip: string[] = []) =>
    all.find((e) => e.industry.startsWith(prefix) && !skip.includes(e.id) && e.id !== demoEnt?.id);

  let n = 0;
  if (demoEnt) {
    const validTo = addCalendarDays(today, 45);
    const validFrom = addCalendarDays(addYears(validTo, -5), 1);
    const p = await createPermit(
      db,
      actor,
      {
        enterpriseId: demoEnt.id,
        permitClass: 'key',
        pwItem: '51',
        status: 'valid',
        permitNumber: `${demoEnt.uscc}001P`,
        issuedBy: '萍乡市生态环境局',
        issuedOn: addCalendarDays(validFrom, -3),
        validFrom,
        validTo,
        ...officer,
        note: '列入重点排污单位名录，工业炉窑（第110项）按重点管理',
      },
      today,
    );
    // the last quarterly report, filed on time, as the platform's receipt shows
    const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
    const year = q === 0 ? Number(today.slice(0, 4)) - 1 : Number(today.slice(0, 4));
    const quarter = q === 0 ? 3 : q;
    if (quarter < 4) {
      const end = addCalendarDays(`${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`, -1);
      await db
        .insert(permitObligations)
        .values({
          permitId: p.id,
          enterpriseId: demoEnt.id,
          kind: 'report-quarterly',
          period: `${year}-Q${quarter}`,
          windowStart: end,
          dueDate: addCalendarDays(end, 15),
          status: 'submitted',
          submittedOn: addCalendarDays(end, 9),
          reference: `ZXBG-${year}Q${quarter}-0137`,
          submittedByName: '刘建国',
        })
        .onConflictDoNothing();
    }
    n++;
  }

  const specs = [
    { prefix: '2672', cls: 'registration', item: '51', from: '2022-03-15', status: 'valid' },
    { prefix: '307', cls: 'simplified', item: '68', from: addCalendarDays(today, -700), status: 'valid' },
    { prefix: '031', cls: 'key', item: '1', from: addCalendarDays(today, -1600), status: 'valid' },
    { prefix: '303', cls: 'simplified', item: '64', from: null, status: 'applying' },
  ] as const;
  const used: string[] = [];
  for (const s of specs) {
    const e = pick(s.prefix, used);
    if (!e) continue;
    used.push(e.id);
    const code = await uscc(e.id);
    await createPermit(
      db,
      actor,
      {
        enterpriseId: e.id,
        permitClass: s.cls,
        pwItem: s.item,
        status: s.status,
        permitNumber: s.status === 'valid' ? `${code}${s.cls === 'registration' ? '001W' : '001V'}` : null,
        platformRef: s.status === 'applying' ? `PW-360322-${today.slice(0, 4)}-0${used.length}58` : null,
        issuedBy: '萍乡市生态环境局',
        issuedOn: s.from,
        validFrom: s.from,
        validTo: s.from ? defaultValidTo(s.from) : null,
        ...officer,
      },
      today,
    );
    n++;
  }
  ctx.print(`排污许可：${n} 张（其中 1 张 45 天后到期）/ discharge permits`);
}

async function usernameOf(db: Db, id: string): Promise<string | undefined> {
  return (await db.select({ u: users.username }).from(users).where(eq(users.id, id)))[0]?.u;
}
