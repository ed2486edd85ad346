import { CONCERN_CATEGORY_LABELS, type ConcernCategory } from '@qingshan/core';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { RatableEventResolver } from '../ratings/registry.ts';
import { receptionAttendances, receptionBookings, receptionConcerns, receptionSessions } from './tables.ts';

/**
 * A reception-day concern can be rated once the matter is over (好差评 一事一评): answered as not
 * for the bureau (not accepted), or accepted and then resolved. An accepted concern still being
 * followed up is not: its answer on the day only opened the work.
 */
export const receptionConcernRatable: RatableEventResolver = async (tx, eventId) => {
  if (!/^[0-9a-f-]{36}$/i.test(eventId)) return { exists: false, staffUserIds: [], label: '', labelEn: '' };
  const [row] = await tx
    .select({ c: receptionConcerns, date: receptionSessions.date, kind: receptionSessions.kind })
    .from(receptionConcerns)
    .innerJoin(receptionSessions, eq(receptionSessions.id, receptionConcerns.sessionId))
    .where(eq(receptionConcerns.id, eventId));
  if (!row) return { exists: false, staffUserIds: [], label: '', labelEn: '' };
  const { c } = row;
  let citizenPhone: string | null = null;
  if (!c.enterpriseId) {
    // a public-day citizen proves who they are with the phone they came or booked with
    const [a] = await tx
      .select({ phone: receptionAttendances.phone })
      .from(receptionAttendances)
      .where(
        and(
          eq(receptionAttendances.sessionId, c.sessionId),
          eq(receptionAttendances.personName, c.raisedBy),
          isNotNull(receptionAttendances.phone),
        ),
      )
      .limit(1);
    citizenPhone = a?.phone ?? null;
    if (!citizenPhone) {
      const [b] = await tx
        .select({ phone: receptionBookings.citizenPhone })
        .from(receptionBookings)
        .where(and(eq(receptionBookings.sessionId, c.sessionId), eq(receptionBookings.citizenName, c.raisedBy)))
        .limit(1);
      citizenPhone = b?.phone ?? null;
    }
  }
  const staff = [c.followUpUserId, c.createdBy].filter((x): x is string => !!x);
  return {
    exists: true,
    ratedAt: c.status === 'resolved' ? c.resolvedAt : c.status === 'not-accepted' ? c.answeredAt : null,
    subjectEnterpriseId: c.enterpriseId,
    subjectCitizenUserId: null,
    citizenPhone,
    staffUserIds: [...new Set(staff)],
    label: `接待日诉求 ${row.date} ${CONCERN_CATEGORY_LABELS[c.category as ConcernCategory]?.zh ?? c.category}`,
    labelEn: `Reception-day concern ${row.date} ${CONCERN_CATEGORY_LABELS[c.category as ConcernCategory]?.en ?? c.category}`,
  };
};
