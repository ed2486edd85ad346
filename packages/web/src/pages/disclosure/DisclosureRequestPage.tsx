import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isStaff } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { PhoneCodeField } from '../../components/PhoneCodeField.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { type DisclosureView, fileRequest, type PublicRequestInput } from './api.ts';
import { applicantTypeOptions, DELIVERY_LABELS } from './labels.ts';

/** 政府信息公开申请 on the public portal: no account needed, the phone proven with a code; a tracking code back. */
export default function DisclosureRequestPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { user, roles } = useAuth();
  const showError = useShowError();
  const [form] = Form.useForm<PublicRequestInput>();
  const delivery = Form.useWatch('delivery', form);
  const [done, setDone] = useState<DisclosureView | null>(null);
  const m = useMutation({
    mutationFn: fileRequest,
    onSuccess: setDone,
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  if (done) {
    return (
      <PageContainer title={t('disclosure.applyTitle')}>
        <Result status="success" title={t('disclosure.submitted')} subTitle={t('disclosure.keepCode')} />
        <Card style={{ maxWidth: 600, margin: '0 auto' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('disclosure.code')}>
              <Typography.Text copyable strong data-testid="disclosure-code">
                {done.code}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('disclosure.receivedAt')}>{formatDateTime(done.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.dueDate')}>
              {done.dueDate}
              <div>
                <Typography.Text type="secondary">{t('disclosure.dueHint')}</Typography.Text>
              </div>
            </Descriptions.Item>
          </Descriptions>
          <ButtonLink style={{ marginTop: 16 }} to={`/disclosure/track?code=${done.code}`}>
            {t('disclosure.track')}
          </ButtonLink>
        </Card>
      </PageContainer>
    );
  }
  return (
    <PageContainer
      title={t('disclosure.applyTitle')}
      extra={<Link to="/disclosure/track">{t('disclosure.track')}</Link>}
    >
      <Alert type="info" showIcon title={t('disclosure.applyIntro')} style={{ marginBottom: 16 }} />
      <Card>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ applicantType: 'natural-person', delivery: 'email' }}
          onFinish={(v) => m.mutate(v)}
        >
          <Form.Item name="applicantType" label={t('disclosure.applicantType')} rules={[{ required: true }]}>
            <Select options={applicantTypeOptions(lang)} data-testid="disclosure-applicant-type" />
          </Form.Item>
          <Form.Item name="applicantName" label={t('disclosure.applicantName')} rules={[{ required: true, max: 100 }]}>
            <Input maxLength={100} data-testid="disclosure-name" />
          </Form.Item>
          <Form.Item
            name="applicantIdNo"
            label={t('disclosure.applicantIdNo')}
            rules={[{ required: true, min: 6, max: 30 }]}
          >
            <Input maxLength={30} data-testid="disclosure-id-no" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('disclosure.phone')}
            rules={[
              { required: true },
              { pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: t('appointments.phoneInvalid') },
            ]}
          >
            <Input maxLength={20} data-testid="disclosure-phone" />
          </Form.Item>
          {isStaff(roles) ? null : (
            <PhoneCodeField form={form} required={!user} forAccount={!!user} purpose="submission" />
          )}
          <Form.Item name="address" label={t('disclosure.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('disclosure.description')}
            // the hint wraps short of the character count, which sits on its line at the right
            extra={<div style={{ paddingInlineEnd: 80 }}>{t('disclosure.descriptionHint')}</div>}
            rules={[{ required: true, min: 4, max: 2000 }]}
          >
            <Input.TextArea rows={5} maxLength={2000} showCount data-testid="disclosure-description" />
          </Form.Item>
          <Form.Item name="delivery" label={t('disclosure.delivery')} rules={[{ required: true }]}>
            <Radio.Group
              options={(['email', 'paper', 'pickup'] as const).map((k) => ({
                value: k,
                label: DELIVERY_LABELS[k][coreLang(lang)],
              }))}
            />
          </Form.Item>
          {delivery === 'email' ? (
            <Form.Item name="email" label={t('disclosure.email')} rules={[{ required: true, type: 'email', max: 200 }]}>
              <Input maxLength={200} data-testid="disclosure-email" />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" loading={m.isPending} data-testid="disclosure-submit">
            {t('disclosure.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
