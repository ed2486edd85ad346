import { checkPasswordPolicy } from '@qingshan/core/password';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import type { Me } from '../../api/types.ts';
import { ME_KEY } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { changePassword } from './api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Change one's own password; the policy (≥ 8 characters, 3 of 4 classes, no common password) is
 * checked as you type. `forced`: the password was issued by an admin and every other page waits
 * until it is changed (the server answers PASSWORD_CHANGE_REQUIRED meanwhile).
 */
export default function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const lang = useLanguage();

  const onFinish = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      void message.success(t('account.changed'));
      // The server has lifted the block: let the page the user asked for render.
      queryClient.setQueryData<Me | null>(ME_KEY, (me) => (me ? { ...me, mustChangePassword: false } : me));
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setError(e);
      } else if (e.code === 'PASSWORD_WRONG') {
        form.setFields([{ name: 'currentPassword', errors: [errorMessage(e, t)] }]);
      } else {
        const unplaced = applyFieldErrors(form, e);
        if (e.code === 'PASSWORD_POLICY' && e.errors.length === 0) {
          form.setFields([{ name: 'newPassword', errors: [errorMessage(e, t)] }]);
        } else if (e.errors.length === 0 || unplaced.length > 0) {
          setError(e);
        }
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title={t('account.title')}>
      <Card style={{ maxWidth: 520 }}>
        {forced ? (
          <Alert
            type="warning"
            showIcon
            title={t('account.mustChange')}
            style={{ marginBottom: 16 }}
            data-testid="account-must-change"
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} /> : null}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} name="change-password">
          <Form.Item
            label={t('account.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('account.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="account-current-password" />
          </Form.Item>
          <Form.Item
            label={t('account.new')}
            name="newPassword"
            extra={t('account.policy')}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('account.newRequired') },
              ({ getFieldValue }) => ({
                validator(_, value: string | undefined) {
                  if (!value) return Promise.resolve();
                  const check = checkPasswordPolicy(value);
                  if (!check.ok) return Promise.reject(new Error(lang === 'en' ? check.messageEn : check.message));
                  if (value === getFieldValue('currentPassword'))
                    return Promise.reject(new Error(t('account.sameAsCurrent')));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="account-new-password" />
          </Form.Item>
          <Form.Item
            label={t('account.confirm')}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('account.newRequired') },
              ({ getFieldValue }) => ({
                validator(_, value: string | undefined) {
                  return !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.mismatch')));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="account-confirm-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="account-save">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
