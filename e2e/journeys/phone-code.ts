import type { Page } from 'playwright-core';
import { expect } from './expect.ts';

/**
 * Presses 获取验证码 on a booking form whose phone field is filled, waits for the countdown, then
 * reads the code the demo server's development SMS transport "sent" (a demo-mode-only page) and
 * types it in, as a citizen would copy it from the text message.
 */
export async function fillPhoneCode(page: Page, phone: string): Promise<void> {
  const send = page.getByTestId('send-phone-code');
  await send.click();
  await page
    .getByText(/秒后重新获取/)
    .first()
    .waitFor({ timeout: 10_000 });
  expect(await send.isDisabled(), 'the button counts down before another code may be asked for');
  const code = await page.evaluate(async (p) => {
    const res = await fetch(`/api/public/dev/phone-codes/${p}`);
    return res.ok ? ((await res.json()) as { code: string }).code : null;
  }, phone);
  expect(!!code && /^\d{6}$/.test(code), `the development transport holds a 6-digit code for ${phone}`);
  await page.getByTestId('phone-code').fill(code!);
}
