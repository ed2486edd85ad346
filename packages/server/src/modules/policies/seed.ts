import { addCalendarDays, BUREAU_NAME, todayInShanghai } from '@qingshan/core';
import { enterpriseConcerned, type PolicyKind, type PolicyTopic } from '@qingshan/core/policies';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, DAY_MS, daysOfThisYearSoFar, demoRandom, THIS_YEAR_STREAMS } from '../../seed/demo-data.ts';
import { type Actor, SYSTEM_ACTOR } from '../audit/service.ts';
import { getCalendar } from '../calendar/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notifications } from '../notifications/tables.ts';
import { createUser } from '../users/service.ts';
import { users } from '../users/tables.ts';
import { createPolicy, publishPolicy, setSubscription } from './service.ts';
import { policies, policyPushes } from './tables.ts';

type Entry = {
  /** the month it is published in, and the day from which the desk looks for a working day */
  on: string;
  kind: PolicyKind;
  title: (y: number) => string;
  summary: string;
  body: string;
  documentNo?: (y: number) => string;
  industries: string[];
  towns?: string[];
  topics: PolicyTopic[];
  /** in force to the end of its year, or open-ended */
  yearOnly?: boolean;
};

// The bureau's publicity of a year: measures, notices and explanations for the county's industries.
// Each names whom it concerns by industry (and town): none names the whole county, since the
// demo's two enterprise accounts (fireworks in 上栗镇 and 东源乡) keep the inbox they had.
const CATALOGUE: Entry[] = [
  {
    on: '01-12',
    kind: 'notice',
    title: (y) => `关于做好 ${y - 1} 年度排污许可证执行报告年报填报的通知`,
    summary: '持证排污单位须在 1 月 31 日前通过全国排污许可证管理信息平台提交上一年度执行报告。',
    body: '各持证排污单位：请于 1 月 31 日前登录全国排污许可证管理信息平台，如实填报上一年度排污许可证执行报告，重点说明污染防治设施运行、自行监测和环境管理台账情况。逾期未提交的，将依据《排污许可管理条例》第三十七条处理。',
    documentNo: (y) => `上环字〔${y}〕2号`,
    industries: ['30', '10', '13', '14'],
    topics: ['permit'],
  },
  {
    on: '02-26',
    kind: 'benefit',
    title: (y) => `${y} 年畜禽粪污资源化利用项目申报指南`,
    summary: '规模养殖场粪污贮存、处理设施改造项目可申报补助，按设施投资额的 30% 予以补助。',
    body: '为推进畜禽粪污资源化利用，对规模养殖场新建或改造粪污贮存池、固液分离、有机肥加工等设施给予补助，补助标准为设施投资额的 30%，单个项目最高 20 万元。申报材料含项目实施方案、用地证明和环评手续，报所在乡镇初审后送本局。',
    documentNo: (y) => `上环字〔${y}〕5号`,
    industries: ['03'],
    topics: ['subsidy'],
    yearOnly: true,
  },
  {
    on: '03-10',
    kind: 'interpretation',
    title: () => '《陶瓷工业污染物排放标准》执行要点解读',
    summary: '解读陶瓷窑炉颗粒物、二氧化硫、氮氧化物排放限值及基准含氧量折算要求。',
    body: '陶瓷企业窑炉废气执行 GB 25464-2010 及其修改单，颗粒物、二氧化硫、氮氧化物按基准含氧量折算后判定达标。企业自行监测应覆盖全部排放口，监测报告在排污许可执行报告中一并提交。本解读附常见问题答复。',
    industries: ['307'],
    topics: ['permit', 'monitoring'],
  },
  {
    on: '03-24',
    kind: 'notice',
    title: () => '关于金山镇、福田镇花炮企业含药废物规范化收集处置的通知',
    summary: '含药废渣、废药属危险废物（HW15），须分类收集、专库贮存，交有资质单位处置。',
    body: '金山镇、福田镇各花炮生产企业：配药、装药工序产生的含药废渣、废药属《国家危险废物名录》HW15 爆炸性废物，须分类收集、专库贮存、设置标识，委托有资质单位处置并执行转移联单制度。本局将结合双随机抽查开展核查。',
    documentNo: (y) => `上环字〔${y}〕9号`,
    industries: ['2672'],
    towns: ['360322103', '360322104'],
    topics: ['enforcement'],
  },
  {
    on: '04-14',
    kind: 'normative',
    title: (y) => `上栗县畜禽养殖禁养区划定方案（${y} 年修订）`,
    summary: '调整县城规划区、饮用水水源保护区周边禁养区范围，禁养区内现有养殖场限期关闭或搬迁。',
    body: '根据《畜禽规模养殖污染防治条例》第十一条，结合饮用水水源保护区调整情况，修订本县畜禽养殖禁养区范围。禁养区内现有规模养殖场应在规定期限内关闭或搬迁，依法给予补偿；禁养区外养殖场应配套粪污处理设施。',
    documentNo: (y) => `上环规〔${y}〕1号`,
    industries: ['03'],
    topics: ['other'],
  },
  {
    on: '05-11',
    kind: 'notice',
    title: (y) => `${y} 年夏季臭氧污染防控涉气企业错峰生产的通知`,
    summary: '5 月至 9 月臭氧污染高发期，水泥、砖瓦、陶瓷企业按预警等级落实错峰生产和减排措施。',
    body: '臭氧污染高发期间，水泥、砖瓦、陶瓷等涉气企业应按市重污染天气预警等级落实错峰生产，加强无组织排放管控，暂停露天喷涂作业。各企业应将减排措施清单报本局备案。',
    documentNo: (y) => `上环字〔${y}〕16号`,
    industries: ['301', '303', '307'],
    topics: ['emergency'],
    yearOnly: true,
  },
  {
    on: '05-26',
    kind: 'benefit',
    title: () => '砖瓦窑炉大气污染深度治理补助资金申报通知',
    summary: '砖瓦企业完成窑炉脱硫除尘设施提标改造并验收的，可申请一次性补助。',
    body: '对完成隧道窑脱硫除尘设施提标改造、经验收排放稳定达到 GB 29620 特别排放限值的砖瓦企业，给予一次性补助 10 万元。申报截止时间为本年 10 月 31 日。',
    documentNo: (y) => `上环字〔${y}〕18号`,
    industries: ['3031'],
    topics: ['subsidy'],
    yearOnly: true,
  },
  {
    on: '06-09',
    kind: 'notice',
    title: (y) => `关于开展 ${y} 年汛期涉水企业环境安全隐患排查的通知`,
    summary: '汛期前完成雨污分流、废水收集池防渗和应急池排查，发现隐患立即整改。',
    body: '各食品加工、矿山企业：请于汛期前完成雨污分流、废水收集池防渗、事故应急池容量的自查，建立隐患台账并逐项整改。本局将开展汛期涉水企业专项检查。',
    industries: ['13', '14', '10'],
    topics: ['emergency', 'enforcement'],
    yearOnly: true,
  },
  {
    on: '07-14',
    kind: 'interpretation',
    title: () => '企业环境信用评价结果应用与信用修复政策解读',
    summary: '解读环境信用绿、蓝、黄、红四级评价的应用措施，以及黄牌、红牌企业申请信用修复的条件和程序。',
    body: '环境信用评价结果与双随机抽查比例、正面清单、财政补助挂钩：绿牌企业减少检查频次，黄牌、红牌企业提高检查频次并限制享受补助。企业完成整改、满足修复条件后，可向本局申请信用修复。',
    industries: ['30', '10', '03'],
    topics: ['credit'],
  },
  {
    on: '08-18',
    kind: 'benefit',
    title: () => '鸡冠山乡、杨岐乡花炮企业粉尘收集设施改造补助申报通知',
    summary: '花炮及引线、纸筒企业改造配药、装药工序粉尘收集设施的，按投资额给予补助。',
    body: '鸡冠山乡、杨岐乡花炮产业企业改造配药、装药工序粉尘收集设施，经验收合格的，按设施投资额的 30% 给予补助，单个企业最高 5 万元。申报材料报乡政府初审后送本局。',
    documentNo: (y) => `上环字〔${y}〕27号`,
    industries: ['2672', '2231'],
    towns: ['360322200', '360322203'],
    topics: ['subsidy'],
    yearOnly: true,
  },
  {
    on: '09-15',
    kind: 'notice',
    title: () => '关于开展非煤矿山扬尘治理与生态修复专项行动的通知',
    summary: '非煤矿山企业落实采场、运输道路扬尘治理措施，编制并实施矿山生态修复方案。',
    body: '各非煤矿山企业：请落实采场喷淋、运输道路硬化与冲洗、物料覆盖等扬尘治理措施，按矿山地质环境保护与土地复垦方案开展边开采边修复。本局将会同自然资源部门开展联合检查。',
    documentNo: (y) => `上环字〔${y}〕31号`,
    industries: ['10'],
    topics: ['enforcement'],
  },
  {
    on: '10-19',
    kind: 'notice',
    title: (y) => `${y}—${y + 1} 年秋冬季大气污染防治攻坚建材企业管控措施`,
    summary: '秋冬季攻坚期间，水泥、砖瓦、陶瓷企业落实重污染天气应急减排清单，物料堆场全封闭。',
    body: '攻坚期间，建材企业应严格执行重污染天气应急减排清单，物料堆场全封闭或全覆盖，运输车辆出厂前冲洗。本局将对重点企业开展驻点检查。',
    documentNo: (y) => `上环字〔${y}〕35号`,
    industries: ['30'],
    topics: ['emergency'],
  },
  {
    on: '11-11',
    kind: 'interpretation',
    title: () => '排污许可证延续、变更与重新申请办理指引',
    summary: '许可证有效期届满 60 日前申请延续；排放口、污染物种类变化的须申请变更或重新申请。',
    body: '排污许可证有效期届满，排污单位需要继续排放污染物的，应当于有效期届满 60 日前向审批部门提出延续申请。新建、改建、扩建排放口或者污染物排放种类、排放量增加的，应当重新申请。本指引列明办理材料和时限。',
    industries: ['03', '13', '14', '30'],
    topics: ['permit'],
  },
  {
    on: '12-07',
    kind: 'benefit',
    title: () => '食品加工企业废水预处理设施改造补助政策',
    summary: '农副食品加工、食品制造企业新建或改造废水预处理设施并稳定达标的，给予补助。',
    body: '对新建或改造废水预处理设施、经监测稳定达到纳管标准的农副食品加工、食品制造企业，按设施投资额的 20% 给予补助，单个企业最高 8 万元。',
    documentNo: (y) => `上环字〔${y}〕40号`,
    industries: ['13', '14'],
    topics: ['subsidy'],
  },
];

/** How many of the concerned firms have an account on the portal: about one in five. */
const FIRM_ACCOUNTS = 14;

/**
 * This year's policy publicity: the catalogue's entries published so far, each pushed to the
 * accounts of the enterprises it concerns and to the subscribers it matches, as publishPolicy does.
 * A push is read a few hours or days after it came, or not at all; nothing comes on or after today.
 *
 * The pushes need enterprise accounts besides the demo's two (whose firms no entry concerns): a
 * few of the concerned firms' own 环保专员 have one, signed in with their credit code. Nobody is
 * given their passwords (issued ones, to be changed at first sign-in), so they are not demo
 * accounts; the pushes they have not read stay unread in their inboxes.
 */
export async function seedPolicies(db: Db, ctx: SeedContext): Promise<void> {
  const today = todayInShanghai();
  const calendar = await getCalendar(db);
  const year = Number(today.slice(0, 4));
  const r = demoRandom(THIS_YEAR_STREAMS.policies);
  const schedule = CATALOGUE.map((e) => {
    let day = addCalendarDays(`${year}-${e.on}`, r.int(0, 3));
    while (!calendar.isWorkingDay(day)) day = addCalendarDays(day, 1);
    return { e, day, time: r.pick(['09:30', '10:00', '10:30', '15:00']) };
  }).filter((p) => p.day < today);
  if (!daysOfThisYearSoFar(today).length || !schedule.length) return;

  const [clerkUser] = await db.select().from(users).where(eq(users.username, 'clerk'));
  const clerk: Actor = {
    id: clerkUser?.id ?? null,
    name: clerkUser?.displayName ?? '窗口·刘敏',
    roles: ['clerk'],
    ip: null,
  };
  const demoUsernames = ctx.accounts.filter((a) => a.role === 'enterprise').map((a) => a.username);
  const demoFirmIds = new Set(
    demoUsernames.length
      ? (await db.select({ id: users.enterpriseId }).from(users).where(inArray(users.username, demoUsernames))).map(
          (u) => u.id,
        )
      : [],
  );
  const firms = await db
    .select()
    .from(enterprises)
    .where(eq(enterprises.status, 'operating'))
    .orderBy(enterprises.uscc);
  const demoFirms = firms.filter((f) => demoFirmIds.has(f.id));
  const concernsDemo = (e: Entry) =>
    demoFirms.some((f) => enterpriseConcerned({ industries: e.industries, towns: e.towns ?? [] }, f));
  const concerned = (e: Entry) =>
    firms.filter(
      (f) => !demoFirmIds.has(f.id) && enterpriseConcerned({ industries: e.industries, towns: e.towns ?? [] }, f),
    );

  const candidates = firms.filter((f) => CATALOGUE.some((e) => concerned(e).includes(f)));
  const withAccount = r.shuffle(candidates).slice(0, FIRM_ACCOUNTS);
  const accountIds: string[] = [];
  for (const f of withAccount) {
    const { user } = await createUser(db, SYSTEM_ACTOR, {
      username: f.uscc,
      displayName: `${f.name}·环保专员`,
      roles: ['enterprise'],
      enterpriseId: f.id,
    });
    accountIds.push(user.id);
  }
  // a few officers follow the subsidies (and one the heavy-pollution notices) beyond their own trade
  for (const [i, userId] of accountIds.slice(0, 4).entries()) {
    const self: Actor = { id: userId, name: withAccount[i]!.uscc, roles: ['enterprise'], ip: null };
    await setSubscription(db, self, userId, {
      industries: [],
      towns: [],
      topics: i === 3 ? ['emergency', 'enforcement'] : ['subsidy'],
      kinds: [],
    });
  }

  const startOfToday = at(today, '00:00').getTime();
  let published = 0;
  for (const { e, day, time } of schedule) {
    if (concernsDemo(e)) continue;
    const publishedAt = at(day, time);
    const policy = await createPolicy(db, clerk, {
      kind: e.kind,
      title: e.title(year),
      summary: e.summary,
      body: e.body,
      issuer: BUREAU_NAME,
      documentNo: e.documentNo?.(year),
      industries: e.industries,
      towns: e.towns ?? [],
      topics: e.topics,
      validFrom: day,
      validTo: e.yearOnly ? `${year}-12-31` : undefined,
      forCitizens: false,
      qaOpen: true,
    });
    // drafted a few days before it went out, not on the day the demo was seeded
    const drafted = new Date(publishedAt.getTime() - r.int(1, 4) * DAY_MS);
    await db.update(policies).set({ createdAt: drafted, updatedAt: drafted }).where(eq(policies.id, policy.id));
    await publishPolicy(db, clerk, policy.id, policy.version, publishedAt);
    published++;
    const pushes = await db
      .select({ id: policyPushes.id, notificationId: policyPushes.notificationId })
      .from(policyPushes)
      .innerJoin(users, eq(users.id, policyPushes.userId))
      .where(eq(policyPushes.policyId, policy.id))
      // by account, so that who read what does not depend on the ids of the day
      .orderBy(users.username);
    const messageIds = pushes.flatMap((p) => (p.notificationId ? [p.notificationId] : []));
    // the inbox messages arrived with the push, not on the day the demo was seeded
    if (messageIds.length)
      await db.update(notifications).set({ createdAt: publishedAt }).where(inArray(notifications.id, messageIds));
    const reads = pushes.flatMap((p) => {
      const readAt = publishedAt.getTime() + r.int(1, 96) * 3_600_000;
      return r.next() < 0.7 && readAt < startOfToday ? [{ ...p, readAt: new Date(readAt) }] : [];
    });
    if (!reads.length) continue;
    // as markPolicyRead records an opening: the push and its message read at once
    const values = sql.join(
      reads.map((p) => sql`(${p.id}::uuid, ${p.notificationId}::uuid, ${p.readAt.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await db.execute(
      sql`update policy_pushes p set read_at = v.at from (values ${values}) v(id, nid, at) where p.id = v.id`,
    );
    await db.execute(
      sql`update notifications n set read_at = v.at from (values ${values}) v(id, nid, at) where n.id = v.nid`,
    );
  }
  ctx.print(`政策宣传：${year} 年发布政策文件 ${published} 份，推送至 ${accountIds.length} 个企业账号`);
}
