import type { Access } from '../../access.ts';

/** In-page actions of policy publicity, with the roles the server allows (policies POLICY_DESK). */
export const POLICY_PERMISSIONS = {
  /** write, publish, withdraw, attach, answer questions */
  desk: ['admin', 'leader', 'clerk'],
  /** the outside accounts a policy is pushed to: read marks, subscription */
  reader: ['enterprise', 'citizen'],
  ask: ['enterprise'],
} as const satisfies Record<string, Access>;
