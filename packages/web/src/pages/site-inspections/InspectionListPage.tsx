import { SITE_INSPECTION_KINDS, SITE_INSPECTION_STATUSES } from '@qingshan/core/site-inspections';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import {
  defineListQuery,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { type InspectionItem, listInspections, siteInspectionKeys } from './api.ts';
import { kindLabel, sourceLabel, statusLabel } from './labels.ts';
import { SITE_INSPECTION_PERMISSIONS } from './permissions.ts';

const inspectionListQuery = defineListQuery({
  filters: {
    kind: oneOfFilter(SITE_INSPECTION_KINDS),
    status: oneOfFilter(SITE_INSPECTION_STATUSES),
    drawId: textFilter(40),
    enterpriseId: textFilter(40),
  },
  sorts: ['-inspectedOn', 'inspectedOn'] as const,
});

/** 检查记录: every on-site and off-site record, newest first; a draw's or a firm's from the figures. */
export default function InspectionListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const list = useListQuery(inspectionListQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: siteInspectionKeys.list(query),
    queryFn: ({ signal }) => listInspections(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer
      title={t('siteInspections.title')}
      extra={
        canAccess(roles, SITE_INSPECTION_PERMISSIONS.record) ? (
          <Link to="/staff/site-inspections/new">
            <Button type="primary">{t('siteInspections.new')}</Button>
          </Link>
        ) : null
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          aria-label={t('siteInspections.kind')}
          placeholder={t('siteInspections.kind')}
          value={query.kind}
          onChange={(v) => update({ kind: v })}
          options={SITE_INSPECTION_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          aria-label={t('siteInspections.status')}
          placeholder={t('siteInspections.status')}
          value={query.status}
          onChange={(v) => update({ status: v })}
          options={SITE_INSPECTION_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
        />
      </Flex>
      <PagedTable<InspectionItem, typeof query>
        cardHeading="enterpriseName"
        list={list}
        result={result}
        emptyText={t('siteInspections.empty')}
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('siteInspections.inspectedOn'),
            dataIndex: 'inspectedOn',
            key: 'inspectedOn',
            sorter: true,
            render: (v: string, r) => <Link to={`/staff/site-inspections/${r.id}`}>{v}</Link>,
          },
          { title: t('siteInspections.enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('siteInspections.kind'),
            dataIndex: 'kind',
            render: (k: InspectionItem['kind'], r: InspectionItem) =>
              r.offSiteSource ? `${kindLabel(k, lang)} · ${sourceLabel(r.offSiteSource, lang)}` : kindLabel(k, lang),
          },
          {
            title: t('siteInspections.inspectors'),
            dataIndex: 'inspectorNames',
            render: (n: string[]) => n.join('、'),
          },
          { title: t('siteInspections.findingCount'), dataIndex: 'findings' },
          {
            title: t('siteInspections.status'),
            dataIndex: 'status',
            render: (s: InspectionItem['status']) => (
              <Tag color={s === 'completed' ? 'green' : 'blue'}>{statusLabel(s, lang)}</Tag>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
