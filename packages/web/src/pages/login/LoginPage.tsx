import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { postLoginPath } from '../../access.ts';
import { errorMessage } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { routes } from '../../routes.tsx';

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const redirect = params.get('redirect');

  if (user) return <Navigate to={postLoginPath(routes, user.roles, redirect)} replace />;

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const me = await login(values.username.trim(), values.password);
      navigate(postLoginPath(routes, me.roles, redirect), { replace: true });
    } catch (e) {
      setError(e);
      setSubmitting(false);
    }
  };

  return (
    <section
      style={{
        maxWidth: 400,
        margin: '48px auto',
        padding: '24px 24px 32px',
        background: '#fff',
        border: '1px solid #f0f0f0',
        borderRadius: 8,
      }}
    >
      <h2 style={{ marginTop: 0 }}>{t('login.title')}</h2>
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form<LoginValues> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} name="login">
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </section>
  );
}
