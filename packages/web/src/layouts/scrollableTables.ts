import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content:not([tabindex]), .ant-table-body:not([tabindex])';

/**
 * A table wider than its page scrolls inside itself (antd-shell.css); a keyboard user can scroll it
 * only if it can take the focus, and a table of plain text (an enterprise's visits) has nothing
 * focusable in it. antd gives the scrolling element no tabIndex prop, so every table's scroller gets
 * tabindex="0" as it appears: one more Tab stop per table, then the arrow keys scroll it.
 */
export function useFocusableTableScrollers(): void {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) el.tabIndex = 0;
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
