import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { seedDefaultRules } from '../modules/rules/service.ts';
import { createUser } from '../modules/users/service.ts';
import { users } from '../modules/users/tables.ts';
import type { DemoAccount } from '../platform/module.ts';
import { registry } from '../platform/registry.ts';
import { loadShippedData } from '../platform/shipped.ts';

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

/**
 * The demo data: each module's seed in module-list order, so that a module's seed finds the
 * records of the modules before it (the window's bookings to rate, the county's enterprises to
 * visit). Run inside seedIfEmpty's transaction; returns the accounts the seeds created.
 */
export async function seedDemo(db: Db, print: (line: string) => void): Promise<DemoAccount[]> {
  // the demo's clocks run on the rules; main seeds them on every start, a test database has none yet
  await seedDefaultRules(db);
  await loadShippedData(db);
  const ctx = { print, accounts: [] as DemoAccount[] };
  const seeded: string[] = [];
  for (const m of registry().modules) {
    if (!m.seed) continue;
    await m.seed(db, ctx);
    seeded.push(m.name);
  }
  await recordAudit(db, SYSTEM_ACTOR, {
    action: 'seed.demo',
    entityType: 'seed',
    entityId: null,
    after: { modules: seeded },
  });
  return ctx.accounts;
}
