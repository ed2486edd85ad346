import type { ModuleErrorEntry } from '../../errors.ts';

/** The site-inspections module's own error codes (listed by its definition; docs/errors.md documents them). */
export const SITE_INSPECTION_ERRORS = {
  SITE_INSPECTION_STATE: {
    status: 409,
    zh: '检查记录已完成，不能再修改',
    en: 'The inspection record is completed',
    when: 'Changing, adding a photo to, or completing an inspection record already completed.',
  },
  RECTIFICATION_STATE: {
    status: 409,
    zh: '整改当前状态不允许此操作',
    en: 'Not allowed in the rectification order’s state',
    when: 'Answering an order already answered or accepted; verifying one with no answer waiting.',
  },
  ENFORCEMENT_CASE_STAGE: {
    status: 409,
    zh: '案件须按法定阶段依次办理',
    en: 'Case stages go in order, none skipped',
    when: 'Recording a case stage out of order, or after execution.',
  },
  PENALTY_REVOCATION_STATE: {
    status: 409,
    zh: '该案件没有可撤销的处罚决定',
    en: 'No penalty decision to revoke',
    when: 'Revoking a case not yet decided, or a decision already revoked.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('SITE_INSPECTION_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof SITE_INSPECTION_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
