import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** Suspense fallback and first-load state of every page. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }} aria-busy="true">
      <Spin description={t('common.loading')} />
    </div>
  );
}
