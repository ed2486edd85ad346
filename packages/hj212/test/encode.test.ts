import { describe, expect, it } from 'vitest';
import { setMinInterval, setRtdInterval } from '../src/builders.ts';
import { decodeFrame } from '../src/decode.ts';
import { EncodeError, encodeFrame, encodeSegment, formatNumber, frameSegment } from '../src/encode.ts';
import { createQnGenerator, formatDataTime, formatQn, parseDataTime } from '../src/time.ts';
import { codes, text } from './helpers.ts';

const H = { QN: '20160801085857223', ST: '32', CN: '2011', PW: '123456', MN: '010000A8900016F000169DC0' };

describe('encodeFrame', () => {
  it('writes the header in the order of 表 3 and computes Flag', () => {
    expect(encodeSegment({ header: { ...H, Flag: 1 }, cp: {} })).toBe(
      'QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&&&',
    );
    expect(encodeSegment({ header: H, cp: {} }, { ack: true, edition: '2025' })).toContain(';Flag=9;');
    expect(encodeSegment({ header: { ...H, Flag: 0, PNUM: 2, PNO: 1 }, cp: {} })).toContain(';Flag=6;PNUM=2;PNO=1;CP=');
    // A Flag with other version bits only contributes its A bit.
    expect(encodeSegment({ header: { ...H, Flag: 9 } })).toContain(';Flag=5;');
  });

  it('writes CP maps as one item per factor and ordered lists with their grouping', () => {
    expect(
      encodeSegment({ header: H, cp: { DataTime: '20160801085857', w01018: { Rtd: 1.5, Flag: 'N' }, a: { b: 1 } } }),
    ).toContain('CP=&&DataTime=20160801085857;w01018-Rtd=1.5,w01018-Flag=N;a-b=1&&');
    expect(
      encodeSegment({
        header: H,
        cp: [
          { key: 'BeginTime', value: '20160801085857', item: 0 },
          { key: 'EndTime', value: '20160801085857', item: 0 },
          { key: 'PolId', value: 'w01018', item: 1 },
        ],
      }),
    ).toContain('CP=&&BeginTime=20160801085857,EndTime=20160801085857;PolId=w01018&&');
  });

  it('counts the length in UTF-8 bytes and writes an upper-case CRC and CR LF', () => {
    const f = encodeFrame({ header: H, cp: { 'i11001-Info': '//清洗管路//' } });
    const t = text(f);
    expect(t.slice(2, 6)).toBe(String(f.length - 12).padStart(4, '0'));
    expect(t).toMatch(/&&[0-9A-F]{4}\r\n$/);
    const d = decodeFrame(f);
    expect(d.issues).toEqual([]);
    expect(d.cp.i11001).toEqual({ Info: '//清洗管路//' });
  });

  it('generates a QN from the clock when none is given (not in the 2005 dialect)', () => {
    const { QN: _qn, ...noQn } = H;
    expect(encodeSegment({ header: noQn }, { now: () => Date.UTC(2026, 0, 1) })).toMatch(/^QN=20260101080000000;/);
    expect(encodeSegment({ header: noQn }, { edition: '2005' })).toBe(
      'ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;CP=&&&&',
    );
  });

  it.each([
    [{ header: { ...H, CN: '20x1' } }, ['BAD_STRUCTURE']],
    [{ header: { ...H, ST: '' } }, ['BAD_STRUCTURE']],
    [{ header: { ...H, MN: 'a;b' } }, ['BAD_FIELD']],
    [{ header: { ...H, Flag: 300 } }, ['BAD_FIELD']],
    [{ header: { ...H, PNUM: 2, PNO: 3 } }, ['BAD_SPLIT']],
    [{ header: H, cp: { a: 'x;y' } }, ['BAD_FIELD']],
    [{ header: H, cp: { a: Number.NaN } }, ['BAD_FIELD']],
    [{ header: H, cp: { 'a b': 1 } }, ['BAD_FIELD']],
    [{ header: H, cp: { a: '//open' } }, ['BAD_FIELD']],
    [{ header: H, cp: { a: '//x//;y//' } }, ['BAD_FIELD']],
  ])('rejects invalid input %# with EncodeError', (input, expected) => {
    try {
      encodeFrame(input as never);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EncodeError);
      expect(codes((err as EncodeError).issues)).toEqual(expected);
    }
  });

  it('refuses segments over 1024 bytes unless allowed, and over 9999 always', () => {
    const long = { header: H, cp: { x: 'a'.repeat(1000) } };
    expect(() => encodeFrame(long)).toThrow(EncodeError);
    expect(decodeFrame(encodeFrame(long, { allowLong: true }), { lenient: true }).ok).toBe(true);
    expect(() => frameSegment('x'.repeat(10000), { allowLong: true })).toThrow(/9999/);
  });

  it('formats numbers as plain decimals', () => {
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatNumber(-0.000001)).toBe('-0.000001');
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('validates builder arguments against 表 4', () => {
    expect(() => setRtdInterval({ ST: '32', PW: '1', MN: 'M' }, 10)).toThrow(RangeError);
    expect(() => setMinInterval({ ST: '32', PW: '1', MN: 'M' }, 7)).toThrow(RangeError);
  });
});

describe('time helpers', () => {
  it('formats and parses UTC+8 wall-clock times', () => {
    const t = Date.UTC(2016, 7, 1, 0, 58, 57, 223);
    expect(formatDataTime(t)).toBe('20160801085857');
    expect(formatQn(t)).toBe('20160801085857223');
    expect(parseDataTime('20160801085857223')?.getTime()).toBe(t);
    expect(parseDataTime('20160801085857')?.getTime()).toBe(t - 223);
    expect(formatDataTime(t, 0)).toBe('20160801005857');
    for (const bad of ['2016080108585', '20161301000000', '20160231000000', 'abcdefghijklmn'])
      expect(parseDataTime(bad)).toBeNull();
  });

  it('makes unique, increasing QNs within one millisecond', () => {
    const next = createQnGenerator(() => 0);
    expect([next(), next(), next()]).toEqual(['19700101080000000', '19700101080000001', '19700101080000002']);
  });
});
