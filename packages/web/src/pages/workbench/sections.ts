// Which parts of the workbench (工作台) a staff user sees, from their roles. Every part reads an
// API the role may already read; nothing here widens access.
import type { Role } from '../../api/types.ts';

export const WORKBENCH_SECTIONS = ['todo', 'appointments', 'reception', 'figures'] as const;
export type WorkbenchSection = (typeof WORKBENCH_SECTIONS)[number];

const WHO: Record<WorkbenchSection, readonly Role[]> = {
  // everyone's own duties first
  todo: ['admin', 'leader', 'clerk', 'approver', 'inspector', 'monitor'],
  // the window desk and those who run it
  appointments: ['admin', 'leader', 'clerk'],
  // reception days are led by leaders, staffed by clerks and inspectors
  reception: ['admin', 'leader', 'clerk', 'inspector'],
  // the year's key figures for those who report on them
  figures: ['admin', 'leader', 'approver', 'monitor'],
};

export function workbenchSections(roles: readonly Role[]): WorkbenchSection[] {
  return WORKBENCH_SECTIONS.filter((s) => WHO[s].some((r) => roles.includes(r)));
}

/** The figures shown as key numbers, in order. */
export const KEY_FIGURES = ['receptionPeople', 'enterpriseVisits', 'petitionsClosed', 'badRatings'] as const;
