import {
  addCalendarDays,
  clockBinds,
  clockRollsOver,
  evaluateClock,
  makeValidUscc,
  shanghaiDateOf,
  todayInShanghai,
  type WorkingCalendar,
} from '@qingshan/core';
import type { DisclosureGround, DisclosureOutcome, DisclosureRequestInput } from '@qingshan/core/disclosure';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, demoStaff } from '../../seed/demo-data.ts';
import type { Actor } from '../audit/service.ts';
import { getCalendar } from '../calendar/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notifications } from '../notifications/tables.ts';
import { clockProfileValueSchema, getRule } from '../rules/service.ts';
import { users } from '../users/tables.ts';
import { actOnDisclosure, createDisclosureRequest, type DisclosureRow } from './service.ts';

/** A step of a request's handling, on a working day counted back from today. */
type Step =
  | { action: 'consult'; day: number; time: string; text: string }
  | { action: 'end-consult'; day: number; time: string }
  | { action: 'request-extension'; day: number; time: string; days: number; text: string }
  | { action: 'approve-extension'; day: number; time: string }
  | {
      action: 'answer';
      day: number;
      time: string;
      outcome: DisclosureOutcome;
      clause?: DisclosureGround;
      text: string;
    };

type Plan = {
  /** how the request came: by the demo citizen's or enterprise's account, or a letter the desk registered */
  by: 'letter' | 'citizen' | 'enterprise';
  /** working days before today it was received (0: today) */
  received: number;
  time: string;
  input: DisclosureRequestInput;
  steps: Step[];
};

/** The k-th working day before a date (k = 0: the date itself). */
function workingDaysBefore(calendar: WorkingCalendar, date: string, k: number): string {
  let d = date;
  for (let n = 0; n < k; ) {
    d = addCalendarDays(d, -1);
    if (calendar.isWorkingDay(d)) n++;
  }
  return d;
}

/** The answer's due date of a request received at `start`, counted as the clock service counts it. */
async function answerDueDate(db: Db, calendar: WorkingCalendar, start: Date): Promise<string> {
  const key = 'disclosure.answer';
  const { length, unit, warnBefore } = clockProfileValueSchema.parse(
    (await getRule(db, key, shanghaiDateOf(start))).value,
  );
  return evaluateClock(
    {
      profile: { key, length, unit, warnBefore },
      start: start.toISOString(),
      pauses: [],
      extensions: [],
      binds: clockBinds(key),
      rollsOver: clockRollsOver(key),
    },
    start.toISOString(),
    calendar,
  ).dueDate;
}

// The county's requests as a bureau of this size receives them: people asking after the firms
// next door, an environmental group and a researcher wanting monitoring series, a firm checking a
// neighbour's approval, and the usual requests that are complaints, or another body's information.
// Each plan's working days are counted back from the seeding day, so the demo stays current.
function plans(nearDeadline: number): Plan[] {
  return [
    {
      by: 'letter',
      received: 0,
      time: '09:05',
      input: {
        applicantType: 'natural-person',
        applicantName: '李国华',
        applicantIdNo: '360322196805120514',
        phone: '13979920131',
        address: '上栗县上栗镇栗江南路56号',
        description: '请求公开桐木镇某烟花厂2025年以来收到的环境行政处罚决定书及其整改验收情况',
        delivery: 'paper',
      },
      steps: [],
    },
    {
      by: 'letter',
      received: 6,
      time: '10:40',
      input: {
        applicantType: 'natural-person',
        applicantName: '彭晓燕',
        applicantIdNo: '360322198811270040',
        phone: '13979920132',
        description: '请求公开福田镇福田村某生猪养殖场的环境影响登记表备案材料及粪污处理设施建设情况',
        delivery: 'email',
        email: 'pengxy@example.com',
      },
      steps: [],
    },
    {
      // two or three working days left of the twenty: on the desk's worklist as due soon
      by: 'letter',
      received: nearDeadline,
      time: '15:20',
      input: {
        applicantType: 'public-interest',
        applicantName: '萍乡市青山环保志愿者协会',
        applicantIdNo: makeValidUscc('51360300MJD532017'),
        phone: '13979920133',
        address: '萍乡市安源区建设中路12号',
        description: '请求公开本年度萍水河、栗水河上栗县境内各监测断面逐月水质监测数据',
        delivery: 'email',
        email: 'qingshan-volunteers@example.org',
      },
      steps: [],
    },
    {
      by: 'letter',
      received: 24,
      time: '14:10',
      input: {
        applicantType: 'research',
        applicantName: '萍乡学院资源与环境研究所',
        applicantIdNo: makeValidUscc('12360300MB1766044'),
        phone: '13979920134',
        address: '萍乡市安源区萍安北大道211号',
        description:
          '请求公开2021年至2025年上栗县花炮企业危险废物（废药、废引线）产生量及转移联单汇总数据，用于花炮行业固体废物管理研究',
        delivery: 'email',
        email: 'zyhj@example.edu.cn',
      },
      steps: [
        {
          action: 'request-extension',
          day: 6,
          time: '16:00',
          days: 15,
          text: '申请公开的数据跨五个年度、涉及一百余家企业，需从档案和固体废物管理信息系统逐年调取汇总',
        },
        { action: 'approve-extension', day: 5, time: '09:30' },
      ],
    },
    {
      by: 'letter',
      received: 30,
      time: '09:40',
      input: {
        applicantType: 'natural-person',
        applicantName: '刘志强',
        applicantIdNo: '360322197502140934',
        phone: '13979920135',
        address: '上栗县金山镇金山村12组',
        description: '请求公开金山镇某石料加工项目环境影响报告表的审批意见',
        delivery: 'paper',
      },
      steps: [
        {
          action: 'answer',
          day: 22,
          time: '15:30',
          outcome: 'disclose',
          text: '经查，您申请的审批意见（上环审〔2026〕17号）属于本机关应当公开的政府信息，现予以公开，纸质件随本告知书一并寄送。',
        },
      ],
    },
    {
      by: 'enterprise',
      received: 40,
      time: '10:15',
      input: {
        // applicant's name, code and phone: filled from the enterprise's file below
        applicantType: 'business',
        applicantName: '',
        applicantIdNo: '',
        phone: '',
        description:
          '请求公开与本公司相邻的某花炮企业2025年建设项目环境影响报告表全本及其审批文件，以核实其安全防护距离',
        delivery: 'email',
        email: 'jinhua-fireworks@example.com',
      },
      steps: [
        {
          action: 'consult',
          day: 38,
          time: '11:00',
          text: '该相邻企业：报告表中的药物配方和生产工艺参数是否涉及商业秘密',
        },
        { action: 'end-consult', day: 32, time: '16:10' },
        {
          action: 'answer',
          day: 29,
          time: '10:20',
          outcome: 'partial',
          clause: 'third-party',
          text: '报告表全本及审批文件予以公开；其中药物配方和生产工艺参数经征求该企业意见，属于商业秘密，公开会损害第三方合法权益，已作区分处理，该部分不予公开。',
        },
      ],
    },
    {
      by: 'letter',
      received: 45,
      time: '11:20',
      input: {
        applicantType: 'natural-person',
        applicantName: '黄海燕',
        applicantIdNo: '360322198303060522',
        phone: '13979920136',
        description: '请求公开县生态环境局调查上栗镇某陶瓷厂信访件过程中的内部讨论记录和请示报告',
        delivery: 'pickup',
      },
      steps: [
        {
          action: 'answer',
          day: 33,
          time: '14:50',
          outcome: 'withhold',
          clause: 'process-info',
          text: '您申请的内部讨论记录、请示报告属于行政机关在履行行政管理职能过程中形成的过程性信息，不予公开。该信访件的处理意见已书面答复信访人。',
        },
      ],
    },
    {
      by: 'letter',
      received: 50,
      time: '16:00',
      input: {
        applicantType: 'natural-person',
        applicantName: '易文华',
        applicantIdNo: '360322196210230714',
        phone: '13979920137',
        address: '上栗县赤山镇赤山村',
        description: '请求公开2008年赤山镇某砖厂建设项目竣工环境保护验收监测报告',
        delivery: 'paper',
      },
      steps: [
        {
          action: 'answer',
          day: 41,
          time: '09:50',
          outcome: 'not-exist',
          text: '经检索本机关档案及原县环境保护局移交档案，未制作或获取您申请的验收监测报告，该政府信息不存在。',
        },
      ],
    },
    {
      by: 'letter',
      received: 36,
      time: '08:50',
      input: {
        applicantType: 'natural-person',
        applicantName: '钟丽',
        applicantIdNo: '360322199107180345',
        phone: '13979920138',
        description: '请求公开上栗镇某小区二次供水水箱本年度水质检测报告',
        delivery: 'email',
        email: 'zhongli@example.com',
      },
      steps: [
        {
          action: 'answer',
          day: 31,
          time: '15:00',
          outcome: 'not-ours',
          text: '您申请的二次供水水质检测信息不属于本机关负责公开的政府信息，请向上栗县卫生健康委员会申请。',
        },
      ],
    },
    {
      by: 'letter',
      received: 18,
      time: '10:30',
      input: {
        applicantType: 'natural-person',
        applicantName: '吴建军',
        applicantIdNo: '360322197910250614',
        phone: '13979920139',
        description: '要求公开并查处彭高镇某水泥厂夜间偷排粉尘的问题',
        delivery: 'paper',
      },
      steps: [
        {
          action: 'answer',
          day: 15,
          time: '16:30',
          outcome: 'not-processed',
          clause: 'petition',
          text: '您的申请实为投诉举报，不作为政府信息公开申请处理；已转本局执法大队按投诉举报程序办理，办理结果将另行告知。',
        },
      ],
    },
    {
      by: 'citizen',
      received: 12,
      time: '20:15',
      input: {
        applicantType: 'natural-person',
        applicantName: '张丽华',
        applicantIdNo: '360322199006150024',
        // the phone she filed her petition with (petitions/seed.ts)
        phone: '13979905678',
        description: '请求公开上栗镇长丰村某花炮厂本年度废气和厂界噪声监测报告',
        delivery: 'email',
        email: 'zhanglh@example.com',
      },
      steps: [
        {
          action: 'answer',
          day: 4,
          time: '11:10',
          outcome: 'disclose',
          text: '您申请的该企业本年度委托监测报告（有组织废气、厂界噪声）予以公开，电子件已发送至您的邮箱。',
        },
      ],
    },
  ];
}

/**
 * Requests for government information (依申请公开, 条例 §33) of the weeks before the seeding day,
 * filed and handled through the module's own service so every clock, history step and message is
 * what the desk would have made: one registered today, two on their 20 working days (one of them
 * due soon), one extended with the head's consent, and answered ones of each common kind. The
 * demo citizen filed one from her account and 金花烟花 (qiye1) one from its own.
 */
export async function seedDisclosure(db: Db, ctx: SeedContext): Promise<void> {
  const clerk = await demoStaff(db, 'clerk', 'clerk');
  const head = await demoStaff(db, 'leader', 'leader');
  if (!clerk || !head) return;
  const citizen = await demoStaff(db, 'qunzhong', 'citizen');
  const firmUser = await demoStaff(db, 'qiye1', 'enterprise');
  const [firm] = firmUser
    ? await db
        .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, contacts: enterprises.contacts })
        .from(enterprises)
        .innerJoin(users, eq(users.enterpriseId, enterprises.id))
        .where(eq(users.id, firmUser.id!))
    : [];
  const calendar = await getCalendar(db);
  const now = new Date();
  const today = todayInShanghai(now);

  // The working day to receive a request so that its answer is due 2 or 3 working days from today.
  const soon = calendar.addDays(today, 2, 'working');
  let nearDeadline = 17;
  for (let k = 19; k >= 12; k--) {
    const due = await answerDueDate(db, calendar, at(workingDaysBefore(calendar, today, k), '15:20'));
    if (due >= soon) {
      nearDeadline = k;
      break;
    }
  }

  let answered = 0;
  let seeded = 0;
  for (const plan of plans(nearDeadline)) {
    const account = plan.by === 'citizen' ? citizen : plan.by === 'enterprise' ? firmUser : clerk;
    if (!account || (plan.by === 'enterprise' && !firm)) continue;
    let receivedAt = at(workingDaysBefore(calendar, today, plan.received), plan.time);
    // "today's" letter: on the last working day instead when today is a rest day or its morning is not over
    if ((!calendar.isWorkingDay(today) && plan.received === 0) || receivedAt.getTime() > now.getTime() - 30 * 60_000) {
      receivedAt = at(workingDaysBefore(calendar, today, 1), '16:20');
    }
    const input: DisclosureRequestInput =
      plan.by === 'enterprise' && firm
        ? {
            ...plan.input,
            applicantName: firm.name,
            applicantIdNo: firm.uscc,
            phone: firm.contacts[0]?.phone ?? '13907990101',
          }
        : plan.input;
    // a letter is registered by the desk half an hour after it arrives; an online filing is its own receipt
    const registeredAt = plan.by === 'letter' ? new Date(receivedAt.getTime() + 25 * 60_000) : receivedAt;
    let row: DisclosureRow = await db.transaction((tx) =>
      createDisclosureRequest(tx, account, input, {
        receivedAt,
        now: registeredAt,
        enterpriseId: plan.by === 'enterprise' ? firm!.id : null,
        citizenUserId: plan.by === 'citizen' ? account.id : null,
      }),
    );
    for (const step of plan.steps) {
      const when = at(workingDaysBefore(calendar, today, step.day), step.time);
      const actor: Actor = step.action === 'approve-extension' ? head : clerk;
      const { day: _day, time: _time, ...action } = step;
      row = await actOnDisclosure(db, actor, row.id, { ...action, version: row.version }, when);
      // messages the step sent (the applicant's progress, the head's request to consent) carry its time
      await db
        .update(notifications)
        .set({ createdAt: when })
        .where(and(gt(notifications.createdAt, when), eq(notifications.link, `/disclosure/track?code=${row.code}`)));
      if (step.action === 'request-extension') {
        const approved = plan.steps.find((s) => s.action === 'approve-extension');
        await db
          .update(notifications)
          .set({
            createdAt: when,
            readAt: approved ? at(workingDaysBefore(calendar, today, approved.day), approved.time) : null,
          })
          .where(
            and(
              eq(notifications.kind, 'disclosure.extension-requested'),
              eq(notifications.link, `/staff/disclosure/${row.id}`),
            ),
          );
      }
    }
    if (row.status === 'answered') answered++;
    seeded++;
  }
  ctx.print(`政府信息公开申请：${seeded} 件（已答复 ${answered}）/ disclosure requests`);
}
