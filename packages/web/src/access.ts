// Who may see what: pure decisions from the current user's roles. The server enforces the same
// rules; the web only hides what a user cannot use.
//
// Every in-page permission is named here (PERMISSIONS) and asked through canAccess: a page never
// compares role names itself, so that who may do what is read and changed in one file.
import { ALL_ROLES, type Role, STAFF_ROLES } from '@qingshan/core/roles';
import { matchPath } from 'react-router';
import type { Role as WireRole } from './api/types.ts';

// The role list is core's; the API's type of a user's roles must be the same list.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const ROLES_MATCH_THE_API: Same<Role, WireRole> = true;
void ROLES_MATCH_THE_API;

export { ALL_ROLES, type Role, STAFF_ROLES };

/** A route or action is public, or open to any of the listed roles. */
export type Access = 'public' | readonly Role[];
export type Face = 'public' | 'staff' | 'enterprise';

/** Actions inside pages (buttons, tabs), named by what they do. */
export const PERMISSIONS = {
  enterpriseRead: STAFF_ROLES,
  enterpriseWrite: ['admin', 'leader', 'clerk', 'approver', 'inspector'],
  enterpriseImport: ['admin', 'leader', 'clerk', 'approver', 'inspector'],
  enterpriseExport: STAFF_ROLES,
  enterpriseUnmask: [...STAFF_ROLES, 'enterprise'],
  /** The 操作记录 tab of one enterprise file (the server lets staff and the enterprise itself read it). */
  enterpriseAuditRead: [...STAFF_ROLES, 'enterprise'],
  userAdmin: ['admin'],
  /** Browsing the whole audit log. */
  auditRead: ['admin'],
  ownEnterprise: ['enterprise'],
  /** The working-day calendar of each year (调休). */
  calendarAdmin: ['admin'],
  /** Every message delivery (SMS, e-mail, webhook) and its failures. */
  deliveriesRead: ['admin'],
  /** A citizen's own page (我的): appointments, petitions, reports. */
  citizenOwn: ['citizen'],
  /** One's own inbox and notification preferences, for the outside accounts. */
  ownMessages: ['enterprise', 'citizen'],
  /** Rule values (规则): editing them; everyone on staff reads. */
  ruleAdmin: ['admin'],
  /** Service guides (办事指南): editing a matter's guide (server: PATCH /api/matters/:code). */
  matterAdmin: ['admin'],
  /** EIA cases: opening a case and recording the city bureau's decision (server: eia STAFF_WRITE). */
  eiaOpen: ['admin', 'clerk', 'approver'],
  /** EIA decisions and answers to publicity objections (server: eia DECIDE). */
  eiaDecide: ['admin', 'approver', 'leader'],
  /** Recording a commitment-path verification (事后核查). */
  eiaVerify: ['admin', 'inspector', 'approver'],
  /** The appointment window: services, the day's bookings (server: appointments WINDOW_ROLES). */
  appointmentWindow: ['admin', 'leader', 'clerk'],
  /** Booking as an enterprise account: no SMS code, the enterprise is the account's. */
  bookAsEnterprise: ['enterprise'],
  /** The petition and 12369 report desk: register, accept, reply (server: PETITION_DESK). */
  petitionDesk: ['admin', 'leader', 'clerk', 'inspector'],
  /** A leader's decisions on a petition or a report (extensions, key cases). */
  caseLeader: ['leader'],
  /** Deciding an enterprise's appeal against a bad rating. */
  ratingAppealDecide: ['leader', 'admin'],
  /** Pausing, resuming and extending a statutory clock. */
  clockManage: ['leader', 'approver', 'clerk'],
  /** Workbench parts: each reads an API its roles may already read. */
  workbenchTodo: STAFF_ROLES,
  workbenchReception: ['admin', 'leader', 'clerk', 'inspector'],
  workbenchFigures: ['admin', 'leader', 'approver', 'monitor'],
} as const satisfies Record<string, readonly Role[]>;

export function canAccess(roles: readonly Role[] | null | undefined, access: Access): boolean {
  if (access === 'public') return true;
  if (!roles) return false;
  return access.some((role) => roles.includes(role));
}

export function isStaff(roles: readonly Role[] | null | undefined): boolean {
  return canAccess(roles, STAFF_ROLES);
}

/** Where a user lands after login: the face of their roles (staff wins over enterprise); citizens: 我的. */
export function homePathFor(roles: readonly Role[] | null | undefined): '/staff' | '/enterprise' | '/my' | '/' {
  if (isStaff(roles)) return '/staff';
  if (canAccess(roles, ['enterprise'])) return '/enterprise';
  if (canAccess(roles, ['citizen'])) return '/my';
  return '/';
}

/**
 * The header's link to that home, by name: the enterprise's is 我的企业, not its face's name
 * (企业用户), which the header already shows beside it.
 */
export const HOME_LINK_LABEL = {
  '/my': 'web.my.title',
  '/staff': 'web.menu.workbenchLink',
  '/enterprise': 'menu.myEnterprise',
  '/': 'common.appName',
} as const;

export interface AccessRoute {
  path: string;
  access: Access;
}

/** The route a pathname matches (first match in table order; put static paths before `:id`). */
export function findRoute<R extends AccessRoute>(routes: readonly R[], pathname: string): R | undefined {
  return routes.find((r) => matchPath({ path: r.path, end: true }, pathname) !== null);
}

/**
 * The page to open after login: the requested one if it is an internal path this user may see,
 * otherwise the home of their face.
 */
export function postLoginPath(
  routes: readonly AccessRoute[],
  roles: readonly Role[],
  requested: string | null | undefined,
): string {
  const home = homePathFor(roles);
  if (!requested?.startsWith('/') || requested.startsWith('//') || requested.startsWith('/login')) {
    return home;
  }
  const pathname = requested.split(/[?#]/)[0] ?? requested;
  const route = findRoute(routes, pathname);
  if (!route || !canAccess(roles, route.access)) return home;
  return requested;
}

/** Key of the menu entry to highlight: the longest menu path that is a prefix of the pathname. */
export function selectedMenuPath(menuPaths: readonly string[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const p of menuPaths) {
    if ((pathname === p || pathname.startsWith(`${p}/`)) && (!best || p.length > best.length)) best = p;
  }
  return best;
}
