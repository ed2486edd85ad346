import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { type PublicReportInput, type Report, submitReport } from './api.ts';

/** 网上环保举报: anyone reports pollution, named or anonymous, without an account. */
export default function SubmitReportPage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<PublicReportInput>();
  const anonymous = Form.useWatch('anonymous', form);
  const [done, setDone] = useState<Report | null>(null);
  const m = useMutation({
    mutationFn: submitReport,
    onSuccess: setDone,
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  if (done) {
    return (
      <PageContainer title={t('reports.submitTitle')}>
        <Result status="success" title={t('reports.submitted')} />
        <Card style={{ maxWidth: 560, margin: '0 auto' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('reports.code')}>
              <Typography.Text copyable strong>
                {done.code}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.acceptanceDue')}>{done.acceptanceDueDate}</Descriptions.Item>
          </Descriptions>
          {done.anonymous ? null : (
            <Link to={`/reports/track?code=${done.code}`}>
              <Button style={{ marginTop: 16 }}>{t('reports.trackTitle')}</Button>
            </Link>
          )}
        </Card>
      </PageContainer>
    );
  }
  return (
    <PageContainer title={t('reports.submitTitle')} extra={<Link to="/reports/track">{t('reports.trackTitle')}</Link>}>
      <Alert type="info" showIcon title={t('reports.intro')} style={{ marginBottom: 16 }} />
      <Card>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ anonymous: false }}
          onFinish={(v) => m.mutate(v)}
        >
          <Form.Item name="title" label={t('reports.title')} rules={[{ required: true, min: 4, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={t('reports.content')} rules={[{ required: true, min: 10 }]}>
            <Input.TextArea rows={6} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="location" label={t('reports.location')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="anonymous"
            label={t('reports.anonymous')}
            valuePropName="checked"
            extra={t('reports.anonymousHelp')}
          >
            <Switch />
          </Form.Item>
          {anonymous ? null : (
            <>
              <Form.Item name="reporterName" label={t('reports.reporterName')}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="reporterPhone" label={t('reports.reporterPhone')} rules={[{ required: true }]}>
                <Input maxLength={20} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={m.isPending}>
            {t('reports.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
