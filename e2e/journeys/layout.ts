import type { Page } from 'playwright-core';

/**
 * The dates (and times) in the elements `selector` matches, and those broken over two lines:
 * browsers break "2026-12-07" after a hyphen where a column or a line runs out.
 */
export async function datesBrokenIn(page: Page, selector: string): Promise<{ checked: number; broken: string[] }> {
  return page.evaluate((sel) => {
    const re = /\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?/g;
    let checked = 0;
    const broken: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        for (const m of (n.textContent ?? '').matchAll(re)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
          checked++;
          if (tops.length && Math.max(...tops) - Math.min(...tops) > 8) broken.push(m[0]);
        }
    }
    return { checked, broken };
  }, selector);
}
