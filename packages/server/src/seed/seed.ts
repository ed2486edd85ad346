import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
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
 * Where this database's demo passwords are kept. The embedded database owns its data folder, so
 * the file sits next to it; PostgreSQL databases share one data folder, so each gets a file named
 * after its server and database and a fresh seed of one never overwrites another's passwords.
 */
export function demoAccountsFile(config: Config): string {
  if (!config.databaseUrl) return path.join(config.dataDir, 'demo-accounts.json');
  const u = new URL(config.databaseUrl);
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || u.username || 'postgres';
  const id = `${u.hostname || 'localhost'}_${u.port || '5432'}_${database}`.replace(/[^\w.-]+/g, '-');
  return path.join(config.dataDir, `demo-accounts.${id}.json`);
}

/**
 * First run only (no users yet): with demo data, the county's enterprises and one account per
 * role; without, a single admin. Passwords are random, printed once and written to
 * demoAccountsFile (mode 0600) — never a fixed, well-known password.
 *
 * Everything is one transaction, and the accounts file is written before it commits: a process
 * killed half-way leaves an empty database that the next start seeds again, never accounts whose
 * passwords nobody saw.
 */
export async function seedIfEmpty(database: Database, config: Config, print: (line: string) => void): Promise<void> {
  const file = demoAccountsFile(config);
  const [count] = await database.db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((count?.n ?? 0) > 0) {
    if (fs.existsSync(file)) print(`演示账号 Demo accounts: ${file}`);
    return;
  }
  if (!config.demo) {
    // Not the well-known "admin": a name the site chose (QINGSHAN_ADMIN_USERNAME) or a generated
    // one, so that guessing the password starts with guessing the name.
    const username = config.adminUsername ?? `admin-${randomBytes(3).toString('hex')}`;
    const password = await database.db.transaction(async (tx) => {
      const [again] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
      if ((again?.n ?? 0) > 0) return null;
      // The printed password passes through the console and whoever reads it: changed at first sign-in.
      return (
        await createUser(tx as unknown as Db, SYSTEM_ACTOR, {
          username,
          displayName: '系统管理员',
          roles: ['admin'],
        })
      ).password;
    });
    if (password === null) return;
    print(
      `空库启动：已创建管理员 ${username}，初始密码只显示这一次，首次登录须修改 / Empty start: admin ${username} created; this password is shown once and must be changed at first sign-in:`,
    );
    print(`  ${username}  ${password}`);
    print(`忘记密码时在服务器上运行 Lost it? On the server run: npm run user:reset-password -- ${username}`);
    return;
  }
  print('首次启动，正在载入演示数据 First run: loading demo data …');
  const accounts = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    // Two processes on one PostgreSQL database starting together: only the first seeds.
    const [again] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
    if ((again?.n ?? 0) > 0) return null;
    const seeded = await seedDemo(tx, print);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(seeded, null, 2)}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    return seeded;
  });
  if (!accounts) return;
  print(`演示账号（密码随机生成，只在此显示一次；也保存在 ${file}）`);
  print(`Demo accounts (random passwords, shown once here and kept in ${file}):`);
  for (const a of accounts)
    print(`  ${a.username.padEnd(10)} ${a.password}  ${a.role}${a.enterprise ? `  ${a.enterprise}` : ''}`);
}

async function seedDemo(db: Db, print: (line: string) => void): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  // Demo passwords are printed for trying the platform out, so they do not force a change.
  const demo = { mustChangePassword: false };
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
    const { password } = await createUser(db, SYSTEM_ACTOR, s, undefined, demo);
    accounts.push({ username: s.username, password, role: s.roles.join(','), enterprise: null });
  }
  for (const [n, e] of enterpriseIds.slice(0, 2).entries()) {
    const username = `qiye${n + 1}`;
    const { password } = await createUser(
      db,
      SYSTEM_ACTOR,
      { username, displayName: `${e.name}·环保专员`, roles: ['enterprise'], enterpriseId: e.id },
      undefined,
      demo,
    );
    accounts.push({ username, password, role: 'enterprise', enterprise: e.name });
  }
  const { password } = await createUser(
    db,
    SYSTEM_ACTOR,
    { username: 'qunzhong', displayName: '群众·张女士', roles: ['citizen'] },
    undefined,
    demo,
  );
  accounts.push({ username: 'qunzhong', password, role: 'citizen', enterprise: null });

  // The service year of the county report (appointments, petitions, ratings).
  await seedServiceA(db, { print });
  // Reception days, visits and campaigns, tracked projects: the article's 2020 figures come from these records.
  await seedServiceB(db, { print });
  return accounts;
}
