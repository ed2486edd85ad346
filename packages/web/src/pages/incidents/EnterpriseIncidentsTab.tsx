import { PlusOutlined } from '@ant-design/icons';
import { INCIDENT_LEVEL_LABELS, INCIDENT_STATUS_LABELS } from '@qingshan/core/incidents';
import { useQuery } from '@tanstack/react-query';
import { Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess, isStaff } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import { EmptyState, ErrorState } from '../../components/QueryState.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { getIncidents, type Incident, incidentKeys } from './api.ts';
import { LEVEL_COLORS, STATUS_COLORS } from './labels.ts';
import { INCIDENT_PERMISSIONS } from './permissions.ts';

const PAGE_SIZE = 10;

/** The firm's incidents in its file; staff open each and may register one for this firm. */
export function EnterpriseIncidentsTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const lang = coreLang(useLanguage());
  const { roles } = useAuth();
  const staff = isStaff(roles);
  const [page, setPage] = useState(1);
  const query = { enterpriseId, page, pageSize: PAGE_SIZE, sort: '-occurredAt' as const };
  const q = useQuery({ queryKey: incidentKeys.list(query), queryFn: ({ signal }) => getIncidents(query, signal) });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text type="secondary">{t('incidents.tabIntro')}</Typography.Text>
        {canAccess(roles, INCIDENT_PERMISSIONS.edit) ? (
          <ButtonLink
            icon={<PlusOutlined />}
            to={`/staff/incidents/new?enterpriseId=${encodeURIComponent(enterpriseId)}`}
          >
            {t('incidents.new')}
          </ButtonLink>
        ) : null}
      </Space>
      <Table<Incident>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <EmptyState description={t('incidents.empty')} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: q.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: t('incidents.occurredAt'),
            dataIndex: 'occurredAt',
            render: (v: string) => <DateTimeText value={v} />,
          },
          {
            title: t('incidents.titleField'),
            dataIndex: 'title',
            render: (v: string, r) => (staff ? <Link to={`/staff/incidents/${r.id}`}>{v}</Link> : v),
          },
          {
            title: t('incidents.level'),
            dataIndex: 'level',
            render: (l: Incident['level']) => <Tag color={LEVEL_COLORS[l]}>{INCIDENT_LEVEL_LABELS[l][lang]}</Tag>,
          },
          {
            title: t('incidents.status'),
            dataIndex: 'status',
            render: (s: Incident['status']) => <Tag color={STATUS_COLORS[s]}>{INCIDENT_STATUS_LABELS[s][lang]}</Tag>,
          },
          ...(staff
            ? []
            : [{ title: t('incidents.outcome'), dataIndex: 'outcome', render: (v: string | null) => v ?? '—' }]),
        ]}
      />
    </Space>
  );
}
