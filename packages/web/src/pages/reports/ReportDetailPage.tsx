import { allowedReportActions, REPORT_LEADER_ACTIONS, type ReportAction } from '@qingshan/core/reports';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { ToClueButton } from '../clues/ToClueButton.tsx';
import { actOnReport, getReport, reportKeys } from './api.ts';
import { REPORT_STATUS_COLORS, reportChannelLabel, reportStatusLabel } from './labels.ts';

const NEEDS_TEXT = new Set<ReportAction>(['not-accept', 'transfer', 'request-extension', 'reject-extension', 'reply']);

/** 举报件办理: accept or pass on, investigate, answer; an extension needs the head's approval. */
export default function ReportDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const showError = useShowError();
  const qc = useQueryClient();
  const [action, setAction] = useState<ReportAction | null>(null);
  const [form] = Form.useForm<{ text?: string; days?: number }>();
  const detail = useQuery({ queryKey: reportKeys.detail(id), queryFn: ({ signal }) => getReport(id, signal) });
  const act = useMutation({
    mutationFn: (v: { text?: string; days?: number }) =>
      actOnReport(id, { action: action!, ...v, version: detail.data!.report.version }),
    onSuccess: () => {
      setAction(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: reportKeys.all });
    },
    onError: showError,
  });
  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { report: r, clocks } = detail.data;
  const isLeader = canAccess(roles, PERMISSIONS.caseLeader);
  const actions = canAccess(roles, PERMISSIONS.petitionDesk)
    ? allowedReportActions(r.status).filter((a) => {
        if (REPORT_LEADER_ACTIONS.includes(a)) return isLeader && !!r.extensionRequest;
        if (a === 'request-extension') return !r.extensionRequest;
        return true;
      })
    : [];
  return (
    <PageContainer
      title={r.title}
      extra={[
        ...actions.map((a) => (
          <Button key={a} onClick={() => setAction(a)} data-testid={`report-action-${a}`}>
            {t(`reports.actions.${a}`)}
          </Button>
        )),
        <ToClueButton key="clue" from="report" id={r.id} />,
      ]}
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t('reports.code')}>{r.code}</Descriptions.Item>
              <Descriptions.Item label={t('reports.status')}>
                <Tag color={REPORT_STATUS_COLORS[r.status]}>{reportStatusLabel(r.status, lang)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.channel')}>{reportChannelLabel(r.channel, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('reports.receivedAt')}>{formatDateTime(r.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('reports.location')}>{r.location}</Descriptions.Item>
              <Descriptions.Item label={t('reports.reporter')}>
                {r.anonymous ? t('reports.anonymous') : `${r.reporterName ?? ''} ${r.reporterPhone ?? ''}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.acceptanceDue')}>{r.acceptanceDueDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('reports.handlingDue')}>
                <span data-testid="report-handling-due">{r.handlingDueDate ?? '—'}</span>
                {r.extensionDays ? ` (+${r.extensionDays})` : ''}
              </Descriptions.Item>
              {r.decisionNote ? (
                <Descriptions.Item label={t('reports.decision')} span="filled">
                  {r.decisionNote}{' '}
                  {r.closedOnTime === null ? null : r.closedOnTime ? (
                    <Tag color="green">{t('petitions.onTime')}</Tag>
                  ) : (
                    <Tag color="red">{t('petitions.late')}</Tag>
                  )}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {r.extensionRequest ? (
              <Alert
                style={{ marginTop: 16 }}
                type="warning"
                showIcon
                title={t('petitions.extensionPending', {
                  days: r.extensionRequest.days,
                  by: r.extensionRequest.requestedBy,
                  reason: r.extensionRequest.reason,
                })}
              />
            ) : null}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>{r.content}</Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('petitions.clocks')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={clocks}
              columns={[
                { title: t('petitions.clock'), dataIndex: 'title', ellipsis: true },
                { title: t('petitions.dueDate'), dataIndex: 'dueDate' },
                {
                  title: t('petitions.clockState'),
                  dataIndex: 'state',
                  render: (s: string) =>
                    t(`petitions.clockStates.${s}` as 'petitions.clockStates.met', { defaultValue: s }),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={action !== null}
        title={action ? t(`reports.actions.${action}`) : ''}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        confirmLoading={act.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
          {action === 'request-extension' ? (
            <Form.Item name="days" label={t('petitions.extendDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={30 - r.extensionDays} />
            </Form.Item>
          ) : null}
          {action && NEEDS_TEXT.has(action) ? (
            <Form.Item
              name="text"
              label={action === 'transfer' ? t('reports.transferTo') : t('petitions.actionText')}
              rules={[{ required: true, min: 2 }]}
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          ) : (
            <Typography.Paragraph>{t('reports.confirmAction')}</Typography.Paragraph>
          )}
        </Form>
      </Modal>
    </PageContainer>
  );
}
