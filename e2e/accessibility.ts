// Every key page a journey screenshots is also checked by axe-core against WCAG 2.1 A and AA: a
// violation fails the journey with the rule, the element and axe's advice. axe's best practices are
// not enforced: one of them, the heading order, is broken by antd's List, whose item titles are h4
// under a page's h2 with no h3 between. axe runs inside the page through the DevTools protocol, which
// the page's Content-Security-Policy (script-src 'self') does not stop.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeNode = { target: string[]; html: string; failureSummary?: string };
type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };

/** The page's violations, one line each (rule, count, the first element and why), none when clean. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // A toast fading in or out is checked at the colour of that instant, which no reader sees for
  // long (a 3:1 grey mid-fade failed a journey on a loaded machine): wait, at most 3 s, for every
  // finite animation to end, so the page is checked as it rests. Spinners loop and are not waited for.
  // (no named function inside: tsx names them with a helper the page does not have)
  await page.evaluate(async () => {
    const until = Date.now() + 3_000;
    while (
      Date.now() < until &&
      document
        .getAnimations()
        .some((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? 0))
    )
      await new Promise((r) => setTimeout(r, 50));
  });
  const has = await page.evaluate(() => 'axe' in window);
  if (!has) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } })
      .axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations;
  });
  return (violations as AxeViolation[]).map((v) => {
    const first = v.nodes[0];
    const why = first?.failureSummary?.split('\n').slice(1).join(' ').trim() ?? '';
    return `${v.id} [${v.impact}] ×${v.nodes.length}: ${v.help} — ${first?.target.join(' ') ?? ''} ${why} ${first?.html.slice(0, 160) ?? ''}`;
  });
}
