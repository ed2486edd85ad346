import { INSPECTION_CLASS_LABELS, INSPECTION_RESULT_SORTS } from '@qingshan/core/inspection-draws';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { defineListQuery, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { labelFromZh, townName } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { getPublicResults, inspectionKeys, type PublicResult } from './api.ts';

const YEARS = Array.from({ length: new Date().getFullYear() - 2019 }, (_, i) => String(2020 + i)).reverse();

const resultsQuery = defineListQuery({
  filters: { year: z.string().regex(/^20\d\d$/) },
  sorts: INSPECTION_RESULT_SORTS,
  pageSizes: [20, 50],
});

/** 双随机抽查结果公开: every published result by firm, with the plan and whether it was published on time. */
export default function PublicResultsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(resultsQuery);
  const { query } = list;
  const apiQuery = { ...query, year: query.year ? Number(query.year) : undefined };
  const result = useQuery({
    queryKey: inspectionKeys.results(apiQuery),
    queryFn: ({ signal }) => getPublicResults(apiQuery, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('inspections.publicTitle')}>
      <Alert type="info" showIcon title={t('inspections.publicIntro')} style={{ marginBottom: 16 }} />
      <Space style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 160 }}
          aria-label={t('inspections.year')}
          value={query.year ?? ''}
          onChange={(v) => list.update({ year: v || undefined })}
          options={[{ value: '', label: t('positiveList.allYears') }, ...YEARS.map((y) => ({ value: y, label: y }))]}
          data-testid="inspection-results-year"
        />
      </Space>
      <PagedTable<PublicResult, typeof query>
        list={list}
        result={result}
        rowKey={(r) => `${r.planName}-${r.enterpriseName}`}
        columns={[
          { title: t('inspections.plan'), dataIndex: 'planName' },
          { title: t('inspections.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise', sorter: true },
          {
            title: t('inspections.town'),
            key: 'town',
            width: 90,
            render: (_: unknown, r) => townName(r.townCode, lang, r.townName),
          },
          {
            title: t('inspections.class'),
            dataIndex: 'classLabel',
            render: (l: string) => labelFromZh(INSPECTION_CLASS_LABELS, l, lang),
          },
          {
            title: t('inspections.inspectedOn'),
            dataIndex: 'inspectedOn',
            key: 'inspectedOn',
            sorter: true,
            width: 110,
            render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span>,
          },
          {
            title: t('inspections.outcome'),
            key: 'outcome',
            render: (_: unknown, r) => (
              <Tag color={r.outcome === 'problems-found' ? 'orange' : 'green'}>
                {t(`inspections.outcomes.${r.outcome}`)}
              </Tag>
            ),
          },
          { title: t('inspections.summary'), dataIndex: 'summary' },
          {
            title: t('inspections.publishedOn'),
            dataIndex: 'publishedOn',
            key: 'publishedOn',
            sorter: true,
            width: 120,
            render: (d: string, r) => (
              <Space orientation="vertical" size={2}>
                <span style={{ whiteSpace: 'nowrap' }}>{d}</span>
                {r.publishedOnTime === null ? null : r.publishedOnTime ? (
                  <Tag color="green">{t('inspections.onTime')}</Tag>
                ) : (
                  <Tag color="red">{t('inspections.late')}</Tag>
                )}
              </Space>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
