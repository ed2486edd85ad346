import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { defineListQuery, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { exportFigureRecords, type FigureRecord, figureKeys, getFigureRecords } from './api.ts';
import { periodFromParams } from './period.ts';

// Paging only: the period (`from`, `to`) is the figure's own, read by periodFromParams and kept as it is.
const recordListQuery = defineListQuery({ filters: {}, defaultPageSize: 50, pageSizes: [20, 50, 100, 200] });

/** The records one figure counts, for the same period; exportable to xlsx. */
export default function FigureRecordsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const period = periodFromParams(params);
  const list = useListQuery(recordListQuery);
  const { page, pageSize } = list.query;
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
      <PagedTable<FigureRecord, typeof list.query>
        list={list}
        result={q}
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
      />
    </PageContainer>
  );
}
