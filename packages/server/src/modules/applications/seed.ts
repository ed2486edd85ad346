import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import { demoStaff } from '../../seed/demo-data.ts';
import { type Actor, SYSTEM_ACTOR } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';
import { demoPdf } from './demo-pdf.ts';
import { seedApplicationsThisYear } from './seed-this-year.ts';
import {
  accept,
  acceptDeferred,
  addMaterial,
  checklistOf,
  decide,
  fileApplication,
  issueNotice,
  startExpertReview,
  supplement,
} from './service.ts';

/**
 * Current applications in every state, for the demo enterprises that have accounts (qiye1, qiye2)
 * so each face has live work: awaiting pre-check, awaiting materials after a one-time notice,
 * accepted (complete and 容缺), in expert review, approved and refused — all through the services.
 */
export async function seedApplications(db: Db, ctx: SeedContext): Promise<void> {
  const clerk: Actor = (await demoStaff(db, 'clerk', 'clerk')) ?? { ...SYSTEM_ACTOR, roles: ['clerk'] };
  const approver: Actor = (await demoStaff(db, 'approver', 'approver')) ?? { ...SYSTEM_ACTOR, roles: ['approver'] };
  const accounts = await db
    .select({ id: users.id, username: users.username, enterpriseId: users.enterpriseId, name: users.displayName })
    .from(users);
  const owners = ['qiye1', 'qiye2']
    .map((u) => accounts.find((a) => a.username === u))
    .filter((a): a is NonNullable<typeof a> => Boolean(a?.enterpriseId));
  ctx.print('申请 / applications');
  // this year's finished applications first, so that the year's numbers run in date order
  await seedApplicationsThisYear(db, ctx);
  if (!owners.length) return;
  const people = ['刘建国', '张丽', '王强'];

  type Plan = {
    owner: number;
    matter: string;
    project: string;
    provide: 'all' | 'some' | 'all-but-deferrable';
    window?: boolean;
    steps: ('notice' | 'supplement' | 'accept' | 'deferred' | 'expert' | 'approve' | 'refuse')[];
  };
  const PLANS: Plan[] = [
    {
      owner: 0,
      matter: 'eia-report-form',
      project: '年产 50 万箱烟花爆竹生产线技术改造项目',
      provide: 'some',
      steps: [],
    },
    {
      owner: 0,
      matter: 'eia-report-form',
      project: '花炮原料仓库扩建项目',
      provide: 'some',
      steps: ['notice'],
    },
    {
      owner: 1 % owners.length,
      matter: 'eia-report-form',
      project: '鞭炮引线车间搬迁项目',
      provide: 'all-but-deferrable',
      window: true,
      steps: ['deferred'],
    },
    {
      owner: 1 % owners.length,
      matter: 'eia-report-form-commitment',
      project: '烟花包装材料生产线项目',
      provide: 'all',
      steps: ['accept', 'expert'],
    },
    { owner: 0, matter: 'eia-report-form', project: '废气收集治理设施改造项目', provide: 'all', steps: ['accept'] },
    {
      owner: 0,
      matter: 'eia-report-form',
      project: '成品仓库改建项目',
      provide: 'some',
      steps: ['notice', 'supplement', 'accept', 'approve'],
    },
    {
      owner: 1 % owners.length,
      matter: 'eia-exemption',
      project: '办公楼装修（不新增产能）',
      provide: 'all',
      window: true,
      steps: ['accept', 'refuse'],
    },
  ];

  for (const [n, plan] of PLANS.entries()) {
    const owner = owners[plan.owner]!;
    const [ent] = await db
      .select({ name: enterprises.name })
      .from(enterprises)
      .where(eq(enterprises.id, owner.enterpriseId!));
    const user: SessionUser = {
      id: owner.id,
      username: owner.username,
      displayName: owner.name,
      roles: plan.window ? ['clerk'] : ['enterprise'],
      enterpriseId: plan.window ? null : owner.enterpriseId,
      enterpriseName: ent?.name ?? null,
      sessionId: '',
      csrfToken: '',
      mustChangePassword: false,
    };
    const actor: Actor = plan.window ? clerk : { id: owner.id, name: owner.name, roles: ['enterprise'], ip: null };
    const base = {
      matterCode: plan.matter,
      projectName: plan.project,
      applicantName: people[n % people.length]!,
      applicantPhone: '13907990101',
    };
    const row = await fileApplication(
      db,
      actor,
      user,
      plan.window
        ? {
            ...base,
            enterpriseId: owner.enterpriseId!,
            assisted: n % 2 === 0,
            authorisation: `${people[n % people.length]} 出具的授权委托书（窗口存档）`,
          }
        : base,
    );
    const checklist = await checklistOf(db, row);
    const upload = async (items: number[]) => {
      for (const i of items) {
        await addMaterial(db, actor, { ...user, roles: plan.window ? ['clerk'] : ['enterprise'] }, row.id, {
          item: i,
          name: `${checklist[i]!.name}.pdf`,
          body: demoPdf(checklist[i]!.name),
        });
      }
    };
    const required = checklist.flatMap((m, i) => (m.required ? [i] : []));
    if (plan.provide === 'all') await upload(required);
    if (plan.provide === 'some') await upload(required.slice(0, Math.max(1, required.length - 2)));
    if (plan.provide === 'all-but-deferrable') await upload(required.filter((i) => !checklist[i]!.deferrable));
    for (const s of plan.steps) {
      if (s === 'notice') await issueNotice(db, clerk, row.id, null);
      if (s === 'supplement') {
        await upload(required);
        await supplement(db, clerk, { ...user, roles: ['clerk'], enterpriseId: null }, row.id, true);
      }
      if (s === 'accept') await accept(db, clerk, row.id);
      if (s === 'deferred') await acceptDeferred(db, clerk, row.id, '承诺于 20 个工作日内补交公开版本报告表');
      if (s === 'expert') await startExpertReview(db, approver, row.id, '组织专家技术评审');
      if (s === 'approve')
        await decide(db, approver, row.id, {
          outcome: 'approved',
          reasons: '项目符合环境保护相关法律法规和规划要求，同意建设。',
        });
      if (s === 'refuse')
        await decide(db, approver, row.id, {
          outcome: 'refused',
          reasons: '该项目属于《建设项目环境影响评价分类管理名录》以外的情形，不纳入环评管理，无需作出豁免认定。',
        });
    }
  }
}
