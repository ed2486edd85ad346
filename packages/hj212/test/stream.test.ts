import { describe, expect, it } from 'vitest';
import { decodeStream, StreamDecoder } from '../src/stream.ts';
import { CAPTURED_STREAMS } from './fixtures/captured.ts';
import { codes, latin1 } from './helpers.ts';

describe('StreamDecoder', () => {
  it('decodes a captured stream and reports skipped bytes on the next frame as warnings', () => {
    const s = new StreamDecoder({ lenient: true });
    const reads = CAPTURED_STREAMS[2]!.reads.map(latin1);
    const frames = reads.flatMap((r) => s.push(r));
    expect(frames).toHaveLength(1);
    expect(codes(frames[0]!.issues)).toEqual(['BAD_TRAILER', 'GARBAGE']);
    expect(frames[0]!.ok).toBe(true);
    expect(frames[0]!.issues.find((i) => i.code === 'GARBAGE')?.message).toContain('0e0f000000060104');
    const end = s.end();
    expect(end.frames).toEqual([]);
    expect(codes(end.skipped)).toEqual(['GARBAGE']);
  });

  it('keeps a strict frame ok when garbage preceded it', () => {
    const good =
      '##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n';
    const { frames, skipped } = decodeStream(latin1(`\u0000\u0001noise${good}`));
    expect(frames.map((f) => f.ok)).toEqual([true]);
    expect(frames[0]!.issues.map((i) => [i.code, i.severity])).toEqual([['GARBAGE', 'warning']]);
    expect(skipped).toEqual([]);
  });
});
