import { POSITIVE_LIST_CATEGORY_LABELS, POSITIVE_LIST_SORTS } from '@qingshan/core/positive-list';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { defineListQuery, PagedTable, textFilter, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { labelFromZh, townName } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { getPublicEntries, type PublicEntry, positiveListKeys } from './api.ts';

const YEARS = Array.from({ length: new Date().getFullYear() - 2019 }, (_, i) => String(2020 + i)).reverse();

const publicListQuery = defineListQuery({
  filters: { year: z.string().regex(/^20\d\d$/), q: textFilter(50) },
  sorts: POSITIVE_LIST_SORTS,
  pageSizes: [20, 50],
});

/** 正面清单 on the public portal: who is listed, in what category, until when. No sign-in. */
export default function PublicPositiveListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(publicListQuery);
  const { query } = list;
  const apiQuery = { ...query, year: query.year ? Number(query.year) : undefined };
  const result = useQuery({
    queryKey: positiveListKeys.publicList(apiQuery),
    queryFn: ({ signal }) => getPublicEntries(apiQuery, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('positiveList.publicTitle')}>
      <Alert type="info" showIcon title={t('positiveList.publicIntro')} style={{ marginBottom: 16 }} />
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          style={{ width: 160 }}
          aria-label={t('positiveList.year')}
          value={query.year ?? ''}
          onChange={(v) => list.update({ year: v || undefined })}
          options={[{ value: '', label: t('positiveList.allYears') }, ...YEARS.map((y) => ({ value: y, label: y }))]}
          data-testid="positive-list-year"
        />
      </Space>
      <PagedTable<PublicEntry, typeof query>
        list={list}
        result={result}
        rowKey={(r) => `${r.enterpriseName}-${r.decidedOn}`}
        columns={[
          { title: t('positiveList.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise', sorter: true },
          {
            title: t('positiveList.town'),
            key: 'town',
            render: (_: unknown, r) => townName(r.townCode, lang, r.townName),
          },
          {
            title: t('positiveList.category'),
            dataIndex: 'categoryLabel',
            render: (l: string) => labelFromZh(POSITIVE_LIST_CATEGORY_LABELS, l, lang),
          },
          { title: t('positiveList.decidedOn'), dataIndex: 'decidedOn', key: 'decidedOn', sorter: true },
          { title: t('positiveList.validUntil'), dataIndex: 'validUntil', key: 'validUntil', sorter: true },
          {
            title: t('positiveList.validity'),
            dataIndex: 'valid',
            render: (v: boolean) =>
              v ? <Tag color="green">{t('positiveList.valid')}</Tag> : <Tag>{t('positiveList.expired')}</Tag>,
          },
        ]}
      />
    </PageContainer>
  );
}
