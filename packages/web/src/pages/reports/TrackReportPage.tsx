import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { trackReport } from './api.ts';
import { REPORT_STATUS_COLORS, reportStatusLabel } from './labels.ts';

/** A named reporter follows the report by its code and the phone given (anonymous ones cannot). */
export default function TrackReportPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [params] = useSearchParams();
  const [ask, setAsk] = useState<{ code: string; phone: string } | null>(null);
  const q = useQuery({
    queryKey: ['reports', 'track', ask],
    queryFn: ({ signal }) => trackReport(ask!.code, ask!.phone, signal),
    enabled: ask !== null,
    retry: false,
  });
  const r = q.data?.report;
  return (
    <PageContainer title={t('reports.trackTitle')}>
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="inline"
          initialValues={{ code: params.get('code') ?? '' }}
          onFinish={(v: { code: string; phone: string }) => setAsk({ code: v.code.trim(), phone: v.phone.trim() })}
        >
          <Form.Item name="code" label={t('reports.code')} rules={[{ required: true }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="phone" label={t('reports.reporterPhone')} rules={[{ required: true }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={q.isFetching}>
            {t('reports.track')}
          </Button>
        </Form>
      </Card>
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
      {r ? (
        <Card>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('reports.title')}>{r.title}</Descriptions.Item>
            <Descriptions.Item label={t('reports.status')}>
              <Tag color={REPORT_STATUS_COLORS[r.status]}>{reportStatusLabel(r.status, lang)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.receivedAt')}>{formatDateTime(r.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('reports.acceptanceDue')}>{r.acceptanceDueDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('reports.handlingDue')}>{r.handlingDueDate ?? '—'}</Descriptions.Item>
            {r.decisionNote ? (
              <Descriptions.Item label={t('reports.decision')}>{r.decisionNote}</Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      ) : null}
    </PageContainer>
  );
}
