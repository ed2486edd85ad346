import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Progress, Row, Statistic, Table, Typography, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useShowError } from '../../api/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState } from '../../components/QueryState.tsx';
import { downloadImportTemplate, enterpriseKeys, getJob, importContentType, jobPercent, startImport } from './api.ts';

/**
 * The server first counts the rows as it reads them (processed stays 0, total grows), then saves
 * them (processed grows): say which, instead of "0 / 0 行".
 */
function importProgressText(j: { processed: number; total: number } | undefined, t: TFunction): string {
  if (!j || (j.processed === 0 && j.total > 0)) return t('enterprise.import.reading', { total: j?.total ?? 0 });
  return t('enterprise.import.running', { processed: j.processed, total: j.total });
}

/** Upload an xlsx/CSV file, watch the job, then read the counts and the error report. */
export default function EnterpriseImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [wrongType, setWrongType] = useState(false);

  const start = useMutation({
    mutationFn: (f: File) => startImport(f, importContentType(f.name) ?? 'text/csv'),
    onSuccess: ({ jobId: id }) => setJobId(id),
  });

  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: async ({ signal }) => {
      const j = await getJob(jobId ?? '', signal);
      if (j.status !== 'running') void queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
      return j;
    },
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' || q.state.data === undefined ? 1000 : false),
  });

  const onTemplate = async () => {
    setDownloading(true);
    try {
      await downloadImportTemplate();
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  };

  const reset = () => {
    setFile(null);
    setJobId(null);
    start.reset();
  };

  const j = job.data;
  const result = j?.result;
  return (
    <PageContainer
      title={t('enterprise.import.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={() => void onTemplate()}
          data-testid="import-template"
        >
          {t('enterprise.import.template')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('enterprise.import.hint')}</Typography.Paragraph>
      {jobId === null ? (
        <Card>
          <Flex vertical gap={16}>
            <Upload.Dragger
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={file ? [{ uid: '1', name: file.name, size: file.size, status: 'done' }] : []}
              beforeUpload={(f) => {
                const ok = importContentType(f.name) !== null;
                setWrongType(!ok);
                if (ok) setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('enterprise.import.chooseFile')}</p>
              <p className="ant-upload-hint">{t('enterprise.import.fileTypes')}</p>
            </Upload.Dragger>
            {wrongType ? <Alert type="error" showIcon title={t('enterprise.import.wrongType')} /> : null}
            {start.isError ? <Alert type="error" showIcon role="alert" title={errorMessage(start.error, t)} /> : null}
            <div>
              <Button
                type="primary"
                disabled={!file}
                loading={start.isPending}
                onClick={() => file && start.mutate(file)}
                data-testid="import-start"
              >
                {t('enterprise.import.start')}
              </Button>
            </div>
          </Flex>
        </Card>
      ) : job.isError && !j ? (
        <ErrorState error={job.error} onRetry={() => void job.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Card>
            <Typography.Text strong>
              {j?.status === 'done'
                ? t('enterprise.import.done')
                : j?.status === 'failed'
                  ? t('enterprise.import.failed')
                  : importProgressText(j, t)}
            </Typography.Text>
            <Progress
              aria-label={t('enterprise.import.title')}
              percent={jobPercent(j)}
              status={j?.status === 'failed' ? 'exception' : j?.status === 'done' ? 'success' : 'active'}
              data-testid="import-progress"
            />
            {j?.status === 'failed' && j.error ? <Alert type="error" showIcon title={j.error} /> : null}
          </Card>
          {result ? (
            <>
              <Row gutter={16} data-testid="import-counts">
                <Col xs={12} md={6}>
                  <Card>
                    <Statistic title={t('enterprise.import.created')} value={result.created} />
                  </Card>
                </Col>
                <Col xs={12} md={6}>
                  <Card>
                    <Statistic title={t('enterprise.import.updated')} value={result.updated} />
                  </Card>
                </Col>
                <Col xs={12} md={6}>
                  <Card>
                    <Statistic title={t('enterprise.import.unchanged')} value={result.unchanged} />
                  </Card>
                </Col>
                <Col xs={12} md={6}>
                  <Card>
                    <Statistic
                      title={t('enterprise.import.failedRows')}
                      value={result.failed}
                      styles={{ content: result.failed > 0 ? { color: '#cf1322' } : undefined }}
                    />
                  </Card>
                </Col>
              </Row>
              <Card title={t('enterprise.import.errorsTitle')}>
                <Table
                  size="small"
                  rowKey={(r) => `${r.row}-${r.reason}`}
                  dataSource={result.errors}
                  locale={{ emptyText: <EmptyState description={t('enterprise.import.noErrors')} /> }}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  data-testid="import-errors"
                  columns={[
                    { title: t('enterprise.import.errorRow'), dataIndex: 'row', width: 100 },
                    { title: t('enterprise.import.errorReason'), dataIndex: 'reason' },
                  ]}
                />
              </Card>
            </>
          ) : null}
          {j && j.status !== 'running' ? (
            <div>
              <Button onClick={reset}>{t('enterprise.import.again')}</Button>
            </div>
          ) : null}
        </Flex>
      )}
    </PageContainer>
  );
}
