import type { ModuleErrorEntry } from '../../errors.ts';

/** The policies module's own error codes (listed by its definition; docs/errors.md documents them). */
export const POLICY_ERRORS = {
  POLICY_STATE_CONFLICT: {
    status: 409,
    zh: '政策文件当前状态不允许此操作',
    en: 'The policy is not in a state that allows this',
    when: 'Publishing a policy twice, editing a withdrawn one, an eleventh attachment, a question on a policy that is not published or has Q&A closed.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('POLICY_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof POLICY_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
