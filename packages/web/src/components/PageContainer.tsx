import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

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
        <Typography.Title level={3} style={{ margin: 0 }}>
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
