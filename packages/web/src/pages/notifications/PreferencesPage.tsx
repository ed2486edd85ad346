import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { getPreferences, notificationKeys, putPreferences } from './api.ts';

interface PrefForm {
  email?: string;
  webhookUrl?: string;
  wechatOpenid?: string;
  rotateWebhookSecret?: boolean;
}

/** 通知方式: in-app always; e-mail, WeChat openid, and (enterprises) a signed webhook. */
export default function PreferencesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<PrefForm>();
  const prefs = useQuery({ queryKey: notificationKeys.prefs, queryFn: ({ signal }) => getPreferences(signal) });
  const save = useMutation({
    mutationFn: (v: PrefForm) =>
      putPreferences({
        email: v.email?.trim() || null,
        webhookUrl: v.webhookUrl?.trim() || null,
        wechatOpenid: v.wechatOpenid?.trim() || null,
        ...(v.rotateWebhookSecret ? { rotateWebhookSecret: true } : {}),
      }),
    onSuccess: (data) => {
      message.success(t('common.saved'));
      qc.setQueryData(notificationKeys.prefs, data);
      form.setFieldValue('rotateWebhookSecret', false);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      showError(e);
    },
  });
  if (prefs.isLoading) return <PageLoading />;
  if (prefs.isError) return <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />;
  const p = prefs.data!;
  const isEnterprise = !!user?.enterpriseId;
  return (
    <PageContainer title={t('prefs.title')}>
      <Card style={{ maxWidth: 720 }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('prefs.inAppAlways')} />
        <Form<PrefForm>
          form={form}
          layout="vertical"
          initialValues={{ email: p.email ?? '', webhookUrl: p.webhookUrl ?? '', wechatOpenid: p.wechatOpenid ?? '' }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item
            name="email"
            label={t('prefs.email')}
            rules={[{ type: 'email', message: t('prefs.emailInvalid') }]}
          >
            <Input data-testid="prefs-email" placeholder="name@example.com" />
          </Form.Item>
          <Form.Item name="wechatOpenid" label={t('prefs.wechat')} extra={t('prefs.wechatHint')}>
            <Input data-testid="prefs-wechat" />
          </Form.Item>
          {isEnterprise ? (
            <>
              <Form.Item
                name="webhookUrl"
                label={t('prefs.webhook')}
                rules={[{ type: 'url', message: t('prefs.urlInvalid') }]}
                extra={t('prefs.webhookHint')}
              >
                <Input data-testid="prefs-webhook" placeholder="https://…" />
              </Form.Item>
              {p.webhookSecret ? (
                <Form.Item label={t('prefs.secret')}>
                  <Typography.Text code copyable data-testid="prefs-secret">
                    {p.webhookSecret}
                  </Typography.Text>
                </Form.Item>
              ) : null}
              <Form.Item name="rotateWebhookSecret" valuePropName="checked">
                <Checkbox>{t('prefs.rotate')}</Checkbox>
              </Form.Item>
            </>
          ) : null}
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="prefs-save">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
