import type { ModuleErrorEntry } from '../../errors.ts';

/** The applications module's own error codes (listed by its definition; docs/errors.md documents them). */
export const APPLICATION_ERRORS = {
  APPLICATION_STATE_CONFLICT: {
    status: 409,
    zh: '申请当前状态不允许此操作',
    en: 'Not allowed in the application’s current state',
    when: 'An application step out of order: a notice or acceptance after acceptance, accepting with materials missing, a notice adding items the first one did not list, approving before 容缺 items arrive.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('APPLICATION_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof APPLICATION_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
