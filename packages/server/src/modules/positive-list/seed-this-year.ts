import { addCalendarDays, todayInShanghai } from '@qingshan/core';
import {
  judgeDecision,
  listingValidUntil,
  POSITIVE_LIST_CONDITIONS,
  type PositiveListCategory,
} from '@qingshan/core/positive-list';
import { and, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, type DemoRandom, daysOfThisYearSoFar, demoRandom, THIS_YEAR_STREAMS } from '../../seed/demo-data.ts';
import { alarms } from '../alarms/tables.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { getCalendar } from '../calendar/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { getRuleNumber } from '../rules/service.ts';
import { users } from '../users/tables.ts';
import { checkConditions } from './service.ts';
import { positiveListEntries } from './tables.ts';

type Firm = typeof enterprises.$inferSelect;

// The category a firm's register suggests, with the reasons an officer would write (rules.md §3).
function categoryOf(e: Firm, r: DemoRandom): { category: PositiveListCategory; reason: string } | null {
  const i = e.industryCode;
  if (i.startsWith('03'))
    return {
      category: 'livelihood-supply',
      reason: r.pick([
        '规模养殖场，承担全县生猪、禽蛋保供任务，粪污资源化利用设施配套',
        '畜禽保供企业，粪污全量收集还田，近两年无环境违法记录',
      ]),
    };
  if (i.startsWith('13') || i.startsWith('14'))
    return {
      category: 'livelihood-supply',
      reason: r.pick(['粮油食品加工，保障民生供应', '农副食品加工企业，废水经预处理后纳管，保障民生']),
    };
  if (e.tags.includes('major-project')) return { category: 'major-project', reason: '列入萍乡市重点建设项目' };
  if (e.tags.includes('high-employment') || i === '2231' || i.startsWith('39'))
    return {
      category: 'low-emission-employment',
      reason: r.pick(['污染排放小，吸纳本地就业 100 余人', '污染物排放量小，带动周边村民就业']),
    };
  if ((i === '2672' || i.startsWith('30')) && (e.creditGrade === 'green' || e.creditGrade === 'blue'))
    return {
      category: 'key-field',
      reason: r.pick(['重点行业企业，环境管理规范，治污设施运行稳定', '行业内环保绩效水平较高，环境信用评价良好']),
    };
  return null;
}

/**
 * This year's positive-list decisions: firms listed one by one as they qualify through the year,
 * about one a month, at most 10 (the public list shows 20 a page, newest first: the 2020 list
 * stays on its first page). Each decision keeps the evidence snapshot the checks took on its day,
 * with the officer's confirmation of what had no source, like the 2020 list. Not listed: the 2020
 * list's firms (their expired listings stand as history), the demo enterprise accounts' firms,
 * firms with yellow or red credit, an alarm, or a 12369 report or petition in the last two years.
 */
export async function seedPositiveListThisYear(db: Db, ctx: SeedContext): Promise<void> {
  const today = todayInShanghai();
  const calendar = await getCalendar(db);
  const workdays = daysOfThisYearSoFar(today).filter((d) => calendar.isWorkingDay(d));
  if (!workdays.length) return;
  const r = demoRandom(THIS_YEAR_STREAMS.positiveList);
  const [inspectorUser] = await db.select().from(users).where(eq(users.username, 'inspector'));
  const officer: Actor = {
    id: inspectorUser?.id ?? null,
    name: inspectorUser?.displayName ?? '执法·李强',
    roles: ['inspector'],
    ip: null,
  };
  const demoUsernames = ctx.accounts.filter((a) => a.role === 'enterprise').map((a) => a.username);
  const demoFirms = new Set(
    demoUsernames.length
      ? (
          await db
            .select({ id: users.enterpriseId })
            .from(users)
            .where(and(inArray(users.username, demoUsernames), isNotNull(users.enterpriseId)))
        ).map((u) => u.id)
      : [],
  );
  const everListed = new Set(
    (await db.select({ id: positiveListEntries.enterpriseId }).from(positiveListEntries)).map((l) => l.id),
  );
  const firms = r.shuffle(
    (await db.select().from(enterprises).where(eq(enterprises.status, 'operating')).orderBy(enterprises.uscc)).filter(
      (e) => !demoFirms.has(e.id) && !everListed.has(e.id) && e.creditGrade !== 'yellow' && e.creditGrade !== 'red',
    ),
  );
  const years = await getRuleNumber(db, 'positive-list.validity-years');
  const wanted = Math.min(10, Math.max(1, Math.round(workdays.length / 22)));
  const confirmations = (day: string) => {
    const note = `${day.slice(0, 4)} 年 ${Number(day.slice(5, 7))} 月现场核验：许可证正本、处罚与事件台账、在线监控联网截图、信用评价结果均已查看`;
    return Object.fromEntries(POSITIVE_LIST_CONDITIONS.map((c) => [c, note]));
  };
  let listed = 0;
  for (const e of firms) {
    if (listed >= wanted) break;
    const kind = categoryOf(e, r);
    if (!kind) continue;
    // the decisions spread over the year so far, one every few weeks
    const slot = Math.floor(((listed + 0.25 + r.next() * 0.5) * workdays.length) / wanted);
    const day = workdays[Math.min(slot, workdays.length - 1)]!;
    const since = at(addCalendarDays(day, -730), '00:00');
    const [alarm] = await db
      .select({ id: alarms.id })
      .from(alarms)
      .where(and(eq(alarms.enterpriseId, e.id), gte(alarms.raisedAt, since)))
      .limit(1);
    if (alarm) continue;
    const checks = await checkConditions(db, e.id, day);
    // a report or petition not yet verified would be the officer's call: the demo lists clean firms
    if (checks.some((c) => c.condition === 'no-verified-complaint' && c.status !== 'passed')) continue;
    const verdict = judgeDecision(checks, confirmations(day));
    if (!verdict.ok) continue;
    const decidedAt = at(day, r.pick(['10:00', '11:00', '15:00', '16:00']));
    const [row] = await db
      .insert(positiveListEntries)
      .values({
        enterpriseId: e.id,
        category: kind.category,
        decidedOn: day,
        validUntil: listingValidUntil(day, years),
        checks: verdict.checks,
        reason: kind.reason,
        decidedBy: officer.id,
        decidedByName: officer.name,
        createdAt: decidedAt,
      })
      .returning();
    await recordAudit(db, officer, {
      action: 'positive-list.list',
      entityType: 'positive-list-entry',
      entityId: row!.id,
      after: {
        enterpriseId: e.id,
        category: kind.category,
        validUntil: row!.validUntil,
        checks: verdict.checks,
        reason: kind.reason,
      },
    });
    listed++;
  }
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(positiveListEntries)
    .where(gte(positiveListEntries.decidedOn, `${today.slice(0, 4)}-01-01`));
  ctx.print(`正面清单：${today.slice(0, 4)} 年列入 ${n?.n ?? listed} 家`);
}
