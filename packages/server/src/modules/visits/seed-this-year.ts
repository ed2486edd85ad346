import { addCalendarDays, todayInShanghai, type VisitPurpose, type WorkingCalendar } from '@qingshan/core';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import {
  at,
  type CountyEnterprise,
  countyEnterprises,
  type DemoRandom,
  daysOfThisYearSoFar,
  demoRandom,
  demoUserWithRole,
  THIS_YEAR_STREAMS,
} from '../../seed/demo-data.ts';
import { getCalendar } from '../calendar/service.ts';
import { users } from '../users/tables.ts';
import { campaigns, visitEnterprises, visitFollowUps, visits } from './tables.ts';

type Sector = 'fireworks' | 'building' | 'livestock' | 'other';

const sectorOf = (industry: string): Sector =>
  industry === '2672' || industry === '2231'
    ? 'fireworks'
    : industry.startsWith('30') || industry.startsWith('10')
      ? 'building'
      : industry.startsWith('03')
        ? 'livestock'
        : 'other';

const PURPOSES: Record<Sector, VisitPurpose[]> = {
  fireworks: ['eia-formalities', 'risk-reminder'],
  building: ['pollution-control', 'permit-application'],
  livestock: ['pollution-control', 'policy-briefing'],
  other: ['permit-application', 'policy-briefing'],
};

const SOLVED: Record<Sector, string[]> = {
  fireworks: [
    '检查废药、废引线贮存及处置台账',
    '指导完善突发环境事件应急预案备案',
    '提醒药物混合工序粉尘收集设施同步运行',
    '讲解花炮行业环评告知承诺制办理流程',
    '核对危险废物转移联单，督促按期委托处置',
  ],
  building: [
    '核查窑炉脱硫除尘设施运行记录',
    '指导原料堆场封闭和厂区道路喷淋抑尘',
    '提醒按期填报排污许可执行报告',
    '帮助梳理技改项目环评手续',
    '指导完善在线监测设备运维台账',
  ],
  livestock: [
    '指导填写粪污资源化利用台账',
    '检查雨污分流和粪污贮存池防渗',
    '宣讲畜禽养殖污染防治政策',
    '协助签订粪肥还田利用协议',
  ],
  other: [
    '指导完成排污许可登记',
    '宣讲惠企政策和监督执法正面清单',
    '核实危废贮存间规范化建设',
    '指导开展自行监测并公开监测信息',
    '帮助梳理环评备案材料',
  ],
};

const FOLLOW_UPS = [
  { action: '复查整改落实情况', done: '已复查，整改到位' },
  { action: '回访危废台账建立情况', done: '已电话回访并现场核实，台账已建立' },
  { action: '复核应急预案备案材料', done: '企业已补交材料，备案完成' },
  { action: '复查除尘设施运行情况', done: '现场复查，设施运行正常' },
];

// The concentrated rounds a county bureau holds in a year: before the fireworks season peaks ahead
// of Spring Festival, when discharge permits fall due for renewal, and before the autumn-winter
// air campaign. Each lasts about two working weeks from the first working day on or after `from`.
const CAMPAIGNS = [
  {
    from: '01-12',
    theme: '春节前花炮企业安全环保集中帮扶',
    description: '花炮生产旺季逐厂上门，检查废药贮存、粉尘治理和应急措施',
    sectors: ['fireworks'] as Sector[],
  },
  {
    from: '05-11',
    theme: '排污许可证延续与执行报告集中服务',
    description: '帮助到期企业办理排污许可证延续，指导按时填报执行报告',
    sectors: ['building', 'other', 'fireworks'] as Sector[],
  },
  {
    from: '10-12',
    theme: '秋冬季大气污染防治集中帮扶',
    description: '陶瓷、建材、水泥企业废气治理设施检查与指导',
    sectors: ['building'] as Sector[],
  },
];

// Ordinary visits a month (about 1.8 enterprises each; the article's 2020 pace was twice that):
// few around Spring Festival and in the fireworks factories' summer stop (高温停产), most in spring
// and autumn.
const VISITS_A_MONTH = [3, 2, 5, 5, 4, 4, 3, 3, 5, 5, 5, 4];

const monthDays = (month: string): string[] => {
  const out: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addCalendarDays(d, 1)) out.push(d);
  return out;
};

/** One or two enterprises an ordinary visit, now and then three along one road. */
const enterprisesPerVisit = (r: DemoRandom) => r.pick([1, 1, 2, 2, 3]);

const firstWorkingDay = (cal: WorkingCalendar, date: string) => {
  let d = date;
  while (!cal.dayInfo(d).workingDay) d = addCalendarDays(d, 1);
  return d;
};

/**
 * The enterprises of the demo's enterprise sign-ins (qiye1, qiye2): their portals keep showing what
 * they showed. Only the printed accounts, so other seeds' enterprise users do not move these records.
 */
async function accountEnterpriseIds(db: Db, ctx: SeedContext): Promise<Set<string>> {
  const usernames = ctx.accounts.filter((a) => a.role === 'enterprise').map((a) => a.username);
  if (!usernames.length) return new Set();
  const rows = await db.select({ id: users.enterpriseId }).from(users).where(inArray(users.username, usernames));
  return new Set(rows.flatMap((u) => (u.id ? [u.id] : [])));
}

/**
 * The visits of the seeding year up to yesterday, as a bureau that had run the platform since
 * January would have them: ordinary visits through the year, the campaigns already over with
 * theirs, and follow-ups all done (none whose due date is today or later).
 */
export async function seedVisitsThisYear(db: Db, ctx: SeedContext): Promise<void> {
  const today = todayInShanghai();
  if (!daysOfThisYearSoFar(today).length) return;
  const year = today.slice(0, 4);
  const r = demoRandom(THIS_YEAR_STREAMS.visits);
  const calendar = await getCalendar(db);
  const excluded = await accountEnterpriseIds(db, ctx);
  const pool = (await countyEnterprises(db)).filter((e) => !excluded.has(e.id));
  const leaderUser = await demoUserWithRole(db, 'leader');
  const clerkUser = await demoUserWithRole(db, 'clerk');
  const inspectorUser = await demoUserWithRole(db, 'inspector');
  const approverUser = await demoUserWithRole(db, 'approver');
  const staffPool = [
    { name: '王建平', leader: true, userId: leaderUser?.id },
    { name: '刘志勇', leader: true },
    { name: '彭晓华', leader: true },
    { name: '李强', leader: false, userId: inspectorUser?.id },
    { name: '陈涛', leader: false, userId: approverUser?.id },
    { name: '刘敏', leader: false, userId: clerkUser?.id },
    { name: '黄俊', leader: false },
    { name: '钟慧', leader: false },
    { name: '易文斌', leader: false },
  ];

  type PlannedVisit = { date: string; campaignId: string | null; ents: CountyEnterprise[] };
  const planned: PlannedVisit[] = [];
  const campaignRows: (typeof campaigns.$inferInsert)[] = [];
  for (const c of CAMPAIGNS) {
    const start = firstWorkingDay(calendar, `${year}-${c.from}`);
    const end = addCalendarDays(start, 11);
    // only rounds already over: nothing of this year is still under way
    if (end >= today) continue;
    const id = crypto.randomUUID();
    campaignRows.push({
      id,
      theme: c.theme,
      startDate: start,
      endDate: end,
      description: c.description,
      createdAt: at(addCalendarDays(start, -r.int(5, 10)), '09:00'),
      createdBy: leaderUser?.id ?? null,
    });
    const targeted = pool.filter((e) => c.sectors.includes(sectorOf(e.industry)));
    const candidates = r.shuffle(targeted.length >= 12 ? targeted : pool);
    const target = r.int(8, 11);
    let taken = 0;
    for (let d = start; d <= end && taken < target; d = addCalendarDays(d, 1)) {
      if (!calendar.dayInfo(d).workingDay || r.next() < 0.3) continue;
      const ents = candidates.slice(taken, taken + Math.min(r.int(2, 3), target - taken));
      if (!ents.length) break;
      planned.push({ date: d, campaignId: id, ents });
      taken += ents.length;
    }
  }
  // each month's share of its visits, as much of it as has gone by, on working days drawn at random
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const working = monthDays(month).filter((d) => calendar.dayInfo(d).workingDay);
    const gone = working.filter((d) => d < today);
    const n = Math.round((VISITS_A_MONTH[m - 1]! * gone.length) / working.length);
    for (const d of r.shuffle(gone).slice(0, n))
      planned.push({ date: d, campaignId: null, ents: r.shuffle(pool).slice(0, enterprisesPerVisit(r)) });
  }
  planned.sort((a, b) => a.date.localeCompare(b.date));

  const visitRows: (typeof visits.$inferInsert)[] = [];
  const veRows: (typeof visitEnterprises.$inferInsert)[] = [];
  const fuRows: (typeof visitFollowUps.$inferInsert)[] = [];
  for (const v of planned) {
    const id = crypto.randomUUID();
    const team = r.shuffle(staffPool).slice(0, r.int(2, 3));
    const staff = team.map((s) => ({ ...(s.userId ? { userId: s.userId } : {}), name: s.name, leader: s.leader }));
    const purposes = [...new Set(v.ents.flatMap((e) => PURPOSES[sectorOf(e.industry)]))].slice(0, 3);
    const solved = v.ents.map((e) => r.pick(SOLVED[sectorOf(e.industry)]));
    visitRows.push({
      id,
      date: v.date,
      campaignId: v.campaignId,
      staff,
      ledByLeader: staff.some((s) => s.leader),
      purposes,
      summary: `走访${v.ents.length}家企业，${solved[0]}`,
      createdBy: clerkUser?.id ?? null,
      createdAt: at(v.date, '17:30'),
    });
    for (const [i, e] of v.ents.entries()) veRows.push({ visitId: id, enterpriseId: e.id, solved: solved[i]! });
    if (r.next() < 0.25) {
      const e = r.pick(v.ents);
      const f = r.pick(FOLLOW_UPS);
      const due = addCalendarDays(v.date, 14);
      const doneOn = addCalendarDays(v.date, r.int(5, 13));
      // a follow-up still due today or later would be open work: only finished ones are recorded
      if (due < today)
        fuRows.push({
          visitId: id,
          enterpriseId: e.id,
          action: f.action,
          dueDate: due,
          doneAt: at(doneOn, '15:00'),
          doneNote: f.done,
        });
    }
  }
  if (campaignRows.length) await db.insert(campaigns).values(campaignRows);
  for (let i = 0; i < visitRows.length; i += 500) await db.insert(visits).values(visitRows.slice(i, i + 500));
  for (let i = 0; i < veRows.length; i += 500) await db.insert(visitEnterprises).values(veRows.slice(i, i + 500));
  if (fuRows.length) await db.insert(visitFollowUps).values(fuRows);

  ctx.print(
    `走访（${year} 年至今）：${visitRows.length} 次走访（${veRows.length} 户次），${campaignRows.length} 次集中服务 / this year's visits`,
  );
}
