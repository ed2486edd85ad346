import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Grid,
  Input,
  Row,
  Select,
  Statistic,
  Table,
  Tabs,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { townOptions } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { ARTICLE_PERIOD, periodFromParams } from '../figures/period.ts';
import { clockTitle } from '../worklist/titles.ts';
import {
  type DashboardQuery,
  type DrillQuery,
  exportDashboard,
  exportDrill,
  getDashboard,
  getDrill,
  type OneVisitGroup,
  periodReportKeys,
  type SlaGroup,
} from './api.ts';
import { type Dim, groupName } from './labels.ts';

type Metric = DrillQuery['metric'];
type Drill = { metric: Metric; dim?: Dim; value?: string; what: string };

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

function DrillDrawer({ base, drill, onClose }: { base: DashboardQuery; drill: Drill | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const [page, setPage] = useState(1);
  const query: DrillQuery | null = drill
    ? {
        ...base,
        metric: drill.metric,
        ...(drill.dim ? { dim: drill.dim, value: drill.value ?? '' } : {}),
        page,
        pageSize: 20,
      }
    : null;
  const q = useQuery({
    queryKey: periodReportKeys.drill(query ?? ({} as DrillQuery)),
    enabled: query !== null,
    queryFn: ({ signal }) => getDrill(query!, signal),
  });
  type Row = NonNullable<typeof q.data>['items'][number];
  const columns: ColumnsType<Row> = [
    {
      title: t('periodReport.dashboard.record'),
      dataIndex: 'title',
      // a clock's title is stored in Chinese (an application's is named by the server in the request's language)
      render: (v: string, r) => (r.link ? <Link to={r.link}>{clockTitle(v, lang)}</Link> : clockTitle(v, lang)),
    },
    { title: t('periodReport.dashboard.enterprise'), dataIndex: 'enterpriseName', render: (v) => v ?? '—' },
    { title: t('periodReport.dashboard.start'), dataIndex: 'start', render: (v) => (v ? formatDateTime(v) : '—') },
    { title: t('periodReport.dashboard.due'), dataIndex: 'dueDate', render: (v) => v ?? '—' },
    {
      title: t('periodReport.dashboard.done'),
      dataIndex: 'completedAt',
      render: (v: string | null) => (v ? (v.length > 10 ? formatDateTime(v) : v) : '—'),
    },
    {
      title: t('periodReport.dashboard.outcome'),
      dataIndex: 'outcome',
      render: (v: Row['outcome']) => (v ? t(`periodReport.dashboard.outcomes.${v}`) : '—'),
    },
    { title: t('periodReport.dashboard.days'), dataIndex: 'days', render: (v) => v ?? '—' },
    { title: t('periodReport.dashboard.visits'), dataIndex: 'visits', render: (v) => v ?? '—' },
  ];
  return (
    <Drawer
      open={drill !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      size="large"
      title={drill ? t('periodReport.dashboard.drillTitle', { what: drill.what }) : ''}
      extra={
        query ? (
          <Button
            onClick={() => {
              const { page: _p, pageSize: _s, ...rest } = query;
              void exportDrill(rest).catch(showError);
            }}
          >
            {t('periodReport.dashboard.exportRecords')}
          </Button>
        ) : null
      }
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          columns={columns}
          dataSource={q.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: q.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          data-testid="dashboard-drill"
        />
      )}
    </Drawer>
  );
}

/** 领导驾驶舱: the statutory clocks and one-visit applications of a period, every number opening its records. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params);
  const town = params.get('town') ?? undefined;
  const industry = params.get('industry') ?? undefined;
  const query: DashboardQuery = {
    ...period,
    ...(town ? { town } : {}),
    ...(industry && /^[A-T]?\d{2,4}$/.test(industry) ? { industry } : {}),
  };
  const q = useQuery({
    queryKey: periodReportKeys.dashboard(query),
    queryFn: ({ signal }) => getDashboard(query, signal),
  });
  const [drill, setDrill] = useState<Drill | null>(null);
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const data = q.data;
  const base: DashboardQuery = data ? { ...query, from: data.from, to: data.to } : query;
  const num = (n: number, d: Drill, testId?: string) =>
    n === 0 ? (
      <span>0</span>
    ) : (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setDrill(d)} data-testid={testId}>
        {n}
      </Button>
    );
  const name = (dim: Dim, g: { value: string; label: string }) =>
    groupName(dim, g, lang, t('periodReport.dashboard.noEnterprise'));
  // A group's name keeps its column (and stays in view as the figures scroll past it on a phone);
  // the figures' headers stay whole: on a phone they printed one character a line
  const phone = Grid.useBreakpoint().xs === true;
  const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
  const groupColumn = <G,>(label: (g: G) => ReactNode) => ({
    title: t('periodReport.dashboard.group'),
    key: 'group',
    ...(phone ? { fixed: 'left' as const, width: 150 } : {}),
    render: (_: unknown, g: G) => label(g),
  });
  const slaColumns = (dim: Dim): ColumnsType<SlaGroup> => {
    const cell = (metric: Metric, key: 'completed' | 'onTime' | 'late' | 'overdue') => ({
      title: t(`periodReport.dashboard.${key}`),
      dataIndex: key,
      align: 'right' as const,
      onHeaderCell: nowrap,
      render: (n: number, g: SlaGroup) =>
        num(
          n,
          { metric, dim, value: g.value, what: `${name(dim, g)} · ${t(`periodReport.dashboard.${key}`)}` },
          `drill-${dim}-${g.value}-${key}`,
        ),
    });
    return [
      groupColumn((g) => name(dim, g)),
      cell('completed', 'completed'),
      cell('onTime', 'onTime'),
      cell('late', 'late'),
      cell('overdue', 'overdue'),
      {
        title: t('periodReport.dashboard.onTimeRate'),
        dataIndex: 'onTimeRate',
        align: 'right',
        render: pct,
        onHeaderCell: nowrap,
      },
      {
        title: t('periodReport.dashboard.averageDays'),
        dataIndex: 'averageDays',
        align: 'right',
        onHeaderCell: nowrap,
        render: (v) => v ?? '—',
      },
    ];
  };
  const visitColumns = (dim: Exclude<Dim, 'desk'>): ColumnsType<OneVisitGroup> => [
    groupColumn((g) => name(dim, g)),
    {
      title: t('periodReport.dashboard.decided'),
      dataIndex: 'decided',
      align: 'right',
      onHeaderCell: nowrap,
      render: (n: number, g) =>
        num(n, {
          metric: 'decided',
          dim,
          value: g.value,
          what: `${name(dim, g)} · ${t('periodReport.dashboard.decided')}`,
        }),
    },
    {
      title: t('periodReport.dashboard.oneVisit'),
      dataIndex: 'oneVisit',
      align: 'right',
      onHeaderCell: nowrap,
      render: (n: number, g) =>
        num(n, {
          metric: 'oneVisit',
          dim,
          value: g.value,
          what: `${name(dim, g)} · ${t('periodReport.dashboard.oneVisit')}`,
        }),
    },
    {
      title: t('periodReport.dashboard.oneVisitRate'),
      dataIndex: 'oneVisitRate',
      align: 'right',
      render: pct,
      onHeaderCell: nowrap,
    },
  ];
  const dims: { key: Dim; label: string }[] = [
    { key: 'desk', label: t('periodReport.dashboard.byDesk') },
    { key: 'matter', label: t('periodReport.dashboard.byMatter') },
    { key: 'town', label: t('periodReport.dashboard.byTown') },
    { key: 'industry', label: t('periodReport.dashboard.byIndustry') },
  ];
  return (
    <PageContainer
      title={t('periodReport.dashboard.title')}
      extra={
        <Flex gap={8} wrap>
          <DatePicker.RangePicker
            allowClear={false}
            value={data ? [dayjs(data.from), dayjs(data.to)] : null}
            onChange={(v) => {
              if (v?.[0] && v[1]) update({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
            }}
          />
          <Button onClick={() => update({ ...ARTICLE_PERIOD })} data-testid="dashboard-article">
            {t('svc.figures.articlePeriod')}
          </Button>
          <Select
            allowClear
            style={{ width: 140 }}
            aria-label={t('periodReport.dashboard.allTowns')}
            placeholder={t('periodReport.dashboard.allTowns')}
            value={town}
            onChange={(v?: string) => update({ town: v })}
            options={townOptions(lang)}
          />
          <Input.Search
            allowClear
            style={{ width: 150 }}
            placeholder={t('periodReport.dashboard.industry')}
            defaultValue={industry}
            onSearch={(v) => update({ industry: v.trim() || undefined })}
          />
          <Button onClick={() => void exportDashboard(base).catch(showError)} data-testid="dashboard-export">
            {t('periodReport.dashboard.export')}
          </Button>
        </Flex>
      }
    >
      {q.isLoading ? (
        <PageLoading />
      ) : q.isError || !data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title={t('periodReport.dashboard.hint')} />
          <Row gutter={[16, 16]}>
            {(
              [
                ['completed', 'completed'],
                ['onTime', 'onTime'],
                ['late', 'late'],
                ['overdue', 'overdue'],
              ] as const
            ).map(([metric, key]) => (
              <Col xs={12} md={6} lg={3} key={key}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => setDrill({ metric, what: t(`periodReport.dashboard.${key}`) })}
                  data-testid={`dashboard-total-${key}`}
                >
                  <Statistic title={t(`periodReport.dashboard.${key}`)} value={data.totals[key]} />
                </Card>
              </Col>
            ))}
            <Col xs={12} md={6} lg={3}>
              <Card size="small">
                <Statistic title={t('periodReport.dashboard.onTimeRate')} value={pct(data.totals.onTimeRate)} />
              </Card>
            </Col>
            <Col xs={12} md={6} lg={3}>
              <Card size="small">
                <Statistic title={t('periodReport.dashboard.averageDays')} value={data.totals.averageDays ?? '—'} />
              </Card>
            </Col>
            <Col xs={12} md={6} lg={3}>
              <Card
                size="small"
                hoverable
                onClick={() => setDrill({ metric: 'oneVisit', what: t('periodReport.dashboard.oneVisit') })}
              >
                <Statistic
                  title={t('periodReport.dashboard.oneVisitRate')}
                  value={pct(data.totals.oneVisitRate)}
                  suffix={<small>{`${data.totals.oneVisit}/${data.totals.decided}`}</small>}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small">
            <Tabs
              items={dims.map((d) => ({
                key: d.key,
                label: d.label,
                children: (
                  <Table<SlaGroup>
                    rowKey="value"
                    size="small"
                    columns={slaColumns(d.key)}
                    dataSource={data.sla[d.key]}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    scroll={{ x: 'max-content' }}
                    data-testid={`dashboard-sla-${d.key}`}
                  />
                ),
              }))}
            />
          </Card>
          <Card size="small" title={t('periodReport.dashboard.oneVisitBy')}>
            <Tabs
              items={dims
                .filter((d): d is { key: Exclude<Dim, 'desk'>; label: string } => d.key !== 'desk')
                .map((d) => ({
                  key: d.key,
                  label: d.key === 'matter' ? t('periodReport.dashboard.byMatterOneVisit') : d.label,
                  children: (
                    <Table<OneVisitGroup>
                      rowKey="value"
                      size="small"
                      columns={visitColumns(d.key)}
                      dataSource={data.oneVisit[d.key]}
                      pagination={{ pageSize: 20, hideOnSinglePage: true }}
                      scroll={{ x: 'max-content' }}
                    />
                  ),
                }))}
            />
          </Card>
        </Flex>
      )}
      <DrillDrawer base={base} drill={drill} onClose={() => setDrill(null)} />
    </PageContainer>
  );
}
