import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { assertLeaderDecides, toExtensionRequestView } from './extension.ts';
import { codeParams, normalisedCode, phoneQuery, provenByPhone } from './public-lookup.ts';

function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('code + phone lookup', () => {
  const row = { code: 'XF20260101-0001', phone: '13800138000' as string | null };
  const phoneOf = (r: typeof row) => r.phone;

  it('finds the record when the phone is the one it was filed with, typed with spaces', () => {
    expect(provenByPhone(row, phoneOf, ' 13800138000 ')).toBe(row);
    expect(normalisedCode(' xf20260101-0001 ')).toBe('XF20260101-0001');
  });

  it('answers a wrong phone, a wrong code and a record filed without a phone alike', () => {
    const wrongPhone = refusal(() => provenByPhone(row, phoneOf, '13900139000'));
    const wrongCode = refusal(() => provenByPhone(undefined, phoneOf, '13800138000'));
    const anonymous = refusal(() => provenByPhone({ ...row, phone: null }, phoneOf, '13800138000'));
    for (const e of [wrongPhone, wrongCode, anonymous]) {
      expect(e.code).toBe('RECORD_NOT_FOUND');
      expect(e.detail).toEqual({ zh: '查询码或手机号不正确', en: 'Wrong tracking code or phone' });
    }
  });

  it('keeps a module its own wording', () => {
    const detail = { zh: '预约码或手机号不正确', en: 'Wrong booking code or phone' };
    expect(refusal(() => provenByPhone(row, phoneOf, '13900139000', detail)).detail).toEqual(detail);
  });

  it('validates the code and the phone before any lookup', () => {
    expect(codeParams.safeParse({ code: 'XF1' }).success).toBe(false);
    expect(codeParams.parse({ code: ' XF20260101-0001 ' })).toEqual({ code: 'XF20260101-0001' });
    expect(phoneQuery.safeParse({ phone: '12345' }).success).toBe(false);
    expect(phoneQuery.parse({ phone: '13800138000' })).toEqual({ phone: '13800138000' });
  });
});

describe('extension decided by the leader', () => {
  const LEADER_ACTIONS = ['approve-extension', 'reject-extension'];

  it('lets a handler request and a leader decide', () => {
    expect(() => assertLeaderDecides({ roles: ['clerk'] }, 'request-extension', LEADER_ACTIONS)).not.toThrow();
    expect(() => assertLeaderDecides({ roles: ['leader'] }, 'approve-extension', LEADER_ACTIONS)).not.toThrow();
  });

  it('refuses a decision by anyone but a leader, admins included', () => {
    for (const roles of [['clerk'], ['admin'], ['inspector']]) {
      const e = refusal(() => assertLeaderDecides({ roles }, 'reject-extension', LEADER_ACTIONS));
      expect(e.code).toBe('FORBIDDEN_ROLE');
      expect(e.detail).toEqual({
        zh: '延期办理须经本机关负责人批准，承办人只能提出申请',
        en: 'Only the head (leader) approves an extension; a handler can only request it',
      });
    }
  });

  it('shows who asked but not their user id', () => {
    const at = '2026-01-05T02:00:00.000Z';
    expect(
      toExtensionRequestView({ days: 30, reason: '需现场核查', requestedBy: 'clerk1', requestedById: 'u-1', at }),
    ).toEqual({ days: 30, reason: '需现场核查', requestedBy: 'clerk1', at });
    expect(toExtensionRequestView(null)).toBeNull();
  });
});
