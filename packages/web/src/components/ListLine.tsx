import { Flex, Typography, theme } from 'antd';
import type { CSSProperties, Key, ReactNode } from 'react';

/**
 * A list of records drawn as lines split by a rule, as antd's List drew them before 6.6 deprecated
 * it. It is a real `ul`, so a screen reader says "list, n items" and steps from line to line; Listy,
 * antd's replacement, draws plain `div`s and lets no role through. `list-style: none` makes Safari
 * drop a list's role, hence the explicit one.
 */
export function ListLines<T>({
  items,
  rowKey,
  renderItem,
  size = 'default',
  style,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: {
  items: readonly T[];
  /** the field (or a function of the item) that tells lines apart across renders */
  rowKey: keyof T | ((item: T) => Key);
  renderItem: (item: T, index: number) => ReactNode;
  /** `small` sits in a card's narrow column, indented as the card's title is (antd's List size) */
  size?: 'small' | 'default';
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const { token } = theme.useToken();
  const padding =
    size === 'small'
      ? `${token.paddingContentVerticalSM}px ${token.paddingContentHorizontal}px`
      : `${token.paddingContentVertical}px 0`;
  const keyOf = (item: T): Key => (typeof rowKey === 'function' ? rowKey(item) : (item[rowKey] as Key));
  return (
    <ul
      // biome-ignore lint/a11y/noRedundantRoles: list-style none takes the role away in Safari (see above)
      role="list"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ margin: 0, padding: 0, listStyle: 'none', ...style }}
    >
      {items.map((item, index) => (
        <li
          key={keyOf(item)}
          style={{
            padding,
            color: token.colorText,
            borderBlockEnd:
              index < items.length - 1 ? `${token.lineWidth}px ${token.lineType} ${token.colorSplit}` : undefined,
          }}
        >
          {renderItem(item, index)}
        </li>
      ))}
    </ul>
  );
}

/** One record's line: what it is (strong) over its particulars (grey), and its state or next step at the end. */
export function ListLine({
  title,
  description,
  extra,
}: {
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="center" gap={16}>
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Typography.Text strong>{title}</Typography.Text>
        {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
      </Flex>
      {/* the next step keeps its line whole; the record's own words wrap instead */}
      {extra ? <div style={{ flex: 'none' }}>{extra}</div> : null}
    </Flex>
  );
}
