import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../src/simulator/server.ts';

// The CLI from its TypeScript sources (the compiled bin/ + dist/ path is covered by dist.test.ts), so that these
// tests never run a stale build.
const CLI = [process.execPath, '--import', 'tsx', join(import.meta.dirname, '..', 'src', 'cli', 'main.ts')] as const;

// Each case starts Node processes: on a loaded 2-core machine that alone can take seconds, so the limits are
// generous and nothing here depends on how fast anything runs (issue 8 §6).
const LIMIT = 120_000;

function run(args: string[], input: string | Uint8Array = '') {
  const r = spawnSync(CLI[0], [...CLI.slice(1), ...args], { input, encoding: 'utf8', timeout: LIMIT / 2 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const FRAME_1062 =
  '##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n';
const FRAME_LOWER = '##0087QN=20201015123632010;ST=91;CN=9014;PW=123456;MN=410183160889201000212505;Flag=4;CP=&&&&f001';

describe('hj212 CLI', { timeout: LIMIT }, () => {
  it('decode: one JSON object per frame, garbage reported on the next frame', () => {
    const r = run(['decode'], `${FRAME_1062}junk${FRAME_LOWER}`);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      ok: true,
      edition: '2017',
      crcValid: true,
      header: {
        QN: '20160801085857223',
        ST: '32',
        CN: '1062',
        PW: '100000',
        MN: '010000A8900016F000169DC0',
        Flag: '5',
      },
      cp: { RtdInterval: '30' },
      issues: [],
    });
    expect(lines[1].ok).toBe(false);
    expect(lines[1].issues.map((i: { code: string }) => i.code)).toEqual(['GARBAGE', 'CRC_LOWERCASE', 'BAD_TRAILER']);
    const lenient = run(['decode', '--lenient'], FRAME_LOWER);
    expect(JSON.parse(lenient.out).ok).toBe(true);
  });

  it('decode | encode gives back the strict frame', () => {
    const decoded = run(['decode'], FRAME_1062);
    const encoded = run(['encode'], decoded.out);
    expect(encoded.code).toBe(0);
    expect(encoded.out).toBe(FRAME_1062);
  });

  it('encode: reports bad lines on stderr and exits 1', () => {
    const r = run(
      ['encode'],
      '{"header":{"QN":"20160801085857223","ST":"91","CN":"9014","PW":"1","MN":"M","Flag":0}}\nnot json\n{"header":{"ST":"32"}}\n',
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^##\d{4}QN=20160801085857223;ST=91;CN=9014;PW=1;MN=M;Flag=4;CP=&&&&[0-9A-F]{4}\r\n$/);
    expect(r.err).toContain('line 2:');
    expect(r.err).toContain('line 3:');
  });

  it('help and unknown commands', () => {
    expect(run(['help']).out).toContain('Usage: hj212');
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['simulate', '--port']).code).toBe(2);
  });

  it('simulate: runs a fleet against a server and prints a JSON report', async () => {
    const server = await startTestServer();
    try {
      const child = spawn(CLI[0], [
        ...CLI.slice(1),
        'simulate',
        '--port',
        String(server.port),
        '--devices',
        '3',
        '--cn',
        '2051',
        '--interval',
        '0.1',
        '--duration',
        '2',
        '--fault-rate',
        '0.3',
        // A device retransmits after --ack-timeout and gives up after --retries; --drain only bounds the wait
        // after --duration (it ends as soon as every ack is in). Generous, so that a slow machine gets every ack.
        '--ack-timeout',
        '2',
        '--retries',
        '5',
        '--drain',
        '60',
        '--json',
      ]);
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
      });
      const code = await new Promise<number | null>((r) => child.on('close', r));
      expect(code).toBe(0);
      const report = JSON.parse(out);
      expect(report.connected).toBe(3);
      expect(report.framesSent).toBeGreaterThan(0);
      expect(report.acked).toBe(report.ackRequested);
    } finally {
      await server.close();
    }
  });
});
