import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { enterprises } from '../enterprises/tables.ts';

export async function enterpriseName(db: Tx, id: string): Promise<string> {
  const [e] = await db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, id));
  return e?.name ?? '';
}
