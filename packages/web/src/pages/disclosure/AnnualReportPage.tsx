import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { type AnnualReport, disclosureKeys, exportAnnualReport, getAnnualReport } from './api.ts';

const thisYear = () => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

/** 年度报告 table 三, computed from the requests; the export has the form's layout. */
export default function AnnualReportPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const [year, setYear] = useState(thisYear());
  const q = useQuery({ queryKey: disclosureKeys.report(year), queryFn: ({ signal }) => getAnnualReport(year, signal) });
  const exp = useMutation({ mutationFn: () => exportAnnualReport(year), onError: showError });
  const years = Array.from({ length: thisYear() - 2019 + 1 }, (_, i) => thisYear() - i);
  type Row = AnnualReport['rows'][number];
  const cols = q.data?.columns ?? [];
  return (
    <PageContainer
      title={t('disclosure.reportTitle')}
      extra={
        <Space>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            data-testid="report-year"
          />
          <Button onClick={() => exp.mutate()} loading={exp.isPending} data-testid="report-export">
            {t('disclosure.export')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('disclosure.reportIntro')} style={{ marginBottom: 16 }} />
      <Card>
        {q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <Table<Row>
            size="small"
            bordered
            rowKey="key"
            loading={q.isPending}
            pagination={false}
            dataSource={q.data?.rows ?? []}
            data-testid="annual-report"
            columns={[
              { title: t('disclosure.row'), dataIndex: lang === 'en' ? 'en' : 'zh', width: 420 },
              ...(cols.length
                ? [
                    {
                      title: t('disclosure.naturalPerson'),
                      key: cols[0]!.key,
                      align: 'right' as const,
                      render: (_: unknown, r: Row) => r.cells[cols[0]!.key],
                    },
                    {
                      title: t('disclosure.organisations'),
                      children: cols.slice(1).map((c) => ({
                        title: lang === 'en' ? c.en : c.zh,
                        key: c.key,
                        align: 'right' as const,
                        render: (_: unknown, r: Row) => r.cells[c.key],
                      })),
                    },
                  ]
                : []),
              { title: t('disclosure.total'), dataIndex: 'total', align: 'right' as const },
            ]}
          />
        )}
      </Card>
      <Alert type="warning" showIcon title={t('disclosure.reportMissing')} style={{ marginTop: 16 }} />
    </PageContainer>
  );
}
