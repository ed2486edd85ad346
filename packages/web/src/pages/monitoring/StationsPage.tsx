import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
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
import { ErrorState } from '../../components/QueryState.tsx';
import { townName } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { getOverview, getStations, monitoringKeys, type Station } from './api.ts';
import { MONITORING_PERMISSIONS } from './permissions.ts';
import { RegisterStationModal } from './RegisterStationModal.tsx';

const stationsQuery = defineListQuery({
  filters: { q: textFilter(50), state: oneOfFilter(['online', 'offline'] as const) },
  sorts: ['enterprise', '-enterprise', 'lastFrameAt', '-lastFrameAt'] as const,
  pageSizes: [20, 50, 100],
});

/** Staff overview (online/offline by town, live) and the station list; an enterprise sees its own stations. */
export default function StationsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const staff = canAccess(roles, MONITORING_PERMISSIONS.overview);
  const base = staff ? '/staff/monitoring' : '/enterprise/monitoring';
  const list = useListQuery(stationsQuery);
  const { query } = list;
  const [registering, setRegistering] = useState(false);
  // a live board: refreshed every 15 s (the demo stations report every 5 s)
  const overview = useQuery({
    queryKey: monitoringKeys.overview,
    queryFn: ({ signal }) => getOverview(signal),
    enabled: staff,
    refetchInterval: 15_000,
  });
  const result = useQuery({
    queryKey: monitoringKeys.stations(query),
    queryFn: ({ signal }) => getStations(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
  return (
    <PageContainer
      title={staff ? t('monitoring.title') : t('monitoring.enterpriseTitle')}
      extra={
        canAccess(roles, MONITORING_PERMISSIONS.registry) ? (
          <Button type="primary" onClick={() => setRegistering(true)} data-testid="monitoring-register">
            {t('monitoring.register')}
          </Button>
        ) : null
      }
    >
      {staff && overview.isError ? <ErrorState error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {staff && overview.data ? (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }} data-testid="monitoring-overview">
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('monitoring.stations')} value={overview.data.stations} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t('monitoring.online')}
                  value={overview.data.online}
                  styles={{ content: { color: '#389e0d' } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t('monitoring.offline')}
                  value={overview.data.offline}
                  styles={{ content: { color: '#cf1322' } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Link to="/staff/monitoring/quarantine">
                  <Statistic title={t('monitoring.quarantineOpen')} value={overview.data.quarantineOpen} />
                </Link>
              </Card>
            </Col>
          </Row>
          <Card
            title={t('monitoring.byTown')}
            size="small"
            style={{ marginBottom: 16 }}
            extra={
              <Link to="/staff/alarms?sourceKind=station&state=open">
                {t('monitoring.openAlarmsTotal', { n: overview.data.openAlarms })}
              </Link>
            }
          >
            <Table
              size="small"
              rowKey="townCode"
              pagination={false}
              dataSource={overview.data.byTown}
              columns={[
                { title: t('monitoring.town'), dataIndex: 'townCode', render: (c: string) => townName(c, lang) },
                { title: t('monitoring.stationCount'), dataIndex: 'stations' },
                { title: t('monitoring.onlineCount'), dataIndex: 'online' },
                {
                  title: t('monitoring.openAlarms'),
                  dataIndex: 'openAlarms',
                  render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
                },
                {
                  title: t('monitoring.lastFrame'),
                  dataIndex: 'lastFrameAt',
                  render: (v: string | null) => (v ? formatDateTime(v, true) : t('monitoring.never')),
                },
              ]}
            />
          </Card>
        </>
      ) : null}
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          placeholder={t(staff ? 'monitoring.search' : 'monitoring.searchOwn')}
          style={{ width: 320 }}
          onSearch={(q) => list.update({ q: q.trim() || undefined })}
        />
        <Select
          style={{ width: 140 }}
          aria-label={t('monitoring.state')}
          value={query.state ?? ''}
          onChange={(v) => list.update({ state: v === '' ? undefined : (v as 'online' | 'offline') })}
          options={[
            { value: '', label: t('monitoring.allStates') },
            { value: 'online', label: t('monitoring.online') },
            { value: 'offline', label: t('monitoring.offline') },
          ]}
        />
      </Space>
      <PagedTable<Station, typeof query>
        list={list}
        result={result}
        rowKey="id"
        data-testid="monitoring-stations"
        columns={[
          {
            title: t('monitoring.station'),
            dataIndex: 'name',
            render: (name: string, s) => <Link to={`${base}/stations/${s.id}`}>{name}</Link>,
          },
          // an enterprise sees its own stations only: a column of its own name would say nothing
          ...(staff
            ? [{ title: t('monitoring.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise', sorter: true }]
            : []),
          { title: t('monitoring.town'), dataIndex: 'townCode', render: (c: string) => townName(c, lang) },
          {
            title: t('monitoring.outlet'),
            render: (_, s) => `${t(`monitoring.outletKinds.${s.outletKind}`)}${s.outletCode ? ` ${s.outletCode}` : ''}`,
          },
          {
            title: t('monitoring.edition'),
            dataIndex: 'edition',
            render: (e: string) => (e === '2005' ? 'HJ/T 212-2005' : 'HJ 212-2017'),
          },
          {
            title: t('monitoring.state'),
            dataIndex: 'online',
            render: (on: boolean) => (
              <Tag color={on ? 'green' : 'red'}>{on ? t('monitoring.online') : t('monitoring.offline')}</Tag>
            ),
          },
          {
            title: t('monitoring.lastFrame'),
            dataIndex: 'lastFrameAt',
            key: 'lastFrameAt',
            sorter: true,
            render: (v: string | null) => (v ? formatDateTime(v, true) : t('monitoring.never')),
          },
        ]}
      />
      {registering ? <RegisterStationModal onClose={() => setRegistering(false)} /> : null}
    </PageContainer>
  );
}
