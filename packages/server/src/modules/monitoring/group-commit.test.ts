import { decodeFrame, encodeFrame } from '@qingshan/hj212';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { batchingFor, groupCommit, laneOf, type StoreBatch, writerBatchingFor } from './group-commit.ts';
import type { IngestItem, IngestResult } from './ingest.ts';

// The batching policy alone (issue 11, P2): which frames go together, how many transactions run at
// once, and in what order a station's frames are decided. The store is a stand-in whose batches
// finish when the test says so, so nothing here depends on how fast a database is.

const item = (mn: string, qn: string): IngestItem => ({
  frame: decodeFrame(
    encodeFrame({
      header: { QN: qn, ST: '22', CN: '2011', PW: '123456', MN: mn, Flag: 5 },
      cp: { DataTime: '20260615100000' },
    }),
  ),
  raw: '',
  remote: null,
  now: new Date(),
});

type Call = { mns: string[]; qns: string[]; finish: () => void };

/** A store that answers each batch only when finish() is called, recording what it was given. */
function heldStore() {
  const calls: Call[] = [];
  let running = 0;
  let most = 0;
  const store: StoreBatch = (items) => {
    running++;
    most = Math.max(most, running);
    return new Promise<IngestResult[]>((resolve) => {
      calls.push({
        mns: items.map((i) => i.frame.header.MN!),
        qns: items.map((i) => i.frame.header.QN!),
        finish: () => {
          running--;
          resolve(items.map(() => ({ kind: 'quarantined' })));
        },
      });
    });
  };
  return { calls, store, most: () => most };
}

const db = null as unknown as Db; // never used: the store stands in for the database
const tick = () => new Promise((r) => setImmediate(r));

/** Finishes the batches in flight until every submitted frame is decided. */
async function finishAll(calls: Call[], done: Promise<unknown>) {
  let settled = false;
  void done.then(() => {
    settled = true;
  });
  let next = 0;
  while (!settled) {
    await tick();
    while (next < calls.length) calls[next++]!.finish();
  }
}

describe('group commit: lanes', () => {
  it('an MN always takes the same lane, and different MNs spread over the lanes', () => {
    const mns = Array.from({ length: 64 }, (_, i) => `3603220000${String(i).padStart(4, '0')}`);
    expect(mns.map((mn) => laneOf(mn, 4))).toEqual(mns.map((mn) => laneOf(mn, 4)));
    expect(new Set(mns.map((mn) => laneOf(mn, 4))).size).toBe(4);
    expect(laneOf(mns[0], 1)).toBe(0);
    expect(laneOf(undefined, 4)).toBe(0);
  });

  it('with one lane, one batch at a time; a backlog goes in batches of at most maxFrames', async () => {
    const h = heldStore();
    const gc = groupCommit(db, { maxFrames: 3, windowMs: 0 }, h.store);
    const all = Promise.all(Array.from({ length: 10 }, (_, i) => gc.submit(item(`MN${i % 5}`, `Q${i}`))));
    await finishAll(h.calls, all);
    expect(h.most()).toBe(1);
    // the first frame went alone (nothing else had arrived), the rest waited for it and went by three
    expect(h.calls.map((c) => c.qns.length)).toEqual([1, 3, 3, 3]);
    expect(h.calls.flatMap((c) => c.qns)).toEqual(Array.from({ length: 10 }, (_, i) => `Q${i}`));
    expect(gc.stats).toMatchObject({ batches: 4, frames: 10, largest: 3, lanes: 1, inFlight: 0, mostInFlight: 1 });
  });

  it('with several lanes, stations in different lanes commit side by side; a station’s frames stay in order, one batch at a time', async () => {
    const h = heldStore();
    const lanes = 3;
    const gc = groupCommit(db, { maxFrames: 4, windowMs: 0, lanes }, h.store);
    // two stations per lane, so lanes are shared and each lane gets a backlog
    const mns: string[] = [];
    for (let k = 0; mns.length < 2 * lanes; k++) {
      const mn = `36032200${String(k).padStart(6, '0')}`;
      if (mns.filter((m) => laneOf(m, lanes) === laneOf(mn, lanes)).length < 2) mns.push(mn);
    }
    const sent: { mn: string; qn: string }[] = [];
    const results: Promise<IngestResult>[] = [];
    for (let i = 0; i < 60; i++) {
      const mn = mns[i % mns.length]!;
      sent.push({ mn, qn: `Q${i}` });
      results.push(gc.submit(item(mn, `Q${i}`)));
    }
    // every lane got its first frame at once: three transactions in flight before any finished
    await tick();
    expect(h.calls.length).toBe(lanes);
    expect(gc.stats.inFlight).toBe(lanes);
    await finishAll(h.calls, Promise.all(results));
    expect(h.most()).toBe(lanes);
    expect(gc.stats.mostInFlight).toBe(lanes);
    // no batch mixes lanes; none exceeds maxFrames
    for (const c of h.calls) {
      expect(new Set(c.mns.map((mn) => laneOf(mn, lanes))).size).toBe(1);
      expect(c.qns.length).toBeLessThanOrEqual(4);
    }
    // each station's frames reached the store in the order they were submitted
    const stored = h.calls.flatMap((c) => c.qns.map((qn, k) => ({ mn: c.mns[k]!, qn })));
    for (const mn of mns)
      expect(stored.filter((s) => s.mn === mn).map((s) => s.qn)).toEqual(
        sent.filter((s) => s.mn === mn).map((s) => s.qn),
      );
    expect(gc.stats.frames).toBe(60);
  });

  it('drain waits for every lane, not only the first to finish', async () => {
    const h = heldStore();
    const gc = groupCommit(db, { windowMs: 0, lanes: 2 }, h.store);
    let a = 'A0';
    for (let k = 1; laneOf(a, 2) === laneOf('B0', 2); k++) a = `A${k}`;
    const one = gc.submit(item(a, 'Q1'));
    const two = gc.submit(item('B0', 'Q2'));
    let drained = false;
    const d = gc.drain().then(() => {
      drained = true;
    });
    await tick();
    expect(h.calls.length).toBe(2);
    h.calls[0]!.finish();
    await one;
    await tick();
    expect(drained).toBe(false);
    h.calls[1]!.finish();
    await two;
    await d;
    expect(drained).toBe(true);
  });

  it('with lingerMs, a lane waits for a full batch after a commit instead of storing what queued at once', async () => {
    const h = heldStore();
    // a linger no test run reaches: only a full batch may start one
    const gc = groupCommit(db, { maxFrames: 4, windowMs: 0, lingerMs: 600_000 }, h.store);
    const first = ['Q1', 'Q2', 'Q3'].map((qn) => gc.submit(item('MN1', qn)));
    await tick();
    expect(h.calls).toHaveLength(0);
    first.push(gc.submit(item('MN1', 'Q4')));
    await tick();
    expect(h.calls.map((c) => c.qns)).toEqual([['Q1', 'Q2', 'Q3', 'Q4']]);
    // queued while that batch commits; without a linger they would go as soon as it finished
    const later = ['Q5', 'Q6'].map((qn) => gc.submit(item('MN1', qn)));
    h.calls[0]!.finish();
    await Promise.all(first);
    await tick();
    expect(h.calls).toHaveLength(1);
    later.push(...['Q7', 'Q8'].map((qn) => gc.submit(item('MN1', qn))));
    await tick();
    expect(h.calls.map((c) => c.qns)).toEqual([
      ['Q1', 'Q2', 'Q3', 'Q4'],
      ['Q5', 'Q6', 'Q7', 'Q8'],
    ]);
    h.calls[1]!.finish();
    await Promise.all(later);
  });

  it('a lingering lane still stores a batch that never fills once its oldest frame has waited', async () => {
    const h = heldStore();
    const gc = groupCommit(db, { maxFrames: 100, windowMs: 0, lingerMs: 5 }, h.store);
    const one = gc.submit(item('MN1', 'Q1'));
    await finishAll(h.calls, one);
    expect(await one).toEqual({ kind: 'quarantined' });
    expect(h.calls.map((c) => c.qns)).toEqual([['Q1']]);
    await gc.drain();
  });

  it('a batch that fails answers each of its frames with the error; the lane goes on', async () => {
    let n = 0;
    const store: StoreBatch = async (items) => {
      n++;
      if (n === 1) throw new Error('connection lost');
      return items.map(() => ({ kind: 'quarantined' }));
    };
    const gc = groupCommit(db, { windowMs: 0 }, store);
    const first = await gc.submit(item('MN1', 'Q1'));
    const second = await gc.submit(item('MN1', 'Q2'));
    expect(first).toMatchObject({ kind: 'error' });
    expect(second).toEqual({ kind: 'quarantined' });
  });

  it('PostgreSQL commits in several lanes with short batches; PGlite keeps one lane sized by time', () => {
    const pg = batchingFor('postgres');
    expect(pg.lanes).toBeGreaterThan(1);
    // lanes use pool connections: some must be left for the API (the pool holds 10)
    expect(pg.lanes).toBeLessThanOrEqual(5);
    expect(pg.maxFrames).toBeLessThanOrEqual(250);
    const lite = batchingFor('pglite');
    expect(lite.lanes ?? 1).toBe(1);
    expect(lite.targetMs).toBeGreaterThan(0);
    // the journal's writer keeps the lanes and lingers: nobody waits on it for an ack, so on
    // PostgreSQL its batches may be larger; PGlite's stay cut by time for the API's sake
    for (const engine of ['postgres', 'pglite'] as const) {
      const w = writerBatchingFor(engine);
      expect(w.lanes).toBe(batchingFor(engine).lanes);
      expect(w.targetMs).toBe(batchingFor(engine).targetMs);
      expect(w.lingerMs).toBeGreaterThan(0);
    }
    expect(writerBatchingFor('postgres').maxFrames).toBeGreaterThan(pg.maxFrames!);
    expect(writerBatchingFor('pglite').maxFrames).toBe(lite.maxFrames);
  });
});
