import { Button, type ButtonProps } from 'antd';
import type { MouseEvent } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

/**
 * A link styled as an antd button: one `<a href>` (no button nested in a link), navigating inside
 * the app on a plain click and opening a new tab on ctrl/middle click like any link.
 */
export function ButtonLink({ to, ...props }: Omit<ButtonProps, 'href' | 'onClick'> & { to: string }) {
  const href = useHref(to);
  const onNavigate = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Button
      {...props}
      href={href}
      onClick={(e: MouseEvent<HTMLElement>) => onNavigate(e as MouseEvent<HTMLAnchorElement>)}
    />
  );
}
