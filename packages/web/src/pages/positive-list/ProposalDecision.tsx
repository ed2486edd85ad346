import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Accept or reject a removal proposal; both need the officer's reason. */
export function ProposalDecision({
  onDecide,
  busy,
}: {
  onDecide: (accept: boolean, reason: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = (accept: boolean) => form.validateFields().then((v) => onDecide(accept, v.reason));
  return (
    <Form form={form} layout="inline">
      <Form.Item
        name="reason"
        rules={[{ required: true, whitespace: true, message: t('positiveList.decisionReasonRequired') }]}
      >
        <Input placeholder={t('positiveList.decisionReason')} maxLength={500} data-testid="proposal-reason" />
      </Form.Item>
      <Button danger size="small" loading={busy} onClick={() => submit(true)}>
        {t('positiveList.accept')}
      </Button>
      <Button size="small" loading={busy} onClick={() => submit(false)}>
        {t('positiveList.reject')}
      </Button>
    </Form>
  );
}
