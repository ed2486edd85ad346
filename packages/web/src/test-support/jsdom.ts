// What antd asks of a browser that jsdom lacks, for the component tests that render antd.

/**
 * antd's responsive helpers (Grid, Form.Item, Descriptions) ask matchMedia. Without `width` nothing
 * matches (jsdom has no window size); with it, min-width / max-width queries answer as a window that
 * many px wide would.
 */
export function stubMatchMedia(width?: number): void {
  const matches = (query: string) => {
    if (width === undefined) return false;
    const min = /min-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
    const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
    return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
  };
  window.matchMedia = (query: string) =>
    ({
      matches: matches(query),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
