import type { ModuleErrorEntry } from '../../errors.ts';

/** The credit module's own error codes (listed by its definition; docs/errors.md documents them). */
export const CREDIT_ERRORS = {
  CREDIT_DATES: {
    status: 422,
    zh: '信用评价的日期不合理',
    en: 'The credit evaluation’s dates do not fit',
    when: 'A credit record rated in the future, or valid until a day before it was rated.',
  },
  CREDIT_PROPOSAL_DECIDED: {
    status: 409,
    zh: '该信用调整建议已处理',
    en: 'The credit proposal was already decided',
    when: 'Confirming or dismissing a credit change a penalty proposed, after an officer already did.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

type Codes = typeof CREDIT_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
