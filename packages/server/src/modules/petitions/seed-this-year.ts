import {
  addCalendarDays,
  clockBinds,
  clockRollsOver,
  evaluateClock,
  shanghaiDateOf,
  todayInShanghai,
  type WorkingCalendar,
} from '@qingshan/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, daysOfThisYearSoFar, demoRandom, FAMILY_NAMES, THIS_YEAR_STREAMS } from '../../seed/demo-data.ts';
import { type Actor, SYSTEM_ACTOR } from '../audit/service.ts';
import { getCalendar } from '../calendar/service.ts';
import { clocksOf, lapseClock } from '../clocks/service.ts';
import { notifications } from '../notifications/tables.ts';
import { clockProfileValueSchema, getRule } from '../rules/service.ts';
import { actOnPetition, createPetition } from './service.ts';

// What the county writes to the bureau about: the nuisances of fireworks, building materials,
// mining and livestock (申诉求决, 第三十一条), some suggestions (第二十九条), a few accusations
// against officials (检举控告, 第三十条) and matters that are not the bureau's at all.
const CLAIMS = [
  '桐木镇某烟花厂试放场夜间燃放扰民',
  '金山镇碎石场粉尘飘入居民区',
  '福田镇生猪养殖场废水流入稻田',
  '彭高镇水泥厂窑头粉尘无组织排放',
  '赤山镇陶瓷厂喷雾干燥塔排气有异味',
  '长平乡石灰窑冒黑烟',
  '东源乡煤矸石堆场雨后淋溶水外流',
  '杨岐乡农家乐生活污水直排溪沟',
  '鸡冠山乡蛋鸡场鸡粪堆放异味',
  '上栗镇汽修店喷漆异味扰民',
  '上栗镇建筑工地夜间施工噪声',
  '桐木镇引线厂废水沉淀池渗漏',
  '金山镇酱菜厂腌制废水异味',
  '福田镇电子厂夜间风机噪声',
  '彭高镇砖厂隧道窑烟气刺鼻',
  '赤山镇河段洗砂废水浑浊',
  '长平乡采石场爆破震动及粉尘',
  '东源乡塑料颗粒加工点焚烧边角料',
  '上栗镇米厂烘干机粉尘',
  '杨岐乡纸筒厂锅炉冒黑烟',
  '鸡冠山乡山塘被倾倒废渣',
  '金山镇加油站卸油时油气异味',
];
const SUGGESTIONS = [
  '建议在镇区公示空气质量实时数据',
  '建议在花炮企业集中区增设水质监测点',
  '建议将周六延时服务延长至下午',
  '建议公开重点排污单位自行监测数据',
  '建议开展花炮企业环保政策进企业宣讲',
];
const ACCUSATIONS = [
  '反映某镇环保网格员对砖厂违法排污查处不力',
  '反映某村干部包庇非法洗砂点',
  '反映执法人员对同类违法行为处罚标准不一',
];
/** matters outside the bureau's competence, with the reason the notice of non-acceptance gives */
const NOT_OURS: [string, string][] = [
  [
    '反映邻里宅基地建房影响采光',
    '该事项属于相邻关系民事纠纷，不属于本机关职权范围，请向所在乡镇人民调解委员会申请调解，或依法向人民法院起诉。',
  ],
  [
    '反映某企业拖欠务工人员工资',
    '该事项属于人力资源社会保障部门职责，不属于本机关职权范围，请向县劳动保障监察机构反映。',
  ],
  ['反映小区物业服务收费过高', '该事项属于住房城乡建设部门和价格主管部门职责，不属于本机关职权范围，请向其反映。'],
];
const DETAILS = [
  '信访人称情况已持续一段时间，请求尽快查处。',
  '信访人称多次向村（居）委会反映未果，请求生态环境部门介入。',
  '信访人反映情况属实与否待核查，请依法处理并答复。',
  '信访人附现场照片若干，请求依法处理并书面答复。',
];
const CLAIM_REPLIES = [
  '经现场核查，已责令相关单位限期整改，并将持续跟踪整改落实情况。',
  '经调查，该单位已停产整改，执法大队复查确认问题已消除。',
  '经委托监测，周边排放浓度达标；已督促企业加强管理，减少对周边居民的影响。',
  '经现场核查，反映情况属实，已依法立案查处，并督促其完成整改。',
];
const SUGGESTION_REPLY = '感谢您的建议。本局已研究并采纳，将结合年度工作计划落实，相关信息在本局网站公开。';
const ACCUSATION_REPLY = '经核查，已将反映的问题线索移送县纪委监委派驻纪检监察组依规依纪处理，处理结果依法另行告知。';
const EXTENSION_REASONS = ['需委托第三方监测并协调多部门', '涉及多家企业，需联合住建、自然资源部门现场核查'];
const CHANNELS = ['phone', 'phone', 'online', 'online', 'letter', 'visit'] as const;
const TIMES = ['08:50', '09:30', '10:20', '11:10', '14:40', '15:30', '16:20'];

/**
 * The due date a clock of this profile started at `start` (with approved extension days) will
 * have: the rule in force that day, counted as the clock service counts it.
 */
async function dueDateOf(db: Db, profileKey: string, start: Date, extensionDays = 0): Promise<string> {
  const rule = await getRule(db, profileKey, shanghaiDateOf(start));
  const { length, unit, warnBefore } = clockProfileValueSchema.parse(rule.value);
  return evaluateClock(
    {
      profile: { key: profileKey, length, unit, warnBefore },
      start: start.toISOString(),
      pauses: [],
      extensions: extensionDays ? [{ days: extensionDays, approvedBy: '', reason: '', at: start.toISOString() }] : [],
      binds: clockBinds(profileKey),
      rollsOver: clockRollsOver(profileKey),
    },
    start.toISOString(),
    await getCalendar(db),
  ).dueDate;
}

/** Letters go out on working days: the nearest one before (or, `forward`, after) a date. */
function workingDayNear(calendar: WorkingCalendar, date: string, forward = false): string {
  let d = date;
  while (!calendar.isWorkingDay(d)) d = addCalendarDays(d, forward ? 1 : -1);
  return d;
}

type Plan = {
  type: 'claim' | 'suggestion' | 'accusation';
  title: string;
  notOurs?: string;
  channel: (typeof CHANNELS)[number];
  referredBy?: string;
  receivedAt: Date;
  petitionerName: string;
  content: string;
  acceptOn: string;
  extension?: { days: number; reason: string; requestOn: string; approveOn: string };
  replyOn?: string;
  replyText?: string;
  deliveredOn?: string;
};

/**
 * This year's petitions so far, received from January on and closed: accepted within the 15
 * days, answered in writing (claims within their 60 days, now and then with the 负责人's
 * extension, once in a while a few days late), the reply delivered, and the petitioner's 30 days to ask for a
 * review let pass. A case is recorded only when all of that, every due date included, lies before
 * today, so none of it is anyone's work or waiting; the cases still open are the live ones of
 * seedPetitions. The draws for a case do not depend on the day the demo starts, so January's
 * cases are the same on any later day of the year.
 */
export async function seedThisYearPetitions(
  db: Db,
  ctx: SeedContext,
  actor: Actor,
  head: Actor,
  today: string = todayInShanghai(),
): Promise<void> {
  const days = daysOfThisYearSoFar(today);
  if (!days.length || today < '2021-01-01') return;
  const r = demoRandom(THIS_YEAR_STREAMS.petitions);
  const calendar = await getCalendar(db);
  const year = today.slice(0, 4);
  const claims = r.shuffle(CLAIMS);
  const suggestions = r.shuffle(SUGGESTIONS);
  const accusations = r.shuffle(ACCUSATIONS);
  const notOurs = r.shuffle(NOT_OURS);
  const used = { claim: 0, suggestion: 0, accusation: 0, notOurs: 0 };

  const plans: Plan[] = [];
  for (let month = 1; month <= Number(today.slice(5, 7)); month++) {
    // the summer's noise and smells bring more
    const count = month >= 5 && month <= 9 ? r.int(2, 3) : r.int(1, 3);
    for (let k = 0; k < count; k++) {
      const receivedOn = `${year}-${String(month).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
      const time = r.pick(TIMES);
      const channel = r.pick(CHANNELS);
      const referred = r.next() < 0.4;
      const kindRoll = r.next();
      const family = r.pick([...FAMILY_NAMES]);
      const title = r.next() < 0.5 ? '先生' : '女士';
      const detail = r.pick(DETAILS);
      const acceptWorkdays = r.int(1, 4);
      const handleRoll = r.next();
      const handleDays = r.int(20, 55);
      const extensionDays = r.pick([15, 20, 30]);
      const extensionAsked = r.int(45, 52);
      const extensionOver = r.int(3, 12);
      const lateOver = r.int(2, 8);
      const routedDays = r.int(10, 30);
      const deliveryDays = r.int(1, 3);
      const replyText = r.pick(CLAIM_REPLIES);
      const extensionReason = r.pick(EXTENSION_REASONS);
      if (receivedOn >= today) continue;

      // the first case of the year is a claim, so the on-time rate has a case to count
      const kind =
        plans.length === 0 || kindRoll >= 0.34
          ? 'claim'
          : kindRoll < 0.08
            ? 'not-ours'
            : kindRoll < 0.24
              ? 'suggestion'
              : 'accusation';
      const receivedAt = at(receivedOn, time);
      const acceptOn = calendar.addDays(receivedOn, acceptWorkdays, 'working');
      const base = {
        channel,
        receivedAt,
        petitionerName: `${family}${title}`,
        acceptOn,
        ...(channel === 'letter' && referred ? { referredBy: '上栗县信访局' } : {}),
      };
      let plan: Plan;
      if (kind === 'not-ours') {
        const [t, reason] = notOurs[used.notOurs++ % notOurs.length]!;
        plan = { ...base, type: 'claim', title: t, notOurs: reason, content: `${t}。${detail}` };
      } else if (kind === 'claim') {
        const t = claims[used.claim++ % claims.length]!;
        let replyOn: string;
        let extension: Plan['extension'];
        if (handleRoll < 0.12) {
          // a complex case: the handler asks for more time before the 60 days run out, the 负责人 approves
          const requestOn = workingDayNear(calendar, addCalendarDays(acceptOn, extensionAsked));
          extension = {
            days: extensionDays,
            reason: extensionReason,
            requestOn,
            approveOn: calendar.addDays(requestOn, 1, 'working'),
          };
          replyOn = workingDayNear(
            calendar,
            addCalendarDays(acceptOn, 60 + Math.min(extensionOver, extensionDays - 2)),
          );
        } else if (handleRoll < 0.2) {
          // the honest miss: answered a few days after the limit, without an extension
          replyOn = workingDayNear(calendar, addCalendarDays(acceptOn, 60 + lateOver), true);
        } else {
          replyOn = workingDayNear(calendar, addCalendarDays(acceptOn, handleDays));
        }
        plan = {
          ...base,
          type: 'claim',
          title: t,
          content: `${t}。${detail}`,
          replyOn,
          replyText,
          ...(extension ? { extension } : {}),
        };
      } else {
        const t =
          kind === 'suggestion'
            ? suggestions[used.suggestion++ % suggestions.length]!
            : accusations[used.accusation++ % accusations.length]!;
        plan = {
          ...base,
          type: kind,
          title: t,
          content: `${t}。${kind === 'suggestion' ? '信访人希望有关部门研究采纳。' : detail}`,
          replyOn: workingDayNear(calendar, addCalendarDays(acceptOn, routedDays)),
          replyText: kind === 'suggestion' ? SUGGESTION_REPLY : ACCUSATION_REPLY,
        };
      }
      if (plan.replyOn) plan.deliveredOn = addCalendarDays(plan.replyOn, deliveryDays);
      if (await settledBeforeToday(db, plan, today)) plans.push(plan);
    }
  }

  let late = 0;
  for (const [i, p] of plans.entries()) {
    const row = await db.transaction((tx) =>
      createPetition(
        tx,
        actor,
        {
          channel: p.channel,
          type: p.type,
          title: p.title,
          content: p.content,
          petitionerName: p.petitionerName,
          petitionerPhone: `1360799${String(4000 + i)}`,
          receivedAt: p.receivedAt.toISOString(),
          ...(p.referredBy ? { referredBy: p.referredBy } : {}),
        },
        { now: new Date(p.receivedAt.getTime() + 30 * 60_000) },
      ),
    );
    if (p.notOurs) {
      await actOnPetition(db, actor, row.id, { action: 'not-accept', text: p.notOurs }, at(p.acceptOn, '10:30'));
      continue;
    }
    await actOnPetition(db, actor, row.id, { action: 'accept' }, at(p.acceptOn, '10:30'));
    if (p.extension) {
      const asked = at(p.extension.requestOn, '16:00');
      const approved = at(p.extension.approveOn, '09:30');
      await actOnPetition(
        db,
        actor,
        row.id,
        { action: 'request-extension', days: p.extension.days, text: p.extension.reason },
        asked,
      );
      await actOnPetition(db, head, row.id, { action: 'approve-extension' }, approved);
      // the leaders read the request when it came and approved it: no message waits in an inbox
      await db
        .update(notifications)
        .set({ createdAt: asked, readAt: approved })
        .where(
          and(
            eq(notifications.kind, 'petition.extension-requested'),
            eq(notifications.link, `/staff/petitions/${row.id}`),
          ),
        );
    }
    const replied = await actOnPetition(
      db,
      actor,
      row.id,
      { action: 'reply', text: p.replyText! },
      at(p.replyOn!, '10:00'),
    );
    if (replied.closedOnTime === false) late++;
    await actOnPetition(
      db,
      actor,
      row.id,
      { action: 'record-delivery', date: p.deliveredOn! },
      at(p.deliveredOn!, '16:00'),
    );
    // the petitioner did not ask for a review within the 30 days: the window closed unused
    const window = (await clocksOf(db, { ownerType: 'petition', ownerId: row.id })).find(
      (c) => c.profileKey === 'petition.review-request' && !c.completedAt,
    );
    if (window) await db.transaction((tx) => lapseClock(tx, SYSTEM_ACTOR, window.id));
  }
  ctx.print(`信访：${plans.length} 件 ${year} 年已办结信访（超期 ${late}）/ this year's petitions`);
}

/** Whether every step and every due date of a planned case lies before today. */
async function settledBeforeToday(db: Db, p: Plan, today: string): Promise<boolean> {
  const dates = [
    p.acceptOn,
    p.extension?.approveOn,
    p.replyOn,
    p.deliveredOn,
    await dueDateOf(db, 'petition.acceptance-notice', p.receivedAt),
  ];
  if (p.referredBy) dates.push(await dueDateOf(db, 'petition.referral-objection', p.receivedAt));
  if (p.type === 'claim' && !p.notOurs) {
    dates.push(await dueDateOf(db, 'petition.resolution', at(p.acceptOn, '10:30'), p.extension?.days ?? 0));
  }
  // the petitioner's 30 days run from noon of the day the reply reached them
  if (p.deliveredOn) dates.push(await dueDateOf(db, 'petition.review-request', at(p.deliveredOn, '12:00')));
  return dates.every((d) => d === undefined || d < today);
}
