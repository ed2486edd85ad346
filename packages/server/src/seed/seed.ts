import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { createEnterprise } from '../modules/enterprises/service.ts';
import { createUser } from '../modules/users/service.ts';
import { users } from '../modules/users/tables.ts';
import type { Role } from '../plugins/auth.ts';
import { DEMO_ENTERPRISES, demoUscc } from './enterprises.ts';
import { seedServiceA } from './service-a.ts';
import { seedServiceB } from './service-b.ts';

export type DemoAccount = { username: string; password: string; role: string; enterprise: string | null };

const PHONES = ['13907990101', '13807990202', '13979990303', '13607990404', '18979990505'];

const STAFF: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
  { username: 'leader', displayName: '王局长', roles: ['leader'] },
  { username: 'clerk', displayName: '窗口·刘敏', roles: ['clerk'] },
  { username: 'approver', displayName: '审批·陈涛', roles: ['approver'] },
  { username: 'inspector', displayName: '执法·李强', roles: ['inspector'] },
  { username: 'monitor', displayName: '值守·赵磊', roles: ['monitor'] },
];

/**
 * First run only (no users yet): with demo data, the county's enterprises and one account per
 * role; without, a single admin. Passwords are random, printed once and written to
 * <data dir>/demo-accounts.json (mode 0600) — never a fixed, well-known password.
 */
export async function seedIfEmpty(database: Database, config: Config, print: (line: string) => void): Promise<void> {
  const db = database.db;
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((count?.n ?? 0) > 0) {
    const file = path.join(config.dataDir, 'demo-accounts.json');
    if (fs.existsSync(file)) print(`演示账号 Demo accounts: ${file}`);
    return;
  }
  const accounts: DemoAccount[] = [];
  if (!config.demo) {
    // Not the well-known "admin": a name the site chose (QINGSHAN_ADMIN_USERNAME) or a generated
    // one, so that guessing the password starts with guessing the name.
    const username = config.adminUsername ?? `admin-${randomBytes(3).toString('hex')}`;
    const { password } = await createUser(db, SYSTEM_ACTOR, {
      username,
      displayName: '系统管理员',
      roles: ['admin'],
    });
    print(
      `空库启动：已创建管理员 ${username}，初始密码只显示这一次 / Empty start: admin ${username} created; this password is shown once:`,
    );
    print(`  ${username}  ${password}`);
    return;
  }
  print('首次启动，正在载入演示数据 First run: loading demo data …');
  const enterpriseIds: { id: string; name: string }[] = [];
  for (const [i, e] of DEMO_ENTERPRISES.entries()) {
    const row = await createEnterprise(db, SYSTEM_ACTOR, {
      name: e.name,
      uscc: demoUscc(i),
      legalRepresentative: e.legal,
      contacts: [{ name: e.legal, phone: PHONES[i % PHONES.length]!, role: '法定代表人' }],
      address: `萍乡市上栗县${e.address}`,
      townCode: e.town,
      industryCode: e.industry,
      location: { lat: 27.88 + ((i * 37) % 100) / 500, lng: 113.8 + ((i * 53) % 100) / 400 },
      status: e.status ?? 'operating',
      tags: e.tags ?? [],
      creditGrade: e.credit ?? null,
    } as never);
    enterpriseIds.push({ id: row.id, name: row.name });
  }
  for (const s of STAFF) {
    const { password } = await createUser(db, SYSTEM_ACTOR, s);
    accounts.push({ username: s.username, password, role: s.roles.join(','), enterprise: null });
  }
  for (const [n, e] of enterpriseIds.slice(0, 2).entries()) {
    const username = `qiye${n + 1}`;
    const { password } = await createUser(db, SYSTEM_ACTOR, {
      username,
      displayName: `${e.name}·环保专员`,
      roles: ['enterprise'],
      enterpriseId: e.id,
    });
    accounts.push({ username, password, role: 'enterprise', enterprise: e.name });
  }
  const { password } = await createUser(db, SYSTEM_ACTOR, {
    username: 'qunzhong',
    displayName: '群众·张女士',
    roles: ['citizen'],
  });
  accounts.push({ username: 'qunzhong', password, role: 'citizen', enterprise: null });

  // The service year of the county report (appointments, petitions, ratings).
  await seedServiceA(db, { print });
  // Reception days, visits and campaigns, tracked projects: the article's 2020 figures come from these records.
  await seedServiceB(db, { print });

  fs.mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'demo-accounts.json');
  fs.writeFileSync(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  print(`演示账号（密码随机生成，只在此显示一次；也保存在 ${file}）`);
  print(`Demo accounts (random passwords, shown once here and kept in ${file}):`);
  for (const a of accounts)
    print(`  ${a.username.padEnd(10)} ${a.password}  ${a.role}${a.enterprise ? `  ${a.enterprise}` : ''}`);
}
