import { encodeFrame } from '@qingshan/hj212';
import { describe, expect, it } from 'vitest';
import { decodeRaw } from './decodeRaw.ts';

const RAW = new TextDecoder().decode(
  encodeFrame({
    header: { QN: '20261205093253088', ST: '32', CN: '2011', PW: '123456', MN: '888888800000000036032203', Flag: 5 },
    cp: { DataTime: '20261205093253', w01018: { Rtd: '116.2', Flag: 'N' } },
  }),
);

describe('the raw-frame viewer', () => {
  it('decodes a stored frame (with CR LF) and a pasted one (without) with no problem and the CRC right', () => {
    expect(RAW.endsWith('\r\n')).toBe(true);
    for (const raw of [RAW, RAW.trim(), `  ${RAW.trim()}\n`]) {
      const f = decodeRaw(raw);
      expect(f.issues, raw).toEqual([]);
      expect(f.crcValid).toBe(true);
      expect(f.fields.find((x) => x.key === 'w01018-Rtd')?.value).toBe('116.2');
    }
  });

  it('still shows a real problem: a wrong CRC', () => {
    const bad = `${RAW.trim().slice(0, -4)}0000`;
    expect(decodeRaw(bad).crcValid).toBe(false);
  });
});
