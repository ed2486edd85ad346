import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../src/decode.ts';
import { CAPTURED } from './fixtures/captured.ts';
import { codes, utf8 } from './helpers.ts';

describe('real captured frames from public sources', () => {
  it.each(CAPTURED)('$name ($source)', (c) => {
    const bytes = utf8(c.frame);
    const strict = decodeFrame(bytes);
    const lenient = decodeFrame(bytes, { lenient: true, crcModes: c.crcModes ?? [] });
    expect(strict.crcValid).toBe(c.crcValid);
    expect(strict.edition).toBe(c.edition);
    expect(codes(strict.issues)).toEqual([...c.strict.issues].sort());
    expect(strict.ok).toBe(c.strict.ok);
    expect(codes(lenient.issues)).toEqual([...c.lenient.issues].sort());
    expect(lenient.ok).toBe(c.lenient.ok);
    // Whatever the verdict, the content is there.
    expect(lenient.header.CN).toMatch(/^\d{4}$/);
    if (!c.frame.includes('CP=&&&&')) expect(lenient.fields.length).toBeGreaterThan(0);
  });

  it('reads 2005 factor codes and the 2005 split header', () => {
    const d = decodeFrame(utf8(CAPTURED.find((c) => c.frame.startsWith('##1045'))!.frame), { lenient: true });
    expect(d.header).toMatchObject({ ST: '31', CN: '2051', Flag: '2', PNUM: '2', PNO: '1' });
    expect(d.cp.B02).toEqual({ Min: '0.0000', Avg: '0.0000', Max: '0.0000', Cou: '0.0000', Flag: 'D' });
    expect(d.number('33', 'Avg')).toBe(1003.0705);
  });

  it('keeps a QN sent inside CP (2005 style) and lower-case data flags verbatim', () => {
    const d = decodeFrame(utf8(CAPTURED.find((c) => c.frame.startsWith('##0385'))!.frame), { lenient: true });
    expect(d.cp.QN).toBe('20140226153000001');
    expect(d.cp.a01006).toEqual({ Avg: '1017.1', Flag: 'd' });
  });
});
