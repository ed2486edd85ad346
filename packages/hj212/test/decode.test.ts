import { describe, expect, it } from 'vitest';
import { crc16Hj212, crcForMode, crcToHex } from '../src/crc.ts';
import { decodeFrame } from '../src/decode.ts';
import { EncodeError, encodeFrame, type HeaderInput } from '../src/encode.ts';
import { MAX_ISSUES } from '../src/limits.ts';
import { codes, concat, latin1, utf8 } from './helpers.ts';

interface Build {
  length?: number;
  crc?: string;
  trailer?: string;
}

/** A frame around `segment` (UTF-8), with the correct length and CRC unless overridden. */
function frame(segment: string, o: Build = {}): Uint8Array {
  const seg = utf8(segment);
  return rawFrame(seg, o);
}

function rawFrame(seg: Uint8Array, o: Build = {}): Uint8Array {
  const len = String(o.length ?? seg.length).padStart(4, '0');
  const crc = o.crc ?? crcToHex(crc16Hj212(seg));
  return concat([latin1(`##${len}`), seg, latin1(crc + (o.trailer ?? '\r\n'))]);
}

const H = 'QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;';
const CP = 'CP=&&DataTime=20160801085857;w01001-Rtd=7.1,w01001-Flag=N;w01018-Rtd=-2.20,w01018-Flag=N&&';

describe('decodeFrame: a strict 2017 frame', () => {
  const d = decodeFrame(frame(H + CP));

  it('is ok with a valid CRC and no issues', () => {
    expect(d.ok).toBe(true);
    expect(d.crcValid).toBe(true);
    expect(d.issues).toEqual([]);
    expect(d.edition).toBe('2017');
    expect(d.trailer).toBe('CRLF');
    expect(d.length).toEqual({ declared: d.segment.length, bytes: d.segment.length });
  });

  it('exposes the header as sent and the Flag bits', () => {
    expect(d.header).toEqual({
      QN: '20160801085857223',
      ST: '32',
      CN: '2011',
      PW: '123456',
      MN: '010000A8900016F000169DC0',
      Flag: '5',
    });
    expect(d.flag).toEqual({ value: 5, version: 1, split: false, ack: true });
  });

  it('groups CP per factor, keeping the exact strings', () => {
    expect(d.cp).toEqual({
      DataTime: '20160801085857',
      w01001: { Rtd: '7.1', Flag: 'N' },
      w01018: { Rtd: '-2.20', Flag: 'N' },
    });
  });

  it('lists CP fields in order with numbers and item indexes', () => {
    expect(d.fields.map((f) => [f.key, f.code, f.name, f.value, f.number, f.item])).toEqual([
      ['DataTime', '', 'DataTime', '20160801085857', 20160801085857, 0],
      ['w01001-Rtd', 'w01001', 'Rtd', '7.1', 7.1, 1],
      ['w01001-Flag', 'w01001', 'Flag', 'N', null, 1],
      ['w01018-Rtd', 'w01018', 'Rtd', '-2.20', -2.2, 2],
      ['w01018-Flag', 'w01018', 'Flag', 'N', null, 2],
    ]);
    expect(d.number('w01018', 'Rtd')).toBe(-2.2);
    expect(d.get('w01018', 'Rtd')).toBe('-2.20');
    expect(d.get('DataTime')).toBe('20160801085857');
    expect(d.number('w01001', 'Flag')).toBeUndefined();
    expect(d.number('w99999', 'Rtd')).toBeUndefined();
  });

  it('serialises to the CLI shape', () => {
    const j = JSON.parse(JSON.stringify(d));
    expect(Object.keys(j)).toEqual(['ok', 'edition', 'crcValid', 'header', 'cp', 'issues']);
  });

  it('accepts a string as input', () => {
    expect(
      decodeFrame(
        `##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n`,
      ).ok,
    ).toBe(true);
  });
});

describe('decodeFrame: numbers', () => {
  it.each([
    ['12', 12],
    ['-0.5', -0.5],
    ['+3.25', 3.25],
    ['.5', 0.5],
    ['1.', 1],
    ['0.000', 0],
    ['102.472', 102.472],
    ['156720160.000', 156720160],
    ['0.09055002', 0.09055002],
    ['12345678901234567890', 12345678901234567000],
    ['1e5', null],
    ['1.2.3', null],
    ['-', null],
    ['', null],
    ['N', null],
    ['0x10', null],
  ])('%j → %j', (text, expected) => {
    const d = decodeFrame(frame(`${H}CP=&&a-Rtd=${text}&&`));
    expect(d.fields[0]?.number).toBe(expected);
    expect(d.fields[0]?.value).toBe(text);
  });

  it('parses the same value as Number() for plain decimals', () => {
    for (const t of ['0.1', '0.7', '123.456', '9007199254740.993', '-99999.99', '27.299999']) {
      expect(decodeFrame(frame(`${H}CP=&&a-Rtd=${t}&&`)).number('a', 'Rtd')).toBe(Number(t));
    }
  });
});

interface Case {
  name: string;
  bytes: Uint8Array;
  strict: string[];
  lenient: string[];
  strictOk: boolean;
  lenientOk: boolean;
  check?: (d: ReturnType<typeof decodeFrame>) => void;
}

const SEG = H + CP;
const segBytes = utf8(SEG);
const goodCrc = crcToHex(crc16Hj212(segBytes));
if (!/[A-F]/.test(goodCrc)) throw new Error('the lower-case case needs a CRC with hex letters');

/** A segment whose CRC has a leading zero, found by varying the QN. */
function segmentWithLeadingZeroCrc(): string {
  for (let i = 0; i < 100000; i++) {
    const s = `QN=2016080108585${String(i).padStart(4, '0')};ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&`;
    if (crc16Hj212(utf8(s)) < 0x1000) return s;
  }
  throw new Error('no segment found');
}
const zeroSeg = segmentWithLeadingZeroCrc();

const CASES: Case[] = [
  {
    name: 'lower-case CRC',
    bytes: frame(SEG, { crc: goodCrc.toLowerCase() }),
    strict: ['CRC_LOWERCASE'],
    lenient: ['CRC_LOWERCASE'],
    strictOk: false,
    lenientOk: true,
  },
  {
    name: 'CRC without its leading zero',
    bytes: frame(zeroSeg, { crc: crcToHex(crc16Hj212(utf8(zeroSeg))).replace(/^0+/, '') }),
    strict: ['CRC_SHORT'],
    lenient: ['CRC_SHORT'],
    strictOk: false,
    lenientOk: true,
  },
  {
    name: 'wrong CRC',
    bytes: frame(SEG, { crc: goodCrc === '0000' ? '0001' : '0000' }),
    strict: ['CRC_MISMATCH'],
    lenient: ['CRC_MISMATCH'],
    strictOk: false,
    lenientOk: false,
  },
  {
    name: 'length field too large (a miscounting device)',
    bytes: frame(SEG, { length: segBytes.length + 3 }),
    strict: ['BAD_LENGTH'],
    lenient: ['BAD_LENGTH'],
    strictOk: false,
    lenientOk: true,
  },
  {
    name: 'length field too small',
    bytes: frame(SEG, { length: segBytes.length - 2 }),
    strict: ['BAD_LENGTH'],
    lenient: ['BAD_LENGTH'],
    strictOk: false,
    lenientOk: true,
  },
  {
    name: 'bare LF trailer',
    bytes: frame(SEG, { trailer: '\n' }),
    strict: ['BAD_TRAILER'],
    lenient: ['BAD_TRAILER'],
    strictOk: false,
    lenientOk: true,
    check: (d) => expect(d.trailer).toBe('LF'),
  },
  {
    name: 'no trailer',
    bytes: frame(SEG, { trailer: '' }),
    strict: ['BAD_TRAILER'],
    lenient: ['BAD_TRAILER'],
    strictOk: false,
    lenientOk: true,
    check: (d) => expect(d.trailer).toBe('none'),
  },
  {
    name: 'vendor "**" after the CRC',
    bytes: frame(SEG, { trailer: '**\r\n' }),
    strict: ['BAD_TRAILER'],
    lenient: ['BAD_TRAILER'],
    strictOk: false,
    lenientOk: true,
  },
  {
    name: 'header fields in another order, PNO before PNUM',
    bytes: frame(
      'CN=2011;QN=20160801085857223;MN=010000A8900016F000169DC0;PW=123456;ST=32;PNO=1;PNUM=2;Flag=7;CP=&&DataTime=20160801085857&&',
    ),
    strict: [],
    lenient: [],
    strictOk: true,
    lenientOk: true,
    check: (d) => expect(d.header).toMatchObject({ PNUM: '2', PNO: '1', CN: '2011' }),
  },
  {
    name: 'header key in the wrong case',
    bytes: frame('QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;FLAG=5;cp=&&&&'),
    strict: ['KEY_CASE', 'KEY_CASE'],
    lenient: ['KEY_CASE', 'KEY_CASE'],
    strictOk: false,
    lenientOk: true,
    check: (d) => expect(d.header.Flag).toBe('5'),
  },
  {
    name: 'stray spaces in keys and values',
    bytes: frame(
      'QN=20160801085857223 ;ST=32;CN=2011;PW=123456;MN= 010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801085857;a21004- Rtd= 12.5 ,a21004-Flag=N&&',
    ),
    strict: ['WHITESPACE', 'WHITESPACE', 'WHITESPACE', 'WHITESPACE'],
    lenient: ['WHITESPACE', 'WHITESPACE', 'WHITESPACE', 'WHITESPACE'],
    strictOk: false,
    lenientOk: true,
    check: (d) => {
      expect(d.header.QN).toBe('20160801085857223');
      expect(d.header.MN).toBe('010000A8900016F000169DC0');
      expect(d.cp.a21004).toEqual({ Rtd: '12.5', Flag: 'N' });
      expect(d.number('a21004', 'Rtd')).toBe(12.5);
    },
  },
  {
    name: 'CRC computed by the device before spaces were inserted',
    bytes: rawFrame(utf8(SEG.replace('ST=32', 'ST= 32')), { crc: goodCrc }),
    strict: ['CRC_WHITESPACE', 'WHITESPACE'],
    lenient: ['CRC_WHITESPACE', 'WHITESPACE'],
    strictOk: false,
    lenientOk: true,
    // A named lenient repair, not a valid CRC: the bytes as received do not match (issue 8 §7).
    check: (d) => {
      expect(d.crcValid).toBe(false);
      expect(d.crc.mode).toBe('hj212');
    },
  },
  {
    name: 'data segment over 1024 bytes',
    bytes: frame(
      `${H}CP=&&${Array.from({ length: 80 }, (_, i) => `a${String(i).padStart(5, '0')}-Rtd=1.000`).join(';')}&&`,
    ),
    strict: ['TOO_LONG', 'TOO_LONG'],
    lenient: ['TOO_LONG', 'TOO_LONG'],
    strictOk: false,
    lenientOk: true,
  },
  {
    name: 'CP not closed by "&&"',
    bytes: frame(`${H}CP=&&DataTime=20160801085857;Flag=N`),
    strict: ['BAD_CP'],
    lenient: ['BAD_CP'],
    strictOk: false,
    lenientOk: true,
    check: (d) => expect(d.cp).toEqual({ DataTime: '20160801085857', Flag: 'N' }),
  },
  {
    name: 'no CP at all',
    bytes: frame('QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5'),
    strict: ['BAD_STRUCTURE'],
    lenient: ['BAD_STRUCTURE'],
    strictOk: false,
    lenientOk: false,
  },
  {
    name: 'no ST and no CN',
    bytes: frame('QN=20160801085857223;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&&&'),
    strict: ['BAD_STRUCTURE', 'BAD_STRUCTURE'],
    lenient: ['BAD_STRUCTURE', 'BAD_STRUCTURE'],
    strictOk: false,
    lenientOk: false,
  },
  {
    name: '2017 frame without QN and Flag',
    bytes: frame('ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;CP=&&DataTime=20160801085857;w01018-Rtd=1&&'),
    strict: [],
    lenient: [],
    strictOk: true,
    lenientOk: true,
    check: (d) => expect(d.edition).toBe('2005'),
  },
  {
    name: 'QN present, Flag missing, 2017 factor codes',
    bytes: frame('QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;CP=&&w01018-Rtd=1&&'),
    strict: ['MISSING_FIELD'],
    lenient: ['MISSING_FIELD'],
    strictOk: false,
    lenientOk: true,
    check: (d) => expect(d.edition).toBe('2017'),
  },
  {
    name: 'Flag version 2 (2025 numbering)',
    bytes: frame(SEG.replace('Flag=5', 'Flag=9')),
    strict: [],
    lenient: [],
    strictOk: true,
    lenientOk: true,
    check: (d) => expect([d.edition, d.flag?.ack]).toEqual(['2025', true]),
  },
  {
    name: 'Flag of an unknown version',
    bytes: frame(SEG.replace('Flag=5', 'Flag=13')),
    strict: ['BAD_FIELD'],
    lenient: ['BAD_FIELD'],
    strictOk: false,
    lenientOk: true,
  },
  {
    name: 'Flag not a number',
    bytes: frame(SEG.replace('Flag=5', 'Flag=N')),
    strict: ['BAD_FIELD'],
    lenient: ['BAD_FIELD'],
    strictOk: false,
    lenientOk: true,
  },
  {
    name: 'D bit set without PNUM/PNO',
    bytes: frame(SEG.replace('Flag=5', 'Flag=7')),
    strict: ['BAD_SPLIT'],
    lenient: ['BAD_SPLIT'],
    strictOk: false,
    lenientOk: true,
  },
  {
    name: 'PNO greater than PNUM',
    bytes: frame(SEG.replace('Flag=5;', 'Flag=7;PNUM=2;PNO=3;')),
    strict: ['BAD_SPLIT'],
    lenient: ['BAD_SPLIT'],
    strictOk: false,
    lenientOk: true,
  },
  {
    name: 'duplicate CP keys (kept in fields, first wins in the map)',
    bytes: frame(`${H}CP=&&w00000-Avg=1,w00000-Avg=2;DataTime=1;DataTime=2&&`),
    strict: ['DUPLICATE_KEY', 'DUPLICATE_KEY'],
    lenient: ['DUPLICATE_KEY', 'DUPLICATE_KEY'],
    strictOk: false,
    lenientOk: true,
    check: (d) => {
      expect(d.cp).toEqual({ w00000: { Avg: '1' }, DataTime: '1' });
      expect(d.fields.length).toBe(4);
    },
  },
  {
    name: 'duplicate header key',
    bytes: frame(`${H}ST=33;${CP}`),
    strict: ['DUPLICATE_KEY'],
    lenient: ['DUPLICATE_KEY'],
    strictOk: false,
    lenientOk: true,
    check: (d) => expect(d.header.ST).toBe('32'),
  },
  {
    name: 'unknown header key, empty item and trailing ";" before "&&"',
    bytes: frame(
      `QN=20160801085857223;;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;XX=1;CP=&&a-Rtd=1;&&`,
    ),
    strict: ['BAD_FIELD', 'BAD_FIELD', 'BAD_FIELD'],
    lenient: ['BAD_FIELD', 'BAD_FIELD', 'BAD_FIELD'],
    strictOk: false,
    lenientOk: true,
    check: (d) => expect(d.headerExtra).toEqual({ XX: '1' }),
  },
  {
    name: 'text field with separators inside //…// (表 B.10)',
    bytes: frame(`${H}CP=&&DataTime=20160801085857;PolId=w01018;i11001-Info=//清洗;管路,a=b//;x-Rtd=1&&`),
    strict: [],
    lenient: [],
    strictOk: true,
    lenientOk: true,
    check: (d) => {
      expect(d.cp.i11001).toEqual({ Info: '//清洗;管路,a=b//' });
      expect(d.cp.x).toEqual({ Rtd: '1' });
    },
  },
  {
    name: 'length counted in characters for Chinese text',
    bytes: rawFrame(utf8(`${H}CP=&&i11001-Info=//清洗管路//&&`), {
      length: `${H}CP=&&i11001-Info=//清洗管路//&&`.length,
    }),
    strict: ['LENGTH_CHARS'],
    lenient: ['LENGTH_CHARS'],
    strictOk: true,
    lenientOk: true,
  },
  {
    name: 'GB18030 text',
    bytes: rawFrame(concat([utf8(`${H}CP=&&i11001-Info=//`), Uint8Array.from([0xc7, 0xe5, 0xcf, 0xb4]), utf8('//&&')])),
    strict: ['BAD_ENCODING'],
    lenient: ['BAD_ENCODING'],
    strictOk: false,
    lenientOk: true,
    check: (d) => expect(d.cp.i11001).toEqual({ Info: '//清洗//' }),
  },
  {
    name: 'keys that are Object.prototype properties',
    bytes: frame(`${H}CP=&&__proto__-Rtd=1;constructor=2;toString-Flag=N&&`),
    strict: [],
    lenient: [],
    strictOk: true,
    lenientOk: true,
    check: (d) => {
      expect(Object.getPrototypeOf(d.cp)).toBe(Object.prototype);
      expect(Object.hasOwn(d.cp, '__proto__')).toBe(true);
      expect(d.cp.constructor).toBe('2');
      expect(({} as Record<string, unknown>).Rtd).toBeUndefined();
    },
  },
  {
    name: 'not a frame',
    bytes: latin1('hello world'),
    strict: ['BAD_HEADER'],
    lenient: ['BAD_HEADER'],
    strictOk: false,
    lenientOk: false,
  },
];

describe('decodeFrame: quirks, strict and lenient', () => {
  it.each(CASES)('$name', (c) => {
    const s = decodeFrame(c.bytes);
    const l = decodeFrame(c.bytes, { lenient: true });
    expect(codes(s.issues)).toEqual([...c.strict].sort());
    expect(codes(l.issues)).toEqual([...c.lenient].sort());
    expect(s.ok).toBe(c.strictOk);
    expect(l.ok).toBe(c.lenientOk);
    c.check?.(l);
  });

  it('strict mode checks field shapes that lenient mode treats as opaque', () => {
    const b = frame('QN=123;ST=101;CN=2011;PW=1234567;MN=88888880000001;Flag=5;CP=&&&&');
    expect(codes(decodeFrame(b).issues)).toEqual(['BAD_FIELD', 'BAD_FIELD', 'BAD_FIELD', 'BAD_FIELD']);
    expect(decodeFrame(b, { lenient: true }).issues).toEqual([]);
  });

  it('accepts CRC-16/MODBUS only when enabled for the device, and says which variant it saw', () => {
    const seg = utf8(SEG);
    for (const mode of ['modbus-be', 'modbus-le'] as const) {
      const b = rawFrame(seg, { crc: crcToHex(crcForMode(mode, seg)) });
      const plain = decodeFrame(b, { lenient: true });
      expect(plain.ok).toBe(false);
      expect(plain.issues[0]?.message).toContain(mode);
      const enabled = decodeFrame(b, { lenient: true, crcModes: [mode] });
      expect(enabled.ok).toBe(true);
      expect(enabled.crc.mode).toBe(mode);
      expect(enabled.crcValid).toBe(false);
      expect(codes(enabled.issues)).toEqual(['CRC_VARIANT']);
      expect(decodeFrame(b, { crcModes: [mode] }).ok).toBe(false);
    }
  });

  it('skips the check entirely with crcModes ["none"]', () => {
    const d = decodeFrame(frame(SEG, { crc: 'FFFF' }), { lenient: true, crcModes: ['none'] });
    expect(d.ok).toBe(true);
    expect(codes(d.issues)).toEqual(['CRC_VARIANT']);
  });

  it('says when a received CRC cannot be an HJ 212 CRC at all', () => {
    const d = decodeFrame(frame(SEG, { crc: 'FFFF' }));
    expect(d.issues[0]?.message).toContain('no HJ 212 CRC can have this value');
  });

  it('reports the severity per mode', () => {
    const b = frame(SEG, { crc: goodCrc.toLowerCase() });
    expect(decodeFrame(b).issues[0]?.severity).toBe('error');
    expect(decodeFrame(b, { lenient: true }).issues[0]?.severity).toBe('warning');
  });
});

describe('strict mode accepts only what the encoder would produce (issue 8 §7)', () => {
  const seg = (pw: string, cp: string) =>
    `QN=20160801085857223;ST=32;CN=2011;PW=${pw};MN=010000A8900016F000169DC0;Flag=5;CP=&&${cp}&&`;
  const REFUSED: [string, string][] = [
    ['"=" in a CP value', seg('123456', 'DataTime=20160801085857;w01001-Rtd=7=1')],
    ['"&&" inside CP', seg('123456', 'DataTime=20160801085857&&w01001-Rtd=7.1')],
    ['a space inside a CP value', seg('123456', 'DataTime=20160801 085857')],
    ['a control character in a CP value', seg('123456', 'DataTime=20160801085857\u0001')],
    ['a control character in a CP key', seg('123456', 'Data\u0007Time=20160801085857')],
    ['"=" in a header value', seg('12=456', 'DataTime=20160801085857')],
    ['"&" in a header value', seg('12&456', 'DataTime=20160801085857')],
    ['a space inside a header value', seg('12 456', 'DataTime=20160801085857')],
    ['a NUL in a header value', seg('12\u0000456', 'DataTime=20160801085857')],
  ];

  it.each(REFUSED)('%s: an error in strict mode, a warning in lenient mode, refused by the encoder', (_, text) => {
    const b = frame(text);
    const strict = decodeFrame(b);
    expect(strict.crcValid).toBe(true);
    expect(strict.ok).toBe(false);
    expect(strict.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toContain('BAD_FIELD');
    const lenient = decodeFrame(b, { lenient: true });
    expect(lenient.ok).toBe(true);
    expect(codes(lenient.issues)).toContain('BAD_FIELD');
    // The same content given to the encoder is refused: strict and the encoder agree.
    const again = () =>
      encodeFrame({
        header: strict.header as unknown as HeaderInput,
        cp: strict.fields.map((f) => ({ key: f.key, value: f.value, item: f.item })),
      });
    expect(again).toThrow(EncodeError);
  });

  it('still accepts what the encoder writes, including //text// with spaces, "=" and "&&"', () => {
    const b = encodeFrame({
      header: { QN: '20160801085857223', ST: '32', CN: '3020', PW: '123456', MN: '010000A8900016F000169DC0' },
      cp: { DataTime: '20160801085857', i11001: { Info: '//清洗 管路 a=b && c//' }, w01001: { Rtd: 7.1, Flag: 'N' } },
    });
    const d = decodeFrame(b);
    expect(d.issues).toEqual([]);
    expect(d.ok).toBe(true);
    expect(d.get('i11001', 'Info')).toBe('//清洗 管路 a=b && c//');
  });
});

describe('issue list cap (issue 8 §7)', () => {
  it(`lists at most ${MAX_ISSUES} issues per frame and counts the rest, keeping the verdict`, () => {
    const items = Array.from({ length: 400 }, () => '').join(';'); // 399 empty items
    const b = frame(`${H}CP=&&DataTime=20160801085857;${items}&&`);
    for (const lenient of [false, true]) {
      const d = decodeFrame(b, { lenient });
      expect(d.issues.length).toBe(MAX_ISSUES);
      const last = d.issues.at(-1)!;
      expect(last.code).toBe('TOO_MANY_ISSUES');
      expect(last.count! + MAX_ISSUES - 1).toBeGreaterThanOrEqual(399);
      expect(last.severity).toBe(lenient ? 'warning' : 'error');
      expect(d.ok).toBe(lenient);
    }
  });

  it('marks the cap as an error when a left-out issue is an error, so the list explains the verdict', () => {
    const items = Array.from({ length: 60 }, () => '').join(';');
    // 59 empty-item warnings (lenient) are found before the missing ST, a fatal error reported last.
    const b = frame(`QN=20160801085857223;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&${items}&&`);
    const d = decodeFrame(b, { lenient: true });
    expect(d.ok).toBe(false);
    expect(d.issues.length).toBe(MAX_ISSUES);
    expect(d.issues.slice(0, -1).every((i) => i.severity === 'warning')).toBe(true);
    expect(d.issues.at(-1)).toMatchObject({ code: 'TOO_MANY_ISSUES', severity: 'error' });
    expect(d.issues.some((i) => i.severity === 'error')).toBe(true);
  });
});
