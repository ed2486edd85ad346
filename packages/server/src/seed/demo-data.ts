/**
 * What the demo's module seeds share: the county's named enterprises and their phones, the
 * deterministic random streams each seed draws from, and the lookups of the demo staff the
 * records are attributed to. Each module's seed (modules/<m>/seed.ts) finds the records of the
 * modules before it by querying; nothing here holds a record.
 */
import { addCalendarDays, makeValidUscc, USCC_ALPHABET } from '@qingshan/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../modules/audit/service.ts';
import { enterprises } from '../modules/enterprises/tables.ts';
import { users } from '../modules/users/tables.ts';

// Believable enterprises of Shangli County: fireworks dominate (花炮), then building materials,
// ceramics, mining, livestock and food — the industries the county report names.
type DemoEnterprise = {
  name: string;
  town: string;
  industry: string;
  address: string;
  legal: string;
  tags?: string[];
  credit?: 'green' | 'blue' | 'yellow' | 'red';
  status?: 'operating' | 'suspended' | 'closed';
};

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    name: '上栗县金花烟花制造有限公司',
    town: '360322101',
    industry: '2672',
    address: '上栗镇金花村',
    legal: '刘建国',
    tags: ['key-polluter'],
    credit: 'green',
  },
  {
    name: '萍乡市上栗县东源鞭炮厂',
    town: '360322202',
    industry: '2672',
    address: '东源乡东源村',
    legal: '彭志强',
    credit: 'blue',
  },
  {
    name: '上栗县福田花炮有限公司',
    town: '360322104',
    industry: '2672',
    address: '福田镇福田村',
    legal: '黄海波',
    tags: ['key-polluter'],
    credit: 'blue',
  },
  {
    name: '上栗县金山烟花厂',
    town: '360322103',
    industry: '2672',
    address: '金山镇金山村',
    legal: '李卫东',
    credit: 'yellow',
  },
  { name: '上栗县杨岐礼花有限公司', town: '360322203', industry: '2672', address: '杨岐乡杨岐村', legal: '钟明华' },
  {
    name: '上栗县桐木引线有限公司',
    town: '360322102',
    industry: '2672',
    address: '桐木镇桐木村',
    legal: '邓小平',
    credit: 'green',
  },
  { name: '上栗县长平烟花爆竹有限公司', town: '360322201', industry: '2672', address: '长平乡长平村', legal: '周国庆' },
  {
    name: '上栗县赤山组合烟花厂',
    town: '360322106',
    industry: '2672',
    address: '赤山镇赤山村',
    legal: '吴立新',
    status: 'suspended',
  },
  { name: '上栗县鸡冠山花炮纸筒厂', town: '360322200', industry: '2231', address: '鸡冠山乡鸡冠山村', legal: '陈志刚' },
  {
    name: '上栗县彭高水泥有限公司',
    town: '360322105',
    industry: '3011',
    address: '彭高镇工业园',
    legal: '胡建军',
    tags: ['key-polluter'],
    credit: 'blue',
  },
  {
    name: '上栗县桐木新型建材有限公司',
    town: '360322102',
    industry: '3031',
    address: '桐木镇工业小区',
    legal: '易春生',
  },
  {
    name: '上栗县福田页岩砖厂',
    town: '360322104',
    industry: '3031',
    address: '福田镇大塘村',
    legal: '文国平',
    credit: 'yellow',
  },
  {
    name: '上栗县金山特种陶瓷有限公司',
    town: '360322103',
    industry: '3073',
    address: '金山镇工业园',
    legal: '曾德明',
    tags: ['high-employment'],
  },
  { name: '上栗县赤山工业陶瓷厂', town: '360322106', industry: '3072', address: '赤山镇幸福村', legal: '谢永红' },
  {
    name: '上栗县长平石灰石矿',
    town: '360322201',
    industry: '1011',
    address: '长平乡观泉村',
    legal: '罗建华',
    credit: 'blue',
  },
  {
    name: '上栗县东源煤矸石综合利用有限公司',
    town: '360322202',
    industry: '3039',
    address: '东源乡浏市村',
    legal: '袁新华',
  },
  {
    name: '上栗县彭高生猪养殖专业合作社',
    town: '360322105',
    industry: '0313',
    address: '彭高镇新塘村',
    legal: '彭国强',
    tags: ['livelihood'],
  },
  {
    name: '上栗县杨岐山生态养殖场',
    town: '360322203',
    industry: '0313',
    address: '杨岐乡普通寺村',
    legal: '李春华',
    tags: ['livelihood'],
  },
  {
    name: '上栗县鸡冠山蛋鸡养殖有限公司',
    town: '360322200',
    industry: '0321',
    address: '鸡冠山乡秀水村',
    legal: '张秋生',
  },
  {
    name: '上栗县上栗镇米业有限公司',
    town: '360322101',
    industry: '1311',
    address: '上栗镇建设路',
    legal: '朱文华',
    tags: ['livelihood'],
  },
  { name: '上栗县金山酱菜食品厂', town: '360322103', industry: '1453', address: '金山镇人民路', legal: '欧阳娟' },
  {
    name: '上栗县医用口罩生产有限公司',
    town: '360322101',
    industry: '2770',
    address: '上栗镇工业园',
    legal: '何丽',
    tags: ['epidemic-supply', 'major-project'],
    credit: 'green',
  },
  {
    name: '上栗县污水处理有限公司',
    town: '360322101',
    industry: '4620',
    address: '上栗镇城南',
    legal: '唐志远',
    tags: ['key-polluter'],
    credit: 'green',
  },
  {
    name: '上栗县福田电子元件有限公司',
    town: '360322104',
    industry: '3982',
    address: '福田镇工业园',
    legal: '孙海燕',
    tags: ['high-employment', 'major-project'],
  },
];

/** Deterministic, valid codes (with the check character computed), so demo data is stable. */
export function demoUscc(index: number): string {
  let body = '';
  let n = index * 7919 + 104729;
  for (let i = 0; i < 7; i++) {
    body += USCC_ALPHABET[n % USCC_ALPHABET.length];
    n = Math.floor(n / USCC_ALPHABET.length) + 13 * (i + 1);
  }
  return makeValidUscc(`91360322MA${body}`);
}

/** Demo passwords are printed for trying the platform out, so they do not force a change. */
export const DEMO_PASSWORD_OPTIONS = { mustChangePassword: false };

/** The legal representatives' phones, in turn. */
export const DEMO_PHONES = ['13907990101', '13807990202', '13979990303', '13607990404', '18979990505'];

/** A time of day on a Shanghai date. */
export const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

export const DAY_MS = 86_400_000;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function demoRandom(state: number) {
  let a = state >>> 0;
  const next = () => {
    a = (a + MULBERRY_STEP) >>> 0;
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
export type DemoRandom = ReturnType<typeof demoRandom>;

const MULBERRY_STEP = 0x6d2b79f5;
/** mulberry32's state moves by a constant per draw, so the state after n draws is known without drawing. */
const after = (state: number, draws: number) => (state + Math.imul(draws, MULBERRY_STEP)) >>> 0;

const WINDOW_YEAR = 20_200_301;
const SERVICE_YEAR = 20_201_130;
/**
 * Where each module's seed starts drawing. The 2020 records were first made by two functions each
 * drawing one sequence (the window's year: bookings, then ratings; the service year: enterprises,
 * reception days, visits, projects); each module's stream starts where that sequence stood when
 * the module's part began, so the demo kept its records when the seed was split by module, and a
 * change to one module's seed no longer reshuffles the others'.
 */
export const DEMO_STREAMS = {
  appointments: WINDOW_YEAR,
  // after the draws of the 2020 bookings
  ratings: after(WINDOW_YEAR, 6811),
  enterprises: SERVICE_YEAR,
  // after the draws of the 60 generated enterprises
  reception: after(SERVICE_YEAR, 518),
  // after those of the enterprises and the reception days
  visits: after(SERVICE_YEAR, 1105),
  // after those of the enterprises, the reception days and the visits
  projects: after(SERVICE_YEAR, 13_103),
} as const;

/**
 * Where each module's records of the seeding year draw from (the year the demo is started in, up
 * to the day before): streams of their own, so the 2020 records above never move when these change.
 */
export const THIS_YEAR_STREAMS = {
  visits: 1_001,
  reception: 1_002,
  appointments: 1_003,
  ratings: 1_004,
  petitions: 1_005,
  eia: 1_006,
  applications: 1_007,
  inspections: 1_008,
  positiveList: 1_009,
  policies: 1_010,
  siteInspections: 1_011,
  // not of the past: the window's bookings of the coming week
  comingBookings: 1_012,
} as const;

/**
 * The days of the seeding year before today, Shanghai dates (none on 1 January): the span the
 * demo's past records of this year fall in, so that the dashboard's default period, this year,
 * counts records as it would in a bureau that has run the platform since January.
 */
export function daysOfThisYearSoFar(today: string): string[] {
  const days: string[] = [];
  for (let d = `${today.slice(0, 4)}-01-01`; d < today; d = addCalendarDays(d, 1)) days.push(d);
  return days;
}

/** The demo account with this user name, as the actor of the records it made (none in a database without it). */
export async function demoStaff(db: Db, username: string, role: string): Promise<Actor | null> {
  const [u] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.username, username));
  // named as a signed-in request names its user (plugins/auth.ts actorOf): records show people, not accounts
  return u ? { id: u.id, name: u.displayName || username, account: username, roles: [role], ip: null } : null;
}

/** The first account holding a role (the demo has one per role), with its display name. */
export async function demoUserWithRole(db: Db, role: string): Promise<{ id: string; name: string } | undefined> {
  const rows = await db.select({ id: users.id, name: users.displayName, roles: users.roles }).from(users);
  const u = rows.find((x) => x.roles.includes(role));
  return u && { id: u.id, name: u.name };
}

/** Family names for a polite 先生/女士 (window visitors, petitioners, reporters). */
export const FAMILY_NAMES = '张王李刘陈杨黄赵周吴徐孙胡朱高林何郭马罗';

// Names common in the county, for the people of its enterprises and villages.
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
const GIVEN_NAMES = [
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
/** A full name from the county's common names. */
export function personName(r: DemoRandom): string {
  return r.pick(SURNAMES) + r.pick(GIVEN_NAMES);
}

/**
 * The operating enterprises in a stable order (by credit code), the county the reception days
 * and visits serve: the enterprises seed made them.
 */
export async function countyEnterprises(db: Db) {
  const all = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      industry: enterprises.industryCode,
      town: enterprises.townCode,
    })
    .from(enterprises)
    .where(eq(enterprises.status, 'operating'))
    .orderBy(enterprises.uscc);
  // 32 distinct enterprises come to the reception days alone
  if (all.length < 40) throw new Error(`demo seed: ${all.length} operating enterprises, at least 40 expected`);
  return all;
}
export type CountyEnterprise = Awaited<ReturnType<typeof countyEnterprises>>[number];
