import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CRC16_TABLE,
  crc16Hj212,
  crc16Hj212Bitwise,
  crc16Modbus,
  crcForMode,
  crcToHex,
  isPossibleHj212Crc,
} from '../src/crc.ts';
import { utf8 } from './helpers.ts';

describe('HJ 212 CRC (附录 A)', () => {
  it('gives 1C80 for the standard\'s example segment (the prose typo "1C08" is wrong)', () => {
    const seg = 'QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&';
    expect(crcToHex(crc16Hj212(utf8(seg)))).toBe('1C80');
  });

  it('has check value 2F80 on "123456789", unlike CRC-16/MODBUS (4B37)', () => {
    expect(crcToHex(crc16Hj212(utf8('123456789')))).toBe('2F80');
    expect(crcToHex(crc16Modbus(utf8('123456789')))).toBe('4B37');
  });

  it('is FFFF on empty input', () => {
    expect(crc16Hj212(new Uint8Array(0))).toBe(0xffff);
  });

  it.each([
    ['QN=20231008125115215;ST=22;CN=9011;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&', 'CC01'],
    ['QN=20201015123632010;ST=91;CN=9014;PW=123456;MN=410183160889201000212505;Flag=4;CP=&&&&', 'F001'],
    ['ST=32;CN=2011;PW=;MN=;CP=&&DataTime=20181225080000;011-Rtd=27.3,011-Flag=N&&', '7340'],
    ['QN=20160801085000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&', 'C241'],
  ])('matches the worked example %#', (seg, hex) => {
    expect(crcToHex(crc16Hj212(utf8(seg)))).toBe(hex);
  });

  it('recognises the Modbus counter-examples of the domain notes', () => {
    const seg = utf8('QN=20170516010101001;ST=22;CN=1011;PW=123456;MN=ABCDEFG1234567;Flag=3;CP=&&&&');
    expect(crcToHex(crc16Hj212(seg))).toBe('0440');
    expect(crcToHex(crcForMode('modbus-be', seg))).toBe('8411');
    expect(crcToHex(crcForMode('modbus-le', seg))).toBe('1184');
  });

  it('table form equals the bitwise form of 附录 A on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => crc16Hj212(bytes) === crc16Hj212Bitwise(bytes)),
      { numRuns: 300 },
    );
  });

  it('can take only 256 values on non-empty input, each ending in 00 01 40 41 80 81 C0 or C1', () => {
    const values = new Set(CRC16_TABLE);
    expect(values.size).toBe(256);
    for (const v of values) expect([0x00, 0x01, 0x40, 0x41, 0x80, 0x81, 0xc0, 0xc1]).toContain(v & 0xff);
    expect(isPossibleHj212Crc(0x1c80)).toBe(true);
    expect(isPossibleHj212Crc(0xffff)).toBe(false);
    expect(isPossibleHj212Crc(0x8411)).toBe(false);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (b) => isPossibleHj212Crc(crc16Hj212(b))),
      { numRuns: 200 },
    );
  });

  it('covers a sub-range when start and end are given', () => {
    const b = utf8('xx123456789yy');
    expect(crc16Hj212(b, 2, 11)).toBe(0x2f80);
  });
});
