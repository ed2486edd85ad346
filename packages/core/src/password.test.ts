import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, GENERATED_PASSWORD_LENGTH, generatePassword, isCommonPassword } from './password.ts';

describe('password policy', () => {
  it('needs 8 characters and 3 of 4 classes', () => {
    expect(checkPasswordPolicy('Ab1!')).toMatchObject({ ok: false, message: '密码至少需要 8 个字符' });
    expect(checkPasswordPolicy('abcdefgh1')).toMatchObject({ ok: false });
    expect(checkPasswordPolicy('abcdefG1')).toEqual({ ok: true });
    expect(checkPasswordPolicy('abcdefg1!')).toEqual({ ok: true });
    expect(checkPasswordPolicy('ABCDEFG1!')).toEqual({ ok: true });
    const weak = checkPasswordPolicy('password');
    expect(weak.ok).toBe(false);
    if (!weak.ok) expect(weak.messageEn).toContain('(has 1)');
  });

  it('refuses leaked-list favourites that meet the class rule, ignoring case', () => {
    expect(checkPasswordPolicy('P@ssw0rd')).toMatchObject({
      ok: false,
      message: '这是常见的弱密码，很容易被猜到，请换一个',
    });
    expect(checkPasswordPolicy('aDMIN@123').ok).toBe(false);
    expect(checkPasswordPolicy('1qaz@WSX').ok).toBe(false);
    expect(isCommonPassword('Qingshan@123')).toBe(true);
    expect(checkPasswordPolicy('Tk7#bw-Lake-2026')).toEqual({ ok: true });
  });

  it('refuses a password that carries the username when it is known', () => {
    expect(checkPasswordPolicy('Zhangsan#2026', { username: 'zhangsan' })).toMatchObject({ ok: false });
    expect(checkPasswordPolicy('Zhangsan#2026', { username: 'lisi' })).toEqual({ ok: true });
    expect(checkPasswordPolicy('Zhangsan#2026')).toEqual({ ok: true });
  });

  it('does not count spaces as symbols', () => {
    expect(checkPasswordPolicy('abcd efg1').ok).toBe(false);
  });

  it('generates 14-character passwords that meet the policy from any byte source', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        let i = 0;
        // cycles the given bytes; includes degenerate sources such as all-0xff runs
        const source = (n: number) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]! ^ (i & 0x7f));
        const pw = generatePassword(source);
        expect(pw).toHaveLength(GENERATED_PASSWORD_LENGTH);
        expect(checkPasswordPolicy(pw)).toEqual({ ok: true });
      }),
    );
  });

  it('fails loudly on a byte source that never yields usable bytes', () => {
    expect(() => generatePassword((n) => new Uint8Array(n).fill(255))).toThrow();
    expect(() => generatePassword(() => new Uint8Array(0))).toThrow();
  });
});
