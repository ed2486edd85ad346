/**
 * Demo data for 服 (serve better), part B: the county's 2020 service year as the article tells it
 * (rules.md §6 figures, as of 2020-11-30):
 * - monthly 服务企业接待日 and 服务群众接待日 from March to November 2020, receiving 32 distinct
 *   enterprises and 86 people, with 45 concerns accepted and resolved;
 * - 243 enterprise-visits (户次) in 2020-01-01…2020-11-30, 4 concentrated 下沉式 campaigns among them;
 * - a few tracked major projects.
 * The figures come out of the records: nothing here stores a total. Deterministic (seeded PRNG),
 * all dates in Asia/Shanghai, batch inserts, no per-row password hashing.
 */
import {
  addCalendarDays,
  CalendarRangeError,
  type ConcernCategory,
  dayOfWeek,
  evaluateClock,
  initialMilestones,
  makeValidUscc,
  PROJECT_MILESTONES,
  searchKey,
  TOWNS,
  USCC_ALPHABET,
  type VisitPurpose,
  type WorkingCalendar,
} from '@qingshan/core';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { getCalendar } from '../modules/calendar/service.ts';
import { clocks } from '../modules/clocks/tables.ts';
import { enterprises } from '../modules/enterprises/tables.ts';
import { projectContacts, trackedProjects } from '../modules/projects/tables.ts';
import {
  receptionAttendances,
  receptionBookings,
  receptionConcerns,
  receptionSessions,
} from '../modules/reception/tables.ts';
import { getRule, seedDefaultRules } from '../modules/rules/service.ts';
import { users } from '../modules/users/tables.ts';
import { campaigns, visitEnterprises, visitFollowUps, visits } from '../modules/visits/tables.ts';

export type ServiceBSeedContext = {
  /** prints progress lines (seed.ts passes its printer) */
  print?: (line: string) => void;
};

export type ServiceBSeedResult = {
  skipped: boolean;
  enterprisesAdded: number;
  sessions: number;
  attendances: number;
  concerns: number;
  visits: number;
  enterpriseVisits: number;
  campaigns: number;
  projects: number;
};

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    shuffle: <T>(xs: readonly T[]): T[] => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

// Villages and industrial parks of each town (places the county's firms are named after).
const PLACES: Record<string, string[]> = {
  '360322101': ['金花', '高山', '城南', '建设'],
  '360322102': ['楚东', '塘下', '桐木'],
  '360322103': ['云岩', '新华', '金山'],
  '360322104': ['大塘', '清溪', '福田'],
  '360322105': ['新塘', '源头', '彭高'],
  '360322106': ['幸福', '沙田', '赤山'],
  '360322200': ['秀水', '凉亭', '鸡冠山'],
  '360322201': ['观泉', '新田', '长平'],
  '360322202': ['浏市', '田心', '东源'],
  '360322203': ['普通寺', '横溪', '杨岐'],
};

// Fireworks dominate the county; then building materials, ceramics, mining, livestock, food.
const KINDS: { industry: string; suffix: string[]; weight: number }[] = [
  {
    industry: '2672',
    suffix: ['烟花制造有限公司', '花炮厂', '鞭炮有限公司', '组合烟花厂', '礼花有限公司'],
    weight: 22,
  },
  { industry: '2231', suffix: ['花炮纸筒厂', '纸品包装厂'], weight: 4 },
  { industry: '3031', suffix: ['页岩砖厂', '新型墙体材料有限公司'], weight: 6 },
  { industry: '3021', suffix: ['水泥制品有限公司', '商品混凝土有限公司'], weight: 3 },
  { industry: '3073', suffix: ['特种陶瓷有限公司', '电瓷电器有限公司'], weight: 5 },
  { industry: '3074', suffix: ['日用陶瓷厂'], weight: 2 },
  { industry: '1011', suffix: ['石灰石矿', '石灰石开采有限公司'], weight: 4 },
  { industry: '1019', suffix: ['砂石场', '建筑用砂厂'], weight: 3 },
  { industry: '0313', suffix: ['生猪养殖场', '生态养殖专业合作社'], weight: 5 },
  { industry: '0321', suffix: ['蛋鸡养殖场'], weight: 2 },
  { industry: '1311', suffix: ['米业有限公司'], weight: 2 },
  { industry: '1453', suffix: ['酱菜食品厂', '食品有限公司'], weight: 2 },
];

const SURNAMES = [
  '刘',
  '彭',
  '黄',
  '李',
  '钟',
  '邓',
  '周',
  '吴',
  '陈',
  '胡',
  '易',
  '文',
  '曾',
  '谢',
  '罗',
  '袁',
  '张',
  '朱',
  '欧阳',
  '何',
  '唐',
  '孙',
  '汤',
  '肖',
  '晏',
];
const GIVEN = [
  '建国',
  '志强',
  '海波',
  '卫东',
  '明华',
  '国庆',
  '立新',
  '志刚',
  '建军',
  '春生',
  '国平',
  '德明',
  '永红',
  '新华',
  '春华',
  '秋生',
  '文华',
  '丽',
  '志远',
  '海燕',
  '小军',
  '红梅',
  '桂英',
  '伟',
  '敏',
];
const ROLES = ['厂长', '安全环保员', '总经理', '技术员', '办公室主任', '财务'];

function seedUscc(i: number): string {
  let body = '';
  let n = i * 104_723 + 7_919;
  for (let k = 0; k < 6; k++) {
    body += USCC_ALPHABET[n % USCC_ALPHABET.length];
    n = Math.floor(n / USCC_ALPHABET.length) + 17 * (k + 3);
  }
  return makeValidUscc(`91360322MA3${body}`);
}

function personName(r: ReturnType<typeof prng>): string {
  return r.pick(SURNAMES) + r.pick(GIVEN);
}

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

export async function seedServiceB(db: Db, ctx: ServiceBSeedContext = {}): Promise<ServiceBSeedResult> {
  const print = ctx.print ?? (() => {});
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(receptionSessions)
    .where(and(gte(receptionSessions.date, '2020-01-01'), lte(receptionSessions.date, '2020-12-31')));
  if ((existing?.n ?? 0) > 0) {
    return {
      skipped: true,
      enterprisesAdded: 0,
      sessions: 0,
      attendances: 0,
      concerns: 0,
      visits: 0,
      enterpriseVisits: 0,
      campaigns: 0,
      projects: 0,
    };
  }
  await seedDefaultRules(db);
  const r = prng(20_201_130);
  const calendar = await getCalendar(db);
  const concernRule = await getRule(db, 'reception.concern', '2020-03-01');
  const cv = concernRule.value as { length: number; unit: 'working' | 'calendar'; warnBefore: number };
  const concernProfile = { key: 'reception.concern', length: cv.length, unit: cv.unit, warnBefore: cv.warnBefore };

  return db.transaction(async (tx) => {
    // ---- enterprises: 60 more across the ten towns
    const weighted = KINDS.flatMap((k) => Array.from({ length: k.weight }, () => k));
    const newEnterprises: (typeof enterprises.$inferInsert)[] = [];
    const usedNames = new Set((await tx.select({ name: enterprises.name }).from(enterprises)).map((e) => e.name));
    for (let i = 0; newEnterprises.length < 60; i++) {
      const town = TOWNS[i % TOWNS.length]!;
      const kind = weighted[(i * 7 + r.int(0, weighted.length - 1)) % weighted.length]!;
      const place = r.pick(PLACES[town.code]!);
      const name = `上栗县${place}${r.pick(kind.suffix)}`;
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      const legal = personName(r);
      newEnterprises.push({
        name,
        nameSearch: searchKey(name),
        uscc: seedUscc(i + 1),
        usccValid: true,
        legalRepresentative: legal,
        contacts: [{ name: legal, phone: `139079${String(10_000 + i * 37).slice(-5)}`, role: '法定代表人' }],
        address: `萍乡市上栗县${town.name}${place}村`,
        townCode: town.code,
        industryCode: kind.industry,
        lat: 27.78 + r.next() * 0.3,
        lng: 113.72 + r.next() * 0.35,
        status: 'operating',
        tags:
          kind.industry === '2672' && r.next() < 0.3
            ? ['key-polluter']
            : kind.industry.startsWith('03')
              ? ['livelihood']
              : [],
        creditGrade: r.pick(['green', 'blue', 'blue', 'yellow', null] as const),
        createdBy: null,
        updatedBy: null,
      });
    }
    const inserted = await tx
      .insert(enterprises)
      .values(newEnterprises)
      .onConflictDoNothing()
      .returning({ id: enterprises.id });
    const all = await tx
      .select({
        id: enterprises.id,
        name: enterprises.name,
        industry: enterprises.industryCode,
        town: enterprises.townCode,
      })
      .from(enterprises)
      .where(eq(enterprises.status, 'operating'))
      .orderBy(enterprises.uscc);
    if (all.length < 40) throw new Error('seedServiceB: too few operating enterprises');

    const staffRows = await tx.select({ id: users.id, name: users.displayName, roles: users.roles }).from(users);
    const leaderUser = staffRows.find((u) => u.roles.includes('leader'));
    const clerkUser = staffRows.find((u) => u.roles.includes('clerk'));
    const inspectorUser = staffRows.find((u) => u.roles.includes('inspector'));
    const approverUser = staffRows.find((u) => u.roles.includes('approver'));

    // ---- reception days: enterprise day on the 2nd Thursday-ish, public day the next working Friday
    const months = ['03', '04', '05', '06', '07', '08', '09', '10', '11'];
    const sessionRows: (typeof receptionSessions.$inferInsert)[] = [];
    for (const m of months) {
      const eDay = workingDayFrom(calendar, `2020-${m}-08`, 4);
      const pDay = workingDayFrom(calendar, addCalendarDays(eDay, 1), 5);
      const leader =
        m === '03' || m === '09' ? '局长 王建平' : r.pick(['副局长 刘志勇', '副局长 彭晓华', '局长 王建平']);
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
    const sessions = await tx.insert(receptionSessions).values(sessionRows).returning();
    // The next reception days, relative to today, so a fresh demo can be booked from the portals.
    // A year without the notice is answered provisionally, so the days across New Year exist too;
    // only a date past 2099 (no calendar at all) is left out.
    const upcoming: (typeof receptionSessions.$inferInsert)[] = [];
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
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
    if (upcoming.length) await tx.insert(receptionSessions).values(upcoming);
    const enterpriseDays = sessions.filter((s) => s.kind === 'enterprise').sort((a, b) => a.date.localeCompare(b.date));
    const publicDays = sessions.filter((s) => s.kind === 'public').sort((a, b) => a.date.localeCompare(b.date));

    // 38 enterprise attendances: 32 distinct enterprises, 6 that came back; people 68 (5×3, 20×2, 13×1)
    const received = r.shuffle(all).slice(0, 32);
    const comeBack = r.shuffle(received).slice(0, 6);
    const entries: { enterprise: (typeof all)[number]; day: number }[] = [];
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
    if (attendanceRows.length !== 86) throw new Error(`seedServiceB: ${attendanceRows.length} people, expected 86`);
    if (bookingRows.length) await tx.insert(receptionBookings).values(bookingRows.map(({ _key, ...b }) => b));
    await tx.insert(receptionAttendances).values(attendanceRows);

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
    await tx.insert(receptionConcerns).values(concernRows);
    if (clockRows.length) await tx.insert(clocks).values(clockRows);

    // ---- campaigns and visits: 243 enterprise-visits from January to November, 4 campaigns
    const campaignRows = await tx
      .insert(campaigns)
      .values([
        {
          theme: '复工复产环保帮扶集中下沉服务',
          startDate: '2020-03-02',
          endDate: '2020-03-20',
          description: '疫情后复工复产企业逐一上门，提醒治污设施同步运行',
          createdBy: leaderUser?.id ?? null,
        },
        {
          theme: '固定污染源排污许可全覆盖集中服务',
          startDate: '2020-05-11',
          endDate: '2020-05-29',
          description: '帮助企业完成排污许可登记或申领',
          createdBy: leaderUser?.id ?? null,
        },
        {
          theme: '花炮行业环评手续集中办理',
          startDate: '2020-07-13',
          endDate: '2020-07-31',
          description: '花炮企业环评备案、告知承诺制审批上门指导',
          createdBy: leaderUser?.id ?? null,
        },
        {
          theme: '秋冬季大气污染防治帮扶',
          startDate: '2020-10-12',
          endDate: '2020-10-30',
          description: '陶瓷、建材企业废气治理设施检查与指导',
          createdBy: leaderUser?.id ?? null,
        },
      ])
      .returning();
    const STAFF_POOL = [
      { name: '王建平', leader: true, userId: leaderUser?.id },
      { name: '刘志勇', leader: true },
      { name: '彭晓华', leader: true },
      { name: '李强', leader: false, userId: inspectorUser?.id },
      { name: '陈涛', leader: false, userId: approverUser?.id },
      { name: '刘敏', leader: false, userId: clerkUser?.id },
      { name: '黄俊', leader: false },
      { name: '钟慧', leader: false },
    ];
    const PURPOSE_BY_INDUSTRY = (industry: string): VisitPurpose[] =>
      industry === '2672'
        ? ['eia-formalities', 'risk-reminder']
        : industry.startsWith('03')
          ? ['pollution-control', 'policy-briefing']
          : ['permit-application', 'pollution-control'];
    const SOLVED = [
      '指导完成排污许可登记',
      '现场讲解环评告知承诺制办理流程',
      '提醒规范危废贮存间建设',
      '帮助梳理环评备案材料',
      '核实治污设施运行记录',
      '宣讲惠企政策',
      '指导编制突发环境事件应急预案',
    ];

    type PlannedVisit = { date: string; campaignId: string | null; ents: (typeof all)[number][] };
    const planned: PlannedVisit[] = [];
    let remaining = 243;
    // campaigns: 4 rounds of visits with 2–4 enterprises each, about 18 户次 a campaign
    for (const c of campaignRows) {
      let inCampaign = 0;
      let d = c.startDate;
      while (inCampaign < 18) {
        if (calendar.dayInfo(d).workingDay) {
          const n = Math.min(r.int(2, 4), 18 - inCampaign);
          planned.push({ date: d, campaignId: c.id, ents: r.shuffle(all).slice(0, n) });
          inCampaign += n;
        }
        d = addCalendarDays(d, r.int(1, 2));
        if (d > c.endDate) d = c.startDate;
      }
      remaining -= inCampaign;
    }
    // ordinary visits spread over the year, 1–3 enterprises each
    let day = '2020-01-06';
    while (remaining > 0) {
      if (calendar.dayInfo(day).workingDay && r.next() < 0.3) {
        const n = Math.min(r.int(1, 3), remaining);
        planned.push({ date: day, campaignId: null, ents: r.shuffle(all).slice(0, n) });
        remaining -= n;
      }
      day = addCalendarDays(day, 1);
      if (day > '2020-11-27') day = '2020-01-06';
    }
    // a few in December: outside the article's period, so they show the period boundary works
    for (const d of ['2020-12-03', '2020-12-10', '2020-12-17'])
      planned.push({ date: d, campaignId: null, ents: r.shuffle(all).slice(0, 2) });

    const visitRows: (typeof visits.$inferInsert)[] = [];
    const veRows: (typeof visitEnterprises.$inferInsert)[] = [];
    const fuRows: (typeof visitFollowUps.$inferInsert)[] = [];
    for (const v of planned) {
      const id = crypto.randomUUID();
      const team = r.shuffle(STAFF_POOL).slice(0, r.int(2, 3));
      const staff = team.map((s) => ({ ...(s.userId ? { userId: s.userId } : {}), name: s.name, leader: s.leader }));
      const purposes = [...new Set(v.ents.flatMap((e) => PURPOSE_BY_INDUSTRY(e.industry)))].slice(0, 3);
      visitRows.push({
        id,
        date: v.date,
        campaignId: v.campaignId,
        staff,
        ledByLeader: staff.some((s) => s.leader),
        purposes,
        summary: `走访${v.ents.length}家企业，${r.pick(SOLVED)}`,
        createdBy: clerkUser?.id ?? null,
        createdAt: at(v.date, '17:30'),
      });
      for (const e of v.ents) veRows.push({ visitId: id, enterpriseId: e.id, solved: r.pick(SOLVED) });
      if (r.next() < 0.25) {
        const e = r.pick(v.ents);
        const due = addCalendarDays(v.date, 14);
        fuRows.push({
          visitId: id,
          enterpriseId: e.id,
          action: '复查整改落实情况',
          dueDate: due,
          doneAt: due < '2020-12-20' ? at(addCalendarDays(v.date, r.int(5, 13)), '15:00') : null,
          doneNote: due < '2020-12-20' ? '已复查，整改到位' : null,
        });
      }
    }
    for (let i = 0; i < visitRows.length; i += 500) await tx.insert(visits).values(visitRows.slice(i, i + 500));
    for (let i = 0; i < veRows.length; i += 500) await tx.insert(visitEnterprises).values(veRows.slice(i, i + 500));
    if (fuRows.length) await tx.insert(visitFollowUps).values(fuRows);

    // ---- tracked major projects
    const projectSpecs = [
      {
        name: '年产 3000 万块页岩砖技改项目',
        industry: '3031',
        investment: 4800,
        reached: 4,
        next: '竣工环保验收现场核查',
        nextDate: '2020-12-15',
      },
      {
        name: '特种陶瓷窑炉天然气改造项目',
        industry: '3073',
        investment: 3200,
        reached: 3,
        next: '督促废气治理设施与主体工程同时施工',
        nextDate: '2020-11-20',
      },
      {
        name: '花炮产业园区集中药物配制中心',
        industry: '2672',
        investment: 12600,
        reached: 2,
        next: '排污许可申领指导',
        nextDate: '2020-12-08',
      },
      {
        name: '生猪规模化养殖场粪污处理工程',
        industry: '0313',
        investment: 1500,
        reached: 6,
        next: null,
        nextDate: null,
      },
      {
        name: '石灰石矿山生态修复及扩能项目',
        industry: '1011',
        investment: 6800,
        reached: 1,
        next: '环评报告书编制进度调度',
        nextDate: '2020-11-25',
      },
      {
        name: '大米深加工生产线建设项目',
        industry: '1311',
        investment: 2100,
        reached: 5,
        next: '投产后首次执行报告提醒',
        nextDate: '2021-01-15',
      },
    ];
    const projectRows = projectSpecs.map((p, i) => {
      const e = all.find((x) => x.industry === p.industry) ?? all[i]!;
      const ms = initialMilestones().map((m, k) => {
        if (k < p.reached)
          return {
            ...m,
            state: 'done' as const,
            date: `2020-${String(2 + k * 2).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`,
          };
        if (k === p.reached) return { ...m, state: 'in-progress' as const };
        return m;
      });
      return {
        id: crypto.randomUUID(),
        name: p.name,
        enterpriseId: e.id,
        investment: p.investment,
        townCode: e.town,
        officerUserId: approverUser?.id ?? null,
        officerName: approverUser?.name ?? '陈涛',
        milestones: ms,
        nextAction: p.next,
        nextActionDate: p.nextDate,
        status: p.reached >= PROJECT_MILESTONES.length ? 'completed' : 'active',
        createdBy: leaderUser?.id ?? null,
        createdAt: at('2020-02-20'),
      };
    });
    await tx.insert(trackedProjects).values(projectRows);
    await tx.insert(projectContacts).values(
      projectRows.flatMap((p, i) =>
        Array.from({ length: 2 + (i % 3) }, (_, k) => ({
          projectId: p.id,
          date: `2020-${String(3 + k * 3).padStart(2, '0')}-${String(12 + i).padStart(2, '0')}`,
          channel: r.pick(['visit', 'phone', 'meeting'] as const),
          note: r.pick([
            '调度项目环保手续进度',
            '现场查看施工期环保措施',
            '协调解决验收监测问题',
            '告知排污许可申领时限',
          ]),
          byUserId: approverUser?.id ?? null,
          byName: approverUser?.name ?? '陈涛',
        })),
      ),
    );

    const result: ServiceBSeedResult = {
      skipped: false,
      enterprisesAdded: inserted.length,
      sessions: sessions.length,
      attendances: attendanceRows.length,
      concerns: concernRows.length,
      visits: visitRows.length,
      enterpriseVisits: veRows.length,
      campaigns: campaignRows.length,
      projects: projectRows.length,
    };
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'seed.service-b',
      entityType: 'seed',
      entityId: null,
      after: result,
    });
    print(
      `服务演示数据 Service demo data: ${result.sessions} 接待日, ${result.attendances} 人次, ${result.concerns} 诉求, ${result.visits} 次走访 (${result.enterpriseVisits} 户次), ${result.campaigns} 次集中服务, ${result.projects} 个跟踪项目`,
    );
    return result;
  });
}
