import type { ReactNode } from 'react';
import { formatDateTime } from '../utils/datetime.ts';

/**
 * A time in Beijing time on one line: a table squeezing "2026-12-06 09:30" into two lines makes it
 * read as two facts. For table cells; text elsewhere wraps where it likes.
 */
export function DateTimeText({ value, withSeconds = false }: { value: string | null; withSeconds?: boolean }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value, withSeconds)}</span>;
}

const DATE_OR_TIME = /\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?/g;

/**
 * Text with each date (and time) in it kept on one line, the words around them free to wrap:
 * browsers break "2026-12-07" after a hyphen, and a narrow column printed 2026-12- over 07.
 */
export function DatesWhole({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(DATE_OR_TIME)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(
      <span key={m.index} style={{ whiteSpace: 'nowrap' }}>
        {m[0]}
      </span>,
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
