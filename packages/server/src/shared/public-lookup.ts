import { isChinesePhone } from '@qingshan/core';
import { z } from 'zod';
import { AppError } from '../errors.ts';

/** A mainland phone as a public form sends it: the second half of every code + phone lookup. */
export const phoneSchema = z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' });

/** The code printed on a receipt (查询码, 预约码), as the lookup URL carries it. */
export const codeParams = z.object({ code: z.string().trim().min(4).max(20) });

/** The phone of a lookup by code, when it travels in the query string. */
export const phoneQuery = z.object({ phone: phoneSchema });

/** Codes are issued in upper case; people type them as they like. */
export function normalisedCode(code: string): string {
  return code.trim().toUpperCase();
}

const WRONG_CODE_OR_PHONE = { zh: '查询码或手机号不正确', en: 'Wrong tracking code or phone' };

/**
 * The record a public lookup proves: found by its code, owned by whoever knows the phone it was
 * filed with. A wrong phone answers exactly like a wrong code, so neither half can be probed
 * alone; a record filed without a phone (an anonymous report) cannot be looked up at all.
 */
export function provenByPhone<T>(
  row: T | undefined,
  phoneOf: (row: T) => string | null,
  phone: string,
  detail: { zh: string; en: string } = WRONG_CODE_OR_PHONE,
): T {
  const filed = row ? phoneOf(row) : null;
  if (!row || !filed || filed !== phone.trim()) throw new AppError('RECORD_NOT_FOUND', { detail });
  return row;
}
