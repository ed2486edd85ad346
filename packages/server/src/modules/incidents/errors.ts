import type { ModuleErrorEntry } from '../../errors.ts';

/** The incidents module's own error codes (listed by its definition; docs/errors.md documents them). */
export const INCIDENT_ERRORS = {
  INCIDENT_CLOSED: {
    status: 409,
    zh: '该突发环境事件已结束处置，不能再修改',
    en: 'The incident is closed',
    when: 'Editing or closing an incident whose response was already recorded as ended.',
  },
  INCIDENT_TIME: {
    status: 422,
    zh: '突发环境事件的发生时间不合理',
    en: 'The incident’s time does not fit',
    when: 'An incident said to happen in the future.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

type Codes = typeof INCIDENT_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
