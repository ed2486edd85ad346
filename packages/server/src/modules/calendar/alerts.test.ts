import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, makeUser, type TestApp } from '../../test/helpers.ts';
import { notifications } from '../notifications/tables.ts';
import { NEXT_YEAR_KIND, warnIfNextYearMissing } from './alerts.ts';

let t: TestApp;
let adminId: string;
beforeAll(async () => {
  t = await buildTestApp();
  adminId = (await makeUser(t, ['admin'])).id;
});
afterAll(() => t.close());

const warningsOf = (userId: string) =>
  t.database.db.select().from(notifications).where(eq(notifications.userId, userId));

describe("next year's holiday calendar", () => {
  it('says nothing before November, nor when next year is known', async () => {
    expect(await warnIfNextYearMissing(t.database.db, new Date('2026-10-31T12:00:00+08:00'))).toBeNull();
    expect(await warnIfNextYearMissing(t.database.db, new Date('2025-11-20T12:00:00+08:00'))).toBeNull();
    expect(await warningsOf(adminId)).toEqual([]);
  });

  it('warns each admin once when next year is missing in November', async () => {
    const now = new Date('2026-11-02T09:00:00+08:00');
    expect(await warnIfNextYearMissing(t.database.db, now)).toBe(2027);
    expect(await warnIfNextYearMissing(t.database.db, now)).toBeNull();
    const rows = (await warningsOf(adminId)).filter((n) => n.kind === NEXT_YEAR_KIND);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.title).toContain('2027');
    expect(rows[0]!.link).toBe('/staff/admin/calendar');
  });
});
