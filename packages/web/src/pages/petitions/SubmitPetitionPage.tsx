import { PETITION_TYPES, type PetitionType } from '@qingshan/core/petitions';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { type Petition, type PublicPetitionInput, submitPetition } from './api.ts';
import { typeLabel } from './labels.ts';

/** 网上信访: a citizen submits a petition without an account and gets a tracking code. */
export default function SubmitPetitionPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const [form] = Form.useForm<PublicPetitionInput>();
  const [done, setDone] = useState<Petition | null>(null);
  const m = useMutation({
    mutationFn: submitPetition,
    onSuccess: setDone,
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  if (done) {
    return (
      <PageContainer title={t('petitions.submitTitle')}>
        <Result status="success" title={t('petitions.submitted')} subTitle={t('petitions.keepCode')} />
        <Card style={{ maxWidth: 560, margin: '0 auto' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('petitions.code')}>
              <Typography.Text copyable strong>
                {done.code}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('petitions.title')}>{done.title}</Descriptions.Item>
            <Descriptions.Item label={t('petitions.acceptanceDue')}>{done.acceptanceDueDate}</Descriptions.Item>
          </Descriptions>
          <Link to={`/petitions/track?code=${done.code}`}>
            <Button style={{ marginTop: 16 }}>{t('petitions.trackTitle')}</Button>
          </Link>
        </Card>
      </PageContainer>
    );
  }
  return (
    <PageContainer
      title={t('petitions.submitTitle')}
      extra={<Link to="/petitions/track">{t('petitions.trackTitle')}</Link>}
    >
      <Alert type="info" showIcon title={t('petitions.intro')} style={{ marginBottom: 16 }} />
      <Card>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ type: 'claim' }}
          onFinish={(v) => m.mutate(v)}
        >
          <Form.Item name="type" label={t('petitions.type')} rules={[{ required: true }]}>
            <Radio.Group options={PETITION_TYPES.map((k: PetitionType) => ({ value: k, label: typeLabel(k, lang) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('petitions.title')} rules={[{ required: true, min: 4, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={t('petitions.content')} rules={[{ required: true, min: 10 }]}>
            <Input.TextArea rows={6} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="petitionerName" label={t('petitions.petitioner')} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="petitionerPhone"
            label={t('appointments.phone')}
            rules={[
              { required: true },
              { pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: t('appointments.phoneInvalid') },
            ]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="petitionerAddress" label={t('petitions.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={m.isPending}>
            {t('petitions.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
