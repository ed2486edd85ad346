import { INTRANET_HOST, type Journey } from '../harness.ts';
import { measureTransfer, summarise } from '../transfer.ts';
import { expect } from './expect.ts';

// Issue 8 §5: opened by an intranet host name over plain HTTP, the app renders (no
// upgrade-insecure-requests, no HSTS), its scripts travel compressed, and a clerk can sign in there.
export const intranetHostRenders: Journey = {
  name: 'the app opened by an intranet host name over plain HTTP renders and signs in',
  async run(ctx) {
    const url = new URL(ctx.baseUrl);
    url.hostname = INTRANET_HOST;
    const base = url.origin;
    const page = await ctx.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    const transfers = await measureTransfer(page, `${base}/`);
    await page.getByTestId('home-book').waitFor({ timeout: 15_000 });
    expect(failed.length === 0, `no request failed (${failed.join(', ')})`);
    expect(
      transfers.every((t) => t.url.startsWith(`${base}/`)),
      'every asset is fetched over http from the host typed in (none upgraded to https)',
    );
    const scripts = transfers.filter((t) => t.type === 'Script');
    const big = scripts.filter((t) => t.decoded > 4096);
    // Chromium offers brotli only to secure origins (https, localhost): over plain HTTP on an
    // intranet name it asks for gzip, so the .gz beside each asset is what travels there.
    expect(
      big.length > 0 && big.every((t) => t.encoding === 'gzip' || t.encoding === 'br'),
      `every script over 4 KB arrives compressed (${big.map((t) => `${t.url} ${t.encoding}`).join(', ')})`,
    );
    const sum = summarise(transfers);
    console.log(
      `  public home: ${sum.count} responses, scripts ${Math.round(sum.scripts / 1024)} KB transferred ` +
        `(${Math.round(sum.scriptsDecoded / 1024)} KB uncompressed), all ${Math.round(sum.total / 1024)} KB`,
    );
    await ctx.screenshot(page, '90-intranet-host-home');

    const a = ctx.account('clerk');
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(a.username);
    await page.getByTestId('login-password').fill(a.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname.startsWith('/staff'), { timeout: 15_000 });
    await page.locator('.ant-layout-sider').waitFor({ timeout: 15_000 });
    await ctx.screenshot(page, '91-intranet-host-staff');
  },
};
