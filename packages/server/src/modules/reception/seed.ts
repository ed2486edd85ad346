import {
  addCalendarDays,
  CalendarRangeError,
  type ConcernCategory,
  dayOfWeek,
  evaluateClock,
  todayInShanghai,
  type WorkingCalendar,
} from '@qingshan/core';
import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import {
  at,
  type CountyEnterprise,
  countyEnterprises,
  DEMO_STREAMS,
  daysOfThisYearSoFar,
  demoRandom,
  demoUserWithRole,
  personName,
  THIS_YEAR_STREAMS,
} from '../../seed/demo-data.ts';
import { getCalendar } from '../calendar/service.ts';
import { clocks } from '../clocks/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { getRule } from '../rules/service.ts';
import { users } from '../users/tables.ts';
import { receptionAttendances, receptionBookings, receptionConcerns, receptionSessions } from './tables.ts';

const ROLES = ['厂长', '安全环保员', '总经理', '技术员', '办公室主任', '财务'];

/** The n-th working day on or after a date (reception days are held on working days). */
function workingDayFrom(cal: WorkingCalendar, date: string, weekday: number): string {
  let d = date;
  while (dayOfWeek(d) !== weekday || !cal.dayInfo(d).workingDay) d = addCalendarDays(d, 1);
  return d;
}

const CONCERNS: { category: ConcernCategory; text: string; answer: string; resolution: string }[] = [
  {
    category: 'eia',
    text: '新增一条组合烟花生产线是否需要重新办理环评',
    answer: '属于改扩建，按名录第44项编制报告表，可走告知承诺制',
    resolution: '已指导编制报告表并以告知承诺方式取得批复',
  },
  {
    category: 'permit',
    text: '排污许可登记管理和简化管理如何区分',
    answer: '对照《固定污染源排污许可分类管理名录》确定类别',
    resolution: '已协助在全国排污许可证管理信息平台完成登记',
  },
  {
    category: 'waste',
    text: '花炮废药、废引线等危险废物如何合规处置',
    answer: '应委托有资质单位处置，执行转移联单制度',
    resolution: '已对接有资质单位签订处置合同，建立台账',
  },
  {
    category: 'waste-gas-facility',
    text: '药物混合工序粉尘收集设施如何改造',
    answer: '建议采用湿式除尘并设置集气罩',
    resolution: '企业已完成除尘设施改造，现场核查合格',
  },
  {
    category: 'runoff',
    text: '厂区雨污分流改造标准及初期雨水收集',
    answer: '按技术规范设置初期雨水收集池及切换阀',
    resolution: '雨污分流改造已完成并通过核查',
  },
  {
    category: 'eia',
    text: '砖厂技改后环评手续是否需要变更',
    answer: '产能未增加、工艺未变的，可作登记说明',
    resolution: '已出具说明，完善了手续档案',
  },
  {
    category: 'permit',
    text: '排污许可证到期延续需准备哪些材料',
    answer: '有效期届满前60日提出延续申请，材料清单已一次性告知',
    resolution: '已按期提交延续申请并获批',
  },
  {
    category: 'waste',
    text: '养殖场粪污资源化利用台账怎么建',
    answer: '按畜禽粪污资源化利用要求建立产生、利用台账',
    resolution: '台账已建立，粪污还田协议已签订',
  },
  {
    category: 'complaint',
    text: '反映邻近陶瓷厂夜间窑炉烟气异味',
    answer: '已转执法大队现场核查，并告知处理结果反馈方式',
    resolution: '经核查企业脱硫设施运行异常，已责令整改并复查',
  },
  {
    category: 'other',
    text: '企业复工复产期间环保政策咨询',
    answer: '介绍"6+20条"惠企措施及正面清单政策',
    resolution: '企业已纳入监督执法正面清单',
  },
  {
    category: 'waste-gas-facility',
    text: '水泥粉磨站无组织排放治理要求',
    answer: '物料密闭储存、输送，设置收尘装置',
    resolution: '已完成封闭改造，无组织排放达标',
  },
  {
    category: 'complaint',
    text: '反映养殖场臭气影响周边村民生活',
    answer: '已安排执法人员现场检查，督促规范粪污收集和除臭',
    resolution: '养殖场已加盖粪污池并定期清运，回访村民表示满意',
  },
  {
    category: 'other',
    text: '咨询家门口新建项目的环评公示情况',
    answer: '告知环评信息公开查询途径及公众参与方式',
    resolution: '已提供公示材料并说明意见反馈渠道',
  },
  {
    category: 'complaint',
    text: '反映村道旁砂石场扬尘影响居民',
    answer: '已安排现场检查，督促落实喷淋抑尘',
    resolution: '砂石场已安装喷淋设施并硬化道路',
  },
];

/** Concerns an enterprise of this industry (or a citizen, null) would plausibly raise. */
function templatesFor(industry: string | null): (typeof CONCERNS)[number][] {
  const by = (...texts: string[]) => CONCERNS.filter((c) => texts.some((t) => c.text.includes(t)));
  if (industry === null) return by('陶瓷厂夜间', '砂石场扬尘', '养殖场臭气', '环评公示');
  if (industry === '2672' || industry === '2231') return by('组合烟花', '废药', '粉尘', '登记管理和简化');
  if (industry.startsWith('30') || industry.startsWith('10'))
    return by('砖厂技改', '无组织排放', '雨污分流', '到期延续');
  if (industry.startsWith('03')) return by('粪污资源化', '雨污分流', '复工复产');
  return by('登记管理和简化', '到期延续', '复工复产', '雨污分流');
}

/**
 * The monthly 服务企业接待日 and 服务群众接待日 of March to November 2020 as the article tells them
 * (rules.md §6, as of 2020-11-30): 32 distinct enterprises and 86 people received, 45 concerns
 * accepted and resolved; and the next reception days, so a fresh demo can be booked from the
 * portals. The figures come out of the records: nothing here stores a total.
 */
export async function seedReception(db: Db, ctx: SeedContext): Promise<void> {
  const r = demoRandom(DEMO_STREAMS.reception);
  const calendar = await getCalendar(db);
  const concernRule = await getRule(db, 'reception.concern', '2020-03-01');
  const cv = concernRule.value as { length: number; unit: 'working' | 'calendar'; warnBefore: number };
  const concernProfile = { key: 'reception.concern', length: cv.length, unit: cv.unit, warnBefore: cv.warnBefore };
  const all = await countyEnterprises(db);
  const leaderUser = await demoUserWithRole(db, 'leader');
  const clerkUser = await demoUserWithRole(db, 'clerk');
  const inspectorUser = await demoUserWithRole(db, 'inspector');

  // enterprise day on the 2nd Thursday-ish, public day the next working Friday
  const months = ['03', '04', '05', '06', '07', '08', '09', '10', '11'];
  const sessionRows: (typeof receptionSessions.$inferInsert)[] = [];
  for (const m of months) {
    const eDay = workingDayFrom(calendar, `2020-${m}-08`, 4);
    const pDay = workingDayFrom(calendar, addCalendarDays(eDay, 1), 5);
    const leader = m === '03' || m === '09' ? '局长 王建平' : r.pick(['副局长 刘志勇', '副局长 彭晓华', '局长 王建平']);
    sessionRows.push({
      kind: 'enterprise',
      date: eDay,
      leaderName: leader,
      leaderUserId: leaderUser?.id ?? null,
      sections: ['行政审批股', '环境监察大队', '污染防治股'],
      location: '县生态环境局一楼接待室',
      createdBy: clerkUser?.id ?? null,
    });
    sessionRows.push({
      kind: 'public',
      date: pDay,
      leaderName: leader,
      leaderUserId: leaderUser?.id ?? null,
      sections: ['办公室', '环境监察大队'],
      location: '县生态环境局一楼接待室',
      createdBy: clerkUser?.id ?? null,
    });
  }
  const sessions = await db.insert(receptionSessions).values(sessionRows).returning();
  // The next reception days, relative to today, so a fresh demo can be booked from the portals.
  // A year without the notice is answered provisionally, so the days across New Year exist too;
  // only a date past 2099 (no calendar at all) is left out.
  const upcoming: (typeof receptionSessions.$inferInsert)[] = [];
  const today = todayInShanghai();
  for (const offset of [0, 1, 2]) {
    const [y, mo] = today.split('-').map(Number) as [number, number];
    const month = new Date(Date.UTC(y, mo - 1 + offset, 8)).toISOString().slice(0, 10);
    try {
      const eDay = workingDayFrom(calendar, month, 4);
      const pDay = workingDayFrom(calendar, addCalendarDays(eDay, 1), 5);
      for (const [kind, date] of [
        ['enterprise', eDay],
        ['public', pDay],
      ] as const) {
        if (date <= today) continue;
        upcoming.push({
          kind,
          date,
          leaderName: '局长 王建平',
          leaderUserId: leaderUser?.id ?? null,
          sections: kind === 'enterprise' ? ['行政审批股', '环境监察大队', '污染防治股'] : ['办公室', '环境监察大队'],
          location: '县生态环境局一楼接待室',
          createdBy: clerkUser?.id ?? null,
        });
      }
    } catch (e) {
      if (!(e instanceof CalendarRangeError)) throw e;
    }
  }
  if (upcoming.length) await db.insert(receptionSessions).values(upcoming);
  const enterpriseDays = sessions.filter((s) => s.kind === 'enterprise').sort((a, b) => a.date.localeCompare(b.date));
  const publicDays = sessions.filter((s) => s.kind === 'public').sort((a, b) => a.date.localeCompare(b.date));

  // 38 enterprise attendances: 32 distinct enterprises, 6 that came back; people 68 (5×3, 20×2, 13×1)
  const received = r.shuffle(all).slice(0, 32);
  const comeBack = r.shuffle(received).slice(0, 6);
  const entries: { enterprise: CountyEnterprise; day: number }[] = [];
  for (const [i, e] of received.entries()) entries.push({ enterprise: e, day: i % enterpriseDays.length });
  comeBack.forEach((e, i) => {
    const first = entries.find((x) => x.enterprise.id === e.id)!.day;
    entries.push({ enterprise: e, day: (first + 2 + i) % enterpriseDays.length });
  });
  const peopleCounts = r.shuffle([...Array(5).fill(3), ...Array(20).fill(2), ...Array(13).fill(1)] as number[]);
  const attendanceRows: (typeof receptionAttendances.$inferInsert)[] = [];
  const bookingRows: (typeof receptionBookings.$inferInsert & { _key: string })[] = [];
  const concernPlan: {
    sessionIdx: number;
    enterpriseId: string | null;
    industry: string | null;
    raisedBy: string;
    phone: string | null;
  }[] = [];
  entries.forEach((en, i) => {
    const s = enterpriseDays[en.day]!;
    const n = peopleCounts[i]!;
    const people = Array.from({ length: n }, () => personName(r));
    const booked = r.next() < 0.8;
    const bookingId = booked ? crypto.randomUUID() : null;
    if (bookingId) {
      bookingRows.push({
        id: bookingId,
        _key: `${s.id}:${en.enterprise.id}`,
        sessionId: s.id,
        enterpriseId: en.enterprise.id,
        people,
        peopleCount: n,
        concern: r.pick(CONCERNS).text,
        status: 'booked',
        createdAt: at(addCalendarDays(s.date, -r.int(3, 12)), '15:20'),
      });
    }
    for (const p of people) {
      attendanceRows.push({
        sessionId: s.id,
        enterpriseId: en.enterprise.id,
        bookingId,
        personName: p,
        walkIn: !booked,
        createdAt: at(s.date, '09:30'),
      });
    }
    concernPlan.push({
      sessionIdx: sessions.indexOf(s),
      enterpriseId: en.enterprise.id,
      industry: en.enterprise.industry,
      raisedBy: `${people[0]}（${r.pick(ROLES)}）`,
      phone: null,
    });
  });
  // public days: 18 citizens (2 a day on average)
  const publicCounts = [2, 3, 1, 2, 2, 3, 2, 1, 2];
  publicDays.forEach((s, i) => {
    for (let k = 0; k < publicCounts[i]!; k++) {
      const name = personName(r);
      const phone = `138079${String(20_000 + i * 100 + k).slice(-5)}`;
      const booked = k === 0;
      const bookingId = booked ? crypto.randomUUID() : null;
      if (bookingId) {
        bookingRows.push({
          id: bookingId,
          _key: `${s.id}:${name}`,
          sessionId: s.id,
          citizenName: name,
          citizenPhone: phone,
          people: [name],
          peopleCount: 1,
          concern: '反映周边企业环境问题',
          status: 'booked',
          createdAt: at(addCalendarDays(s.date, -r.int(2, 9)), '20:10'),
        });
      }
      attendanceRows.push({
        sessionId: s.id,
        enterpriseId: null,
        bookingId,
        personName: name,
        phone,
        walkIn: !booked,
        createdAt: at(s.date, '09:40'),
      });
      concernPlan.push({
        sessionIdx: sessions.indexOf(s),
        enterpriseId: null,
        industry: null,
        raisedBy: name,
        phone,
      });
    }
  });
  if (attendanceRows.length !== 86) throw new Error(`reception seed: ${attendanceRows.length} people, expected 86`);
  if (bookingRows.length) await db.insert(receptionBookings).values(bookingRows.map(({ _key, ...b }) => b));
  await db.insert(receptionAttendances).values(attendanceRows);

  // ---- concerns: 56 raised; 45 accepted and resolved by 2020-11-30, 3 resolved in December,
  // 4 still open at the end of the period (resolved in late December, so no 2020 clock stays
  // open for years in a fresh demo), 4 not accepted (outside the bureau's remit)
  const plan = r.shuffle(concernPlan);
  while (plan.length < 56) plan.push(r.pick(concernPlan.filter((c) => c.enterpriseId)));
  const concernRows: (typeof receptionConcerns.$inferInsert)[] = [];
  const clockRows: (typeof clocks.$inferInsert)[] = [];
  const outcomes: ('resolved' | 'late' | 'open' | 'rejected')[] = [];
  // the last session's concerns cannot all be resolved in time, so outcomes follow the dates
  const byDate = plan
    .slice(0, 56)
    .map((p) => ({ ...p, date: sessions[p.sessionIdx]!.date }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.raisedBy.localeCompare(b.raisedBy));
  const lastIdx = byDate.length - 1;
  byDate.forEach((_, i) => {
    if (i > lastIdx - 4) outcomes.push('open');
    else if (i > lastIdx - 7) outcomes.push('late');
    else outcomes.push('resolved');
  });
  // 4 of the early ones were not accepted: swap them out of 'resolved'
  for (const i of [3, 14, 27, 38]) outcomes[i] = 'rejected';
  // 49 'resolved' slots minus 4 rejected = 45
  const ids: string[] = [];
  for (const [i, p] of byDate.entries()) {
    const pool = templatesFor(p.industry);
    const template = pool[i % pool.length]!;
    const outcome = outcomes[i]!;
    const raisedAt = at(p.date, '10:15');
    const id = crypto.randomUUID();
    ids.push(id);
    const accepted = outcome !== 'rejected';
    let dueDate: string | null = null;
    let clockId: string | null = null;
    let resolvedAt: Date | null = null;
    if (accepted) {
      const ev = evaluateClock(
        { profile: concernProfile, start: raisedAt.toISOString(), pauses: [], extensions: [] },
        raisedAt.toISOString(),
        calendar,
      );
      dueDate = ev.dueDate;
      if (outcome === 'resolved') {
        const d = addCalendarDays(p.date, r.int(3, 16));
        resolvedAt = at(d <= dueDate ? d : dueDate, '16:30');
      } else if (outcome === 'late') {
        resolvedAt = at(`2020-12-${String(r.int(8, 18)).padStart(2, '0')}`, '11:00');
      } else if (outcome === 'open') {
        resolvedAt = at(`2020-12-${String(r.int(21, 30)).padStart(2, '0')}`, '15:00');
      }
      clockId = crypto.randomUUID();
      clockRows.push({
        id: clockId,
        ownerType: 'reception-concern',
        ownerId: id,
        profileKey: 'reception.concern',
        ruleVersion: concernRule.version,
        profile: concernProfile,
        title: `接待日诉求：${template.text.slice(0, 20)}`,
        link: `/staff/reception/concerns/${id}`,
        start: raisedAt,
        completedAt: resolvedAt,
        assigneeUserId: inspectorUser?.id ?? null,
        assigneeRole: inspectorUser ? null : 'clerk',
        enterpriseId: p.enterpriseId,
        createdBy: clerkUser?.id ?? null,
        createdAt: raisedAt,
        updatedAt: resolvedAt ?? raisedAt,
      });
    }
    concernRows.push({
      id,
      sessionId: sessions[p.sessionIdx]!.id,
      enterpriseId: p.enterpriseId,
      raisedBy: p.raisedBy,
      category: template.category,
      description: template.text,
      answer: accepted ? template.answer : '该事项不属于生态环境部门职责，已告知向相关部门反映',
      accepted,
      answeredAt: at(p.date, '11:30'),
      followUpUserId: accepted ? (inspectorUser?.id ?? null) : null,
      followUpName: accepted ? (inspectorUser?.name ?? '执法大队') : null,
      dueDate,
      clockId,
      status: outcome === 'rejected' ? 'not-accepted' : 'resolved',
      resolution: resolvedAt ? template.resolution : null,
      resolvedAt,
      published: outcome === 'resolved' && i % 9 === 1,
      caseTitle: outcome === 'resolved' && i % 9 === 1 ? template.text.slice(0, 30) : null,
      publishedAt: outcome === 'resolved' && i % 9 === 1 ? resolvedAt : null,
      createdAt: raisedAt,
      createdBy: clerkUser?.id ?? null,
    });
  }
  await db.insert(receptionConcerns).values(concernRows);
  if (clockRows.length) await db.insert(clocks).values(clockRows);

  ctx.print(
    `接待日：${sessions.length} 个 2020 年接待日，${attendanceRows.length} 人次，${concernRows.length} 项诉求 / reception days`,
  );
  await seedReceptionThisYear(db, ctx);
  await seedUpcomingBookings(db, ctx);
}

/**
 * Bookings of the reception days still to come in this month and the next (the ones seedReception
 * opened), made in the days before the seeding day as the portals would take them: 金花烟花
 * (qiye1) on the first enterprise day, the demo citizen on the first public day, so both find a
 * coming day under their bookings, and a few other firms and people beside them. Well inside the
 * caps (reception.max-enterprises-per-day, …max-people-per-enterprise, …max-public-people-per-day),
 * so every day stays bookable from the portals.
 */
async function seedUpcomingBookings(db: Db, ctx: SeedContext, now: Date = new Date()): Promise<void> {
  const today = todayInShanghai(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const nextMonthEnd = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
  const sessions = await db
    .select({ id: receptionSessions.id, kind: receptionSessions.kind, date: receptionSessions.date })
    .from(receptionSessions)
    .where(and(gt(receptionSessions.date, today), lte(receptionSessions.date, nextMonthEnd)))
    .orderBy(asc(receptionSessions.date), asc(receptionSessions.kind));
  if (!sessions.length) return;
  const accountFirms = await accountEnterpriseIds(db, ctx);
  const [firmUser] = await db
    .select({ id: users.id, enterpriseId: users.enterpriseId })
    .from(users)
    .where(eq(users.username, 'qiye1'));
  const [citizen] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'qunzhong'));
  const all = await countyEnterprises(db);
  const firm = all.find((e) => e.id === firmUser?.enterpriseId);
  const [firmContact] = firm
    ? (await db.select({ contacts: enterprises.contacts }).from(enterprises).where(eq(enterprises.id, firm.id)))[0]!
        .contacts
    : [];
  // the others from the far end of the register, none of them a demo sign-in's firm
  const others = all.filter((e) => !accountFirms.has(e.id)).reverse();
  const madeAt = (daysBefore: number, time: string) => {
    const t = at(addCalendarDays(today, -daysBefore), time);
    return t.getTime() < now.getTime() ? t : new Date(now.getTime() - 3_600_000);
  };
  const rows: (typeof receptionBookings.$inferInsert)[] = [];
  let firmBooked = false;
  let citizenBooked = false;
  let other = 0;
  let person = 0;
  for (const [i, s] of sessions.entries()) {
    if (s.kind === 'enterprise') {
      if (!firmBooked && firm && firmUser) {
        firmBooked = true;
        rows.push({
          sessionId: s.id,
          enterpriseId: firm.id,
          people: [firmContact?.name ?? '刘建国', '钟海燕'],
          peopleCount: 2,
          contactPhone: firmContact?.phone ?? null,
          concern: '厂区扩建一条组合烟花生产线，环评手续和排污许可变更如何衔接',
          createdBy: firmUser.id,
          createdAt: madeAt(3, '16:40'),
        });
      }
      for (let k = 0; k < 2; k++) {
        const e = others[other++ % others.length]!;
        const template = moreTemplatesFor(e.industry)[k % moreTemplatesFor(e.industry).length]!;
        rows.push({
          sessionId: s.id,
          enterpriseId: e.id,
          people: [['彭卫东', '黄春华', '易志远', '谢红梅'][(i + k) % 4]!],
          peopleCount: 1,
          concern: template.text,
          createdAt: madeAt(2 + k, '10:30'),
        });
      }
    } else {
      if (!citizenBooked && citizen) {
        citizenBooked = true;
        rows.push({
          sessionId: s.id,
          citizenName: '张丽华',
          // the phone she filed her petition with (petitions/seed.ts)
          citizenPhone: '13979905678',
          citizenUserId: citizen.id,
          people: ['张丽华'],
          peopleCount: 1,
          concern: '反映长丰村花炮厂试放噪声影响午休，想当面了解处理进展',
          createdBy: citizen.id,
          createdAt: madeAt(1, '21:05'),
        });
      }
      const name = ['罗桂英', '文国平', '汤秋生'][person % 3]!;
      rows.push({
        sessionId: s.id,
        citizenName: name,
        // a number range of their own, apart from the other demo citizens'
        citizenPhone: `1370794${String(1000 + person).slice(-4)}`,
        people: [name],
        peopleCount: 1,
        concern: MORE_CONCERNS.public[person % MORE_CONCERNS.public.length]!.text,
        createdAt: madeAt(2, '19:50'),
      });
      person++;
    }
  }
  await db.insert(receptionBookings).values(rows);
  ctx.print(`接待日：即将举行的接待日已有 ${rows.length} 个预约 / bookings of the coming reception days`);
}

// Concerns heard at this year's reception days besides the 2020 ones (CONCERNS stays as the 2020
// records drew it).
const MORE_CONCERNS: Record<'fireworks' | 'building' | 'livestock' | 'other' | 'public', typeof CONCERNS> = {
  fireworks: [
    {
      category: 'waste',
      text: '含药废水沉淀池清掏物如何处置',
      answer: '属于危险废物的按危废管理，委托有资质单位处置并执行转移联单',
      resolution: '已明确处置单位并纳入危废管理台账',
    },
    {
      category: 'eia',
      text: '花炮厂搬迁入园后原环评批复能否沿用',
      answer: '建设地点变化属重大变动，应重新报批环评',
      resolution: '已指导重新编制环评报告表并取得批复',
    },
  ],
  building: [
    {
      category: 'waste-gas-facility',
      text: '陶瓷窑炉超低排放改造的技术路线如何选择',
      answer: '介绍脱硫脱硝除尘一体化改造方案及专项资金申报渠道',
      resolution: '企业已确定改造方案并列入年度计划',
    },
    {
      category: 'permit',
      text: '排污许可执行报告季报漏报如何补报',
      answer: '可在全国排污许可证管理信息平台补报并说明原因',
      resolution: '已指导完成补报，提醒按期填报',
    },
  ],
  livestock: [
    {
      category: 'runoff',
      text: '养殖场粪污贮存池防渗要达到什么标准',
      answer: '按畜禽养殖业污染防治技术规范做防渗处理，并设置雨棚',
      resolution: '贮存池防渗改造已完成并通过核查',
    },
  ],
  other: [
    {
      category: 'other',
      text: '咨询环保信用评价等级修复的条件和程序',
      answer: '告知信用修复的申请条件、材料及办理时限',
      resolution: '已指导提交信用修复申请并获受理',
    },
  ],
  public: [
    {
      category: 'complaint',
      text: '反映花炮厂试放产生噪声影响午休',
      answer: '已转执法大队核查，督促企业调整试放时间',
      resolution: '企业已将试放调整至工作日上午，回访居民表示认可',
    },
    {
      category: 'complaint',
      text: '反映村里小作坊夜间焚烧废料',
      answer: '已安排执法人员夜间巡查，查实后依法处理',
      resolution: '经核查已责令停止焚烧并清理现场，复查未再发现',
    },
  ],
};

// What a citizen brings to the public day that is another department's to handle: answered with
// where to go, not accepted.
const OUTSIDE_REMIT: { category: ConcernCategory; text: string; answer: string }[] = [
  {
    category: 'other',
    text: '反映邻居建房占用村道通行',
    answer: '该事项不属于生态环境部门职责，属乡镇政府和自然资源部门管理，已告知向所在乡镇反映',
  },
  {
    category: 'other',
    text: '咨询农村危房改造补助政策',
    answer: '该事项不属于生态环境部门职责，已告知向县住房和城乡建设局咨询',
  },
  {
    category: 'complaint',
    text: '反映广场舞音响夜间扰民',
    answer: '社会生活噪声由公安机关依法处理，已告知向辖区派出所反映或拨打110',
  },
];

function moreTemplatesFor(industry: string | null): typeof CONCERNS {
  if (industry === null) return MORE_CONCERNS.public;
  if (industry === '2672' || industry === '2231') return MORE_CONCERNS.fireworks;
  if (industry.startsWith('30') || industry.startsWith('10')) return MORE_CONCERNS.building;
  if (industry.startsWith('03')) return MORE_CONCERNS.livestock;
  return MORE_CONCERNS.other;
}

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
 * The reception days of the seeding year held before today, as a bureau that had run the platform
 * since January would have them: a monthly enterprise day and public day, about half as busy as
 * the article's 2020, with the concerns raised there answered and resolved. A concern whose
 * deadline is today or later would still be open work, so a day that recent has its people but
 * none of its concerns recorded.
 */
export async function seedReceptionThisYear(db: Db, ctx: SeedContext): Promise<void> {
  const today = todayInShanghai();
  const days = daysOfThisYearSoFar(today);
  if (!days.length) return;
  const year = today.slice(0, 4);
  const r = demoRandom(THIS_YEAR_STREAMS.reception);
  const calendar = await getCalendar(db);
  const concernRule = await getRule(db, 'reception.concern', days[0]);
  const cv = concernRule.value as { length: number; unit: 'working' | 'calendar'; warnBefore: number };
  const concernProfile = { key: 'reception.concern', length: cv.length, unit: cv.unit, warnBefore: cv.warnBefore };
  const excluded = await accountEnterpriseIds(db, ctx);
  const pool = (await countyEnterprises(db)).filter((e) => !excluded.has(e.id));
  const leaderUser = await demoUserWithRole(db, 'leader');
  const clerkUser = await demoUserWithRole(db, 'clerk');
  const inspectorUser = await demoUserWithRole(db, 'inspector');

  const sessionRows: (typeof receptionSessions.$inferInsert & { id: string; date: string })[] = [];
  for (let m = 1; m <= 12; m++) {
    const eDay = workingDayFrom(calendar, `${year}-${String(m).padStart(2, '0')}-08`, 4);
    const pDay = workingDayFrom(calendar, addCalendarDays(eDay, 1), 5);
    const leader = r.pick(['局长 王建平', '副局长 刘志勇', '副局长 彭晓华']);
    for (const [kind, date] of [
      ['enterprise', eDay],
      ['public', pDay],
    ] as const) {
      // the days from today on are the upcoming ones seedReception opened for booking
      if (date >= today) continue;
      sessionRows.push({
        id: crypto.randomUUID(),
        kind,
        date,
        leaderName: leader,
        leaderUserId: leaderUser?.id ?? null,
        sections: kind === 'enterprise' ? ['行政审批股', '环境监察大队', '污染防治股'] : ['办公室', '环境监察大队'],
        location: '县生态环境局一楼接待室',
        createdBy: clerkUser?.id ?? null,
        createdAt: at(addCalendarDays(date, -20), '09:00'),
      });
    }
  }
  if (!sessionRows.length) return;

  const attendanceRows: (typeof receptionAttendances.$inferInsert)[] = [];
  const bookingRows: (typeof receptionBookings.$inferInsert)[] = [];
  const concernRows: (typeof receptionConcerns.$inferInsert)[] = [];
  const clockRows: (typeof clocks.$inferInsert)[] = [];
  let phoneSerial = 0;
  for (const s of sessionRows) {
    const raisedAt = at(s.date, '10:15');
    const dueDate = evaluateClock(
      { profile: concernProfile, start: raisedAt.toISOString(), pauses: [], extensions: [] },
      raisedAt.toISOString(),
      calendar,
    ).dueDate;
    const concernsRecorded = dueDate < today;
    const raised: { enterprise: CountyEnterprise | null; raisedBy: string }[] = [];
    if (s.kind === 'enterprise') {
      for (const e of r.shuffle(pool).slice(0, r.int(1, 3))) {
        const n = r.pick([1, 1, 2, 2, 2, 3]);
        const people = Array.from({ length: n }, () => personName(r));
        const booked = r.next() < 0.8;
        const bookingId = booked ? crypto.randomUUID() : null;
        if (bookingId)
          bookingRows.push({
            id: bookingId,
            sessionId: s.id,
            enterpriseId: e.id,
            people,
            peopleCount: n,
            concern: r.pick([...templatesFor(e.industry), ...moreTemplatesFor(e.industry)]).text,
            status: 'booked',
            createdAt: at(addCalendarDays(s.date, -r.int(3, 12)), '15:20'),
          });
        for (const p of people)
          attendanceRows.push({
            sessionId: s.id,
            enterpriseId: e.id,
            bookingId,
            personName: p,
            walkIn: !booked,
            createdAt: at(s.date, '09:30'),
          });
        if (r.next() < 0.8) raised.push({ enterprise: e, raisedBy: `${people[0]}（${r.pick(ROLES)}）` });
      }
    } else {
      for (let k = r.int(1, 2); k > 0; k--) {
        const name = personName(r);
        // a number range of its own, apart from the 2020 citizens' 138079…
        const phone = `137079${String(30_000 + phoneSerial++).slice(-5)}`;
        const booked = r.next() < 0.5;
        const bookingId = booked ? crypto.randomUUID() : null;
        if (bookingId)
          bookingRows.push({
            id: bookingId,
            sessionId: s.id,
            citizenName: name,
            citizenPhone: phone,
            people: [name],
            peopleCount: 1,
            concern: '反映周边企业环境问题',
            status: 'booked',
            createdAt: at(addCalendarDays(s.date, -r.int(2, 9)), '20:10'),
          });
        attendanceRows.push({
          sessionId: s.id,
          enterpriseId: null,
          bookingId,
          personName: name,
          phone,
          walkIn: !booked,
          createdAt: at(s.date, '09:40'),
        });
        raised.push({ enterprise: null, raisedBy: name });
      }
    }
    if (!concernsRecorded) continue;
    for (const c of raised) {
      const industry = c.enterprise?.industry ?? null;
      // a citizen now and then brings what is another department's to handle
      const accepted = c.enterprise !== null || r.next() >= 0.15;
      const template: { category: ConcernCategory; text: string; answer: string; resolution?: string } = accepted
        ? r.pick([...templatesFor(industry), ...moreTemplatesFor(industry)])
        : r.pick(OUTSIDE_REMIT);
      const id = crypto.randomUUID();
      let clockId: string | null = null;
      let resolvedAt: Date | null = null;
      if (accepted) {
        let d = addCalendarDays(s.date, r.int(3, 16));
        while (!calendar.dayInfo(d).workingDay) d = addCalendarDays(d, 1);
        // resolved within the time limit, at the latest on its last day
        if (d > dueDate) d = dueDate;
        resolvedAt = at(d, '16:30');
        clockId = crypto.randomUUID();
        clockRows.push({
          id: clockId,
          ownerType: 'reception-concern',
          ownerId: id,
          profileKey: 'reception.concern',
          ruleVersion: concernRule.version,
          profile: concernProfile,
          title: `接待日诉求：${template.text.slice(0, 20)}`,
          link: `/staff/reception/concerns/${id}`,
          start: raisedAt,
          completedAt: resolvedAt,
          assigneeUserId: inspectorUser?.id ?? null,
          assigneeRole: inspectorUser ? null : 'clerk',
          enterpriseId: c.enterprise?.id ?? null,
          createdBy: clerkUser?.id ?? null,
          createdAt: raisedAt,
          updatedAt: resolvedAt,
        });
      }
      concernRows.push({
        id,
        sessionId: s.id,
        enterpriseId: c.enterprise?.id ?? null,
        raisedBy: c.raisedBy,
        category: template.category,
        description: template.text,
        answer: template.answer,
        accepted,
        answeredAt: at(s.date, '11:30'),
        followUpUserId: accepted ? (inspectorUser?.id ?? null) : null,
        followUpName: accepted ? (inspectorUser?.name ?? '执法大队') : null,
        dueDate: accepted ? dueDate : null,
        clockId,
        status: accepted ? 'resolved' : 'not-accepted',
        resolution: template.resolution ?? null,
        resolvedAt,
        createdAt: raisedAt,
        createdBy: clerkUser?.id ?? null,
      });
    }
  }
  await db.insert(receptionSessions).values(sessionRows);
  if (bookingRows.length) await db.insert(receptionBookings).values(bookingRows);
  if (attendanceRows.length) await db.insert(receptionAttendances).values(attendanceRows);
  if (concernRows.length) await db.insert(receptionConcerns).values(concernRows);
  if (clockRows.length) await db.insert(clocks).values(clockRows);

  ctx.print(
    `接待日（${year} 年至今）：${sessionRows.length} 个接待日，${attendanceRows.length} 人次，${concernRows.length} 项诉求 / this year's reception days`,
  );
}
