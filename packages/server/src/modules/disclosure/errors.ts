import type { ModuleErrorEntry } from '../../errors.ts';

/** The disclosure module's own error codes (listed by its definition; docs/errors.md documents them). */
export const DISCLOSURE_ERRORS = {
  DISCLOSURE_STATE_CONFLICT: {
    status: 409,
    zh: '信息公开申请当前阶段不允许此操作',
    en: 'The disclosure request is not at a stage that allows this',
    when: "A step the request's stage does not allow (answer twice, resume a clock not paused, approve without a pending extension request).",
  },
  DISCLOSURE_EXTENSION_LIMIT: {
    status: 422,
    zh: '延期超过法定上限',
    en: 'The extension exceeds the statutory maximum',
    when: 'Extensions of the answer clock would add more than 20 working days in total (政府信息公开条例 第三十三条).',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('DISCLOSURE_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof DISCLOSURE_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
