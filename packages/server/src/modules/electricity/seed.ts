import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import { demoStaff } from '../../seed/demo-data.ts';
import { answerAlarm } from '../alarms/service.ts';
import { alarms } from '../alarms/tables.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';
import { DEMO_METER_LOGGER } from './hj212-demo.ts';
import { bindHj212, createMeter, evaluateElectricity } from './service.ts';
import { electricityMeters, electricityReadings } from './tables.ts';

const MIN = 60_000;

/**
 * Two sub-metered plants with the last three hours of readings, written the way the MQTT
 * subscriber writes them, then one pass of R1–R5: the fireworks plant's dust collector stopped
 * for 40 minutes while the line ran (R1) and its wastewater pump runs weak (R3); the ceramics
 * kiln's desulphurisation runs at a quarter of its rated power (R3). The fireworks plant has
 * answered its R1 alarm; the other two wait for an answer. The ceramics plant's two meters are
 * bound to a data logger that goes on reporting them over HJ 212 while the demo runs (hj212-demo.ts).
 */
export async function seedElectricity(db: Db, ctx: SeedContext): Promise<void> {
  const names = ['上栗县金花烟花制造有限公司', '上栗县金山特种陶瓷有限公司'];
  const found = await db.select().from(enterprises).where(inArray(enterprises.name, names));
  const fireworks = found.find((e) => e.name === names[0]);
  const ceramics = found.find((e) => e.name === names[1]);
  if (!fireworks || !ceramics) return;
  ctx.print('分表计电 / sub-metered plants');
  const actor = (await demoStaff(db, 'monitor', 'monitor')) ?? SYSTEM_ACTOR;
  const now = Date.now();
  const start = now - 180 * MIN;

  const plant = async (
    enterpriseId: string,
    prefix: string,
    line: { name: string; kw: number },
    facility: { name: string; kw: number },
    power: (minute: number) => [number, number],
    second?: { name: string; kw: number; power: (minute: number) => number },
  ) => {
    const l = await createMeter(db, actor, {
      enterpriseId,
      code: `${prefix}-L1`,
      name: line.name,
      role: 'line',
      ratedKw: line.kw,
    });
    const f = await createMeter(db, actor, {
      enterpriseId,
      code: `${prefix}-F1`,
      name: facility.name,
      role: 'facility',
      ratedKw: facility.kw,
      servesMeterId: l.id,
    });
    const rows = [];
    for (let m = 0; m <= 180; m++) {
      const [lk, fk] = power(m);
      const at = new Date(start + m * MIN);
      rows.push({ meterId: l.id, at, kw: lk }, { meterId: f.id, at, kw: fk });
    }
    if (second) {
      const f2 = await createMeter(db, actor, {
        enterpriseId,
        code: `${prefix}-F2`,
        name: second.name,
        role: 'facility',
        ratedKw: second.kw,
        servesMeterId: l.id,
      });
      for (let m = 0; m <= 180; m++) rows.push({ meterId: f2.id, at: new Date(start + m * MIN), kw: second.power(m) });
      await db
        .update(electricityMeters)
        .set({ lastSeenAt: new Date(start + 180 * MIN), lastKw: second.power(180) })
        .where(eq(electricityMeters.id, f2.id));
    }
    await db.insert(electricityReadings).values(rows);
    const last = new Date(start + 180 * MIN);
    const [lk, fk] = power(180);
    for (const [id, kw] of [
      [l.id, lk],
      [f.id, fk],
    ] as const)
      await db.update(electricityMeters).set({ lastSeenAt: last, lastKw: kw }).where(eq(electricityMeters.id, id));
  };

  // the line runs from minute 20; the dust collector stops from minute 90 to 130
  // the wastewater pump has run weak since minute 120 (R3, still holding: the plant has yet to answer)
  await plant(
    fireworks.id,
    'JH',
    { name: '装药生产线', kw: 60 },
    { name: '布袋除尘器风机', kw: 15 },
    (m) => [m >= 20 ? 48 + (m % 7) : 0, m >= 18 && (m < 90 || m >= 130) ? 13 + (m % 3) * 0.5 : 0],
    { name: '废水处理提升泵', kw: 8, power: (m) => (m < 18 ? 0 : m < 120 ? 7 : 2) },
  );
  // the kiln runs all along; the desulphurisation tower draws a quarter of its rating from minute 100
  await plant(ceramics.id, 'JS', { name: '1号隧道窑', kw: 400 }, { name: '脱硫塔循环泵', kw: 90 }, (m) => [
    360 + (m % 11),
    m < 100 ? 80 + (m % 5) : 22 + (m % 3),
  ]);
  // the ceramics plant's meters report through a data logger over HJ 212 (hj212-demo.ts sends its frames)
  for (const [code, hj212Code] of Object.entries(DEMO_METER_LOGGER.codes)) {
    const [m] = await db
      .select({ id: electricityMeters.id })
      .from(electricityMeters)
      .where(eq(electricityMeters.code, code));
    if (m)
      await db.transaction((tx) =>
        bindHj212(tx, actor, m.id, { mn: DEMO_METER_LOGGER.mn, code: hj212Code, password: DEMO_METER_LOGGER.password }),
      );
  }
  await evaluateElectricity(db, new Date(now));

  // the fireworks plant answered its R1 alarm within the hour
  const [user] = await db.select().from(users).where(eq(users.enterpriseId, fireworks.id)).limit(1);
  const [alarm] = await db
    .select()
    .from(alarms)
    .where(and(eq(alarms.enterpriseId, fireworks.id), eq(alarms.kind, 'r1-control-off')))
    .limit(1);
  if (user && alarm) {
    const session: SessionUser = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: ['enterprise'],
      enterpriseId: fireworks.id,
      enterpriseName: fireworks.name,
      sessionId: 'seed',
      csrfToken: 'seed',
    } as SessionUser;
    await answerAlarm(db, { id: user.id, name: user.username, roles: ['enterprise'], ip: null }, session, alarm.id, {
      reason: '除尘器风机皮带断裂，自动停机',
      action: '已更换皮带并恢复运行，生产线在更换期间已停止投料；今后每班开机前检查皮带',
    });
  }
}
