import { POSITIVE_LIST_CATEGORY_LABELS, POSITIVE_LIST_SORTS } from '@qingshan/core/positive-list';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  defineListQuery,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { coreLang, townName } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { type Entry, getEntries, positiveListKeys } from './api.ts';
import { PositiveListNav } from './PositiveListNav.tsx';
import { StateTag } from './StateTag.tsx';

const STATES = ['valid', 'expired', 'removed'] as const;
const entriesQuery = defineListQuery({
  filters: { state: oneOfFilter(STATES), q: textFilter(50) },
  sorts: POSITIVE_LIST_SORTS,
  pageSizes: [20, 50],
});

/** 正面清单决定: every listing with its state; each opens its evidence snapshot. */
export default function PositiveListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(entriesQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: positiveListKeys.list(query),
    queryFn: ({ signal }) => getEntries(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('positiveList.staffTitle')} extra={<PositiveListNav current="list" />}>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          placeholder={t('positiveList.search')}
          style={{ width: 280 }}
          onSearch={(q) => list.update({ q: q.trim() || undefined })}
        />
        <Select
          style={{ width: 140 }}
          aria-label={t('positiveList.validity')}
          value={query.state ?? ''}
          onChange={(v) => list.update({ state: (v || undefined) as Entry['state'] | undefined })}
          options={[
            { value: '', label: t('positiveList.allStates') },
            ...STATES.map((s) => ({ value: s, label: t(`positiveList.${s}`) })),
          ]}
        />
      </Space>
      <PagedTable<Entry, typeof query>
        list={list}
        result={result}
        rowKey="id"
        columns={[
          {
            title: t('positiveList.enterprise'),
            dataIndex: 'enterpriseName',
            key: 'enterprise',
            sorter: true,
            render: (name: string, e) => <Link to={`/staff/positive-list/${e.id}`}>{name}</Link>,
          },
          {
            title: t('positiveList.town'),
            key: 'town',
            render: (_: unknown, r) => townName(r.townCode, lang, r.townName),
          },
          {
            title: t('positiveList.category'),
            dataIndex: 'category',
            render: (c: Entry['category']) => POSITIVE_LIST_CATEGORY_LABELS[c][coreLang(lang)],
          },
          { title: t('positiveList.decidedOn'), dataIndex: 'decidedOn', key: 'decidedOn', sorter: true },
          { title: t('positiveList.validUntil'), dataIndex: 'validUntil', key: 'validUntil', sorter: true },
          {
            title: t('positiveList.validity'),
            dataIndex: 'state',
            render: (s: Entry['state']) => <StateTag state={s} />,
          },
          { title: t('positiveList.decidedBy'), dataIndex: 'decidedByName' },
        ]}
      />
    </PageContainer>
  );
}
