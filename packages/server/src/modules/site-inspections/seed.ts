import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { enterprises } from '../enterprises/tables.ts';
import { inspectionDraws, inspectionResults, inspectors } from '../inspections/tables.ts';
import { positiveListEntries } from '../positive-list/tables.ts';
import { demoStaffActor, firmParties, SIGNATURE } from './demo-parties.ts';
import { seedSiteInspectionsThisYear } from './seed-this-year.ts';
import { advanceCase, answerOrder, completeInspection, createInspection, openCase, verifyOrder } from './service.ts';
import { inspectionFindings, rectificationOrders } from './tables.ts';

const END_OF_2020 = new Date('2021-01-01T00:00:00+08:00');

const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);
const plusDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * The on-site records behind the 2020 draws' published "problems found" results: the findings,
 * their rectification orders answered and verified (one returned first), and one serious finding
 * taken through a penalty case to execution. Nothing of 2020 is left open: the bureau did its work
 * (seed/demo.test.ts).
 */
export async function seedSiteInspections(db: Db, ctx: SeedContext): Promise<void> {
  const officer = await demoStaffActor(db, 'inspector', 'inspector', '执法·李强');
  const draws = await db.select().from(inspectionDraws).orderBy(asc(inspectionDraws.drawnAt));
  const names = new Map((await db.select().from(inspectors)).map((i) => [i.id, i.name.replace('执法·', '')]));
  const listedNow = new Set(
    (
      await db
        .select({ id: positiveListEntries.enterpriseId })
        .from(positiveListEntries)
        .where(eq(positiveListEntries.status, 'listed'))
    ).map((e) => e.id),
  );
  let records = 0;
  let caseDone = false;
  for (const [q, d] of draws.entries()) {
    const results = await db.select().from(inspectionResults).where(eq(inspectionResults.drawId, d.id));
    const problems = results.filter((r) => r.outcome === 'problems-found');
    const firms = new Map(
      (problems.length
        ? await db
            .select()
            .from(enterprises)
            .where(
              inArray(
                enterprises.id,
                problems.map((p) => p.enterpriseId),
              ),
            )
        : []
      ).map((e) => [e.id, e]),
    );
    for (const [k, r] of problems.entries()) {
      const firm = firms.get(r.enterpriseId);
      if (!firm) continue;
      const target = d.targets.find((t) => t.objectId === r.enterpriseId);
      // The penalty goes to a firm of 2020's second round or later that is not on the positive list
      // now: a firm this year's seed listed would get a removal proposal from a 2020 penalty.
      const serious = !caseDone && q >= 1 && d.drawnAt < END_OF_2020 && !listedNow.has(firm.id);
      const id = await createInspection(db, officer, {
        kind: 'on-site',
        enterpriseId: firm.id,
        drawId: d.id,
        inspectedOn: r.inspectedOn,
        inspectorNames: (target?.inspectorIds ?? [])
          .map((i) => names.get(i) ?? '')
          .filter(Boolean)
          .slice(0, 6),
        latitude: firm.lat,
        longitude: firm.lng,
        place: firm.address ?? '',
        offSiteSource: null,
        alarmId: null,
        clueId: null,
        sourceRef: '',
        checklist: [
          { key: 'permit', result: 'ok', note: '' },
          { key: 'facilities', result: 'ok', note: '' },
          { key: 'ledger', result: 'problem', note: '2020 年以来台账缺记' },
          { key: 'hazardous-waste', result: 'problem', note: '贮存间无标识' },
        ],
        findings: [
          {
            description: '危险废物贮存间未设置识别标志',
            severity: 'minor',
            itemKey: 'hazardous-waste',
            requirement: '按 GB 18597 设置危险废物识别标志，并拍照上传',
          },
          {
            description: serious ? '环境管理台账缺失，治污设施运行记录无法提供' : '环境管理台账记录不完整',
            severity: serious ? 'serious' : 'minor',
            itemKey: 'ledger',
            requirement: '补齐 2020 年环境管理台账，按月记录治污设施运行情况',
          },
        ],
        summary: r.summary,
      });
      await completeInspection(
        db,
        officer,
        id,
        { signerName: '企业环保负责人', signaturePng: SIGNATURE, version: 1 },
        at(r.inspectedOn, '16:30'),
      );
      records++;
      const { enterpriseUser, firmActor } = firmParties(firm);
      const orders = await db.select().from(rectificationOrders).where(eq(rectificationOrders.inspectionId, id));
      for (const [j, o] of orders.entries()) {
        await answerOrder(
          db,
          firmActor,
          enterpriseUser,
          o.id,
          '已按要求整改，附整改前后照片及补记台账',
          at(plusDays(r.inspectedOn, 10 + k)),
        );
        if (j === 1 && k === 0 && q === 0) {
          await verifyOrder(
            db,
            officer,
            o.id,
            { verdict: 'return', reason: '台账仍缺 3 月份记录' },
            at(plusDays(r.inspectedOn, 14)),
          );
          await answerOrder(db, firmActor, enterpriseUser, o.id, '已补记 3 月份台账', at(plusDays(r.inspectedOn, 40)));
        }
        await verifyOrder(db, officer, o.id, { verdict: 'accept', reason: '' }, at(plusDays(r.inspectedOn, 45)));
      }
      if (serious) {
        caseDone = true;
        const [finding] = await db
          .select()
          .from(inspectionFindings)
          .where(and(eq(inspectionFindings.inspectionId, id), eq(inspectionFindings.severity, 'serious')));
        const caseId = await openCase(
          db,
          officer,
          { findingId: finding!.id, title: `${firm.name}未按规定建立环境管理台账案`, note: '经负责人批准立案' },
          at(plusDays(r.inspectedOn, 3)),
        );
        const steps = [
          { stage: 'investigation' as const, day: 10, note: '现场勘察、询问笔录' },
          { stage: 'notice' as const, day: 20, note: '送达行政处罚事先告知书，当事人未申请听证' },
          {
            stage: 'decision' as const,
            day: 35,
            note: '依据《排污许可管理条例》第三十七条',
            decisionNumber: '上环罚〔2020〕12号',
            penaltyAmount: '20000',
            facts: `经查，${firm.name}未按排污许可证规定建立环境管理台账，台账记录缺失。`,
            legalBasis: '《排污许可管理条例》第三十七条第一项',
            penaltyContent: '罚款人民币贰万元整，并责令改正',
          },
          { stage: 'execution' as const, day: 50, note: '罚款已缴纳' },
        ];
        for (const [v, st] of steps.entries())
          await advanceCase(db, officer, caseId, { ...st, version: v + 1 }, at(plusDays(r.inspectedOn, st.day)));
      }
    }
  }
  ctx.print(`现场检查：2020 年抽查发现问题的 ${records} 家企业的检查记录、责令整改与核查`);
  await seedSiteInspectionsThisYear(db, ctx);
}
