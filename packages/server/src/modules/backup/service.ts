import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/client.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { writeDump } from './dump.ts';

export type BackupResult = { file: string; tables: number; rows: number; bytes: number };

/** A new file name in the backup folder, by time, so backups sort and never overwrite each other. */
export function backupFileName(dir: string, now = new Date()): string {
  return path.join(dir, `qingshan-${now.toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
}

/**
 * A consistent dump of the live database (one snapshot transaction) written while the server keeps
 * serving. The folder is created 0700 and the file 0600: a backup holds every password hash and
 * personal datum, so only the service account may read it. The audit entry names who took it.
 */
export async function createBackup(
  database: Database,
  actor: Actor,
  opts: { dir: string; file?: string | undefined },
  progress?: (table: string, rows: number) => void,
): Promise<BackupResult> {
  const file = path.resolve(opts.file ?? backupFileName(opts.dir));
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const r = await writeDump(database, file, progress);
  const bytes = fs.statSync(file).size;
  await recordAudit(database.db, actor, {
    action: 'backup.create',
    entityType: 'backup',
    after: { file, tables: r.tables, rows: r.rows, bytes },
  });
  return { file, ...r, bytes };
}
