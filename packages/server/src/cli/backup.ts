// npm run db:backup [-- --out FILE] — a logical dump of the configured database that db:restore
// loads into either engine. With a server running on this machine the server writes it (hot
// backup over the control socket: the embedded database belongs to that process); with none, the
// database is opened here. Files are 0600, by default in QINGSHAN_BACKUP_DIR (~/qingshan-backups).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { callControlSocket, runControlCommand } from '../control/socket.ts';
import { openConfiguredDatabase } from '../db/open.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
loadDotEnv();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (e) {
  console.error((e as ConfigError).message);
  process.exit(2);
}
const file = values.out ? path.resolve(values.out) : undefined;

const live = await callControlSocket(config, { cmd: 'backup', file });
let answer = live;
if (live) {
  console.log('服务正在运行，由服务进程在线备份 / the server is running: it takes the backup (hot)');
} else {
  const database = await openConfiguredDatabase(config).catch((e: Error) => {
    console.error(e.message);
    process.exit(2);
  });
  try {
    answer = await runControlCommand(database, config, { cmd: 'backup', file });
  } finally {
    await database.close();
  }
}
if (!answer?.ok || !('file' in answer)) {
  console.error(`备份失败 backup failed: ${answer && !answer.ok ? answer.error : 'no answer'}`);
  process.exit(1);
}
console.log(
  `备份完成 backup written: ${answer.file} (${answer.tables} tables, ${answer.rows} rows, ${answer.bytes} bytes)`,
);
