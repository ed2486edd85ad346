import { asc, eq } from 'drizzle-orm';
import type { RatableEventResolver } from '../ratings/registry.ts';
import { visitEnterprises, visits } from './tables.ts';

/**
 * A visit can be rated by the enterprise it served. A joint visit to several enterprises is one
 * event; its subject is the first enterprise listed (the registry allows one subject per event).
 */
export const visitRatable: RatableEventResolver = async (tx, eventId) => {
  if (!/^[0-9a-f-]{36}$/i.test(eventId)) return { exists: false, staffUserIds: [], label: '', labelEn: '' };
  const [v] = await tx.select().from(visits).where(eq(visits.id, eventId));
  if (!v) return { exists: false, staffUserIds: [], label: '', labelEn: '' };
  const ents = await tx
    .select({ enterpriseId: visitEnterprises.enterpriseId })
    .from(visitEnterprises)
    .where(eq(visitEnterprises.visitId, eventId))
    .orderBy(asc(visitEnterprises.enterpriseId));
  const staff = v.staff.map((s) => s.userId).filter((x): x is string => !!x);
  if (v.createdBy && !staff.length) staff.push(v.createdBy);
  return {
    exists: true,
    ratedAt: new Date(`${v.date}T18:00:00+08:00`),
    subjectEnterpriseId: ents[0]?.enterpriseId ?? null,
    subjectCitizenUserId: null,
    citizenPhone: null,
    staffUserIds: staff,
    label: `上门服务 ${v.date}`,
    labelEn: `Door-to-door visit ${v.date}`,
  };
};
