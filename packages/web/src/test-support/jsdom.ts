// What antd asks of a browser that jsdom lacks, for the component tests that render antd.

/** antd's responsive helpers (Grid, Form.Item, Descriptions) ask matchMedia; nothing matches in jsdom. */
export function stubMatchMedia(): void {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
