import { z } from 'zod';
import { MOBILE_PHONE } from './service.ts';

const mobile = z.string().trim().regex(MOBILE_PHONE, { error: 'contact.mobile.invalid' });

export const phoneCodeRequestBody = z.strictObject({ phone: mobile });
export const devPhoneCodeParams = z.object({ phone: mobile });

export const phoneCodeSentViewSchema = z.object({ expiresAt: z.string(), resendAfterSeconds: z.number().int() });
export type PhoneCodeSentView = z.infer<typeof phoneCodeSentViewSchema>;

export const devPhoneCodeViewSchema = z.object({ code: z.string(), text: z.string() });
export type DevPhoneCodeView = z.infer<typeof devPhoneCodeViewSchema>;

/** The form counts down to the next send itself: it gets seconds, not an instant on another clock. */
export function toPhoneCodeSentView(sent: { expiresAt: Date; resendAfter: Date }, now: Date): PhoneCodeSentView {
  return {
    expiresAt: sent.expiresAt.toISOString(),
    resendAfterSeconds: Math.round((sent.resendAfter.getTime() - now.getTime()) / 1000),
  };
}

export function toDevPhoneCodeView(sent: { code: string; text: string }): DevPhoneCodeView {
  return { code: sent.code, text: sent.text };
}
