// What antd-shell.css changes for a phone. jsdom lays nothing out, so the rules are read from the
// sheet: each one was found at 375 px in the browser, where antd's own styles widened the page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = fs.readFileSync(path.join(import.meta.dirname, 'antd-shell.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The body of the first `@media` block whose query contains `query`, its braces matched. */
function mediaBlock(query: string): string {
  return atRuleBlock(`@media ${query}`);
}

/** The body of the first at-rule block (`@media …`, `@supports …`) that starts with `prelude`. */
function atRuleBlock(prelude: string): string {
  const at = CSS.indexOf(prelude);
  if (at < 0) throw new Error(`no ${prelude}`);
  const open = CSS.indexOf('{', at);
  let depth = 0;
  for (let i = open; i < CSS.length; i++) {
    if (CSS[i] === '{') depth++;
    else if (CSS[i] === '}' && --depth === 0) return CSS.slice(open + 1, i);
  }
  throw new Error('unbalanced braces');
}

/** The declarations of the rule in `css` whose selector list holds `selector`, as one string. */
function declarations(css: string, selector: string): string {
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = (m[1] as string).split(',').map((s) => s.trim().replace(/\s+/g, ' '));
    if (selectors.includes(selector)) return (m[2] as string).replace(/\s+/g, ' ').trim();
  }
  return '';
}

describe('antd-shell.css on a phone', () => {
  const phone = mediaBlock('(max-width: 575px)');

  it("stacks a date range's two months, 576 px side by side, so the picker fits a 375 px screen", () => {
    expect(declarations(phone, '.ant-picker-dropdown-range .ant-picker-panels')).toContain('flex-direction: column');
  });

  it("puts a fact under its label when a long label leaves it under 10em (an EIA notice's catalogue row)", () => {
    const unbordered = '.ant-descriptions:not(.ant-descriptions-bordered)';
    expect(declarations(phone, `${unbordered} .ant-descriptions-item-container`)).toContain('flex-wrap: wrap');
    expect(declarations(phone, `${unbordered} .ant-descriptions-item-content`)).toContain('flex-basis: 10em');
  });

  it("lets a collapse's title wrap instead of pushing its words and button off the screen", () => {
    const title = declarations(phone, '.ant-collapse .ant-collapse-item .ant-collapse-header .ant-collapse-title');
    expect(title).toContain('flex: 1 1 auto'); // antd gives it 0 0 auto: as wide as its words
    expect(title).toContain('min-width: 0');
  });
});

describe('antd-shell.css: heights that fit what the window shows', () => {
  // 100vh is the window with a phone's URL bar hidden: with the bar out, the menu's last entries sat
  // under it. 100dvh is what shows; 100vh stays for a browser that does not know dvh.
  const top = CSS.replace(/@(media|supports)[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
  const dvh = atRuleBlock('@supports (height: 100dvh)');

  it('the frame fills what shows: 100dvh, with 100vh outside for older browsers', () => {
    expect(declarations(top, '.qs-full-height')).toContain('min-height: 100vh');
    expect(declarations(dvh, '.qs-full-height')).toContain('min-height: 100dvh');
  });

  it("the console's menu ends above the collapse button, and on a phone at the bottom of what shows", () => {
    expect(declarations(top, '.qs-console-nav')).toContain('max-height: calc(100vh - 112px)');
    expect(declarations(top, '.qs-console-nav')).toContain('overflow-y: auto');
    expect(declarations(dvh, '.qs-console-nav')).toContain('max-height: calc(100dvh - 112px)');
    expect(declarations(top, '.qs-console-nav-phone')).toContain('max-height: calc(100vh - 64px)');
    expect(declarations(dvh, '.qs-console-nav-phone')).toContain('max-height: calc(100dvh - 64px)');
    // the phone's rule must win over the general one, in each block: it comes after it
    expect(dvh.indexOf('.qs-console-nav-phone')).toBeGreaterThan(dvh.indexOf('.qs-console-nav {'));
  });

  it('the light shell (public home, error page) fills what shows too', () => {
    const shell = fs
      .readFileSync(path.join(import.meta.dirname, '..', 'shell.css'), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '');
    expect(declarations(shell, '.qs-shell')).toContain('min-height: 100vh');
    const at = shell.indexOf('@supports (height: 100dvh)');
    expect(at).toBeGreaterThan(-1);
    expect(shell.slice(at, shell.indexOf('}', shell.indexOf('}', at) + 1))).toContain('min-height: 100dvh');
  });
});
