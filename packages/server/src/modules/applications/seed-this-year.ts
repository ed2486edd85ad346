/**
 * The applications of the seeding year, decided before today: one for each EIA project of the
 * year the bureau decides itself (the EIA seed's plan, which opens the cases from them), and a
 * few exemption requests refused because the project needs an EIA after all. All filed at the
 * window: online filing needs an enterprise account, and the enterprises that have one (the demo's
 * accounts) are left with what they had, so nothing new lands in their lists or inboxes.
 */
import { addCalendarDays, fromDayNumber, toDayNumber, todayInShanghai } from '@qingshan/core/calendar';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import { at, daysOfThisYearSoFar, demoRandom, demoStaff, personName, THIS_YEAR_STREAMS } from '../../seed/demo-data.ts';
import type { Actor } from '../../shared/actor.ts';
import { getCalendar } from '../calendar/service.ts';
import { type EiaYearCase, phoneOf, planEiaYear, yearEnterprises } from '../eia/seed-this-year.ts';
import { demoPdf } from './demo-pdf.ts';
import {
  accept,
  acceptDeferred,
  addMaterial,
  checklistOf,
  decide,
  endExpertReview,
  fileApplication,
  issueNotice,
  startExpertReview,
  supplement,
} from './service.ts';

const APPROVAL: Record<string, string> = {
  'eia-report-form-commitment':
    '项目属于告知承诺制适用行业，建设单位已签署告知承诺书，拟批准公示期满，准予批准；本局将在批准后 30 日内开展事后核查。',
  'eia-report-form': '项目符合生态环境保护法律法规和“三线一单”生态环境分区管控要求，污染防治措施可行，同意建设。',
};

// Requests for an exemption the catalogue does not give: refused with the path the project takes.
const NOT_EXEMPT: readonly { of: string; project: string; reason: string }[] = [
  {
    of: '2672',
    project: '烟花效果件粘接车间改造项目',
    reason:
      '经核实，该项目使用含挥发性有机物的粘合剂，属《建设项目环境影响评价分类管理名录（2021年版）》第44项报告表类别，不属于豁免情形，应依法编制环境影响报告表报批（可按告知承诺制办理）。',
  },
  {
    of: '0313',
    project: '年出栏 1500 头生猪养殖场扩建项目',
    reason:
      '经核实，该项目达到规模化养殖标准，属《建设项目环境影响评价分类管理名录（2021年版）》第3项登记表类别，应在建设项目环境影响登记表网上备案系统备案，不适用豁免认定。',
  },
  {
    of: '3031',
    project: '页岩砖厂隧道窑余热利用改造项目',
    reason:
      '经核实，该项目属《建设项目环境影响评价分类管理名录（2021年版）》第56项报告表类别，不属于豁免情形，应依法编制环境影响报告表报批。',
  },
];

type Step = { on: string; time: string };
type Filing = {
  matter: string;
  enterpriseId: string;
  projectName: string;
  applicantName: string;
  applicantPhone: string;
  intake: EiaYearCase['intake'];
  filedOn: string;
  noticeOn: string | null;
  suppliedOn: string | null;
  acceptedOn: string;
  deferredInOn: string | null;
  expertReview: { from: string; to: string } | null;
  decidedOn: string;
  approve: boolean;
  reasons: string;
};

function windowUser(clerk: Actor): SessionUser {
  return {
    id: clerk.id!,
    username: clerk.name,
    displayName: clerk.name,
    roles: ['clerk'],
    enterpriseId: null,
    enterpriseName: null,
    sessionId: '',
    csrfToken: '',
    mustChangePassword: false,
  };
}

/** The year's applications through the applications services, each step on its own day. */
export async function seedApplicationsThisYear(db: Db, ctx: SeedContext): Promise<void> {
  const today = todayInShanghai();
  const days = daysOfThisYearSoFar(today);
  if (days.length === 0) return;
  const clerk = await demoStaff(db, 'clerk', 'clerk');
  const approver = await demoStaff(db, 'approver', 'approver');
  if (!clerk || !approver) return;
  const user = windowUser(clerk);
  const r = demoRandom(THIS_YEAR_STREAMS.applications);
  const calendar = await getCalendar(db);
  const after = (d: string, n: number) => fromDayNumber(calendar.nthWorkingDayAfter(toDayNumber(d), n));

  const filings: Filing[] = (await planEiaYear(db, today))
    .filter((c) => c.matter)
    .map((c) => ({
      matter: c.matter!,
      enterpriseId: c.enterpriseId,
      projectName: c.projectName,
      applicantName: c.contactName,
      applicantPhone: c.contactPhone,
      intake: c.intake,
      filedOn: c.filedOn,
      noticeOn: c.noticeOn,
      suppliedOn: c.suppliedOn,
      acceptedOn: c.acceptedOn,
      deferredInOn: c.deferredInOn,
      expertReview: c.expertReview,
      decidedOn: c.decidedOn,
      approve: c.approve,
      reasons: c.approve
        ? (APPROVAL[c.matter!] ?? `经认定，${c.exemptionEntry ?? ''}，予以豁免，不需办理环评审批手续。`)
        : c.reason!,
    }));
  // the refused exemption requests, on this module's own stream
  const ents = await yearEnterprises(db);
  const year = today.slice(0, 4);
  for (
    let d = addCalendarDays(`${year}-01-01`, r.int(30, 90));
    d.startsWith(year);
    d = addCalendarDays(d, r.int(100, 160))
  ) {
    const filedOn = calendar.dayInfo(d).workingDay ? d : after(d, 1);
    const ask = r.pick(NOT_EXEMPT);
    const pool = ents.filter((e) => e.industry === ask.of);
    const ent = pool.length ? r.pick(pool) : undefined;
    const decidedOn = after(filedOn, r.int(1, 3));
    const applicantName = personName(r);
    const applicantPhone = phoneOf(r);
    if (!ent || decidedOn >= today || !decidedOn.startsWith(year)) continue;
    filings.push({
      matter: 'eia-exemption',
      enterpriseId: ent.id,
      projectName: ask.project,
      applicantName,
      applicantPhone,
      intake: 'complete',
      filedOn,
      noticeOn: null,
      suppliedOn: null,
      acceptedOn: filedOn,
      deferredInOn: null,
      expertReview: null,
      decidedOn,
      approve: false,
      reasons: ask.reason,
    });
  }
  filings.sort((a, b) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : 0));

  let visits = 0;
  for (const f of filings) {
    // 帮办代办: the clerk files on the applicant's authorisation and the applicant need not come
    const assisted = r.next() < 0.35;
    const inPerson = r.next() < 0.5;
    const filed: Step = { on: f.filedOn, time: `09:${String(r.int(5, 55)).padStart(2, '0')}` };
    const when = (s: Step, minutes = 0) => new Date(at(s.on, s.time).getTime() + minutes * 60_000);
    const row = await fileApplication(
      db,
      clerk,
      user,
      {
        matterCode: f.matter,
        projectName: f.projectName,
        applicantName: f.applicantName,
        applicantPhone: f.applicantPhone,
        enterpriseId: f.enterpriseId,
        assisted,
        authorisation: assisted ? `${f.applicantName} 出具的授权委托书（${f.filedOn}，窗口存档）` : null,
      },
      when(filed),
    );
    const checklist = await checklistOf(db, row);
    const required = checklist.flatMap((m, i) => (m.required ? [i] : []));
    const upload = async (items: number[], t: Date) => {
      for (const i of items)
        await addMaterial(
          db,
          clerk,
          user,
          row.id,
          { item: i, name: `${checklist[i]!.name}.pdf`, body: demoPdf(checklist[i]!.name) },
          t,
        );
    };
    const deferrable = required.filter((i) => checklist[i]!.deferrable);
    if (f.intake === 'complete') await upload(required, when(filed, 10));
    else if (f.intake === 'deferred')
      await upload(
        required.filter((i) => !deferrable.includes(i)),
        when(filed, 10),
      );
    else {
      // one or two items missing, never the application form itself
      const missing = r.shuffle(required.slice(1)).slice(0, r.int(1, Math.min(2, required.length - 1)));
      await upload(
        required.filter((i) => !missing.includes(i)),
        when(filed, 10),
      );
      await issueNotice(db, clerk, row.id, null, at(f.noticeOn!, '16:00'));
      await upload(missing, at(f.suppliedOn!, '09:50'));
      await supplement(db, clerk, user, row.id, inPerson, at(f.suppliedOn!, '10:00'));
    }
    const acceptAt =
      f.intake === 'notice'
        ? at(f.acceptedOn, f.acceptedOn === f.suppliedOn ? '10:40' : '09:40')
        : f.acceptedOn === f.filedOn
          ? when(filed, 40)
          : at(f.acceptedOn, '09:40');
    if (f.intake === 'deferred') {
      await acceptDeferred(
        db,
        clerk,
        row.id,
        `承诺于 20 个工作日内补交${deferrable.map((i) => checklist[i]!.name).join('、')}`,
        acceptAt,
      );
      await upload(deferrable, at(f.deferredInOn!, '14:30'));
    } else await accept(db, clerk, row.id, acceptAt);
    if (f.expertReview) {
      await startExpertReview(db, approver, row.id, '组织技术评估及专家评审', at(f.expertReview.from, '09:00'));
      await endExpertReview(db, approver, row.id, at(f.expertReview.to, '17:00'));
    }
    await decide(
      db,
      approver,
      row.id,
      { outcome: f.approve ? 'approved' : 'refused', reasons: f.reasons },
      // a same-day decision comes after the morning's acceptance (up to 10:40) and after the EIA
      // seed opens the case from it (11:00): a decided application can no longer be linked
      at(f.decidedOn, f.decidedOn === f.acceptedOn ? '16:00' : '10:30'),
    );
    visits += (assisted ? 0 : 1) + (f.intake === 'notice' && inPerson ? 1 : 0);
  }
  ctx.print(`申请（本年）：${filings.length} 件已办结，申请人到现场 ${visits} 次 / applications of this year`);
}
