import { z } from 'zod';
import type { BackupResult } from './service.ts';

export const backupSchema = z.object({
  file: z.string(),
  tables: z.number().int(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type BackupView = z.infer<typeof backupSchema>;

export function toBackupView(r: BackupResult): BackupView {
  return { file: r.file, tables: r.tables, rows: r.rows, bytes: r.bytes };
}
