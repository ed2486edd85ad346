import type { DescriptionsProps } from 'antd';

type Item = NonNullable<DescriptionsProps['items']>[number];
export type LineItem = Omit<Item, 'span'> & { wide?: boolean };

/**
 * The items of a responsive Descriptions, some of them on a line of their own (`wide`). A numeric
 * span of 2 breaks antd's sums ("Sum of column `span` in a line not match `column`", a development
 * warning): on a one-column phone, after an item that half fills its line, and on the first render,
 * before the breakpoints are known, when antd lays out three columns. A wide item and the item
 * before it both take what is left of their line ('filled') instead: every line adds up at every
 * width, and the wide item always starts a line of its own.
 */
export function lines(items: readonly LineItem[]): Item[] {
  return items.map(({ wide, ...item }, i) => (wide || items[i + 1]?.wide ? { ...item, span: 'filled' } : item));
}
