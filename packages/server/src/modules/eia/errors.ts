import type { ModuleErrorEntry } from '../../errors.ts';

/** The EIA module's own error codes (listed by its definition; docs/errors.md documents them). */
export const EIA_ERRORS = {
  EIA_STATE: {
    status: 409,
    zh: '环评事项当前状态不允许此操作',
    en: 'The EIA case is not in a state that allows this',
    when: "A step that does not fit the case's path or state (e.g. deciding a filed case, verifying before approval).",
  },
  EIA_NOT_ELIGIBLE: {
    status: 422,
    zh: '该项目不符合告知承诺制审批条件',
    en: 'The project is not eligible for the commitment path',
    when: 'The commitment path was chosen for a project that fails an eligibility check; `failed` lists each check with its source.',
  },
  EIA_PUBLICITY_RUNNING: {
    status: 409,
    zh: '拟批准公示期尚未届满',
    en: 'The publicity period has not ended',
    when: 'A commitment-path decision before the 5-working-day 拟批准公示 has ended.',
  },
  EIA_OBJECTIONS_UNANSWERED: {
    status: 409,
    zh: '公示期间收到的意见尚未全部答复',
    en: 'Objections received during publicity are not all answered',
    when: 'A commitment-path decision while an objection lodged during publicity has no answer.',
  },
  EIA_PUBLICITY_CLOSED: {
    status: 409,
    zh: '该项目不在公示期内',
    en: 'The project is not in its publicity period',
    when: 'An objection to a project that is not (or no longer) in its publicity period.',
  },
  EIA_CLASSIFICATION_INCOMPLETE: {
    status: 422,
    zh: '环评类别尚不能判定',
    en: 'The EIA category cannot be decided yet',
    when: 'A case opened with facts the catalogue engine still needs; `missingFacts` lists them (the wizard asks them).',
  },
  EIA_PATH_MISMATCH: {
    status: 422,
    zh: '该办理方式不适用于此环评类别',
    en: 'The path does not fit the EIA category',
    when: 'A case opened on a path its classification does not allow (e.g. the commitment path for a report-book project); `suggestedPaths` lists the paths that fit.',
  },
  EIA_APPLICATION_NOT_LINKABLE: {
    status: 409,
    zh: '该申请不能立环评事项',
    en: 'No EIA case can be opened from this application',
    when: 'A case opened from an application that is not accepted yet, already decided (准予 or 不予许可) or already linked to a case; the detail says which.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('EIA_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof EIA_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
