import type { ModuleErrorEntry } from '../../errors.ts';

/** The ratings module's own error codes (listed by its definition; docs/errors.md documents them). */
export const RATING_ERRORS = {
  RATING_DUPLICATE: {
    status: 409,
    zh: '该服务已评价过',
    en: 'This service has already been rated',
    when: 'A second rating of the same service event (一次一评).',
  },
  RATING_NOT_RATABLE: {
    status: 409,
    zh: '该服务尚不能评价',
    en: 'This service cannot be rated (yet)',
    when: 'The event is not finished (appointment not served, petition not replied), or the rater did not receive the service.',
  },
  RATING_STATE_CONFLICT: {
    status: 409,
    zh: '差评整改当前状态不允许此操作',
    en: 'The rectification is not in a state that allows this',
    when: 'Contact, rectify, appeal or appeal decision out of order (e.g. rectify before contact, a second appeal).',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('RATING_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof RATING_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
