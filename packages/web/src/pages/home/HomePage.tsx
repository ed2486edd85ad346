import {
  AimOutlined,
  AlertOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  FormOutlined,
  LoginOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homePathFor } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
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
        <Link to={to} className="qs-btn qs-btn-primary" aria-label={title}>
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
/** What anyone can do without signing in, in the order a citizen looks for it. */
const PUBLIC_ACTIONS = [
  { key: 'matters', icon: <ReadOutlined />, to: '/matters', testId: 'home-matters' },
  { key: 'eiaWizard', icon: <NodeIndexOutlined />, to: '/eia-wizard', testId: 'home-eia-wizard' },
  { key: 'eiaNotices', icon: <NotificationOutlined />, to: '/eia/notices', testId: 'home-eia-notices' },
  { key: 'book', icon: <CalendarOutlined />, to: '/appointments', testId: 'home-book' },
  { key: 'lookup', icon: <ScheduleOutlined />, to: '/appointments/lookup', testId: 'home-lookup' },
  { key: 'petition', icon: <FormOutlined />, to: '/petitions/submit', testId: 'home-petition' },
  { key: 'report', icon: <AlertOutlined />, to: '/reports/submit', testId: 'home-report' },
  { key: 'reception', icon: <TeamOutlined />, to: '/reception', testId: 'home-reception' },
  { key: 'track', icon: <FileSearchOutlined />, to: '/petitions/track', testId: 'home-petition-track' },
  { key: 'positiveList', icon: <SafetyCertificateOutlined />, to: '/positive-list', testId: 'home-positive-list' },
  { key: 'inspectionResults', icon: <AimOutlined />, to: '/inspection-results', testId: 'home-inspection-results' },
  { key: 'policies', icon: <NotificationOutlined />, to: '/policies', testId: 'home-policies' },
  { key: 'disclosure', icon: <FileSearchOutlined />, to: '/disclosure', testId: 'home-disclosure' },
] as const;

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
        {PUBLIC_ACTIONS.map((a) => (
          <ActionCard
            key={a.key}
            icon={a.icon}
            title={t(`home.${a.key}Title`)}
            desc={t(`home.${a.key}Desc`)}
            to={a.to}
            testId={a.testId}
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
