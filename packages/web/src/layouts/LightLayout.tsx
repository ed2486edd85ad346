import { GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { HOME_LINK_LABEL, homePathFor } from '../access.ts';
import { errorMessage } from '../api/error-message.ts';
import { useAuth } from '../auth/auth.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { currentLanguage, setLanguage } from '../i18n.ts';
import '../shell.css';

/**
 * The public home's frame: the same header (bureau name, language, user, login or logout) and
 * footer as PublicLayout, in plain markup and shell.css. The home is the page most visitors open
 * first, often on a phone over a slow line, so nothing on it may pull antd in (see
 * light-shell.test.ts); every other page loads antd with AntdShell.
 */
export function LightLayout() {
  const { t } = useTranslation();
  const { user, roles, logout } = useAuth();
  const navigate = useNavigate();
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const lang = currentLanguage();
  const next = lang === 'en' ? 'zh-CN' : 'en';
  const home = homePathFor(roles);

  const onLogout = async () => {
    setLogoutError(null);
    try {
      await logout();
      navigate('/login', { replace: true });
    } catch (e) {
      // The session is forgotten here either way; say that the server did not confirm it.
      setLogoutError(errorMessage(e, t));
    }
  };

  return (
    <div className="qs-shell">
      <header className="qs-shell-header">
        <Link to="/" className="qs-shell-brand">
          <h1>
            <span className="qs-full">{t('common.headerTitle')}</span>
            <span className="qs-short">{t('common.appName')}</span>
          </h1>
        </Link>
        <div className="qs-shell-tools">
          {logoutError ? (
            <span className="qs-shell-alert" role="alert">
              {logoutError}
            </span>
          ) : null}
          <button
            type="button"
            className="qs-btn qs-btn-text"
            data-testid="lang-switch"
            title={t('lang.ariaLabel')}
            lang={next}
            onClick={() => void setLanguage(next)}
          >
            <GlobalOutlined />
            {t('lang.switchTo')}
          </button>
          {user ? (
            <>
              {home !== '/' ? (
                <Link to={home} data-testid="my-home-link">
                  {t(HOME_LINK_LABEL[home])}
                </Link>
              ) : null}
              <span data-testid="current-user" title={t('nav.userMenu')}>
                <UserOutlined /> <span className="qs-shell-username">{user.displayName}</span>
              </span>
              <button type="button" className="qs-btn" data-testid="logout" onClick={() => void onLogout()}>
                <LogoutOutlined />
                {t('nav.logout')}
              </button>
            </>
          ) : (
            <Link to="/login" className="qs-btn qs-btn-primary">
              {t('nav.login')}
            </Link>
          )}
        </div>
      </header>
      <main className="qs-shell-main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="qs-shell-footer">
        {t('common.appName')} · {t('common.bureau')}
      </footer>
    </div>
  );
}
