import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listEnterprises } from '../enterprises/api.ts';

/** Searches the register by name, code or pinyin initials; one or several enterprises. */
export function EnterprisePicker({
  value,
  onChange,
  multiple,
  options: extra,
  onNames,
  ...rest
}: {
  value?: string | string[] | undefined;
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  options?: { value: string; label: string }[];
  /** the names of the enterprises chosen, for a form that labels its parts by enterprise */
  onNames?: (names: Map<string, string>) => void;
  /** given by a form item, whose label points to it */
  id?: string;
  /** names the select where no form item's label does */
  'aria-label'?: string;
  'data-testid'?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['enterprises', 'picker', q],
    queryFn: ({ signal }) => listEnterprises({ q: q || undefined, page: 1, pageSize: 30, sort: 'name' }, signal),
  });
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const opts = new Map<string, string>(known);
  for (const o of extra ?? []) opts.set(o.value, o.label);
  for (const e of found.data?.items ?? []) opts.set(e.id, e.name);
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      loading={found.isFetching}
      placeholder={t('svc.common.pickEnterprise')}
      value={value}
      onChange={(v: string | string[] | undefined) => {
        setKnown(new Map(opts));
        const chosen = v === undefined ? [] : Array.isArray(v) ? v : [v];
        onNames?.(new Map(chosen.map((id) => [id, opts.get(id) ?? ''])));
        onChange?.(v);
      }}
      options={[...opts].map(([v, label]) => ({ value: v, label }))}
    />
  );
}
