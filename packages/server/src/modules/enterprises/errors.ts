import type { ModuleErrorEntry } from '../../errors.ts';

/** The enterprise register's own error codes (listed by its definition; docs/errors.md documents them). */
export const ENTERPRISE_ERRORS = {
  ENTERPRISE_EXPORT_TOO_LARGE: {
    status: 400,
    zh: '符合条件的企业过多，无法一次导出',
    en: 'Too many enterprises to export at once',
    when: 'The enterprises matching the filters are more than the rule `enterprise.export-max-rows` (20,000 by default); narrow the filters (town, industry, status) and export in parts.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('ENTERPRISE_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof ENTERPRISE_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
