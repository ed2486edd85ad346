import { Flex, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

// Headings go one level at a time, as screen-reader users move by them: the header's bureau name is
// the h1, a page's title the h2, a section inside the page an h3. They keep the sizes antd gives its
// levels 3 and 5, which is how they looked before the levels were corrected.

/** Title row (with actions on the right) above a page's content. */
export function PageContainer({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} className="qs-page-title" style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? (
          // never wider than the page: a wide action (a row of tabs) scrolls inside itself on a phone
          <Flex gap={8} wrap style={{ maxWidth: '100%', minWidth: 0 }}>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {children}
    </section>
  );
}

/** A section's heading inside a page (under the page's title). */
export function SectionTitle({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  return (
    <Typography.Title level={3} className="qs-section-title" style={style}>
      {children}
    </Typography.Title>
  );
}
