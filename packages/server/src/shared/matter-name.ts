import { matterName, SHIPPED_MATTERS } from '@qingshan/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Lang } from '../errors.ts';

/**
 * A stored matter's name in `lang`, as SQL over its code and stored Chinese name: core's
 * `matterName` for rows composed in the query (an English name only while the stored name is the
 * shipped one).
 */
export function matterNameSql(lang: Lang, code: SQL, zhName: SQL): SQL {
  if (lang !== 'en') return zhName;
  const names = SHIPPED_MATTERS.map(
    (m) => sql`(${m.code}::text, ${m.name}::text, ${matterName(m.code, m.name, 'en')}::text)`,
  );
  return sql`coalesce((select n.en from (values ${sql.join(names, sql`, `)}) n(code, zh, en)
    where n.code = ${code} and n.zh = ${zhName}), ${zhName})`;
}
