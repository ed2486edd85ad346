import { dataFlagInfo } from '@qingshan/hj212';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { townName } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { type Alarm, alarmKeys, listAlarms } from '../alarms/api.ts';
import { inLanguage, kindLabel, STATE_COLORS, stateLabel } from '../alarms/labels.ts';
import { SITE_INSPECTION_PERMISSIONS } from '../site-inspections/permissions.ts';
import { getFrames, getReadings, getStation, monitoringKeys, type StationDetail } from './api.ts';
import { EditStationModal } from './EditStationModal.tsx';
import { FrameDecoder } from './FrameDecoder.tsx';
import { FramesTable } from './FramesTable.tsx';
import { MONITORING_PERMISSIONS } from './permissions.ts';

const ReadingsChart = lazy(() => import('./ReadingsChart.tsx').then((m) => ({ default: m.ReadingsChart })));

const HOUR = 3_600_000;

/** 监控点详情: factors with limits and their standards, the readings chart, raw frames decoded in the browser. */
export default function StationDetailPage() {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const lang = useLanguage();
  const { id = '' } = useParams();
  // the tab is in the address, so an alarm can open this page on the frames received around it
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'chart';
  const [editing, setEditing] = useState(false);
  const station = useQuery({
    queryKey: monitoringKeys.station(id),
    queryFn: ({ signal }) => getStation(id, signal),
    refetchInterval: 15_000,
  });
  let body: ReactNode;
  if (station.isPending) body = <PageLoading />;
  else if (station.isError) body = <ErrorState error={station.error} onRetry={() => void station.refetch()} />;
  else {
    const s = station.data;
    body = (
      <>
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('monitoring.enterprise')}>{s.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('monitoring.town')}>{townName(s.townCode, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('monitoring.state')}>
            <Tag color={s.online ? 'green' : 'red'}>{s.online ? t('monitoring.online') : t('monitoring.offline')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.mn')}>
            {/* a 24-digit MN is read and compared digit by digit: one line, never broken */}
            <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
              {s.mn}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.edition')}>
            {s.edition === '2005' ? 'HJ/T 212-2005' : 'HJ 212-2017'}
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.outlet')}>
            {`${t(`monitoring.outletKinds.${s.outletKind}`)} ${s.outletCode ?? ''} ${s.outletName ?? ''}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.lastFrame')}>
            {s.lastFrameAt ? formatDateTime(s.lastFrameAt, true) : t('monitoring.never')}
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.lastData')}>
            {s.lastDataTime ? formatDateTime(s.lastDataTime, true) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.outletLocation')}>{s.outletLocation ?? '—'}</Descriptions.Item>
        </Descriptions>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (p) => {
                p.set('tab', key);
                return p;
              },
              { replace: true },
            )
          }
          items={[
            { key: 'chart', label: t('monitoring.chart'), children: <Readings station={s} /> },
            { key: 'alarms', label: t('monitoring.alarms'), children: <StationAlarms stationId={s.id} /> },
            { key: 'factors', label: t('monitoring.factors'), children: <Factors station={s} /> },
            {
              key: 'frames',
              label: t('monitoring.frames'),
              children: (
                <FramesTable
                  testId="station-frames"
                  windowInUrl
                  queryKey={(q) => monitoringKeys.frames(s.id, q)}
                  loadFrames={(q, signal) => getFrames(s.id, q, signal)}
                />
              ),
            },
            { key: 'decode', label: t('monitoring.decode'), children: <FrameDecoder /> },
          ]}
        />
      </>
    );
  }
  const s = station.data;
  // an off-site check built from this station's data: the firm, the source and the station named
  const inspect =
    s && canAccess(roles, SITE_INSPECTION_PERMISSIONS.record) ? (
      <ButtonLink
        data-testid="station-inspect"
        to={`/staff/site-inspections/new?${new URLSearchParams({
          enterpriseId: s.enterpriseId,
          kind: 'off-site',
          offSiteSource: 'monitoring',
          sourceRef: `${s.name}（MN ${s.mn}）在线监测数据`.slice(0, 300),
        })}`}
      >
        {t('monitoring.inspect')}
      </ButtonLink>
    ) : null;
  // correcting the registration: the registry roles only (server: REGISTRY), a modal over the page
  const edit =
    s && canAccess(roles, MONITORING_PERMISSIONS.registry) ? (
      <Button data-testid="station-edit" onClick={() => setEditing(true)}>
        {t('monitoring.edit.button')}
      </Button>
    ) : null;
  return (
    <PageContainer
      title={s?.name ?? t('monitoring.station')}
      extra={
        edit || inspect ? (
          <Space>
            {edit}
            {inspect}
          </Space>
        ) : null
      }
    >
      {body}
      {editing && s ? <EditStationModal station={s} onClose={() => setEditing(false)} /> : null}
    </PageContainer>
  );
}

function Factors({ station }: { station: StationDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={station.factors}
      columns={[
        { title: t('monitoring.factor'), render: (_, f) => (lang === 'en' ? f.nameEn : f.nameZh) },
        { title: t('monitoring.code'), dataIndex: 'code' },
        { title: t('monitoring.unit'), dataIndex: 'unit' },
        {
          title: t('monitoring.limit'),
          render: (_, f) =>
            f.lowerLimit !== null && f.upperLimit !== null
              ? `${f.lowerLimit}–${f.upperLimit}`
              : f.upperLimit !== null
                ? `≤ ${f.upperLimit}`
                : '—',
        },
        { title: t('monitoring.edit.rangeMax'), dataIndex: 'rangeMax' },
        { title: t('monitoring.standard'), dataIndex: 'standard' },
      ]}
    />
  );
}

type Period = '24h' | '7d' | '30d' | '1y';
const PERIOD_HOURS: Record<Period, number> = { '24h': 24, '7d': 168, '30d': 720, '1y': 8760 };

function Readings({ station }: { station: StationDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [factor, setFactor] = useState(station.factors[0]?.code ?? '');
  const [period, setPeriod] = useState<Period>('24h');
  const [cn, setCn] = useState<'2051' | '2011'>('2051');
  const [source, setSource] = useState<'platform' | 'station'>('platform');
  // the period ends at the next minute so a refetch includes what just arrived
  const [to] = useState(() => Math.ceil(Date.now() / 60_000) * 60_000 + 10 * 60_000);
  // beyond a day the chart reads the hourly (a year: daily) rollups, not tens of thousands of values
  const long = period !== '24h';
  const query = {
    factor,
    cn: long ? (period === '1y' ? ('2031' as const) : ('2061' as const)) : cn,
    ...(long ? { source } : {}),
    from: new Date(to - PERIOD_HOURS[period] * HOUR).toISOString(),
    to: new Date(to).toISOString(),
    page: 1,
    pageSize: 5000,
  };
  const readings = useQuery({
    queryKey: monitoringKeys.readings(station.id, query),
    queryFn: ({ signal }) => getReadings(station.id, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: long ? 300_000 : cn === '2011' ? 10_000 : 60_000,
    enabled: factor !== '',
  });
  const f = station.factors.find((x) => x.code === factor);
  const points = useMemo(
    () => (readings.data?.items ?? []).map((r) => ({ at: r.dataTime, value: r.value, flag: r.flag })),
    [readings.data],
  );
  const name = f ? (lang === 'en' ? f.nameEn : f.nameZh) : factor;
  const labels = useMemo(
    () => ({
      series: `${name}${f?.unit ? ` (${f.unit})` : ''}`,
      limit: t('monitoring.limitLine', { value: f?.upperLimit ?? '' }),
      flagged: t('monitoring.flagged'),
      flagName: (flag: string) => {
        const info = dataFlagInfo(flag);
        return info ? `${flag} ${lang === 'en' ? info.en : info.zh}` : flag;
      },
      parenthetical: (text: string, note: string) => t('common.parenthetical', { text, note }),
    }),
    [name, f, t, lang],
  );
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 200 }}
          aria-label={t('monitoring.factor')}
          value={factor}
          onChange={setFactor}
          options={station.factors.map((x) => ({ value: x.code, label: lang === 'en' ? x.nameEn : x.nameZh }))}
          data-testid="factor-select"
        />
        {long ? (
          <Segmented
            value={source}
            onChange={(v) => setSource(v as 'platform' | 'station')}
            options={[
              {
                value: 'platform',
                label: `${period === '1y' ? t('monitoring.daily') : t('monitoring.hourly')} · ${t('monitoring.sourcePlatform')}`,
              },
              { value: 'station', label: t('monitoring.sourceStation') },
            ]}
            data-testid="source-select"
          />
        ) : (
          <Segmented
            value={cn}
            onChange={(v) => setCn(v as '2051' | '2011')}
            options={[
              { value: '2051', label: lang === 'en' ? 'Minute data' : '分钟数据' },
              { value: '2011', label: lang === 'en' ? 'Real-time' : '实时数据' },
            ]}
          />
        )}
        <Segmented
          value={period}
          onChange={(v) => setPeriod(v as Period)}
          options={[
            { value: '24h', label: t('monitoring.last24h') },
            { value: '7d', label: t('monitoring.last7d') },
            { value: '30d', label: t('monitoring.last30d') },
            { value: '1y', label: t('monitoring.last1y') },
          ]}
          data-testid="period-select"
        />
      </Space>
      {long ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('monitoring.rollupNote')}
        </Typography.Paragraph>
      ) : null}
      {readings.isError ? (
        <ErrorState error={readings.error} onRetry={() => void readings.refetch()} />
      ) : readings.isPending ? (
        <PageLoading />
      ) : points.length === 0 ? (
        <Empty description={t('monitoring.noReadings')} />
      ) : (
        <Suspense fallback={<PageLoading />}>
          <ReadingsChart points={points} limit={f?.upperLimit ?? null} labels={labels} />
        </Suspense>
      )}
    </Card>
  );
}

/** The alarms the rules raised for this station, newest first; each opens the alarm to answer or review. */
function StationAlarms({ stationId }: { stationId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [page, setPage] = useState(1);
  const query = { stationId, page, pageSize: 20 };
  const alarms = useQuery({
    queryKey: alarmKeys.list(query),
    queryFn: ({ signal }) => listAlarms(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  // the staff and the enterprise face share this page; each opens the alarm in its own face
  const base = useLocation().pathname.startsWith('/enterprise/') ? '/enterprise/alarms' : '/staff/alarms';
  if (alarms.isError) return <ErrorState error={alarms.error} onRetry={() => void alarms.refetch()} />;
  return (
    <Table<Alarm>
      size="small"
      rowKey="id"
      data-testid="station-alarms"
      loading={alarms.isFetching}
      dataSource={alarms.data?.items ?? []}
      locale={{ emptyText: <Empty description={t('monitoring.noAlarms')} /> }}
      pagination={{
        current: page,
        pageSize: 20,
        total: alarms.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
      columns={[
        {
          title: t('monitoring.alarmRaisedAt'),
          dataIndex: 'raisedAt',
          render: (v: string, a) => <Link to={`${base}/${a.id}`}>{formatDateTime(v)}</Link>,
        },
        { title: t('monitoring.alarmKind'), dataIndex: 'kind', render: (k: Alarm['kind']) => kindLabel(k, lang) },
        {
          title: t('monitoring.alarmDetail'),
          dataIndex: 'detail',
          render: (d: string, a) => inLanguage(d, a.detailEn, lang),
        },
        {
          title: t('monitoring.state'),
          dataIndex: 'state',
          render: (v: Alarm['state']) => <Tag color={STATE_COLORS[v]}>{stateLabel(v, lang)}</Tag>,
        },
      ]}
    />
  );
}
