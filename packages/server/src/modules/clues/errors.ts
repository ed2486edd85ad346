import type { ModuleErrorEntry } from '../../errors.ts';

/** The clues module's own error codes (listed by its definition; docs/errors.md documents them). */
export const CLUE_ERRORS = {
  CLUE_EXISTS: {
    status: 409,
    zh: '该记录已转为线索',
    en: 'This record has already become a clue',
    when: 'Turning a 12369 report or a reception concern into a clue a second time.',
  },
  CLUE_STATE: {
    status: 409,
    zh: '线索当前状态不允许此操作',
    en: 'Not allowed in the clue’s state',
    when: 'Confirming the enterprise of, or recording the outcome of, a clue already verified.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('CLUE_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof CLUE_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
