import { addCalendarDays, fromDayNumber, toDayNumber, todayInShanghai } from '@qingshan/core/calendar';
import type { EiaCaseCreate } from '@qingshan/core/eia';
import type { EiaFacts } from '@qingshan/core/eia-classification';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import { at, demoStaff } from '../../seed/demo-data.ts';
import type { Actor } from '../../shared/actor.ts';
import { getCalendar } from '../calendar/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { seedEiaThisYear } from './seed-this-year.ts';
import { answerObjection, createCase, decideCase, lodgeObjection, recordCityDecision, verifyCase } from './service.ts';

// Real Shangli industries with the facts the classification wizard asks for them (eia-catalogue.md
// §2): the server classifies each case itself, so the rows below come from the engine, not from here.
const FACTS: Record<string, EiaFacts> = {
  // row 44: physical mixing and charging with VOCs (binders) → 报告表
  '2672': { chemicalReaction: false, productionWastewater: false, vocEmissions: true },
  // row 149: other hazardous-goods storage → 报告表
  '5949': { storageType: 'other' },
  // row 56 → 报告表
  '3031': { stoneSlabProcessingOnly: false },
  '3039': { stoneSlabProcessingOnly: false },
  // row 59: no high-pollution fuel; 建筑陶瓷 → 报告表, 特种陶瓷 → outside EIA
  '3071': { industrialBuilding: true, highPollutionFuel: false },
  '3073': { industrialBuilding: true, highPollutionFuel: false },
  // row 55 → 报告表 (no fact needed)
  '3021': {},
  '3022': {},
  // row 38: rolling and cutting paper tubes only → outside EIA
  '2239': { industrialBuilding: true, coatingImpregnationPrintingGluing: false },
  // row 54: clinker → 报告书
  '3011': { cementGrindingOnly: false },
  // row 100: air-pollution control works → 登记表
  '7722': {},
};

type Plan = {
  enterprise: string;
  project: string;
  address: string;
  industry: string;
  /** the wizard's facts, where they differ from the industry's usual ones */
  facts?: EiaFacts;
  on: string;
};

/** 13 commitment approvals decided in the article's period (2020-01-01…2020-11-30). */
const APPROVALS_2020: Plan[] = [
  {
    enterprise: '上栗县金花烟花制造有限公司',
    project: '组合烟花生产线技术改造项目',
    address: '上栗镇金花村',
    industry: '2672',
    on: '2020-03-16',
  },
  {
    enterprise: '萍乡市上栗县东源鞭炮厂',
    project: '年产 8 万箱鞭炮生产线改建项目',
    address: '东源乡东源村',
    industry: '2672',
    on: '2020-04-08',
  },
  {
    enterprise: '上栗县福田花炮有限公司',
    project: '烟花爆竹成品仓库扩建项目',
    address: '福田镇福田村',
    industry: '5949',
    on: '2020-04-27',
  },
  {
    enterprise: '上栗县桐木新型建材有限公司',
    project: '年产 6000 万块蒸压加气混凝土砌块项目',
    address: '桐木镇',
    industry: '3031',
    on: '2020-05-14',
  },
  {
    enterprise: '上栗县福田页岩砖厂',
    project: '页岩烧结砖隧道窑改造项目',
    address: '福田镇',
    industry: '3031',
    on: '2020-06-03',
  },
  {
    enterprise: '上栗县杨岐礼花有限公司',
    project: '礼花弹装药车间改建项目',
    address: '杨岐乡杨岐村',
    industry: '2672',
    on: '2020-06-22',
  },
  {
    enterprise: '上栗县长平烟花爆竹有限公司',
    project: '危险品中转库建设项目',
    address: '长平乡长平村',
    industry: '5949',
    on: '2020-07-09',
  },
  {
    enterprise: '上栗县东源煤矸石综合利用有限公司',
    project: '煤矸石烧结空心砌块生产线项目',
    address: '东源乡',
    industry: '3039',
    on: '2020-07-28',
  },
  {
    enterprise: '上栗县赤山组合烟花厂',
    project: '组合烟花药物混合工房改建项目',
    address: '赤山镇',
    industry: '2672',
    on: '2020-08-17',
  },
  {
    enterprise: '上栗县金山特种陶瓷有限公司',
    project: '天然气隧道窑建筑陶瓷砖生产线项目',
    address: '金山镇',
    industry: '3071',
    on: '2020-09-07',
  },
  {
    enterprise: '上栗县彭高水泥有限公司',
    project: '年产 20 万立方米商品混凝土搅拌站项目',
    address: '彭高镇',
    industry: '3021',
    on: '2020-09-25',
  },
  {
    enterprise: '上栗县金山烟花厂',
    project: '亮珠造粒车间技术改造项目',
    address: '金山镇金山村',
    industry: '2672',
    on: '2020-10-26',
  },
  {
    enterprise: '上栗县赤山工业陶瓷厂',
    project: '水泥预制构件生产线项目',
    address: '赤山镇幸福村',
    industry: '3022',
    on: '2020-11-18',
  },
];

/** 3 exemption determinations in the period, each citing the national catalogue's "/" or its Article 5. */
const EXEMPTIONS_2020: (Plan & { entry: string })[] = [
  {
    enterprise: '上栗县杨岐山生态养殖场',
    project: '年出栏 300 头生猪养殖场改建项目',
    address: '杨岐乡',
    industry: '0313',
    facts: { scaleFarm: false },
    entry: '名录第3项登记表栏“规模化以下的除外”：年出栏 300 头，低于规模化标准，不纳入环评管理',
    on: '2020-05-20',
  },
  {
    enterprise: '上栗县金山特种陶瓷有限公司',
    project: '电窑特种陶瓷填料生产线项目',
    address: '金山镇',
    industry: '3073',
    entry: '名录第59项：不使用高污染燃料的特种陶瓷制品制造未列入任何一栏（第五条 名录未作规定的不纳入环评管理）',
    on: '2020-08-05',
  },
  {
    enterprise: '上栗县鸡冠山花炮纸筒厂',
    project: '花炮纸筒卷制车间扩建项目',
    address: '鸡冠山乡鸡冠山村',
    industry: '2239',
    entry:
      '《建设项目环境影响评价分类管理名录（2021年版）》第五条：本名录未作规定的建设项目，不纳入建设项目环境影响评价管理',
    on: '2020-11-06',
  },
];

const PEOPLE = ['刘建国', '彭志强', '黄海波', '钟明华', '周国庆', '陈志刚', '谢永红', '李卫东', '欧阳娟', '汤小平'];

function staffUser(a: Actor): SessionUser {
  return { id: a.id!, username: a.name, roles: a.roles, enterpriseId: null } as unknown as SessionUser;
}

export async function seedEia(db: Db, ctx: SeedContext): Promise<void> {
  const clerk = await demoStaff(db, 'clerk', 'clerk');
  const approver = await demoStaff(db, 'approver', 'approver');
  const inspector = await demoStaff(db, 'inspector', 'inspector');
  if (!clerk || !approver || !inspector) return;
  const ents = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises);
  const idOf = (name: string) => {
    const e = ents.find((x) => x.name === name);
    if (!e) throw new Error(`eia seed: no enterprise ${name}`);
    return e.id;
  };
  const base = (p: Plan, i: number): EiaCaseCreate => ({
    enterpriseId: idOf(p.enterprise),
    path: 'commitment',
    projectName: p.project,
    projectAddress: `萍乡市上栗县${p.address}`,
    constructionType: 'alteration',
    industryCode: p.industry,
    facts: p.facts ?? FACTS[p.industry] ?? {},
    contactName: PEOPLE[i % PEOPLE.length]!,
    contactPhone: `139079${String(70000 + i * 37).padStart(5, '0')}`,
    inSensitiveArea: false,
    electroplating: false,
    nationalSecurity: false,
    commitmentSigned: true,
  });

  // The article's period: 13 commitment approvals, each verified within 30 days.
  let n = 0;
  const calendar = await getCalendar(db);
  for (const [i, p] of APPROVALS_2020.entries()) {
    // opened six working days before the decision: five of publicity, then the decision on the
    // next working day, as eia.commitment.decision asks (the dashboard judges both clocks)
    const opened = fromDayNumber(calendar.nthWorkingDayBefore(toDayNumber(p.on), 6));
    const c = await createCase(db, staffUser(clerk), clerk, base(p, i), at(opened, '09:30'));
    const d = await decideCase(db, approver, c.id, { version: c.version, approve: true }, at(p.on, '10:00'));
    const checked = addCalendarDays(p.on, 20);
    await verifyCase(
      db,
      inspector,
      d.id,
      { version: d.version, result: 'pass', note: '现场核查：污染防治措施与报告表一致，承诺内容属实' },
      at(checked, '15:00'),
    );
    n++;
  }
  for (const [i, x] of EXEMPTIONS_2020.entries()) {
    await createCase(
      db,
      staffUser(approver),
      approver,
      {
        ...base({ ...x }, 20 + i),
        path: 'exemption',
        commitmentSigned: undefined,
        exemptionList: 'national',
        exemptionEntry: x.entry,
        decidedOn: x.on,
      },
      at(x.on, '11:00'),
    );
    n++;
  }

  // This year's finished cases before the current ones, so that the year's numbers run in date order.
  await seedEiaThisYear(db, ctx);

  // Current cases in every state.
  const today = todayInShanghai();
  const now = new Date();
  // in publicity, with a citizen's objection waiting for an answer
  const pub = await createCase(
    db,
    staffUser(clerk),
    clerk,
    base(
      {
        enterprise: '上栗县金花烟花制造有限公司',
        project: '烟花药物混合工房扩建项目',
        address: '上栗镇金花村',
        industry: '2672',
        on: today,
      },
      30,
    ),
    now,
  );
  await lodgeObjection(
    db,
    staffUser(clerk),
    clerk,
    pub.id,
    {
      name: '汤建军',
      phone: '13907996611',
      content: '厂区距我家不到 300 米，担心混药工房的粉尘和噪声，请说明防护措施。',
    },
    now,
  );
  // in publicity, no objection yet
  await createCase(
    db,
    staffUser(clerk),
    clerk,
    base(
      {
        enterprise: '上栗县桐木新型建材有限公司',
        project: '干粉砂浆搅拌站建设项目',
        address: '桐木镇',
        industry: '3039',
        on: today,
      },
      31,
    ),
    now,
  );
  // approved 24 days ago: verification due within 6 days (on the inspector's worklist)
  const due = await createCase(
    db,
    staffUser(clerk),
    clerk,
    base(
      {
        enterprise: '上栗县福田花炮有限公司',
        project: '引火线生产车间改建项目',
        address: '福田镇福田村',
        industry: '2672',
        on: today,
      },
      32,
    ),
    new Date(now.getTime() - 44 * 86_400_000),
  );
  const obj = await lodgeObjection(
    db,
    staffUser(clerk),
    clerk,
    due.id,
    { name: '彭小红', phone: '13907996622', content: '请问废水如何处理？' },
    new Date(now.getTime() - 43 * 86_400_000),
  );
  await answerObjection(
    db,
    approver,
    due.id,
    obj.id,
    '该项目生产工艺不产生生产废水，生活污水经化粪池处理后用于农灌，不外排。',
    new Date(now.getTime() - 40 * 86_400_000),
  );
  await decideCase(
    db,
    approver,
    due.id,
    { version: due.version, approve: true },
    new Date(now.getTime() - 24 * 86_400_000),
  );
  // rectifying after a verification, and one revoked with its credit consequence
  const rect = await createCase(
    db,
    staffUser(clerk),
    clerk,
    base({ ...APPROVALS_2020[3]!, project: '砌块生产线粉尘治理改造项目', on: today }, 33),
    new Date(now.getTime() - 62 * 86_400_000),
  );
  const rectA = await decideCase(
    db,
    approver,
    rect.id,
    { version: rect.version, approve: true },
    new Date(now.getTime() - 40 * 86_400_000),
  );
  await verifyCase(
    db,
    inspector,
    rectA.id,
    { version: rectA.version, result: 'rectify', note: '布袋除尘器未按报告表要求安装，责令 15 日内整改' },
    new Date(now.getTime() - 12 * 86_400_000),
  );
  const rev = await createCase(
    db,
    staffUser(clerk),
    clerk,
    base({ ...APPROVALS_2020[7]!, project: '煤矸石破碎筛分线项目', on: today }, 34),
    new Date(now.getTime() - 85 * 86_400_000),
  );
  const revA = await decideCase(
    db,
    approver,
    rev.id,
    { version: rev.version, approve: true },
    new Date(now.getTime() - 60 * 86_400_000),
  );
  await verifyCase(
    db,
    inspector,
    revA.id,
    {
      version: revA.version,
      result: 'revoke',
      note: '现场核查发现项目实际建设燃煤烘干窑，与承诺的电加热工艺不符，承诺不实',
      creditConsequence: '撤销审批决定；承诺不实记入企业环境信用记录，信用评价降为警示（黄牌）',
    },
    new Date(now.getTime() - 35 * 86_400_000),
  );
  // ordinary approval accepted (受理公示 on the portal)
  await createCase(
    db,
    staffUser(clerk),
    clerk,
    {
      ...base({ ...APPROVALS_2020[9]!, project: '建筑陶瓷釉料车间扩建项目', on: today }, 35),
      path: 'ordinary',
      commitmentSigned: undefined,
      inSensitiveArea: true,
    },
    new Date(now.getTime() - 3 * 86_400_000),
  );
  // report books with the city bureau: one waiting, one approved with its 批复文号
  const bookBase = {
    path: 'report-book' as const,
    commitmentSigned: undefined,
  };
  await createCase(
    db,
    staffUser(clerk),
    clerk,
    {
      ...base(
        {
          enterprise: '上栗县彭高生猪养殖专业合作社',
          project: '年出栏 1 万头生猪养殖场扩建项目',
          address: '彭高镇',
          industry: '0313',
          facts: { scaleFarm: true, pigEquivalentSoldPerYear: 10_000, sensitiveAreas: [] },
          on: today,
        },
        36,
      ),
      ...bookBase,
    },
    new Date(now.getTime() - 20 * 86_400_000),
  );
  const book = await createCase(
    db,
    staffUser(clerk),
    clerk,
    {
      ...base(
        {
          enterprise: '上栗县彭高水泥有限公司',
          project: '水泥熟料生产线超低排放改造项目',
          address: '彭高镇',
          industry: '3011',
          on: today,
        },
        37,
      ),
      ...bookBase,
    },
    new Date(now.getTime() - 80 * 86_400_000),
  );
  await recordCityDecision(
    db,
    clerk,
    book.id,
    {
      version: book.version,
      approve: true,
      externalRef: `萍环评字〔${today.slice(0, 4)}〕21号`,
      decidedOn: addCalendarDays(today, -30),
    },
    now,
  );
  // a registration-form filing with its national receipt number
  await createCase(
    db,
    staffUser(clerk),
    clerk,
    {
      ...base(
        {
          enterprise: '上栗县污水处理有限公司',
          project: '污水处理厂除臭设施建设项目',
          address: '上栗镇',
          industry: '7722',
          on: today,
        },
        38,
      ),
      path: 'filing',
      commitmentSigned: undefined,
      receiptNo: `${today.slice(0, 4)}360322000000${today.slice(5, 7)}`,
      decidedOn: addCalendarDays(today, -9),
    },
    now,
  );
  ctx.print(
    `环评事项：2020 年告知承诺制批准 ${APPROVALS_2020.length} 个、豁免认定 ${EXEMPTIONS_2020.length} 个，另有当前各状态事项 / EIA cases (${n} in 2020)`,
  );
}
