import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask.ts';

describe('masking', () => {
  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(' 13812345678 ')).toBe('138****5678');
    expect(maskPhone('0799-1234567')).toBe('0799-****567');
    expect(maskPhone('12345')).toBe('1***5');
    expect(maskPhone('')).toBe('');
    expect(maskPhone('1')).toBe('*');
  });

  it('masks ID numbers', () => {
    expect(maskIdNumber('360322199001011234')).toBe('3603**********1234');
    expect(maskIdNumber('36032219900101123X')).toBe('3603**********123X');
    expect(maskIdNumber('abc')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });

  it('masks names', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('张')).toBe('张');
    expect(maskName('')).toBe('');
  });

  it('never throws and never lengthens or reveals the middle', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        for (const f of [maskPhone, maskIdNumber, maskName]) {
          const out = f(s);
          expect(Array.from(out).length).toBeLessThanOrEqual(Array.from(s.trim()).length);
        }
      }),
    );
  });

  it('hides at least the middle four digits of any mobile-length number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11,13}$/), (n) => {
        const out = maskPhone(n);
        expect(out.slice(3, 7)).toBe('****');
        expect(out.slice(-4)).toBe(n.slice(-4));
      }),
    );
  });
});
