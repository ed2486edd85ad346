import { LoginOutlined, ShopOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homePathFor } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { homeCards } from '../../routes.tsx';
import '../../shell.css';
import './home.css';

function ActionCard({
  icon,
  title,
  desc,
  to,
  testId,
}: {
  icon: ReactNode;
  title: string;
  desc: string;
  to: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="qs-home-panel qs-home-action" data-testid={testId}>
      <h2>
        {icon}
        {title}
      </h2>
      <p>{desc}</p>
      <div>
        <Link to={to} className="qs-btn qs-btn-primary" aria-label={t('home.goTo', { target: title })}>
          {t('home.go')}
        </Link>
      </div>
    </section>
  );
}

/**
 * Public home: who we are, what the service is, and the things the public can do: book a window,
 * look up a booking, submit and track a petition, log in. Plain markup in LightLayout, without
 * antd, so the first page loads little besides React (light-shell.test.ts keeps it so).
 */

export default function HomePage() {
  const { t } = useTranslation();
  const { user, roles } = useAuth();
  const home = homePathFor(roles);

  return (
    <div>
      <header className="qs-home-hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.subtitle')}</p>
      </header>
      <section className="qs-home-panel">
        <h2>{t('home.introTitle')}</h2>
        <p>{t('home.intro1')}</p>
        <p>{t('home.intro2')}</p>
      </section>
      <div className="qs-home-actions">
        {user && home !== '/' ? (
          <ActionCard
            icon={<LoginOutlined />}
            title={t('home.consoleTitle')}
            desc={t('home.consoleDesc', { name: user.displayName })}
            to={home}
            testId="home-console"
          />
        ) : null}
        {homeCards().map((r) => (
          <ActionCard
            key={r.path}
            icon={r.home.icon}
            title={t(r.home.titleKey)}
            desc={t(r.home.descKey)}
            to={r.path}
            testId={r.home.testId}
          />
        ))}
        {user ? null : (
          <>
            <ActionCard
              icon={<LoginOutlined />}
              title={t('home.staffLoginTitle')}
              desc={t('home.staffLoginDesc')}
              to="/login"
              testId="home-staff-login"
            />
            <ActionCard
              icon={<ShopOutlined />}
              title={t('home.enterpriseLoginTitle')}
              desc={t('home.enterpriseLoginDesc')}
              to="/login"
              testId="home-enterprise-login"
            />
          </>
        )}
      </div>
    </div>
  );
}
