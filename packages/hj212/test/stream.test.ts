import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../src/decode.ts';
import { frameSegment } from '../src/encode.ts';
import { MAX_ISSUES } from '../src/limits.ts';
import { decodeStream, StreamDecoder } from '../src/stream.ts';
import { CAPTURED_STREAMS } from './fixtures/captured.ts';
import { codes, concat, latin1 } from './helpers.ts';

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

describe('one verdict for a frame alone and in a stream (issue 8 §7)', () => {
  const good =
    '##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80';
  const next =
    '##0101QN=20160801085857224;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&8D01\r\n';
  const JUNK = ['**', '\u0000', 'xyz', '*\r\n', 'ABCDEFGH', 'ABCDEFGHI', ';x', 'a=b', '**&&', `${'*'.repeat(30)}\r\n`];

  for (const junk of JUNK) {
    it(`junk ${JSON.stringify(junk)} after the CRC`, () => {
      for (const lenient of [false, true]) {
        const alone = decodeFrame(latin1(good + junk), { lenient });
        // In a stream: followed by another frame without a line break, at the end of the stream, byte by byte.
        const streams = [
          decodeStream(latin1(good + junk + next), { lenient }).frames,
          decodeStream(latin1(good + junk), { lenient }).frames,
          (() => {
            const d = new StreamDecoder({ lenient });
            const out = [...(good + junk + next)].flatMap((ch) => d.push(latin1(ch)));
            return [...out, ...d.end().frames];
          })(),
        ];
        for (const frames of streams) {
          const first = frames.find((f) => f.header.QN === '20160801085857223');
          expect(first?.ok ?? false, `${lenient ? 'lenient' : 'strict'}`).toBe(alone.ok);
        }
        // The frame after it is never lost.
        expect(streams[0]!.filter((f) => f.header.QN === '20160801085857224').map((f) => f.ok)).toEqual([true]);
      }
    });
  }

  // Shapes the deframer refuses to take for a frame: the decoder refuses them alone too.
  const SHAPES: Record<string, string> = {
    'a segment not starting with a header key': `;${good.slice(6, -4)}`,
    'a line break in the header': good.slice(6, -4).replace('ST=32;', 'ST=32\n;'),
    'a line break in CP text': good.slice(6, -4).replace('RtdInterval=30', 'i11001-Info=//a\nb//'),
  };
  for (const [name, seg] of Object.entries(SHAPES)) {
    it(`${name}: same verdict alone and in a stream`, () => {
      const bytes = frameSegment(seg);
      for (const lenient of [false, true]) {
        const alone = decodeFrame(bytes, { lenient });
        const ways = [
          decodeStream(concat([bytes, latin1(next)]), { lenient }).frames,
          (() => {
            const d = new StreamDecoder({ lenient });
            const out = [...concat([bytes, latin1(next)])].flatMap((b) => d.push(Uint8Array.of(b)));
            return [...out, ...d.end().frames];
          })(),
        ];
        for (const frames of ways) {
          const first = frames.find((f) => f.header.QN === '20160801085857223');
          expect(first?.ok ?? false, `${name}, ${lenient ? 'lenient' : 'strict'}`).toBe(alone.ok);
          expect(frames.filter((f) => f.header.QN === '20160801085857224').map((f) => f.ok)).toEqual([true]);
        }
      }
    });
  }

  it('accepts vendor junk in lenient mode both ways', () => {
    expect(decodeFrame(latin1(`${good}**\r\n`), { lenient: true }).ok).toBe(true);
    expect(decodeStream(latin1(`${good}**${next}`), { lenient: true }).frames.map((f) => f.ok)).toEqual([true, true]);
  });

  it('caps the issue list when skipped-byte notes are added to a frame', () => {
    const items = Array.from({ length: 100 }, () => '').join(';');
    const seg = `QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&${items}&&`;
    const f = `##${String(seg.length).padStart(4, '0')}${seg}0000\r\n`;
    const noise = Array.from({ length: 20 }, (_, i) => `##00${String(10 + i)}\r\n`).join('');
    const { frames } = decodeStream(latin1(noise + f), { lenient: true });
    expect(frames).toHaveLength(1);
    expect(frames[0]!.issues.length).toBeLessThanOrEqual(MAX_ISSUES);
    expect(frames[0]!.issues.at(-1)?.code).toBe('TOO_MANY_ISSUES');
  });
});
