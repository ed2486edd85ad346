import type { ModuleErrorEntry } from '../../errors.ts';

/** The positive-list module's own error codes (listed by its definition; docs/errors.md documents them). */
export const POSITIVE_LIST_ERRORS = {
  POSITIVE_LIST_ALREADY_LISTED: {
    status: 409,
    zh: '该企业已在正面清单内',
    en: 'The firm is already on the positive list',
    when: 'A positive-list decision for a firm whose listing is still valid.',
  },
  POSITIVE_LIST_CONDITIONS_NOT_MET: {
    status: 422,
    zh: '企业不符合列入正面清单的条件',
    en: 'The firm does not meet the positive-list conditions',
    when: 'A condition checked from the platform’s records failed, or one without a data source has no officer’s confirmation.',
  },
  POSITIVE_LIST_STATE: {
    status: 409,
    zh: '正面清单记录当前状态不允许此操作',
    en: 'Not allowed in the listing’s state',
    when: 'Removing a firm no longer listed, or deciding a removal proposal already decided.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('POSITIVE_LIST_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof POSITIVE_LIST_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
