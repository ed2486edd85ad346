import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { shanghaiDayStart } from '../../utils/datetime.ts';
import { disclosureKeys, registerRequest, type StaffRequestInput } from './api.ts';
import { applicantTypeOptions, DELIVERY_LABELS } from './labels.ts';

type Values = Omit<StaffRequestInput, 'receivedAt'> & { receivedOn: Dayjs };

/** 登记 a request that came by letter or at the counter: its clock runs from the day it was received (§31). */
export default function RegisterRequestPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const delivery = Form.useWatch('delivery', form);
  const m = useMutation({
    mutationFn: ({ receivedOn, ...v }: Values) =>
      registerRequest({ ...v, receivedAt: shanghaiDayStart(receivedOn.format('YYYY-MM-DD')) }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: disclosureKeys.all });
      message.success(t('disclosure.registered', { code: r.code }));
      navigate(`/staff/disclosure/${r.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  return (
    <PageContainer title={t('disclosure.registerTitle')}>
      <Alert type="info" showIcon title={t('disclosure.registerIntro')} style={{ marginBottom: 16 }} />
      <Card>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ applicantType: 'natural-person', delivery: 'paper', receivedOn: dayjs() }}
          onFinish={(v) => m.mutate(v)}
        >
          <Form.Item name="receivedOn" label={t('disclosure.receivedOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="applicantType" label={t('disclosure.applicantType')} rules={[{ required: true }]}>
            <Select options={applicantTypeOptions(lang)} />
          </Form.Item>
          <Form.Item name="applicantName" label={t('disclosure.applicantName')} rules={[{ required: true, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="applicantIdNo"
            label={t('disclosure.applicantIdNo')}
            rules={[{ required: true, min: 6, max: 30 }]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="phone" label={t('disclosure.phone')} rules={[{ required: true }]}>
            <Input maxLength={20} />
          </Form.Item>
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
            <Input.TextArea rows={5} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="delivery" label={t('disclosure.delivery')} rules={[{ required: true }]}>
            <Radio.Group
              options={(['paper', 'email', 'pickup'] as const).map((k) => ({
                value: k,
                label: DELIVERY_LABELS[k][coreLang(lang)],
              }))}
            />
          </Form.Item>
          {delivery === 'email' ? (
            <Form.Item name="email" label={t('disclosure.email')} rules={[{ required: true, type: 'email', max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" loading={m.isPending}>
            {t('disclosure.register')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
