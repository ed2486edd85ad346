// npm run audit:verify — walks the audit log's hash chain; exits 1 naming the first broken entry.
import { loadConfig, loadDotEnv } from '../config.ts';
import { openConfiguredDatabase } from '../db/open.ts';
import { verifyAuditLog } from '../modules/audit/service.ts';

loadDotEnv();
const database = await openConfiguredDatabase(loadConfig()).catch((e: Error) => {
  console.error(e.message);
  process.exit(2);
});
try {
  const result = await verifyAuditLog(database.db);
  if (result.ok) {
    console.log(`审计日志完整 audit log intact: ${result.count} entries verified`);
  } else {
    console.error(
      `审计日志被篡改 audit log BROKEN at entry ${result.seq}: ${result.reason} (${result.count} entries verified before it)`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
