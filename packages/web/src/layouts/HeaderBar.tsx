import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { HOME_LINK_LABEL, homePathFor } from '../access.ts';
import { useShowError } from '../api/errors.ts';
import { useAuth } from '../auth/auth.tsx';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useLanguage } from '../i18n.ts';

// An enterprise account's name is the enterprise's with the officer's role (上栗县金花烟花制造有限公司·环保专员):
// in full it pushed the bureau's English name to an ellipsis at 1,280 px. Capped (the Chinese name
// is short enough to leave it whole), and whole in the tooltip.
const userNameStyle = (lang: string) =>
  ({
    display: 'inline-block',
    maxWidth: lang === 'en' ? '10em' : '20em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    verticalAlign: 'bottom',
  }) as const;

/** Bureau name on the left; language, current user and logout (or login) on the right. */
export function HeaderBar({ left, extra }: { left?: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { user, roles, logout } = useAuth();
  // On a phone the bureau's full name, the user, the face's name and the logout label do not fit
  // beside the rest: keep the short ones (the logout button keeps its name for screen readers).
  const screens = Grid.useBreakpoint();
  const narrow = screens.sm === false;
  // On a tablet (576–991 px) a signed-in header also carries the face and the user's name, and the
  // bureau's full name was cut to "青山 · 萍乡…" ("Qingshan · …"): the short mark reads better whole.
  const shortTitle = narrow || (user !== null && screens.lg === false);
  const navigate = useNavigate();
  // the login page's own form is the way in: a second 登录 button above it led nowhere new
  const onLoginPage = useLocation().pathname === '/login';
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
        gap: narrow ? 8 : 16,
        paddingInline: narrow ? 12 : 16,
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
          {shortTitle ? <span title={t('common.headerTitle')}>{t('common.appMark')}</span> : t('common.headerTitle')}
        </h1>
      </Link>
      <Flex align="center" gap={8}>
        {narrow ? null : extra}
        <LanguageSwitch />
        {user ? (
          <Space size={8}>
            {homePathFor(roles) !== '/' ? (
              <Link to={homePathFor(roles)} data-testid="my-home-link">
                {t(HOME_LINK_LABEL[homePathFor(roles)])}
              </Link>
            ) : null}
            {narrow ? null : (
              <span data-testid="current-user" title={`${t('nav.userMenu')}: ${user.displayName}`}>
                <UserOutlined /> <span style={userNameStyle(lang)}>{user.displayName}</span>
              </span>
            )}
            <Button
              icon={<LogoutOutlined />}
              data-testid="logout"
              aria-label={narrow ? t('nav.logout') : undefined}
              title={narrow ? t('nav.logout') : undefined}
              onClick={() => void onLogout()}
            >
              {narrow ? null : t('nav.logout')}
            </Button>
          </Space>
        ) : onLoginPage ? null : (
          <ButtonLink to="/login" type="primary">
            {t('nav.login')}
          </ButtonLink>
        )}
      </Flex>
    </Layout.Header>
  );
}
