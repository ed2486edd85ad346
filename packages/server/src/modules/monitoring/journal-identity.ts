import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { ModuleContext, ModuleService } from '../../platform/module.ts';
import { rowsOf } from './readings.ts';

// The ingest journal (INGEST_JOURNAL, journal.ts) holds frames acked to loggers and not yet stored,
// and replays them at the next start. Started against another database (DATABASE_URL changed, a
// backup restored into a new one), that replay would store them in the wrong place. So the journal
// directory records the id of the database it belongs to (database_identity, tables.ts); on a
// mismatch its content is moved aside — renamed, kept for someone to look at — with a warning, the
// fact shown in /api/health, and a fresh journal begins. Called before openJournal, and apart from
// it, so the journal's own code knows nothing of it.

/** The file in the journal directory naming its database. */
export const DATABASE_ID_FILE = 'database-id';
/** journal.ts's lock file: a journal another live process holds is not this check's to move. */
const LOCK_FILE = 'journal.lock';

/** A journal moved aside because it belonged to another database. */
export type JournalSetAside = {
  /** where its content now is */
  movedTo: string;
  /** the database it was written for */
  journalDatabase: string;
  /** this database */
  database: string;
  at: string;
};

export type JournalClaim = { dir: string; database: string; setAside: JournalSetAside | null };
type ClaimLog = (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;

/** This database's id; a database whose row is missing (emptied by hand) gets a new one. */
export async function databaseId(db: Db): Promise<string> {
  const read = async () =>
    rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from database_identity where single_row`))[0]?.id;
  const id = await read();
  if (id) return id;
  await db.execute(sql`insert into database_identity (single_row) values (true) on conflict do nothing`);
  const made = await read();
  if (!made) throw new Error('database_identity has no row');
  return made;
}

function heldByLiveProcess(dir: string): boolean {
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'), 10);
  } catch {
    return false;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Written whole or not at all, and on disk before the journal acks its first frame. */
function writeIdFile(dir: string, id: string): void {
  const file = path.join(dir, DATABASE_ID_FILE);
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, `${id}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  const d = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(d);
  } finally {
    fs.closeSync(d);
  }
}

/**
 * Makes the journal directory this database's before the journal opens it: a new or empty one is
 * stamped with the database's id; one stamped with another id is renamed to
 * `<dir>.other-database-<its id>-<time>` (kept) and a fresh one begins. A journal written before
 * journals were stamped is taken as this database's (the upgrade that added the stamp keeps
 * replaying what it held) and stamped. Throws when it cannot move a foreign journal aside: the
 * gateway then does not start, rather than replay into the wrong database.
 */
export async function claimJournalDir(opts: { dir: string; db: Db; log: ClaimLog; now?: Date }): Promise<JournalClaim> {
  const dir = path.resolve(opts.dir);
  const database = await databaseId(opts.db);
  fs.mkdirSync(dir, { recursive: true });
  // open elsewhere: openJournal refuses it with its own message; nothing here may move it meanwhile
  if (heldByLiveProcess(dir)) return { dir, database, setAside: null };
  let recorded: string | null = null;
  try {
    recorded = fs.readFileSync(path.join(dir, DATABASE_ID_FILE), 'utf8').trim() || null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (recorded === database) return { dir, database, setAside: null };
  if (recorded === null) {
    const held = fs.readdirSync(dir).filter((f) => f !== LOCK_FILE && !f.startsWith(DATABASE_ID_FILE));
    if (held.length > 0)
      opts.log('info', 'ingest journal: no database recorded yet; taken as this database’s', { dir, database });
    writeIdFile(dir, database);
    return { dir, database, setAside: null };
  }
  const at = (opts.now ?? new Date()).toISOString();
  const stamp = at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const movedTo = `${dir}.other-database-${recorded.replace(/[^0-9a-zA-Z-]/g, '').slice(0, 36)}-${stamp}`;
  try {
    fs.renameSync(dir, movedTo);
  } catch (e) {
    throw new Error(
      `ingest journal ${dir} belongs to database ${recorded}, not to this one (${database}), and could not be moved aside (${(e as Error).message}); its frames are not replayed: move it away by hand`,
    );
  }
  fs.mkdirSync(dir, { recursive: true });
  writeIdFile(dir, database);
  const setAside: JournalSetAside = { movedTo, journalDatabase: recorded, database, at };
  opts.log(
    'warn',
    'ingest journal: written for another database, so not replayed into this one; moved aside and a new journal begun',
    { ...setAside },
  );
  return { dir, database, setAside };
}

const claims = new WeakMap<ModuleContext, JournalClaim>();

/** claimJournalDir for an app's gateway, remembered for /api/health. */
export async function claimJournal(ctx: ModuleContext, dir: string, log: ClaimLog): Promise<void> {
  claims.set(ctx, await claimJournalDir({ dir, db: ctx.db, log }));
}

/**
 * /api/health's view of the journal's database: which one the journal belongs to, and the journal
 * moved aside at this start because it belonged to another (null fields: none was).
 */
export function journalDatabaseService(ctx: ModuleContext): ModuleService {
  return {
    name: 'ingestJournalDatabase',
    async start() {},
    async stop() {},
    status() {
      const c = claims.get(ctx);
      if (!c) return null;
      return {
        journal: c.dir,
        database: c.database,
        setAsideTo: c.setAside?.movedTo ?? null,
        setAsideJournalDatabase: c.setAside?.journalDatabase ?? null,
        setAsideAt: c.setAside?.at ?? null,
      };
    },
  };
}
