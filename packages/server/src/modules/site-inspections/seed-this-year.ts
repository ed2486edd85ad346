import { addCalendarDays, shanghaiDateOf, todayInShanghai, type WorkingCalendar } from '@qingshan/core';
import type { InspectionOutcome } from '@qingshan/core/inspection-draws';
import { type ChecklistItem, checklistFor } from '@qingshan/core/site-inspections';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, type DemoRandom, daysOfThisYearSoFar, demoRandom, THIS_YEAR_STREAMS } from '../../seed/demo-data.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { getCalendar } from '../calendar/service.ts';
import { decideCreditProposal } from '../credit/service.ts';
import { creditProposals } from '../credit/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { publishResults } from '../inspections/service.ts';
import { inspectionDraws, inspectionPlans, inspectors } from '../inspections/tables.ts';
import { completedAt, drawCycle, dueDateOf, RECTIFY_CLOCK } from '../inspections/this-year.ts';
import { listedEnterpriseIds } from '../positive-list/service.ts';
import { users } from '../users/tables.ts';
import { demoStaffActor, firmParties, SIGNATURE } from './demo-parties.ts';
import { advanceCase, answerOrder, completeInspection, createInspection, openCase, verifyOrder } from './service.ts';
import { inspectionFindings, rectificationOrders } from './tables.ts';

type Firm = typeof enterprises.$inferSelect;
type Finding = { description: string; requirement: string };

// What an inspector finds against each checklist item (core's checklists), and what the order asks.
const FINDINGS: Record<string, Finding[]> = {
  permit: [
    {
      description: '排污许可证执行报告未按时提交',
      requirement: '按期补交排污许可证执行报告，并在厂区公示许可信息',
    },
  ],
  facilities: [
    {
      description: '废气收集处理设施活性炭未按期更换，运行记录不全',
      requirement: '更换活性炭并建立更换记录，确保治污设施正常运行',
    },
    { description: '除尘设施布袋破损，收集效率下降', requirement: '更换破损布袋，拍照上传更换前后情况' },
  ],
  ledger: [{ description: '环境管理台账记录不完整', requirement: '补齐环境管理台账，按月记录治污设施运行情况' }],
  'hazardous-waste': [
    { description: '危险废物贮存间未设置识别标志', requirement: '按 GB 18597 设置危险废物识别标志，并拍照上传' },
    { description: '危险废物转移联单未按规定留存', requirement: '补全危险废物转移联单，建立危险废物管理台账' },
  ],
  outlets: [{ description: '雨水排放口未设置标志牌', requirement: '按规范设置排污口标志牌，并拍照上传' }],
  monitoring: [
    {
      description: '未按排污许可要求开展自行监测',
      requirement: '委托有资质的单位开展自行监测，上传监测报告',
    },
  ],
  'explosive-waste': [
    {
      description: '含药废渣与一般固废混合堆放',
      requirement: '含药废渣按 HW15 分类收集，交有资质单位处置并留存转移联单',
    },
  ],
  'dust-workshop': [{ description: '配药工房粉尘收集装置破损', requirement: '修复配药、装药工序粉尘收集装置' }],
  'fugitive-dust': [
    {
      description: '原料堆场未完全覆盖，厂区道路扬尘明显',
      requirement: '堆场全覆盖防尘网，厂区道路定时洒水清扫',
    },
  ],
  'kiln-emissions': [{ description: '窑炉脱硫设施喷淋泵故障停运', requirement: '修复脱硫设施，提交第三方监测报告' }],
  'manure-facilities': [
    { description: '雨污分流不彻底，粪污贮存池未加盖', requirement: '完善雨污分流，粪污贮存池加盖防雨' },
  ],
  'manure-use': [{ description: '粪污还田利用台账缺失', requirement: '建立粪污资源化利用台账，记录还田去向' }],
  wastewater: [{ description: '生产废水收集池防渗层破损', requirement: '修补收集池防渗层，废水经处理达标后排放' }],
};

// The finding this year's enforcement case is filed on, under the same article as 2020's case.
const SERIOUS_LEDGER: Finding = {
  description: '未按排污许可证规定建立环境管理台账，治污设施运行记录无法提供',
  requirement: '建立环境管理台账，补记治污设施运行记录，按月记录',
};

// The county's special campaigns (专项执法检查) by month, beside the quarterly random draws.
const CAMPAIGNS: { months: number[]; name: string; industries: string[] }[] = [
  { months: [1, 2], name: '春节前后花炮企业环境安全专项检查', industries: ['2672', '2231'] },
  { months: [3, 4], name: '畜禽养殖污染防治专项检查', industries: ['03'] },
  { months: [5, 6], name: '夏季臭氧污染防控涉气企业专项检查', industries: ['30', '2672'] },
  { months: [7, 8, 9], name: '汛期涉水企业专项检查', industries: ['13', '14', '03', '10'] },
  { months: [10, 11, 12], name: '秋冬季大气污染防治专项检查', industries: ['30', '10'] },
];

const CLEAN = [
  '治污设施正常运行，台账齐全，未发现环境违法行为',
  '现场检查未发现环境违法行为，提醒企业做好雨季废水收集',
  '生产正常，污染防治设施同步运行，未发现问题',
];
const ANSWERS = ['已按要求整改，附整改前后照片', '已完成整改，补记台账并上传照片', '整改到位，相关记录和照片已上传'];
const RETURNS = ['整改照片不清晰，未能确认整改情况', '台账仍缺部分月份记录，请补齐后重新提交'];

/** The order's answers and verification: finished before today, most of them within the order's 30 days. */
async function finishOrders(
  db: Db,
  calendar: WorkingCalendar,
  r: DemoRandom,
  officer: Actor,
  firm: Firm,
  inspectionId: string,
  today: string,
) {
  const yesterday = addCalendarDays(today, -1);
  const cap = (d: string) => (d < yesterday ? d : yesterday);
  const workday = (d: string) => {
    let x = d;
    while (!calendar.isWorkingDay(x) && x < yesterday) x = addCalendarDays(x, 1);
    return cap(x);
  };
  const { enterpriseUser, firmActor } = firmParties(firm);
  const orders = await db.select().from(rectificationOrders).where(eq(rectificationOrders.inspectionId, inspectionId));
  for (const o of orders) {
    const issued = shanghaiDateOf(o.createdAt);
    const due = await dueDateOf(db, calendar, RECTIFY_CLOCK, o.createdAt);
    const roll = r.next();
    let answered: string;
    let returnedOn: string | null = null;
    if (roll < 0.08 && addCalendarDays(due, 6) < yesterday) {
      // an honest miss: the firm answered a few days after its deadline
      answered = addCalendarDays(due, r.int(1, 5));
    } else if (roll < 0.2) {
      const first = cap(addCalendarDays(issued, r.int(3, 12)));
      await answerOrder(db, firmActor, enterpriseUser, o.id, r.pick(ANSWERS), at(first, '10:00'));
      const back = workday(addCalendarDays(first, r.int(1, 3)));
      await verifyOrder(db, officer, o.id, { verdict: 'return', reason: r.pick(RETURNS) }, at(back, '15:00'));
      answered = cap(addCalendarDays(back, r.int(3, 8)));
      // within the order's days if the return left any, else on the day it came back
      if (answered > due) answered = due;
      if (answered < back) answered = back;
      returnedOn = back;
    } else {
      answered = cap(addCalendarDays(issued, r.int(4, 25)));
      if (answered > due) answered = due;
    }
    // on the day it was returned, the new answer comes after the return
    const answeredAt = at(answered, answered === returnedOn ? '16:30' : '10:00');
    await answerOrder(db, firmActor, enterpriseUser, o.id, r.pick(ANSWERS), answeredAt);
    const checked = workday(addCalendarDays(answered, r.int(1, 5)));
    const checkedAt = checked === answered ? new Date(answeredAt.getTime() + 3_600_000) : at(checked, '15:00');
    await verifyOrder(db, officer, o.id, { verdict: 'accept', reason: '' }, checkedAt);
  }
  return orders.length;
}

/** An on-site record, signed by the firm, with its findings turned into orders; or an off-site check. */
async function recordInspection(
  db: Db,
  r: DemoRandom,
  officer: Actor,
  firm: Firm,
  o: {
    day: string;
    drawId: string | null;
    offSite: boolean;
    problems: number;
    inspectorNames: string[];
    campaign?: string;
    /** a serious ledger finding first: an enforcement case follows it */
    serious?: boolean;
  },
): Promise<{ id: string; outcome: InspectionOutcome; summary: string }> {
  const items: ChecklistItem[] = checklistFor(firm.industryCode);
  const candidates = r.shuffle(items.filter((i) => FINDINGS[i.key]));
  const found = o.serious
    ? [
        { key: 'ledger', ...SERIOUS_LEDGER },
        ...candidates
          .filter((i) => i.key !== 'ledger')
          .slice(0, o.problems - 1)
          .map((i) => ({ key: i.key, ...r.pick(FINDINGS[i.key]!) })),
      ]
    : candidates.slice(0, o.problems).map((i) => ({ key: i.key, ...r.pick(FINDINGS[i.key]!) }));
  const problemKeys = new Set(found.map((f) => f.key));
  const prefix = o.campaign ? `${o.campaign}：` : '';
  const summary = o.offSite
    ? '正面清单企业，先行非现场检查（在线监控数据与台账），未发现问题'
    : firm.status === 'suspended'
      ? '停产整治中，现场核实生产设施已停用、未见违规生产，整治按计划推进'
      : found.length
        ? `${prefix}发现问题 ${found.length} 项（${found.map((f) => f.description).join('；')}），已当场下达责令改正通知`
        : `${prefix}${r.pick(CLEAN)}`;
  const id = await createInspection(db, officer, {
    kind: o.offSite ? 'off-site' : 'on-site',
    enterpriseId: firm.id,
    drawId: o.drawId,
    inspectedOn: o.day,
    inspectorNames: o.inspectorNames,
    latitude: o.offSite || firm.lat === null || firm.lng === null ? null : firm.lat,
    longitude: o.offSite || firm.lat === null || firm.lng === null ? null : firm.lng,
    place: o.offSite ? '' : (firm.address ?? ''),
    offSiteSource: o.offSite ? 'monitoring' : null,
    alarmId: null,
    clueId: null,
    sourceRef: o.offSite ? `${addCalendarDays(o.day, -30)} 至 ${o.day} 在线监测数据` : '',
    checklist: (o.offSite ? items.filter((i) => i.key === 'monitoring' || i.key === 'ledger') : items).map((i) => ({
      key: i.key,
      result: problemKeys.has(i.key) ? 'problem' : 'ok',
      note: found.find((f) => f.key === i.key)?.description ?? '',
    })),
    findings: found.map((f, i) => ({
      description: f.description,
      severity: o.serious && i === 0 ? ('serious' as const) : ('minor' as const),
      itemKey: f.key,
      requirement: f.requirement,
    })),
    summary,
  });
  await completeInspection(
    db,
    officer,
    id,
    o.offSite
      ? { version: 1 }
      : { signerName: r.pick(['企业环保负责人', '生产厂长', '企业负责人']), signaturePng: SIGNATURE, version: 1 },
    o.offSite ? at(o.day, '11:00') : completedAt(o.day),
  );
  return { id, outcome: found.length ? 'problems-found' : 'no-problem', summary };
}

/**
 * This year's inspection records, all finished before today:
 * - the firms of this year's random draws (inspections' seedInspectionsThisYear), inspected in the
 *   round after each draw (off-site first for positive-list firms), and each draw's results
 *   published from its records, as publishDrawFromRecords does, on the day the round planned;
 * - the county's special campaigns, a few on-site inspections a month.
 * Findings become rectification orders, answered by the firms and verified by the officer, most
 * within their 30 days, a few returned once, a few late. An inspection whose orders would still be
 * running today is not made. The demo enterprise accounts' firms get no record: drawn, their
 * result is typed in (as the 2020 draws' are).
 */
export async function seedSiteInspectionsThisYear(db: Db, ctx: SeedContext): Promise<void> {
  const today = todayInShanghai();
  const days = daysOfThisYearSoFar(today);
  if (!days.length) return;
  const year = Number(today.slice(0, 4));
  const r = demoRandom(THIS_YEAR_STREAMS.siteInspections);
  const calendar = await getCalendar(db);
  const actor = await demoStaffActor(db, 'inspector', 'inspector', '执法·李强');
  const people = await db.select().from(inspectors).where(eq(inspectors.active, true));
  const nameOf = new Map(people.map((p) => [p.id, p.name.replace('执法·', '')]));
  const colleagues = people.map((p) => p.name.replace('执法·', '')).filter((n) => n !== '李强');
  const demoUsernames = ctx.accounts.filter((a) => a.role === 'enterprise').map((a) => a.username);
  const demoFirms = new Set(
    demoUsernames.length
      ? (await db.select({ id: users.enterpriseId }).from(users).where(inArray(users.username, demoUsernames))).map(
          (u) => u.id,
        )
      : [],
  );
  const firms = await db.select().from(enterprises).orderBy(asc(enterprises.uscc));
  const firmById = new Map(firms.map((f) => [f.id, f]));
  let records = 0;
  let orders = 0;

  // the campaigns first: their months gone by come out the same whatever day the demo is seeded
  for (const day of days) {
    if (!calendar.isWorkingDay(day) || r.next() >= 0.18) continue;
    const month = Number(day.slice(5, 7));
    const campaign = CAMPAIGNS.find((c) => c.months.includes(month))!;
    const listed = await listedEnterpriseIds(db, day);
    // positive-list firms are checked off-site first: the campaigns go to the others
    const pool = firms.filter(
      (f) =>
        f.status === 'operating' &&
        !demoFirms.has(f.id) &&
        !listed.has(f.id) &&
        campaign.industries.some((p) => f.industryCode.startsWith(p)),
    );
    const firm = r.pick(pool);
    const problems = r.next() < 0.6 ? r.int(1, 2) : 0;
    if (!firm) continue;
    // its orders would still be running today: not finished work, not made
    if (problems && (await dueDateOf(db, calendar, RECTIFY_CLOCK, completedAt(day))) >= today) continue;
    const rec = await recordInspection(db, r, actor, firm, {
      day,
      drawId: null,
      offSite: false,
      problems,
      inspectorNames: ['李强', r.pick(colleagues)],
      campaign: campaign.name,
    });
    records++;
    orders += await finishOrders(db, calendar, r, actor, firm, rec.id, today);
  }

  const draws = await db
    .select({ d: inspectionDraws })
    .from(inspectionDraws)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionDraws.planId))
    .where(and(eq(inspectionPlans.year, year), eq(inspectionDraws.status, 'drawn')))
    .orderBy(asc(inspectionDraws.drawnAt));
  for (const { d } of draws) {
    const cycle = drawCycle(calendar, shanghaiDateOf(d.drawnAt));
    const window: string[] = [];
    for (let x = cycle.firstInspection; x <= cycle.inspectedBy; x = addCalendarDays(x, 1))
      if (calendar.isWorkingDay(x)) window.push(x);
    const visits = d.targets
      .map((t) => ({ t, day: r.pick(window), problems: r.next() < 0.22 ? r.int(1, 2) : 0 }))
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const results: { enterpriseId: string; inspectedOn: string; outcome: InspectionOutcome; summary: string }[] = [];
    const recordIds: string[] = [];
    for (const v of visits) {
      const firm = firmById.get(v.t.objectId);
      if (!firm || demoFirms.has(firm.id)) {
        results.push({
          enterpriseId: v.t.objectId,
          inspectedOn: v.day,
          outcome: 'no-problem',
          summary: '治污设施正常运行，台账齐全，未发现环境违法行为',
        });
        continue;
      }
      const rec = await recordInspection(db, r, actor, firm, {
        day: v.day,
        drawId: d.id,
        offSite: v.t.offSiteFirst,
        problems: v.t.offSiteFirst || firm.status !== 'operating' ? 0 : v.problems,
        inspectorNames: v.t.inspectorIds.map((i) => nameOf.get(i) ?? '').filter(Boolean),
      });
      records++;
      recordIds.push(rec.id);
      orders += await finishOrders(db, calendar, r, actor, firm, rec.id, today);
      results.push({ enterpriseId: firm.id, inspectedOn: v.day, outcome: rec.outcome, summary: rec.summary });
    }
    await db.transaction(async (tx) => {
      await publishResults(tx, null, actor, d.id, { results }, at(cycle.publishOn, '16:00'));
      await recordAudit(tx, actor, {
        action: 'site-inspection.publish-draw',
        entityType: 'inspection-draw',
        entityId: d.id,
        after: { records: recordIds },
      });
    });
  }
  const penalty = await seedPenaltyThisYear(db, calendar, r, actor, {
    days,
    today,
    year,
    firms: firms.filter((f) => f.status === 'operating' && !demoFirms.has(f.id)),
    colleagues,
  });
  ctx.print(
    `现场检查：${year} 年检查记录 ${records + (penalty ? 1 : 0)} 份，责令整改 ${orders + (penalty?.orders ?? 0)} 项均已核查${penalty ? `，立案查处 1 件（${penalty.decisionNumber}，已执行）` : ''}`,
  );
}

/**
 * One case of this year taken from a campaign inspection's serious finding to execution, as the
 * 2020 seed does for its year: the penalty is published, and the credit change it proposed is
 * decided by the leader (a yellow grade), so it waits on nobody's worklist. It goes to a firm off
 * the positive list on the day and today (a listed firm would get a removal proposal). Too early
 * in the year for a case to run its course (about two months), none is made.
 */
async function seedPenaltyThisYear(
  db: Db,
  calendar: WorkingCalendar,
  r: DemoRandom,
  officer: Actor,
  o: { days: string[]; today: string; year: number; firms: Firm[]; colleagues: string[] },
): Promise<{ decisionNumber: string; orders: number } | null> {
  const latest = addCalendarDays(o.today, -75);
  const candidates = o.days.filter((d) => d <= latest && calendar.isWorkingDay(d));
  if (!candidates.length) return null;
  const day = r.pick(candidates);
  const listedThen = await listedEnterpriseIds(db, day);
  const listedNow = await listedEnterpriseIds(db, o.today);
  const firm = r.pick(
    o.firms.filter((f) => !listedThen.has(f.id) && !listedNow.has(f.id) && checklistFor(f.industryCode).length > 0),
  );
  if (!firm) return null;
  const rec = await recordInspection(db, r, officer, firm, {
    day,
    drawId: null,
    offSite: false,
    problems: 2,
    inspectorNames: ['李强', r.pick(o.colleagues)],
    serious: true,
  });
  const orders = await finishOrders(db, calendar, r, officer, firm, rec.id, o.today);
  const [finding] = await db
    .select()
    .from(inspectionFindings)
    .where(and(eq(inspectionFindings.inspectionId, rec.id), eq(inspectionFindings.severity, 'serious')));
  if (!finding) return null;
  // each step on a working day, after the one before
  const workday = (d: string) => {
    let x = d;
    while (!calendar.isWorkingDay(x)) x = addCalendarDays(x, 1);
    return x;
  };
  const caseId = await openCase(
    db,
    officer,
    { findingId: finding.id, title: `${firm.name}未按规定建立环境管理台账案`, note: '经负责人批准立案' },
    at(workday(addCalendarDays(day, 3)), '10:00'),
  );
  const decisionNumber = `上环罚〔${o.year}〕1号`;
  const amount = r.pick(['10000', '20000', '30000']);
  const decidedOn = workday(addCalendarDays(day, 35));
  const steps = [
    { stage: 'investigation' as const, day: workday(addCalendarDays(day, 10)), note: '现场勘察、询问笔录' },
    {
      stage: 'notice' as const,
      day: workday(addCalendarDays(day, 20)),
      note: '送达行政处罚事先告知书，当事人未申请听证',
    },
    {
      stage: 'decision' as const,
      day: decidedOn,
      note: '经集体讨论作出处罚决定',
      decisionNumber,
      penaltyAmount: amount,
      facts: `经查，${firm.name}${finding.description}。`,
      legalBasis: '《排污许可管理条例》第三十七条第一项',
      penaltyContent: `罚款人民币${CHINESE_AMOUNTS[amount]}，并责令改正`,
    },
    { stage: 'execution' as const, day: workday(addCalendarDays(day, 50)), note: '罚款已缴纳' },
  ];
  for (const [v, st] of steps.entries())
    await advanceCase(db, officer, caseId, { ...st, version: v + 1 }, at(st.day, '15:00'));
  // the credit change the decision proposed: the leader confirms a yellow grade a few days later
  const leader = await demoStaffActor(db, 'leader', 'leader', '王局长');
  const decidedAt = at(workday(addCalendarDays(decidedOn, 3)), '11:00');
  const proposals = await db
    .select()
    .from(creditProposals)
    .where(and(eq(creditProposals.sourceId, caseId), eq(creditProposals.status, 'open')));
  for (const p of proposals)
    await db.transaction((tx) =>
      decideCreditProposal(
        tx,
        leader,
        p.id,
        { confirm: true, grade: 'yellow', reason: '受到行政处罚，评为警示等级', version: p.version },
        decidedAt,
      ),
    );
  return { decisionNumber, orders };
}

const CHINESE_AMOUNTS: Record<string, string> = {
  '10000': '壹万元整',
  '20000': '贰万元整',
  '30000': '叁万元整',
};
