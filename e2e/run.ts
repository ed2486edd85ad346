// npm run test:e2e — starts the real server on a fresh data folder (demo data), then walks the
// journeys that matter in Debian's chromium, saving screenshots of the key pages.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { accessibilityViolations } from './accessibility.ts';
import {
  type Ctx,
  type DemoAccount,
  type Journey,
  launchBrowser,
  pageProblems,
  SHOTS,
  startServer,
} from './harness.ts';
import { journeys } from './journeys/index.ts';

const only = process.argv[2];
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
const accounts: DemoAccount[] = JSON.parse(fs.readFileSync(path.join(server.dataDir, 'demo-accounts.json'), 'utf8'));

const ctx: Ctx = {
  baseUrl: server.baseUrl,
  accounts,
  account(role) {
    const a = accounts.find((x) => x.role.split(',').includes(role));
    if (!a) throw new Error(`no demo account with role ${role}`);
    return a;
  },
  async newPage() {
    const c = await browser.newContext();
    // the browser's clock follows the server's when E2E_NOW moves it (see harness.ts)
    if (process.env.E2E_NOW) await c.clock.install({ time: new Date(process.env.E2E_NOW) });
    // Screenshots are taken with animations settled (ECharts animates; stack.md pitfall 9).
    await c.addInitScript(() => {
      (window as unknown as { __E2E__: boolean }).__E2E__ = true;
    });
    return c.pages()[0] ?? c.newPage();
  },
  async screenshot(page: Page, name: string, opts) {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: !opts?.window });
    // the key pages are the ones screenshotted: each is checked for accessibility as it is shown
    for (const v of await accessibilityViolations(page)) pageProblems.push(`accessibility of ${name}: ${v}`);
  },
  async login(page, role) {
    const a = ctx.account(role);
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('login-username').fill(a.username);
    await page.getByTestId('login-password').fill(a.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
  },
};

let passed = 0;
let failed = 0;
// `npm run test:e2e -- 'intranet|phone'`: the journeys whose names contain any of the parts.
const parts = only?.split('|').filter(Boolean) ?? [];
const selected: Journey[] = parts.length ? journeys.filter((j) => parts.some((p) => j.name.includes(p))) : journeys;
for (const j of selected) {
  const t0 = Date.now();
  pageProblems.length = 0;
  try {
    await j.run(ctx);
    // the server's errors during the journey count too (a failed job, a refused write logged as error)
    for (const line of server.takeLog()) {
      let level = 0;
      try {
        level = (JSON.parse(line) as { level?: number }).level ?? 0;
      } catch {
        // not pino's JSON: a stack trace or a warning Node printed, reported as it is
        level = 50;
      }
      if (level >= 50) pageProblems.push(`server log: ${line.slice(0, 400)}`);
      else console.log(`  server log: ${line.slice(0, 300)}`);
    }
    if (pageProblems.length > 0)
      throw new Error(`the pages reported problems:\n    ${[...new Set(pageProblems)].join('\n    ')}`);
    passed++;
    console.log(`✓ ${j.name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    const err = e as Error;
    // the whole message (a list of page problems is long), then where it was thrown
    const frames = err.stack?.split('\n').filter((l) => l.trimStart().startsWith('at ')) ?? [];
    console.log(`✗ ${j.name}\n  ${err.message}\n  ${frames.slice(0, 5).join('\n  ')}`);
    for (const line of server.takeLog()) console.log(`  server log: ${line.slice(0, 400)}`);
    if (!err.message.startsWith('the pages reported problems'))
      for (const p of new Set(pageProblems)) console.log(`  page: ${p}`);
    for (const [i, c] of browser.contexts.entries()) {
      for (const p of c.pages())
        await p
          .screenshot({ path: path.join(SHOTS, `FAILED-${j.name.replace(/\W+/g, '_')}-${i}.png`) })
          .catch(() => {});
    }
  }
  for (const c of browser.contexts.splice(0)) await c.close().catch(() => {});
}
await browser.close();
await server.stop();
console.log(`\nscreenshots: ${SHOTS}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
