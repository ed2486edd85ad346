import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { HOME_LINK_LABEL, homePathFor } from '../access.ts';
import { useShowError } from '../api/errors.ts';
import { useAuth } from '../auth/auth.tsx';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

/** Bureau name on the left; language, current user and logout (or login) on the right. */
export function HeaderBar({ left, extra }: { left?: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const { user, roles, logout } = useAuth();
  // On a phone the bureau's full name and the user's name do not both fit: keep the short ones.
  const narrow = Grid.useBreakpoint().sm === false;
  const navigate = useNavigate();
  const showError = useShowError();

  const onLogout = async () => {
    try {
      await logout();
    } catch (e) {
      showError(e);
    }
    navigate('/login', { replace: true });
  };

  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        paddingInline: 16,
        background: '#fff',
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      {left}
      <Link to="/" style={{ minWidth: 0, flex: 1 }}>
        <h1
          style={{
            margin: 0,
            fontSize: 18,
            fontWeight: 600,
            color: '#1f6f43',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {narrow ? t('common.appName') : t('common.headerTitle')}
        </h1>
      </Link>
      <Flex align="center" gap={8}>
        {extra}
        <LanguageSwitch />
        {user ? (
          <Space size={8}>
            {homePathFor(roles) !== '/' ? (
              <Link to={homePathFor(roles)} data-testid="my-home-link">
                {t(HOME_LINK_LABEL[homePathFor(roles)])}
              </Link>
            ) : null}
            <span data-testid="current-user" title={t('nav.userMenu')}>
              <UserOutlined aria-label={narrow ? user.displayName : undefined} /> {narrow ? null : user.displayName}
            </span>
            <Button icon={<LogoutOutlined />} data-testid="logout" onClick={() => void onLogout()}>
              {t('nav.logout')}
            </Button>
          </Space>
        ) : (
          <ButtonLink to="/login" type="primary">
            {t('nav.login')}
          </ButtonLink>
        )}
      </Flex>
    </Layout.Header>
  );
}
