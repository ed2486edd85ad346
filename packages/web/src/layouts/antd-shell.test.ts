// What antd-shell.css changes for a phone. jsdom lays nothing out, so the rules are read from the
// sheet: each one was found at 375 px in the browser, where antd's own styles widened the page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = fs.readFileSync(path.join(import.meta.dirname, 'antd-shell.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The body of the first `@media` block whose query contains `query`, its braces matched. */
function mediaBlock(query: string): string {
  const at = CSS.indexOf(`@media ${query}`);
  if (at < 0) throw new Error(`no @media ${query}`);
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
