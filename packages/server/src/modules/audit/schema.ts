import { z } from 'zod';
import type { SessionUser } from '../../plugins/auth.ts';
import { paging } from '../../plugins/openapi.ts';
import { maskPersonalData } from './mask.ts';
import type { auditEntries } from './tables.ts';

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditQuery = z.object({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  /** one record type as stored; browsing without entityId, several joined by commas */
  entityType: z.string().trim().max(120).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  ...paging,
});

/**
 * One entry as the viewer may see it. The log keeps personal data as it was; outside the admin's
 * view it is masked like everywhere else, so a record's history does not undo the masking of its page.
 */
export function toAuditEntryView(e: typeof auditEntries.$inferSelect, viewer: SessionUser): AuditEntryView {
  const admin = viewer.roles.includes('admin');
  const mask = admin ? (v: unknown) => v : maskPersonalData;
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: admin || e.actorId === viewer.id ? e.actorId : null,
    actorName: e.actorName,
    actorRoles: e.actorRoles,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: mask(e.before),
    after: mask(e.after),
    // Staff addresses map the bureau's network and tie people to workstations: admin only.
    // Who acted stays visible by name; the account id only for one's own entries.
    ip: admin ? e.ip : null,
  };
}

const labelSchema = z.object({ zh: z.string(), en: z.string() });

/** The words the audit log is read in: the platform's and every module's (core/audit-vocabulary.ts). */
export const auditVocabularySchema = z.object({
  actions: z.array(z.string()),
  records: z.record(z.string(), labelSchema),
  steps: z.record(z.string(), labelSchema),
  actionLabels: z.record(z.string(), labelSchema),
  entityAliases: z.record(z.string(), z.string()),
  fields: z.record(z.string(), labelSchema),
});
