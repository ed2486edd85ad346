import type { Role } from '@qingshan/core';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { DEMO_PASSWORD_OPTIONS } from '../../seed/demo-data.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { createUser } from './service.ts';

const STAFF: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
  { username: 'leader', displayName: '王局长', roles: ['leader'] },
  { username: 'clerk', displayName: '窗口·刘敏', roles: ['clerk'] },
  { username: 'approver', displayName: '审批·陈涛', roles: ['approver'] },
  { username: 'inspector', displayName: '执法·李强', roles: ['inspector'] },
  { username: 'monitor', displayName: '值守·赵磊', roles: ['monitor'] },
];

/**
 * One staff account per role and a citizen; the enterprises' own accounts come with the
 * enterprises (their seed). Passwords are random and reach the person starting the demo only
 * through ctx.accounts.
 */
export async function seedUsers(db: Db, ctx: SeedContext): Promise<void> {
  for (const s of STAFF) {
    const { password } = await createUser(db, SYSTEM_ACTOR, s, undefined, DEMO_PASSWORD_OPTIONS);
    ctx.accounts.push({ username: s.username, password, role: s.roles.join(','), enterprise: null });
  }
  const { password } = await createUser(
    db,
    SYSTEM_ACTOR,
    { username: 'qunzhong', displayName: '群众·张女士', roles: ['citizen'] },
    undefined,
    DEMO_PASSWORD_OPTIONS,
  );
  ctx.accounts.push({ username: 'qunzhong', password, role: 'citizen', enterprise: null });
}
