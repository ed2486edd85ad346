import type { ModuleErrorEntry } from '../../errors.ts';

/** The permits module's own error codes (listed by its definition; docs/errors.md documents them). */
export const PERMIT_ERRORS = {
  PERMIT_STATE_CONFLICT: {
    status: 409,
    zh: '该排污许可事项当前状态不允许此操作',
    en: 'The permit duty is not in a state that allows this',
    when: 'A permit duty (execution report, renewal, change) already recorded as submitted or cancelled, or a step on a permit that is not valid.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('PERMIT_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof PERMIT_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
