import { PlusOutlined } from '@ant-design/icons';
import {
  INCIDENT_LEVEL_LABELS,
  INCIDENT_LEVELS,
  INCIDENT_REPORT_SOURCE_LABELS,
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
} from '@qingshan/core/incidents';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import {
  defineListQuery,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { getIncidents, type Incident, incidentKeys } from './api.ts';
import { LEVEL_COLORS, STATUS_COLORS } from './labels.ts';
import { INCIDENT_PERMISSIONS } from './permissions.ts';

const incidentsQuery = defineListQuery({
  filters: { q: textFilter(50), level: oneOfFilter(INCIDENT_LEVELS), status: oneOfFilter(INCIDENT_STATUSES) },
  sorts: ['-occurredAt', 'occurredAt', '-level', 'level'] as const,
  pageSizes: [20, 50, 100],
});

/** 突发环境事件: every registered incident, newest first, filtered by level and state. */
export default function IncidentListPage() {
  const { t } = useTranslation();
  const lang = coreLang(useLanguage());
  const { roles } = useAuth();
  const list = useListQuery(incidentsQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: incidentKeys.list(query),
    queryFn: ({ signal }) => getIncidents(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer
      title={t('incidents.title')}
      extra={
        canAccess(roles, INCIDENT_PERMISSIONS.edit) ? (
          <ButtonLink type="primary" icon={<PlusOutlined />} to="/staff/incidents/new" data-testid="incident-new">
            {t('incidents.new')}
          </ButtonLink>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('incidents.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          placeholder={t('incidents.search')}
          style={{ width: 260 }}
          onSearch={(q) => list.update({ q: q.trim() || undefined })}
        />
        <Select
          style={{ width: 220 }}
          aria-label={t('incidents.level')}
          value={query.level ?? ''}
          onChange={(v) => list.update({ level: (v || undefined) as Incident['level'] | undefined })}
          options={[
            { value: '', label: t('incidents.allLevels') },
            ...INCIDENT_LEVELS.map((l) => ({ value: l, label: INCIDENT_LEVEL_LABELS[l][lang] })),
          ]}
        />
        <Select
          style={{ width: 140 }}
          aria-label={t('incidents.status')}
          value={query.status ?? ''}
          onChange={(v) => list.update({ status: (v || undefined) as Incident['status'] | undefined })}
          options={[
            { value: '', label: t('incidents.allStatuses') },
            ...INCIDENT_STATUSES.map((s) => ({ value: s, label: INCIDENT_STATUS_LABELS[s][lang] })),
          ]}
        />
      </Space>
      <PagedTable<Incident, typeof query>
        cardHeading="title"
        list={list}
        result={result}
        rowKey="id"
        emptyText={t('incidents.empty')}
        columns={[
          {
            title: t('incidents.occurredAt'),
            dataIndex: 'occurredAt',
            sorter: true,
            width: 150,
            render: (v: string) => <DateTimeText value={v} />,
          },
          {
            title: t('incidents.titleField'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/staff/incidents/${r.id}`}>{v}</Link>,
          },
          { title: t('incidents.enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('incidents.level'),
            dataIndex: 'level',
            sorter: true,
            render: (l: Incident['level']) => <Tag color={LEVEL_COLORS[l]}>{INCIDENT_LEVEL_LABELS[l][lang]}</Tag>,
          },
          {
            title: t('incidents.reportSource'),
            dataIndex: 'reportSource',
            render: (s: Incident['reportSource']) => INCIDENT_REPORT_SOURCE_LABELS[s][lang],
          },
          {
            title: t('incidents.status'),
            dataIndex: 'status',
            render: (s: Incident['status']) => <Tag color={STATUS_COLORS[s]}>{INCIDENT_STATUS_LABELS[s][lang]}</Tag>,
          },
        ]}
      />
    </PageContainer>
  );
}
