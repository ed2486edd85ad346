import { AppError } from '../../errors.ts';
import { isStaff, type SessionUser } from '../../plugins/auth.ts';
import { assertCanRead } from '../enterprises/service.ts';
import type { AuditFilter } from './service.ts';

/**
 * Admins browse everything; other staff, and enterprises for their own file, see the history of
 * one record (the "操作记录" tab). Kept apart from service.ts, which the enterprises service
 * imports to record its own changes.
 */
export function assertCanReadAudit(user: SessionUser, f: Pick<AuditFilter, 'entityType' | 'entityId'>): void {
  if (user.roles.includes('admin')) return;
  if (!f.entityType || !f.entityId) {
    throw new AppError('VALIDATION_FAILED', {
      detail: {
        zh: '只有系统管理员可以浏览全部日志；请用 entityType 和 entityId 指定具体记录',
        en: 'Only an admin may browse the whole log; name one record with entityType and entityId',
      },
      errors: [{ path: 'entityId', message: { zh: '必填', en: 'required' } }],
    });
  }
  if (f.entityType !== 'enterprise' && !isStaff(user)) throw new AppError('FORBIDDEN_RECORD');
  if (f.entityType === 'enterprise') assertCanRead(user, f.entityId);
  // A user's history holds their sign-ins and failed sign-ins: only the admin reads another
  // user's (等保: no sign-in failures of other users).
  if (f.entityType === 'user' && f.entityId !== user.id) throw new AppError('FORBIDDEN_RECORD');
}
