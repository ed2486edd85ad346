import { describe, expect, it } from 'vitest';
import { boundaryOf, parseMultipart } from './multipart.ts';

const B = 'XyZ-boundary';
const form = Buffer.from(
  [
    `--${B}`,
    'Content-Disposition: form-data; name="source"',
    '',
    'drone',
    `--${B}`,
    'Content-Disposition: form-data; name="photos"; filename="巡查 1;a.png"',
    'Content-Type: image/png',
    '',
    'PNGDATA\r\nwith a line break',
    `--${B}--`,
    '',
  ].join('\r\n'),
);

describe('multipart/form-data', () => {
  it('reads fields and files, names and types, content byte for byte', () => {
    expect(boundaryOf(`multipart/form-data; boundary=${B}`)).toBe(B);
    expect(boundaryOf(`multipart/form-data; boundary="${B}"`)).toBe(B);
    expect(boundaryOf('application/json')).toBeNull();
    const r = parseMultipart(form, B, 10);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts.map((p) => [p.name, p.fileName, p.contentType, p.content.toString()])).toEqual([
      ['source', null, null, 'drone'],
      ['photos', '巡查 1;a.png', 'image/png', 'PNGDATA\r\nwith a line break'],
    ]);
  });

  it('counts parts against the bound, and refuses a form cut short at any byte', () => {
    expect(parseMultipart(form, B, 1)).toEqual({ ok: false, reason: 'too-many-parts' });
    for (let cut = 0; cut < form.length - 4; cut++)
      expect(parseMultipart(form.subarray(0, cut), B, 10).ok, `cut at ${cut}`).toBe(false);
  });

  it('never throws on random bytes', () => {
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 2000; i++) {
      const bytes = Buffer.from(Array.from({ length: next() % 200 }, () => next() % 256));
      // splice real delimiters in, so the parser gets past its first check now and then
      const mixed = i % 2 ? Buffer.concat([Buffer.from(`--${B}\r\n`), bytes, Buffer.from(`\r\n--${B}--`)]) : bytes;
      expect(() => parseMultipart(mixed, B, 5)).not.toThrow();
    }
  });
});
