import { useTranslation } from 'react-i18next';
import '../shell.css';

/**
 * Suspense fallback and first-load state of every page. Plain markup (no antd Spin): it is shown
 * before antd has loaded, and the public home must not pull antd in for it.
 */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="qs-loading" aria-busy="true" role="status">
      {t('common.loading')}
    </div>
  );
}
