import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { encodeFrame, formatDataTime } from '@qingshan/hj212';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { encodeRecord, openJournal } from './journal.ts';
import { claimJournalDir, DATABASE_ID_FILE, databaseId } from './journal-identity.ts';
import { rowsOf } from './readings.ts';

// The ingest journal knows its database (issue 11): frames acked into a journal written for another
// database (DATABASE_URL changed, a backup restored into a new one) are not replayed into this one;
// the journal is moved aside, kept, a warning logged, /api/health says so, and a fresh one begins.

let t: TestApp;
let monitor: Client;
let enterpriseId: string;
const dirs: string[] = [];

const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-journal-id-'));
  dirs.push(d);
  return path.join(d, 'ingest-journal');
};

let counter = 0;
const freshMn = () => `JRID${String(process.pid % 1_000_000).padStart(6, '0')}${String(++counter).padStart(6, '0')}`;
const T0 = Date.parse('2026-06-16T08:00:00+08:00');

async function station(mn: string) {
  const res = await monitor.request({
    method: 'POST',
    url: '/api/monitoring/stations',
    payload: {
      enterpriseId,
      name: `日志库测试${mn.slice(-3)}`,
      mn,
      password: '123456',
      edition: '2017',
      factors: [{ code: 'a21026' }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
}

/** A journal directory as a crashed process leaves it: one acked frame of `mn`, not stored yet. */
function journalWithFrame(dir: string, mn: string, recordedDatabase: string | null) {
  fs.mkdirSync(dir, { recursive: true });
  const at = T0 + ++counter * 60_000;
  const raw = Buffer.from(
    encodeFrame({
      header: { QN: `${formatDataTime(at)}001`, ST: '22', CN: '2011', PW: '123456', MN: mn, Flag: 5 },
      cp: { DataTime: formatDataTime(at), a21026: { Rtd: '7', Flag: 'N' } },
    }),
  ).toString('utf8');
  fs.writeFileSync(path.join(dir, '0000000000000001.seg'), encodeRecord({ seq: 1, receivedAt: at, remote: null, raw }));
  if (recordedDatabase) fs.writeFileSync(path.join(dir, DATABASE_ID_FILE), `${recordedDatabase}\n`);
}

async function storedFrames(mn: string): Promise<number> {
  return rowsOf<{ n: number }>(
    await t.database.db.execute(sql`select count(*)::int as n from monitoring_frames where mn = ${mn}`),
  )[0]!.n;
}

const logs: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
const log = (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) =>
  void logs.push({ level, message, ...(fields ? { fields } : {}) });

/** Opens the journal on `dir` after the check, as the gateway service does; answers how many it replayed. */
async function startJournal(dir: string) {
  const claim = await claimJournalDir({ dir, db: t.database.db, log });
  const j = await openJournal({ dir, db: t.database.db, log });
  const replayed = j.stats.replayed;
  expect(await j.drained(15_000)).toBe(true);
  await j.close();
  return { claim, replayed };
}

beforeAll(async () => {
  t = await buildTestApp();
  monitor = await loginAs(t, ['monitor']);
  enterpriseId = (await makeEnterprise(t)).id;
}, 60_000);
afterAll(async () => {
  await t?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the ingest journal and its database', () => {
  it('every migrated database has an id of its own, one row', async () => {
    const id = await databaseId(t.database.db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await databaseId(t.database.db)).toBe(id);
    await expect(
      t.database.db.execute(sql`insert into database_identity (single_row) values (false)`),
    ).rejects.toThrow();
  });

  it('a journal written for another database is moved aside, kept, not replayed; a fresh one begins', async () => {
    const mn = freshMn();
    await station(mn);
    const dir = tmpDir();
    const other = randomUUID();
    journalWithFrame(dir, mn, other);
    logs.length = 0;
    const { claim, replayed } = await startJournal(dir);
    expect(replayed).toBe(0);
    expect(await storedFrames(mn)).toBe(0);
    const mine = await databaseId(t.database.db);
    expect(claim.setAside).toMatchObject({ journalDatabase: other, database: mine });
    // kept whole where it was moved, the new journal stamped with this database
    const moved = claim.setAside!.movedTo;
    expect(path.dirname(moved)).toBe(path.dirname(dir));
    expect(path.basename(moved)).toContain(`ingest-journal.other-database-${other}-`);
    expect(fs.readdirSync(moved).sort()).toEqual(['0000000000000001.seg', DATABASE_ID_FILE]);
    expect(fs.readFileSync(path.join(dir, DATABASE_ID_FILE), 'utf8').trim()).toBe(mine);
    expect(logs.find((l) => l.level === 'warn')?.message).toContain('another database');
    // the next start finds its own journal: nothing moved again
    expect((await startJournal(dir)).claim.setAside).toBeNull();
  });

  it('a journal of this database is replayed; one from before journals were stamped is taken as this database’s', async () => {
    const mine = await databaseId(t.database.db);
    for (const recorded of [mine, null]) {
      const mn = freshMn();
      await station(mn);
      const dir = tmpDir();
      journalWithFrame(dir, mn, recorded);
      const { claim, replayed } = await startJournal(dir);
      expect(claim.setAside).toBeNull();
      expect(replayed).toBe(1);
      expect(await storedFrames(mn)).toBe(1);
      expect(fs.readFileSync(path.join(dir, DATABASE_ID_FILE), 'utf8').trim()).toBe(mine);
    }
  });

  it('the gateway service checks before it opens the journal, and /api/health shows the journal set aside', async () => {
    const mn = freshMn();
    await station(mn);
    const dir = tmpDir();
    const other = randomUUID();
    journalWithFrame(dir, mn, other);
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    // the same database as `t`, served by a second app whose gateway journals into `dir`
    const { buildApp } = await import('../../app.ts');
    const { loadConfig } = await import('../../config.ts');
    const app = await buildApp({
      config: loadConfig({
        QINGSHAN_DATA_DIR: '/nonexistent',
        LOG_LEVEL: 'silent',
        HJ212_PORT: String(port),
        HJ212_HOST: '127.0.0.1',
        INGEST_JOURNAL: dir,
        MQTT_PORT: '0',
      }),
      database: t.database,
      logger: false,
    });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      // Fastify does not wait for onListen hooks: the gateway's service claims the journal after
      // listen resolves, later still on a loaded machine
      const body = await vi.waitFor(
        async () => {
          const res = await app.inject({ method: 'GET', url: '/api/health' });
          const b = res.json() as { services: Record<string, Record<string, unknown> | null> };
          if (!b.services.ingestJournalDatabase) throw new Error('the gateway has not claimed its journal yet');
          return b;
        },
        { timeout: 15_000, interval: 50 },
      );
      expect(body.services.ingestJournalDatabase).toMatchObject({
        journal: path.resolve(dir),
        database: await databaseId(t.database.db),
        setAsideJournalDatabase: other,
      });
      expect(String(body.services.ingestJournalDatabase!.setAsideTo)).toContain('other-database');
      expect(await storedFrames(mn)).toBe(0);
    } finally {
      await app.close();
    }
  });
});
