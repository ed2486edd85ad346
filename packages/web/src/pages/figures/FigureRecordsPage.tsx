import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { exportFigureRecords, type FigureRecord, figureKeys, getFigureRecords } from './api.ts';
import { periodFromParams } from './period.ts';

/** The records one figure counts, for the same period; exportable to xlsx. */
export default function FigureRecordsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params);
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 50) || 50;
  const showError = useShowError();
  const [exporting, setExporting] = useState(false);
  const q = useQuery({
    queryKey: figureKeys.records(key, period, page, pageSize),
    queryFn: ({ signal }) => getFigureRecords(key, period, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
  const onExport = async () => {
    setExporting(true);
    try {
      await exportFigureRecords(key, q.data ? { from: q.data.from, to: q.data.to } : period);
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  };
  const back = `/staff/figures${period.from && period.to ? `?from=${period.from}&to=${period.to}` : ''}`;
  return (
    <PageContainer
      title={q.data ? `${q.data.label[lang === 'en' ? 'en' : 'zh']} · ${q.data.total}` : t('svc.figures.records')}
      extra={
        <>
          <Link to={back}>
            <Button>{t('common.back')}</Button>
          </Link>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void onExport()}
            data-testid="figure-export"
          >
            {t('svc.figures.export')}
          </Button>
        </>
      }
    >
      {q.data ? (
        <Typography.Paragraph type="secondary">
          {t('svc.figures.period', { from: q.data.from, to: q.data.to })}
        </Typography.Paragraph>
      ) : null}
      {q.isError && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<FigureRecord>
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          data-testid="figure-records"
          columns={[
            { title: '#', render: (_v, _r, i) => (page - 1) * pageSize + i + 1, width: 60 },
            { title: t('svc.common.date'), dataIndex: 'date', width: 120 },
            {
              title: t('svc.figures.record'),
              dataIndex: 'title',
              render: (v: string, r) => (r.link ? <Link to={r.link}>{v}</Link> : v),
            },
            {
              title: t('svc.common.enterprise'),
              dataIndex: 'enterpriseName',
              render: (v: string | null) => v ?? t('common.none'),
            },
            { title: t('svc.figures.detail'), dataIndex: 'detail', ellipsis: true },
          ]}
          pagination={{
            current: page,
            pageSize,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: ['20', '50', '100', '200'],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              next.set('pageSize', String(s));
              setParams(next);
            },
          }}
        />
      )}
    </PageContainer>
  );
}
