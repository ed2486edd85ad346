import { MASKED_PASSWORD, maskFramePassword } from '@qingshan/core/monitoring';
import { encodeFrame } from '@qingshan/hj212';
import { describe, expect, it } from 'vitest';
import { decodeRaw, maskedView } from './decodeRaw.ts';

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

describe('a frame whose password the server hid', () => {
  // a 5-character password: its mask (6 stars) also changes the data segment's length
  const original = new TextDecoder().decode(
    encodeFrame({
      header: { QN: '20261205093253088', ST: '32', CN: '2011', PW: 'ab#98', MN: '888888800000000036032203', Flag: 5 },
      cp: { DataTime: '20261205093253', w01018: { Rtd: '116.2', Flag: 'N' } },
    }),
  );
  const masked = maskFramePassword(original).raw;

  it('shows the server’s CRC verdict on the frame as received, not a mismatch the masking caused', () => {
    expect(masked).toContain(`PW=${MASKED_PASSWORD};`);
    // what the page showed before: the masked bytes judged as if they had been received
    expect(decodeRaw(masked).crcValid).toBe(false);
    const v = maskedView(decodeRaw(masked), { passwordHidden: true, crcValid: true, issues: [] });
    expect(v.passwordHidden).toBe(true);
    expect(v.crcValid).toBe(true);
    expect(v.ok).toBe(true);
    expect(v.issues).toEqual([]);
    expect(v.frame.header.PW).toBe(MASKED_PASSWORD);
  });

  it('still shows what the server found wrong with the frame as received', () => {
    const v = maskedView(decodeRaw(masked), { passwordHidden: true, crcValid: false, issues: ['CRC_VARIANT'] });
    expect(v.crcValid).toBe(false);
    expect(v.issues).toEqual(['CRC_VARIANT']);
  });

  it('judges a frame shown whole by its own bytes', () => {
    const v = maskedView(decodeRaw(original), { passwordHidden: false, crcValid: false, issues: [] });
    expect(v.crcValid).toBe(true);
    expect(v.passwordHidden).toBe(false);
  });
});
