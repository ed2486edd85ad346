/**
 * The EIA work of the seeding year, finished before today: the dashboard's default period (this
 * year) then counts approvals, exemptions and filings as a bureau that had run the platform since
 * January would. The year's plan is shared with the applications seed, which files the
 * applications these cases are opened from; it runs first (module order), so the cases here link
 * to them.
 */
import { addCalendarDays, fromDayNumber, toDayNumber, todayInShanghai } from '@qingshan/core/calendar';
import type { EiaCaseCreate } from '@qingshan/core/eia';
import type { EiaFacts } from '@qingshan/core/eia-classification';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import {
  at,
  type DemoRandom,
  daysOfThisYearSoFar,
  demoRandom,
  demoStaff,
  personName,
  THIS_YEAR_STREAMS,
} from '../../seed/demo-data.ts';
import type { Actor } from '../../shared/actor.ts';
import { applications } from '../applications/tables.ts';
import { getCalendar } from '../calendar/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';
import { answerObjection, createCase, decideCase, lodgeObjection, verifyCase } from './service.ts';

export type EiaYearPath = 'commitment' | 'ordinary' | 'exemption' | 'filing';
type Construction = EiaCaseCreate['constructionType'];

/** How the application came to be accepted: at once, after a one-time notice, or 容缺. */
export type YearIntake = 'complete' | 'notice' | 'deferred';

/** One project of the year on its path, with every day of its handling (all before today). */
export type EiaYearCase = {
  path: EiaYearPath;
  /** the application's matter (none for a filing: the enterprise files on the national system) */
  matter: string | null;
  enterpriseId: string;
  projectName: string;
  projectAddress: string;
  constructionType: Construction;
  industryCode: string;
  facts: EiaFacts;
  inSensitiveArea: boolean;
  exemptionEntry: string | null;
  contactName: string;
  contactPhone: string;
  intake: YearIntake;
  filedOn: string;
  /** the one-time notice and the day the missing materials came in */
  noticeOn: string | null;
  suppliedOn: string | null;
  acceptedOn: string;
  /** 容缺: the day the deferred item was handed in */
  deferredInOn: string | null;
  /** 技术评估 / 专家评审 (the application's clock paused) */
  expertReview: { from: string; to: string } | null;
  decidedOn: string;
  approve: boolean;
  reason: string | null;
  /** commitment: an objection in publicity, answered before the decision */
  objection: { on: string; answeredOn: string; name: string; phone: string; content: string; answer: string } | null;
  /** commitment: the verification(s) after approval; a rectification is checked again */
  verifications: { on: string; result: 'pass' | 'rectify'; note: string }[];
  receiptNo: string | null;
};

type Kind = {
  path: EiaYearPath;
  /** the industries of the enterprises that bring such a project */
  of: readonly string[];
  /** the project's industry (GB/T 4754 class); the enterprise's own when absent */
  industry?: string;
  facts: EiaFacts;
  construction: readonly Construction[];
  projects: readonly string[];
  sensitive?: boolean;
  exemptionEntry?: string;
  weight: number;
};

// The wizard's answers for each kind: the server classifies each case itself (eia-catalogue.md),
// so every kind below was chosen for the category its path takes.
const FIREWORKS: EiaFacts = { chemicalReaction: false, productionWastewater: false, vocEmissions: true };
const KINDS: readonly Kind[] = [
  // row 44 → 报告表, an industry on the commitment list
  {
    path: 'commitment',
    of: ['2672'],
    facts: FIREWORKS,
    construction: ['alteration', 'expansion'],
    projects: [
      '组合烟花自动装药线技术改造项目',
      '亮珠造粒工房改建项目',
      '礼花弹装药车间扩建项目',
      '鞭炮自动化生产线技术改造项目',
      '烟花效果件装配车间改建项目',
      '引火线烘干工房改建项目',
      '内筒装药工房技术改造项目',
    ],
    weight: 6,
  },
  // row 149: hazardous-goods storage → 报告表
  {
    path: 'commitment',
    of: ['2672'],
    industry: '5949',
    facts: { storageType: 'other' },
    construction: ['expansion', 'new'],
    projects: ['烟花爆竹成品周转库扩建项目', '烟花半成品中转库建设项目', '氧化剂原料仓库改建项目'],
    weight: 2,
  },
  // row 56 → 报告表
  {
    path: 'commitment',
    of: ['3031'],
    facts: { stoneSlabProcessingOnly: false },
    construction: ['alteration', 'expansion'],
    projects: ['页岩烧结砖隧道窑技术改造项目', '煤矸石烧结空心砖生产线改建项目', '蒸压加气混凝土砌块生产线项目'],
    weight: 2,
  },
  // row 55 → 报告表
  {
    path: 'commitment',
    of: ['3021'],
    facts: {},
    construction: ['alteration', 'new'],
    projects: ['商品混凝土搅拌站改建项目', '水泥预制构件养护窑改造项目', '透水砖生产线建设项目'],
    weight: 1,
  },
  // row 59: daily ceramics of 2.5 million pieces a year and more, no high-pollution fuel → 报告表
  {
    path: 'commitment',
    of: ['3074'],
    facts: { industrialBuilding: true, highPollutionFuel: false, annualOutputPieces: 3_000_000 },
    construction: ['alteration'],
    projects: ['天然气辊道窑日用瓷生产线改造项目', '日用瓷施釉车间技术改造项目'],
    weight: 1,
  },
  // 报告表 by the general procedure: a sensitive area rules out the commitment path
  {
    path: 'ordinary',
    of: ['2672'],
    facts: FIREWORKS,
    sensitive: true,
    construction: ['relocation', 'expansion'],
    projects: ['组合烟花生产线搬迁项目', '礼花弹生产线扩建项目', '鞭炮生产线整体搬迁项目'],
    weight: 3,
  },
  // rows 15, 21, 38: 报告表 in industries not on the commitment list
  {
    path: 'ordinary',
    of: ['1311'],
    facts: { industrialBuilding: true, fermentation: false, annualProcessingTonnes: 20_000 },
    construction: ['alteration'],
    projects: ['年加工 2 万吨优质大米生产线改造项目'],
    weight: 1,
  },
  {
    path: 'ordinary',
    of: ['1453'],
    facts: { industrialBuilding: true, packagingOnly: false },
    construction: ['expansion', 'alteration'],
    projects: ['酱腌菜生产线扩建项目', '萝卜干腌制车间改建项目'],
    weight: 1,
  },
  {
    path: 'ordinary',
    of: ['2231'],
    facts: { industrialBuilding: true, coatingImpregnationPrintingGluing: true },
    construction: ['new', 'expansion'],
    projects: ['花炮纸筒涂胶生产线项目', '彩印包装纸箱生产线项目'],
    weight: 1,
  },
  // outside EIA (第五条), each citing what the catalogue says of it
  {
    path: 'exemption',
    of: ['3073'],
    facts: { industrialBuilding: true, highPollutionFuel: false },
    construction: ['new', 'alteration'],
    projects: ['电窑特种陶瓷蜂窝载体生产线项目', '电瓷绝缘子生产线技术改造项目', '氧化铝陶瓷研磨球生产线项目'],
    exemptionEntry:
      '名录第59项：不使用高污染燃料的特种陶瓷制品制造未列入任何一栏（第五条 名录未作规定的不纳入环评管理）',
    weight: 2,
  },
  {
    path: 'exemption',
    of: ['2231'],
    industry: '2239',
    facts: { industrialBuilding: true, coatingImpregnationPrintingGluing: false },
    construction: ['expansion'],
    projects: ['花炮纸筒卷制设备更新项目', '纸管成型车间改建项目'],
    exemptionEntry:
      '名录第38项：无涂布、浸渍、印刷、粘胶工艺的纸制品制造未列入任何一栏（第五条 名录未作规定的不纳入环评管理）',
    weight: 1,
  },
  {
    path: 'exemption',
    of: ['0313'],
    facts: { scaleFarm: false },
    construction: ['alteration', 'expansion'],
    projects: [
      '年出栏 400 头生猪养殖场改建项目',
      '年出栏 300 头生猪养殖场圈舍改造项目',
      '生猪养殖场干清粪设施改造项目',
    ],
    exemptionEntry: '名录第3项登记表栏“规模化以下的除外”：养殖规模低于规模化标准，不纳入环评管理',
    weight: 1,
  },
  {
    path: 'exemption',
    of: ['1311'],
    facts: { industrialBuilding: true, fermentation: false, annualProcessingTonnes: 6_000 },
    construction: ['alteration'],
    projects: ['大米色选抛光设备更新项目'],
    exemptionEntry:
      '名录第15项：年加工 1 万吨以下且不含发酵工艺的谷物磨制未列入任何一栏（第五条 名录未作规定的不纳入环评管理）',
    weight: 1,
  },
  // row 100: air-pollution control works → 登记表, filed on the national system
  {
    path: 'filing',
    of: ['3031', '3021', '3073', '3074'],
    industry: '7722',
    facts: {},
    construction: ['alteration'],
    projects: [
      '窑炉烟气脱硫除尘设施改造项目',
      '破碎筛分工序布袋除尘设施建设项目',
      '原料堆场抑尘设施建设项目',
      '窑炉烟气湿电除尘设施建设项目',
      '喷雾干燥塔废气治理设施改造项目',
    ],
    weight: 2,
  },
  {
    path: 'filing',
    of: ['2672'],
    industry: '7722',
    facts: {},
    construction: ['alteration'],
    projects: [
      '药物混合工房粉尘收集治理设施建设项目',
      '挥发性有机物废气收集处理设施建设项目',
      '粘合剂调配间活性炭吸附装置建设项目',
      '亮珠烘房废气收集处理设施改造项目',
    ],
    weight: 3,
  },
  // row 3: scale farms below the 报告书 threshold → 登记表
  {
    path: 'filing',
    of: ['0313'],
    facts: { scaleFarm: true, pigEquivalentSoldPerYear: 2_000, sensitiveAreas: [] },
    construction: ['new', 'expansion'],
    projects: [
      '年出栏 2000 头生猪标准化养殖场建设项目',
      '生猪养殖场粪污资源化利用设施配套项目',
      '生猪养殖场圈舍扩建项目（扩建后年出栏 2000 头）',
    ],
    weight: 1,
  },
  {
    path: 'filing',
    of: ['0321'],
    facts: { scaleFarm: true, pigEquivalentSoldPerYear: 1_500, sensitiveAreas: [] },
    construction: ['expansion'],
    projects: ['存栏 4.5 万羽蛋鸡养殖场扩建项目'],
    weight: 1,
  },
];

const MATTER: Record<EiaYearPath, string | null> = {
  commitment: 'eia-report-form-commitment',
  ordinary: 'eia-report-form',
  exemption: 'eia-exemption',
  filing: null,
};

// Arrivals about half the article's pace (13 commitment approvals and 3 exemptions in eleven
// months), days between two projects on a path drawn around the mean.
const PACE: Record<EiaYearPath, { first: [number, number]; gap: [number, number] }> = {
  commitment: { first: [6, 30], gap: [30, 70] },
  ordinary: { first: [15, 60], gap: [50, 100] },
  exemption: { first: [10, 45], gap: [90, 150] },
  filing: { first: [5, 25], gap: [18, 42] },
};

const PASSES = [
  '现场核查：污染防治措施与报告表一致，承诺内容属实',
  '现场核查：废气收集处理设施已建成并正常运行，承诺事项已落实',
  '现场核查：危险废物暂存间按规范建设，台账齐全，承诺内容属实',
  '现场核查：生产规模、工艺与报告表一致，除尘设施同步投入使用',
];
const RECTIFY = [
  {
    found: '现场核查：药物混合工房粉尘收集罩未按报告表要求安装，责令 15 日内整改',
    recheck: '复核：集气罩及布袋除尘器已安装并正常运行，整改到位',
  },
  {
    found: '现场核查：原料堆场未按承诺建设防风抑尘网，责令 15 日内整改',
    recheck: '复核：防风抑尘网及喷淋设施已建成，整改到位',
  },
];
const OBJECTIONS = [
  {
    content: '厂区离我家不远，担心车间的粉尘和噪声，请说明防护措施。',
    answer:
      '项目车间设置集气罩和布袋除尘器，高噪声设备置于室内并采取减振措施，厂界噪声执行 2 类标准；投产后本局将开展事后核查。',
  },
  {
    content: '请问项目废水怎么处理？会不会排到附近的水塘？',
    answer: '该项目生产工艺不产生生产废水，生活污水经化粪池处理后用于周边农田灌溉，不外排地表水体。',
  },
  {
    content: '运输车辆会不会走村里的道路？担心扬尘和安全。',
    answer: '建设单位承诺原料和成品运输走乡道，避开村民集中居住区，运输车辆加盖篷布；本局已将该意见转交建设单位落实。',
  },
];
const REFUSAL =
  '项目选址位于饮用水水源二级保护区内，属于《中华人民共和国水污染防治法》第六十六条禁止新建、改建、扩建的排放污染物的建设项目，不予批准。如不服，可自收到决定书之日起六十日内申请行政复议，或六个月内提起行政诉讼。';

export type YearEnterprise = { id: string; name: string; industry: string; address: string };

/** The enterprises that bring the year's projects: operating, without a demo account of their own. */
export async function yearEnterprises(db: Db): Promise<YearEnterprise[]> {
  const rows = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      industry: enterprises.industryCode,
      address: enterprises.address,
    })
    .from(enterprises)
    .where(eq(enterprises.status, 'operating'))
    .orderBy(enterprises.uscc);
  // the enterprise accounts' own pages show what they showed before
  const owned = new Set(
    (await db.select({ e: users.enterpriseId }).from(users).where(isNotNull(users.enterpriseId))).map((u) => u.e),
  );
  return rows.filter((e) => !owned.has(e.id));
}

export const phoneOf = (r: DemoRandom) =>
  `${r.pick(['139', '138', '137', '158', '189'])}0799${String(r.int(0, 9999)).padStart(4, '0')}`;

/**
 * The year's EIA projects and their handling, drawn over the whole year so that a record keeps
 * its days whatever the seeding day; only those finished before today are kept. Deterministic:
 * the applications seed and the EIA seed both call it and get the same plan.
 */
export async function planEiaYear(db: Db, today: string): Promise<EiaYearCase[]> {
  const days = daysOfThisYearSoFar(today);
  if (days.length === 0) return [];
  const year = today.slice(0, 4);
  const r = demoRandom(THIS_YEAR_STREAMS.eia);
  const calendar = await getCalendar(db);
  const ents = await yearEnterprises(db);
  const working = (d: string) => calendar.dayInfo(d).workingDay;
  const after = (d: string, n: number) => fromDayNumber(calendar.nthWorkingDayAfter(toDayNumber(d), n));
  const onWorkingDay = (d: string) => (working(d) ? d : after(d, 1));

  const used = new Set<string>();
  const out: EiaYearCase[] = [];
  let receipt = r.int(120, 180);
  for (const path of ['commitment', 'ordinary', 'exemption', 'filing'] as const) {
    const kinds = KINDS.filter((k) => k.path === path && ents.some((e) => k.of.includes(e.industry)));
    if (kinds.length === 0) continue;
    const weighted = kinds.flatMap((k) => Array.from({ length: k.weight }, () => k));
    const pace = PACE[path];
    for (let d = addCalendarDays(`${year}-01-01`, r.int(...pace.first)); d.startsWith(year); ) {
      const filedOn = onWorkingDay(d);
      d = addCalendarDays(d, r.int(...pace.gap));
      const kind = r.pick(weighted);
      const pool = ents.filter((e) => kind.of.includes(e.industry));
      const ent = r.pick(pool);
      // a project name comes round again only when the kind has none left, and never twice for one enterprise
      const fresh = kind.projects.filter((p) => !used.has(p));
      const project = r.pick(fresh.length > 0 ? fresh : kind.projects);
      if (used.has(`${ent.id}|${project}`)) continue;
      used.add(project);
      used.add(`${ent.id}|${project}`);
      const c: EiaYearCase = {
        path,
        matter: MATTER[path],
        enterpriseId: ent.id,
        projectName: project,
        projectAddress: ent.address,
        constructionType: r.pick(kind.construction),
        industryCode: kind.industry ?? ent.industry,
        facts: kind.facts,
        inSensitiveArea: kind.sensitive ?? false,
        exemptionEntry: kind.exemptionEntry ?? null,
        contactName: personName(r),
        contactPhone: phoneOf(r),
        intake: 'complete',
        filedOn,
        noticeOn: null,
        suppliedOn: null,
        acceptedOn: filedOn,
        deferredInOn: null,
        expertReview: null,
        decidedOn: filedOn,
        approve: true,
        reason: null,
        objection: null,
        verifications: [],
        receiptNo: null,
      };
      let last = filedOn;
      if (path === 'filing') {
        receipt += r.int(4, 25);
        c.receiptNo = `${year}360322${String(receipt).padStart(8, '0')}`;
      } else {
        // intake: accepted on the spot, after a one-time notice, or 容缺 (only the report form has a deferrable item)
        const x = r.next();
        if (x < 0.25) {
          c.intake = 'notice';
          c.noticeOn = after(filedOn, r.int(1, 3));
          c.suppliedOn = after(c.noticeOn, r.int(2, 6));
          c.acceptedOn = r.next() < 0.6 ? c.suppliedOn : after(c.suppliedOn, 1);
        } else if (x < 0.4 && path === 'ordinary') {
          c.intake = 'deferred';
          c.deferredInOn = after(filedOn, r.int(2, 5));
        } else if (r.next() < 0.3) c.acceptedOn = after(filedOn, 1);
        const accepted = c.acceptedOn;
        if (path === 'commitment') {
          // five working days of publicity, then the decision on the next working day
          if (r.next() < 0.25) {
            const o = r.pick(OBJECTIONS);
            c.objection = {
              on: after(accepted, 2),
              answeredOn: after(accepted, 3),
              name: personName(r),
              phone: phoneOf(r),
              content: o.content,
              answer: o.answer,
            };
          }
          c.decidedOn = after(accepted, 6);
          const v1 = onWorkingDay(addCalendarDays(c.decidedOn, r.int(7, 20)));
          if (r.next() < 0.2) {
            const rc = r.pick(RECTIFY);
            const v2 = onWorkingDay(addCalendarDays(v1, r.int(12, 20)));
            c.verifications = [
              { on: v1, result: 'rectify', note: rc.found },
              { on: v2, result: 'pass', note: rc.recheck },
            ];
          } else c.verifications = [{ on: v1, result: 'pass', note: r.pick(PASSES) }];
          last = c.verifications.at(-1)!.on;
        } else if (path === 'ordinary') {
          let ready = c.deferredInOn ?? accepted;
          if (r.next() < 0.4) {
            const from = after(accepted, 1);
            c.expertReview = { from, to: after(from, r.int(3, 8)) };
            if (c.expertReview.to > ready) ready = c.expertReview.to;
          }
          c.decidedOn = after(ready, r.int(1, 4));
          if (kind.sensitive && r.next() < 0.3) {
            c.approve = false;
            c.reason = REFUSAL;
          }
          last = c.decidedOn;
        } else {
          c.decidedOn = after(accepted, r.int(0, 2));
          last = c.decidedOn;
        }
      }
      if (last < today && last.startsWith(year)) out.push(c);
    }
  }
  return out.sort((a, b) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : 0));
}

function staffUser(a: Actor): SessionUser {
  return { id: a.id!, username: a.name, roles: a.roles, enterpriseId: null } as unknown as SessionUser;
}

/** The year's cases through the EIA services, each opened from its application where it had one. */
export async function seedEiaThisYear(db: Db, ctx: SeedContext): Promise<void> {
  const plan = await planEiaYear(db, todayInShanghai());
  if (plan.length === 0) return;
  const clerk = await demoStaff(db, 'clerk', 'clerk');
  const approver = await demoStaff(db, 'approver', 'approver');
  const inspector = await demoStaff(db, 'inspector', 'inspector');
  if (!clerk || !approver || !inspector) return;
  const apps = await db
    .select({
      id: applications.id,
      enterpriseId: applications.enterpriseId,
      projectName: applications.projectName,
      matterCode: applications.matterCode,
    })
    .from(applications)
    .where(and(isNotNull(applications.acceptedAt), isNotNull(applications.decidedAt)));
  const tally: Record<EiaYearPath, number> = { commitment: 0, ordinary: 0, exemption: 0, filing: 0 };
  for (const c of plan) {
    const app = apps.find(
      (a) => a.enterpriseId === c.enterpriseId && a.projectName === c.projectName && a.matterCode === c.matter,
    );
    const base: EiaCaseCreate = {
      enterpriseId: c.enterpriseId,
      path: c.path,
      projectName: c.projectName,
      projectAddress: c.projectAddress,
      constructionType: c.constructionType,
      industryCode: c.industryCode,
      facts: c.facts,
      contactName: c.contactName,
      contactPhone: c.contactPhone,
      inSensitiveArea: c.inSensitiveArea,
      electroplating: false,
      nationalSecurity: false,
      ...(app ? { applicationId: app.id } : {}),
    };
    if (c.path === 'filing') {
      // the enterprise filed on the national system; the window records the receipt number
      await createCase(
        db,
        staffUser(clerk),
        clerk,
        { ...base, receiptNo: c.receiptNo!, decidedOn: c.decidedOn },
        at(c.decidedOn, '15:20'),
      );
    } else if (c.path === 'exemption') {
      await createCase(
        db,
        staffUser(approver),
        approver,
        { ...base, exemptionList: 'national', exemptionEntry: c.exemptionEntry!, decidedOn: c.decidedOn },
        // opened from its application while it is handled: after a same-day acceptance (by 10:40),
        // before the application's decision (that module's seed decides a same-day one at 16:00)
        at(c.decidedOn, c.decidedOn === c.acceptedOn ? '11:00' : '10:00'),
      );
    } else {
      const opened = await createCase(
        db,
        staffUser(clerk),
        clerk,
        { ...base, ...(c.path === 'commitment' ? { commitmentSigned: true } : {}) },
        at(c.acceptedOn, '15:00'),
      );
      if (c.objection) {
        const o = await lodgeObjection(
          db,
          staffUser(clerk),
          clerk,
          opened.id,
          { name: c.objection.name, phone: c.objection.phone, content: c.objection.content },
          at(c.objection.on, '10:40'),
        );
        await answerObjection(db, approver, opened.id, o.id, c.objection.answer, at(c.objection.answeredOn, '16:10'));
      }
      let d = await decideCase(
        db,
        approver,
        opened.id,
        { version: opened.version, approve: c.approve, ...(c.reason ? { reason: c.reason } : {}) },
        at(c.decidedOn, '10:00'),
      );
      for (const v of c.verifications)
        d = await verifyCase(
          db,
          inspector,
          d.id,
          { version: d.version, result: v.result, note: v.note },
          at(v.on, '15:30'),
        );
    }
    tally[c.path]++;
  }
  ctx.print(
    `环评事项（本年）：告知承诺制 ${tally.commitment} 个、一般程序报告表 ${tally.ordinary} 个、豁免认定 ${tally.exemption} 个、登记表备案 ${tally.filing} 个 / EIA cases of this year`,
  );
}
