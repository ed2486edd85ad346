// npm run user:reset-password -- <username> — the way back from a lost admin password. Runs on the
// server's machine only: it needs the data folder's control socket (server running) or the
// database itself (server stopped). Prints a new random password that must be changed at the next
// sign-in; the account is unlocked, its sessions end, and the audit log records the reset.
import { parseArgs } from 'node:util';
import { type ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { callControlSocket, runControlCommand } from '../control/socket.ts';
import { openConfiguredDatabase } from '../db/open.ts';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const username = positionals[0];
if (!username || positionals.length > 1) {
  console.error('用法 usage: npm run user:reset-password -- <username>');
  process.exit(2);
}
loadDotEnv();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (e) {
  console.error((e as ConfigError).message);
  process.exit(2);
}

let answer = await callControlSocket(config, { cmd: 'reset-password', username });
if (!answer) {
  const database = await openConfiguredDatabase(config).catch((e: Error) => {
    console.error(e.message);
    process.exit(2);
  });
  try {
    await database.migrate();
    answer = await runControlCommand(database, config, { cmd: 'reset-password', username });
  } finally {
    await database.close();
  }
}
if (!answer.ok || !('password' in answer)) {
  console.error(`重置失败 reset failed: ${answer.ok ? 'unexpected answer' : answer.error}`);
  process.exit(1);
}
console.log(`已重置 ${username} 的密码，新密码只显示这一次，首次登录后须修改：`);
console.log(`Password of ${username} reset; shown once, must be changed at the next sign-in:`);
console.log(`  ${username}  ${answer.password}`);
