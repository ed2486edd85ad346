import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { crc16Hj212, crcToHex, decodeFrame, encodeFrame, formatDataTime, StreamDecoder } from '@qingshan/hj212';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { startGateway } from './gateway.ts';
import { GATEWAY_DECODE } from './ingest.ts';
import { decodeSegment, encodeRecord, type Journal, openJournal } from './journal.ts';
import { rowsOf } from './readings.ts';
import { loggerMns, registerLogger, setLoggerPassword } from './test-loggers.ts';

// The local ingest journal (journal.ts): acks only after the fsync, refuses what the database
// would refuse without journaling it, replays what a crash left, tolerates a torn tail, holds
// back when the writer is behind, and reads a station's new password at once.

let t: TestApp;
let monitor: Client;
let enterpriseId: string;
const dirs: string[] = [];
const open: Journal[] = [];

const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-journal-'));
  dirs.push(d);
  return d;
};
const journal = async (o: Omit<Parameters<typeof openJournal>[0], 'db'>) => {
  const j = await openJournal({ db: t.database.db, ...o });
  open.push(j);
  return j;
};

const freshMn = loggerMns('JRNL');
const register = (mn: string) => registerLogger(monitor, enterpriseId, mn, `日志测试${mn.slice(-3)}`);

const T0 = Date.parse('2026-06-15T08:00:00+08:00');
let qn = 0;
/** A real-time frame; `keyless` leaves out QN and DataTime, so no unique index can tell a copy. */
function frame(mn: string, i: number, o: { pw?: string; keyless?: boolean; badCrc?: boolean } = {}) {
  const at = T0 + i * 30_000;
  let raw: string;
  if (o.keyless) {
    // by hand: the encoder always writes a QN
    const segment = `ST=22;CN=2011;PW=${o.pw ?? '123456'};MN=${mn};Flag=4;CP=&&a21026-Rtd=${i},a21026-Flag=N&&`;
    const bytes = Buffer.from(segment, 'utf8');
    raw = `##${String(bytes.length).padStart(4, '0')}${segment}${crcToHex(crc16Hj212(bytes))}\r\n`;
  } else
    raw = Buffer.from(
      encodeFrame({
        header: {
          QN: `${formatDataTime(at)}${String(++qn % 1000).padStart(3, '0')}`,
          ST: '22',
          CN: '2011',
          PW: o.pw ?? '123456',
          MN: mn,
          Flag: 5,
        },
        cp: { DataTime: formatDataTime(at), a21026: { Rtd: String(i), Flag: 'N' } },
      }),
    ).toString('utf8');
  if (o.badCrc) raw = raw.replace(/[0-9A-F]{4}\r\n$/, (c) => `${c[0] === '0' ? '1' : '0'}${c.slice(1)}`);
  return { frame: decodeFrame(Buffer.from(raw, 'utf8'), GATEWAY_DECODE), raw };
}

async function framesOf(mn: string): Promise<{ raw: string; n: number }[]> {
  return rowsOf<{ raw: string; n: number }>(
    await t.database.db.execute(
      sql`select raw, count(*)::int as n from monitoring_frames where mn = ${mn} group by raw order by raw`,
    ),
  );
}

/** Waits for a condition the journal reaches on its own; gives up after 15 s (the test then fails on it). */
async function until(ok: () => boolean): Promise<void> {
  const end = performance.now() + 15_000;
  while (!ok() && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
}

const segmentsIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.seg'));
const journalBytes = (dir: string) => segmentsIn(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
/** The open flags of this process's descriptors on the directory's segments (Linux: /proc/self/fdinfo). */
const segmentFdFlags = (dir: string): number[] =>
  fs.readdirSync('/proc/self/fd').flatMap((fd) => {
    let target: string;
    try {
      target = fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return [];
    }
    if (!target.startsWith(`${fs.realpathSync(dir)}/`) || !target.endsWith('.seg')) return [];
    const m = /^flags:\s+([0-7]+)$/m.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return m ? [Number.parseInt(m[1]!, 8)] : [];
  });

beforeAll(async () => {
  t = await buildTestApp();
  monitor = await loginAs(t, ['monitor']);
  enterpriseId = (await makeEnterprise(t)).id;
});
afterEach(async () => {
  for (const j of open.splice(0)) await j.abandon().catch(() => {});
});
afterAll(async () => {
  await t?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('ingest journal', () => {
  it('acks a frame only after its record is fsync-ed; the writer then stores it', async () => {
    const mn = freshMn();
    await register(mn);
    const dir = tmpDir();
    let open!: () => void;
    const gate = new Promise<void>((r) => {
      open = r;
    });
    const synced: number[] = [];
    let entered = false;
    const j = await journal({
      dir,
      onSynced: async (seqs) => {
        entered = true;
        await gate;
        synced.push(...seqs);
      },
    });
    const gw = await startGateway({ sink: j.sink, port: 0, host: '127.0.0.1' });
    try {
      const s = net.connect({ port: gw.port, host: '127.0.0.1' });
      await new Promise((r) => s.once('connect', r));
      const dec = new StreamDecoder({ lenient: true });
      const acks: string[] = [];
      s.on('data', (c: Uint8Array) => {
        for (const f of dec.push(c)) if (f.header.CN === '9014') acks.push(f.header.QN ?? '');
      });
      const f = frame(mn, 1);
      s.write(f.raw);
      // written (however long a loaded disk takes), but the fsync has not returned: no ack yet
      await until(() => entered && journalBytes(dir) > 0);
      await new Promise((r) => setTimeout(r, 100));
      expect(acks).toEqual([]);
      expect(journalBytes(dir)).toBeGreaterThan(0);
      open();
      await until(() => acks.length > 0);
      expect(acks).toEqual([f.frame.header.QN]);
      expect(synced).toEqual([1]);
      // the segment is written with O_DSYNC (each write returns durable, no separate fdatasync)
      if (process.platform === 'linux') {
        const flags = segmentFdFlags(dir);
        expect(flags).toHaveLength(1);
        expect(flags[0]! & fs.constants.O_DSYNC).toBe(fs.constants.O_DSYNC);
      }
      expect(gw.stats.journaled).toBe(1);
      expect(await j.drained(15_000)).toBe(true);
      expect(await framesOf(mn)).toEqual([{ raw: f.raw, n: 1 }]);
      s.destroy();
    } finally {
      await gw.close();
    }
  });

  /**
   * A journal whose first write (frame 1) is held in its sync hook until `release` (or fails there
   * with `fail`), and frame 2 sent while it is held, once its own write has returned.
   */
  async function secondWriteWhileFirstHeld(mn: string) {
    const dir = tmpDir();
    let settle!: (error?: Error) => void;
    const held = new Promise<Error | undefined>((r) => {
      settle = r;
    });
    const synced: number[][] = [];
    const j = await journal({
      dir,
      onSynced: async (seqs) => {
        synced.push([...seqs]);
        if (!seqs.includes(1)) return;
        const error = await held;
        if (error) throw error;
      },
    });
    const acked: number[] = [];
    const send = (i: number) => {
      const f = frame(mn, i);
      return j.sink(f.frame, f.raw, null).then((r) => {
        acked.push(i);
        return r;
      });
    };
    const first = send(1);
    await until(() => synced.length === 1);
    const second = send(2);
    // the second write was started and has returned while the first is still held in its hook
    await until(() => synced.length === 2);
    return { dir, j, synced, acked, send, first, second, release: () => settle(), fail: (e: Error) => settle(e) };
  }

  it('starts a second write while one is in flight, and acks it only after the first returned', async () => {
    const mn = freshMn();
    await register(mn);
    const { dir, j, synced, acked, first, second, release } = await secondWriteWhileFirstHeld(mn);
    expect(synced).toEqual([[1], [2]]);
    await new Promise((r) => setTimeout(r, 100));
    expect(acked).toEqual([]);
    release();
    expect((await second).kind).toBe('journaled');
    expect((await first).kind).toBe('journaled');
    expect(acked).toEqual([1, 2]);
    // positional writes: both records intact, in sequence order, in one segment
    const segs = segmentsIn(dir);
    expect(segs).toHaveLength(1);
    expect(decodeSegment(fs.readFileSync(path.join(dir, segs[0]!))).records.map((r) => r.seq)).toEqual([1, 2]);
    expect(await j.drained(15_000)).toBe(true);
    expect((await framesOf(mn)).map((r) => r.n)).toEqual([1, 1]);
  });

  it('a failed write fails the writes issued after it into its segment; the next frame starts a new segment', async () => {
    const mn = freshMn();
    await register(mn);
    const { dir, j, send, first, second, fail } = await secondWriteWhileFirstHeld(mn);
    // reject handlers attached before the failure, so neither rejection goes unhandled
    const firstFailed = expect(first).rejects.toThrow(/disk gone/);
    // it returned, but it lies after the failed one: after a crash it could follow a hole
    const secondFailed = expect(second).rejects.toThrow(/earlier journal write failed/);
    fail(new Error('disk gone'));
    await firstFailed;
    await secondFailed;
    expect(j.stats).toMatchObject({ journaled: 0, pendingFrames: 0 });
    expect((await send(3)).kind).toBe('journaled');
    expect(segmentsIn(dir)).toHaveLength(2);
    expect(await j.drained(15_000)).toBe(true);
    expect(await framesOf(mn)).toHaveLength(1);
    // the failed segment holds nothing acked: the writer deletes it like any settled segment
    await until(() => segmentsIn(dir).length === 1);
  });

  it('refuses a wrong password or CRC without journaling it; an unknown MN goes to quarantine at once', async () => {
    const mn = freshMn();
    await register(mn);
    const dir = tmpDir();
    const j = await journal({ dir });
    const bad = frame(mn, 1, { pw: 'wrong' });
    expect(await j.sink(bad.frame, bad.raw, null)).toEqual({ kind: 'refused', reason: 'bad-password' });
    const crc = frame(mn, 2, { badCrc: true });
    expect(crc.frame.crcValid).toBe(false);
    expect(await j.sink(crc.frame, crc.raw, null)).toEqual({ kind: 'refused', reason: 'bad-crc' });
    expect(j.stats.journaled).toBe(0);
    expect(journalBytes(dir)).toBe(0);

    const stranger = freshMn();
    const u = frame(stranger, 1);
    expect(await j.sink(u.frame, u.raw, null)).toEqual({ kind: 'quarantined' });
    expect(j.stats).toMatchObject({ journaled: 0, direct: 1 });
    expect(await framesOf(stranger)).toEqual([{ raw: u.raw, n: 1 }]);
  });

  it('after a crash between journal and commit, every acked frame is stored once, keyless ones too', async () => {
    const mn = freshMn();
    await register(mn);
    const dir = tmpDir();
    // the database goes away after the first three frames are stored
    let up = true;
    const first = await journal({
      dir,
      store: async (items) => {
        if (!up) throw new Error('database away');
        const { ingestBatch } = await import('./ingest.ts');
        return ingestBatch(t.database.db, items);
      },
    });
    const sent = [frame(mn, 1), frame(mn, 2, { keyless: true }), frame(mn, 3)];
    expect(sent[1]!.frame.header.QN).toBeUndefined();
    expect(sent[1]!.frame.crcValid).toBe(true);
    const at = (i: number) => new Date(T0 + 3_600_000 + i);
    for (const [i, f] of sent.entries())
      expect((await first.sink(f.frame, f.raw, '10.0.0.1:5000', at(i))).kind).toBe('journaled');
    expect(await first.drained(15_000)).toBe(true);
    up = false;
    const later = [frame(mn, 4), frame(mn, 5, { keyless: true }), frame(mn, 6)];
    for (const [i, f] of later.entries())
      expect((await first.sink(f.frame, f.raw, '10.0.0.1:5000', at(3 + i))).kind).toBe('journaled');
    await new Promise((r) => setTimeout(r, 50));
    expect(first.stats.pendingFrames).toBe(3);
    // killed at once: the checkpoint may not even cover the first three
    await first.abandon();
    open.splice(open.indexOf(first), 1);
    fs.rmSync(path.join(dir, 'checkpoint'), { force: true });

    const second = await journal({ dir });
    expect(second.stats.replayed).toBe(6);
    expect(await second.drained(10_000)).toBe(true);
    const stored = await framesOf(mn);
    expect(stored.map((r) => r.raw).sort()).toEqual([...sent, ...later].map((f) => f.raw).sort());
    expect(stored.every((r) => r.n === 1)).toBe(true);
    // received_at is the journal's receive time, not the replay's
    const times = rowsOf<{ ms: string; remote: string }>(
      await t.database.db.execute(
        sql`select (extract(epoch from received_at) * 1000)::bigint::text as ms, remote_address as remote from monitoring_frames where mn = ${mn}`,
      ),
    );
    expect(times.map((r) => Number(r.ms)).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => at(i).getTime()));
    expect(new Set(times.map((r) => r.remote))).toEqual(new Set(['10.0.0.1:5000']));
  });

  it('a checkpoint being written when the process is abandoned is on disk before abandon resolves, never after', async () => {
    const mn = freshMn();
    await register(mn);
    const dir = tmpDir();
    const checkpoint = path.join(dir, 'checkpoint');
    const onDisk = () => (fs.existsSync(checkpoint) ? fs.readFileSync(checkpoint, 'utf8') : null);
    // the writer's checkpoint timer is the first interval openJournal sets (the writer opens before
    // the appender); it is taken over so the test decides when it fires. Timers are not faked with
    // vi.useFakeTimers: that would undo the fixed clock the server tests run on (test/fixed-clock.ts)
    const realSetInterval = globalThis.setInterval;
    let tick: (() => void) | null = null;
    const spy = vi.spyOn(globalThis, 'setInterval').mockImplementation(((fn: () => void, ms?: number) => {
      if (tick) return realSetInterval(fn, ms);
      tick = fn;
      return { ref: () => {}, unref: () => {}, hasRef: () => false };
    }) as unknown as typeof setInterval);
    let j: Journal;
    try {
      j = await journal({ dir });
    } finally {
      spy.mockRestore();
    }
    const f = frame(mn, 1);
    expect((await j.sink(f.frame, f.raw, null)).kind).toBe('journaled');
    expect(await j.drained(15_000)).toBe(true);
    expect(onDisk()).toBeNull();
    // the timer starts the checkpoint's write, and the process is "killed" in the same turn
    tick!();
    await j.abandon();
    open.splice(open.indexOf(j), 1);
    const atAbandon = onDisk();
    await new Promise((r) => setTimeout(r, 100));
    // a rename landing later would overwrite what a test or the next process did with the folder
    expect(onDisk()).toBe(atAbandon);
    expect(atAbandon).toBe('1\n');
  });

  it('a torn tail is skipped and never throws; the intact records before it are replayed', async () => {
    const mn = freshMn();
    await register(mn);
    const dir = tmpDir();
    const good = [frame(mn, 1), frame(mn, 2)];
    const recs = good.map((f, i) => encodeRecord({ seq: i + 1, receivedAt: Date.now(), remote: null, raw: f.raw }));
    const torn = encodeRecord({ seq: 3, receivedAt: Date.now(), remote: null, raw: frame(mn, 3).raw });
    fs.writeFileSync(
      path.join(dir, '0000000000000001.seg'),
      Buffer.concat([...recs, torn.subarray(0, torn.length - 5)]),
    );
    // a segment whose first record is already torn (the crash came right after it was created)
    fs.writeFileSync(path.join(dir, '0000000000000003.seg'), torn.subarray(0, 7));
    expect(decodeSegment(fs.readFileSync(path.join(dir, '0000000000000001.seg')))).toMatchObject({ torn: true });
    // a flipped byte inside a record is caught by its checksum
    const flipped = Buffer.concat(recs);
    const at = recs[0]!.length + 20;
    flipped.writeUInt8(flipped.readUInt8(at) ^ 0x01, at);
    expect(decodeSegment(flipped).records).toHaveLength(1);
    for (let k = 0; k < 2_000; k++) {
      const junk = Buffer.from(Array.from({ length: k % 64 }, () => Math.floor(Math.random() * 256)));
      expect(() => decodeSegment(junk)).not.toThrow();
    }
    const j = await journal({ dir });
    expect(j.stats.replayed).toBe(2);
    expect(await j.drained(15_000)).toBe(true);
    expect((await framesOf(mn)).map((r) => r.raw).sort()).toEqual(good.map((f) => f.raw).sort());
    // new frames go to a new segment, never after the torn record
    const f4 = frame(mn, 4);
    expect((await j.sink(f4.frame, f4.raw, null)).kind).toBe('journaled');
    // the torn record (seq 3) was never synced, so never acked: its number is used again
    expect(segmentsIn(dir).sort()).toEqual(['0000000000000001.seg', '0000000000000003.seg']);
  });

  it('holds back (does not ack) when the writer is behind by the bound; a second process is refused the directory', async () => {
    const mn = freshMn();
    await register(mn);
    const dir = tmpDir();
    const j = await journal({
      dir,
      maxPendingFrames: 3,
      store: async () => Promise.reject(new Error('database away')),
    });
    await expect(openJournal({ dir, db: t.database.db })).rejects.toThrow(/already open|in use/);
    const fs5 = [1, 2, 3, 4, 5].map((i) => frame(mn, i));
    const results = fs5.map((f) => j.sink(f.frame, f.raw, null));
    const settled: number[] = [];
    results.forEach(
      (p, i) =>
        void p.then(
          () => settled.push(i),
          () => {},
        ),
    );
    // the first three are journaled (however long a loaded disk takes); the other two then wait
    await until(() => settled.length === 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(settled.sort()).toEqual([0, 1, 2]);
    expect(j.stats).toMatchObject({ pendingFrames: 3, waitingForRoom: 2, journaled: 3 });
    // closing answers the waiting frames with an error: not acked, the logger retransmits
    await j.close(100);
    open.splice(open.indexOf(j), 1);
    for (const p of results.slice(3)) await expect(p).rejects.toThrow(/closed/);
  });

  it('reads a station edited over the API at once: the old password is refused, the new one journaled', async () => {
    const mn = freshMn();
    const st = await register(mn);
    const j = await journal({ dir: tmpDir() });
    const a = frame(mn, 1);
    expect((await j.sink(a.frame, a.raw, null)).kind).toBe('journaled');
    await setLoggerPassword(monitor, st.id, '654321');
    const old = frame(mn, 2);
    expect(await j.sink(old.frame, old.raw, null)).toEqual({ kind: 'refused', reason: 'bad-password' });
    const fresh = frame(mn, 3, { pw: '654321' });
    expect(await j.sink(fresh.frame, fresh.raw, null)).toMatchObject({
      kind: 'journaled',
      station: { mn, lastFrameAt: expect.any(Date) },
    });
    expect(await j.drained(15_000)).toBe(true);
    expect(j.stats.refusedAfterAck).toBe(0);
  });
});
