import type { ModuleErrorEntry } from '../../errors.ts';

/** The alarms module's own error codes (listed by its definition; docs/errors.md documents them). */
export const ALARM_ERRORS = {
  ALARM_STATE: {
    status: 409,
    zh: '报警当前状态不允许此操作',
    en: 'The alarm is not in a state that allows this',
    when: 'An alarm step that its state forbids: answering twice or after closing, closing a closed alarm, confirming one the enterprise has not answered.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('ALARM_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof ALARM_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
