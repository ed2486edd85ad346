import type { ModuleErrorEntry } from '../../errors.ts';

/** The inspections module's own error codes (listed by its definition; docs/errors.md documents them). */
export const INSPECTION_ERRORS = {
  INSPECTION_DRAW_SHORT: {
    status: 422,
    zh: '可回避后执法人员不足，无法抽取',
    en: 'Not enough inspectors free of conflicts for the draw',
    when: 'A drawn firm would get fewer than the plan’s inspectors once conflicts (回避) are excluded; nothing is drawn.',
  },
  INSPECTION_DRAW_SECRET: {
    status: 403,
    zh: '抽查名单公开前仅检查组成员可以查看',
    en: 'Until publication only the inspection team may see the draw',
    when: 'A draw opened, listed records of it, or its results recorded, by someone outside its team before publication (audited); a record tied to such a draw saved, photographed or completed by someone outside the team.',
  },
  INSPECTION_DRAW_STATE: {
    status: 409,
    zh: '抽查当前状态不允许此操作',
    en: 'Not allowed in the draw’s state',
    when: 'Publishing the results of a draw already published.',
  },
  INSPECTION_PLAN_DRAWN: {
    status: 409,
    zh: '该抽查计划已经抽取',
    en: 'The plan has already been drawn',
    when: 'Changing a plan that has a draw (the draw recorded its ratios, so the plan stays as drawn), or drawing a plan a second time.',
  },
} as const satisfies Record<string, ModuleErrorEntry>;

// makes `new AppError('INSPECTION_…')` type-check anywhere, without errors.ts knowing this module
type Codes = typeof INSPECTION_ERRORS;
declare module '../../errors.ts' {
  interface ModuleErrorCodes extends Codes {}
}
