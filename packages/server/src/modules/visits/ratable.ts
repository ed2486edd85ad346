import { eq } from 'drizzle-orm';
import { enterprises } from '../enterprises/tables.ts';
import type { RatableEvent, RatableEventResolver } from '../ratings/registry.ts';
import { visitEnterprises, visits } from './tables.ts';

const none = (): RatableEvent => ({ exists: false, staffUserIds: [], label: '', labelEn: '' });

/**
 * The service event an enterprise rates is its own part of a visit (户次, the id of its
 * visit_enterprises row): a joint visit to three enterprises is three events, as 上门服务企业 n 户次
 * counts it, and each of them rates its own.
 *
 * The window opens on the later of the visit's day and the day it was recorded: a visit entered a
 * month after it took place can still be rated for the whole window, since the enterprise could not
 * see it before.
 */
export const visitRatable: RatableEventResolver = async (tx, eventId) => {
  if (!/^[0-9a-f-]{36}$/i.test(eventId)) return none();
  const [row] = await tx
    .select({ v: visits, enterpriseId: visitEnterprises.enterpriseId, enterpriseName: enterprises.name })
    .from(visitEnterprises)
    .innerJoin(visits, eq(visits.id, visitEnterprises.visitId))
    .innerJoin(enterprises, eq(enterprises.id, visitEnterprises.enterpriseId))
    .where(eq(visitEnterprises.id, eventId));
  if (!row) return none();
  const { v } = row;
  const staff = v.staff.map((s) => s.userId).filter((x): x is string => !!x);
  if (v.createdBy && !staff.length) staff.push(v.createdBy);
  const visitDay = new Date(`${v.date}T00:00:00+08:00`);
  return {
    exists: true,
    ratedAt: v.createdAt > visitDay ? v.createdAt : visitDay,
    subjectEnterpriseId: row.enterpriseId,
    subjectCitizenUserId: null,
    citizenPhone: null,
    staffUserIds: staff,
    label: `上门服务 ${v.date} ${row.enterpriseName}`,
    labelEn: `Door-to-door visit ${v.date} ${row.enterpriseName}`,
  };
};
