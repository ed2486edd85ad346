import type { Tx } from '../../db/client.ts';
import { registry } from '../../platform/registry.ts';

/**
 * What the rating module needs to know about a service event before it accepts a rating for it
 * (好差评 "一次一评、一事一评", 国办发〔2019〕51号): that it exists, whether it is over (ratable), who
 * received the service (so only they may rate it) and which staff gave it (a bad rating is
 * routed to them for rectification).
 */
export type RatableEvent = {
  exists: boolean;
  /**
   * When the service ended and so became ratable (an appointment served, a petition closed, a
   * concern answered, a visit made). Null or absent: not ratable yet.
   */
  ratedAt?: Date | null;
  /** The enterprise that received the service, if any: its users may rate. */
  subjectEnterpriseId?: string | null;
  /** The citizen account that received the service, if any: that user may rate. */
  subjectCitizenUserId?: string | null;
  /** A citizen without an account proves who they are with this phone (plus the event's code). */
  citizenPhone?: string | null;
  /** Staff who served: the rectification of a bad rating goes to the first of them. */
  staffUserIds: string[];
  /** A short human label for lists, e.g. '预约 YY20201105-0003 环评咨询窗口'. */
  label: string;
  /** The same in English ('Booking YY20201105-0003 环评咨询窗口'): the platform's words translated, names as they are. */
  labelEn: string;
};

export type RatableEventResolver = (tx: Tx, eventId: string) => Promise<RatableEvent>;

/** The resolver of a kind of service event, as its module declared it (ratableEvents). */
export function ratableEventResolver(type: string): RatableEventResolver | undefined {
  return registry().ratableEvents.get(type);
}

/**
 * An event's labels as its module names it: a rating stores them when given, and the demo's
 * ratings ask the same way rather than writing the labels again.
 */
export async function ratableEventLabels(
  tx: Tx,
  type: string,
  id: string,
): Promise<{ label: string; labelEn: string }> {
  const ev = await ratableEventResolver(type)?.(tx, id);
  if (!ev?.exists) throw new Error(`no ${type} ${id} to rate`);
  return { label: ev.label, labelEn: ev.labelEn };
}

export function ratableEventTypes(): string[] {
  return [...registry().ratableEvents.keys()].sort();
}
