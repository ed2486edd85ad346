import { CREDIT_GRADE_LABELS, TOWNS } from '@qingshan/core';
import { WATCH_SORTS } from '@qingshan/core/credit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { defineListQuery, oneOfFilter, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { labelFromZh, townName, townOptions } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { creditKeys, getWatchList, type WatchQuery, type WatchRow } from './api.ts';

const watchQuery = defineListQuery({
  filters: { townCode: oneOfFilter(TOWNS.map((t) => t.code) as [string, ...string[]]) },
  sorts: WATCH_SORTS,
  pageSizes: [20, 50],
});

/** 重点关注名单: firms whose transparent risk score reaches the threshold rule; each opens its score. */
export default function WatchListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(watchQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: creditKeys.watch(query),
    // the filter only admits the towns' codes, the same list the server's enum is made of
    queryFn: ({ signal }) => getWatchList(query as WatchQuery, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('credit.watchTitle')}>
      <Typography.Paragraph type="secondary">
        {t('credit.watchIntro', { n: result.data?.threshold ?? '…' })}
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 160 }}
          aria-label={t('credit.town')}
          value={query.townCode ?? ''}
          onChange={(v) => list.update({ townCode: v || undefined })}
          options={[{ value: '', label: t('credit.allTowns') }, ...townOptions(lang)]}
        />
      </Space>
      <PagedTable<WatchRow, typeof query>
        list={list}
        result={result}
        rowKey="enterpriseId"
        columns={[
          {
            title: t('credit.enterprise'),
            dataIndex: 'enterpriseName',
            key: 'enterprise',
            sorter: true,
            render: (name: string, r) => <Link to={`/staff/enterprises/${r.enterpriseId}?tab=risk`}>{name}</Link>,
          },
          { title: t('credit.town'), key: 'town', render: (_: unknown, r) => townName(r.townCode, lang, r.townName) },
          {
            title: t('credit.score'),
            dataIndex: 'score',
            key: 'score',
            sorter: true,
            render: (s: number) => <Tag color="red">{s}</Tag>,
          },
          { title: t('credit.alarms'), dataIndex: 'alarms', key: 'alarms', sorter: true },
          { title: t('credit.complaints'), dataIndex: 'complaints', key: 'complaints', sorter: true },
          { title: t('credit.findings'), dataIndex: 'findings', key: 'findings', sorter: true },
          {
            title: t('credit.inspectionFindings'),
            dataIndex: 'inspectionFindings',
            key: 'inspectionFindings',
            sorter: true,
          },
          {
            title: t('credit.grade'),
            dataIndex: 'gradeLabel',
            render: (g: string | null) => (g ? labelFromZh(CREDIT_GRADE_LABELS, g, lang) : t('credit.ungraded')),
          },
          {
            title: t('credit.positiveList'),
            dataIndex: 'listed',
            render: (l: boolean) => (l ? <Tag color="green">{t('credit.listed')}</Tag> : '—'),
          },
        ]}
      />
    </PageContainer>
  );
}
