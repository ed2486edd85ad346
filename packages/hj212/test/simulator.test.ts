import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { setRtdInterval } from '../src/builders.ts';
import { encodeFrame } from '../src/encode.ts';
import { startTestServer } from '../src/simulator/server.ts';
import { simulate } from '../src/simulator/simulate.ts';
import { StreamDecoder } from '../src/stream.ts';
import type { DecodedFrame } from '../src/types.ts';

// Loopback only, short intervals and bounded durations; assertions are about counts, never about times. Ack
// timeouts and drains are generous (a drain ends as soon as every ack is in), and counts the server keeps are
// polled until they settle, since the server may still be reading a device's last bytes when `simulate` returns:
// nothing depends on the machine being idle (issue 8 §6).

const LIMIT = 120_000;
const settled = { timeout: 30_000, interval: 20 };

describe('device fleet simulator against the reference server', { timeout: LIMIT }, () => {
  it('gets every upload acknowledged despite injected faults, retransmitting the failed ones', async () => {
    const server = await startTestServer({ lenient: true });
    try {
      const report = await simulate({
        port: server.port,
        devices: 6,
        cn: '2051',
        intervalMs: 80,
        durationMs: 1200,
        faultRate: 0.5,
        editions: 'mixed',
        ackTimeoutMs: 1000,
        retries: 5,
        drainMs: 60_000,
        seed: 1,
      });
      expect(report.connected).toBe(6);
      expect(report.framesSent).toBeGreaterThan(0);
      expect(report.ackRequested).toBeLessThan(report.framesSent); // the 2005 device asks for none
      expect(report.acked + report.unacked + report.pending).toBe(report.ackRequested);
      expect(report.unacked).toBe(0);
      expect(report.pending).toBe(0);
      expect(report.badReplies).toBe(0);
      const injected = Object.values(report.faults).reduce((a, b) => a + b, 0);
      expect(injected).toBeGreaterThan(0);
      // Each bad-CRC transmission is rejected by the server; the ones that asked for an ack are
      // retransmitted clean (a 2005 device asks for none, so its corrupted frames are lost).
      // (A 2005 device's last frames may still be in the server's socket when simulate returns.)
      await expect.poll(() => server.stats.invalid, settled).toBe(report.faults.badCrc);
      expect(report.retransmitted).toBeGreaterThanOrEqual(report.badCrcAwaitingAck);
      if (report.faults.garbage > 0) expect(server.stats.skippedBytes).toBeGreaterThan(0);
      expect(report.latencyMs.count).toBe(report.acked);
      expect(report.latencyMs.p50).toBeLessThanOrEqual(report.latencyMs.p99);
    } finally {
      await server.close();
    }
  });

  it('retransmits when replies are lost, and the server sees the retransmits as duplicates', async () => {
    const server = await startTestServer({ dropEveryNthReply: 3 });
    try {
      const report = await simulate({
        port: server.port,
        devices: 3,
        cn: '2011',
        intervalMs: 100,
        durationMs: 800,
        ackTimeoutMs: 1000,
        retries: 6,
        drainMs: 60_000,
      });
      expect(report.retransmitted).toBeGreaterThan(0);
      expect(server.stats.dropped).toBeGreaterThan(0);
      // A retransmit sent just before its late ack arrived may still be unread by the server.
      await expect.poll(() => server.stats.duplicates, settled).toBe(report.retransmitted);
      expect(report.acked).toBe(report.ackRequested);
    } finally {
      await server.close();
    }
  });

  it('answers platform commands: 9011, the data asked for, then 9012 with the same QN', async () => {
    const received: DecodedFrame[] = [];
    const server = net.createServer((socket) => {
      const d = new StreamDecoder({ lenient: true });
      socket.on('data', (chunk: Uint8Array) => {
        for (const f of d.push(chunk)) {
          if (f.header.CN === '2011') continue; // uploads: not acknowledged here
          received.push(f);
        }
      });
      socket.write(encodeFrame(setRtdInterval({ ST: '32', PW: '123456', MN: 'x' }, 60, { qn: '20260101000000001' })));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    // Ends when the 9012 has arrived, not after a fixed time that a slow machine might not meet.
    const done = new AbortController();
    const watch = setInterval(() => {
      if (received.some((f) => f.header.CN === '9012')) done.abort();
    }, 10);
    try {
      const report = await simulate({
        port,
        devices: 1,
        cn: '2011',
        intervalMs: 10_000,
        durationMs: LIMIT / 2,
        ackTimeoutMs: 100,
        retries: 0,
        drainMs: 100,
        signal: done.signal,
      });
      clearInterval(watch);
      expect(report.commandsAnswered).toBe(1);
      expect(received.map((f) => [f.header.CN, f.header.QN, f.ok])).toEqual([
        ['9011', '20260101000000001', true],
        ['9012', '20260101000000001', true],
      ]);
    } finally {
      clearInterval(watch);
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('reports connection failures instead of throwing', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const report = await simulate({ port, devices: 2, durationMs: 300, drainMs: 100 });
    expect(report.connected).toBe(0);
    expect(report.connectErrors).toBe(2);
  });
});
