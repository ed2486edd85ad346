// Which parts of the workbench (工作台) a staff user sees, from their roles. Every part reads an
// API the role may already read; nothing here widens access.
import { type Access, canAccess, PERMISSIONS } from '../../access.ts';
import type { Role } from '../../api/types.ts';

export const WORKBENCH_SECTIONS = ['todo', 'appointments', 'reception', 'figures'] as const;
export type WorkbenchSection = (typeof WORKBENCH_SECTIONS)[number];

const WHO: Record<WorkbenchSection, Access> = {
  // everyone's own duties first
  todo: PERMISSIONS.workbenchTodo,
  // the window desk and those who run it
  appointments: PERMISSIONS.appointmentWindow,
  // reception days are led by leaders, staffed by clerks and inspectors
  reception: PERMISSIONS.workbenchReception,
  // the year's key figures for those who report on them
  figures: PERMISSIONS.workbenchFigures,
};

export function workbenchSections(roles: readonly Role[]): WorkbenchSection[] {
  return WORKBENCH_SECTIONS.filter((s) => canAccess(roles, WHO[s]));
}

/** The figures shown as key numbers, in order. */
export const KEY_FIGURES = ['receptionPeople', 'enterpriseVisits', 'petitionsClosed', 'badRatings'] as const;
