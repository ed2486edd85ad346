import { Layout } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';
import { HeaderBar } from './HeaderBar.tsx';

/** The public face: home page, login, 404. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Layout className="qs-full-height">
      <HeaderBar />
      <Layout.Content style={{ padding: '24px 16px', maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <span style={{ color: 'rgba(0, 0, 0, 0.6)' }}>
          {t('common.appName')} · {t('common.bureau')}
        </span>
      </Layout.Footer>
    </Layout>
  );
}
