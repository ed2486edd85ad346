import { CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import '../../shell.css';

function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
      error.message,
    )
  );
}

/**
 * The router's error boundary: shown when a page throws while rendering or its code fails to
 * load. Loaded eagerly and drawn without antd, since it must work when chunks (antd's among them)
 * do not.
 */
export default function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (import.meta.env.DEV && !notFound) console.error(error);
  return (
    <div className="qs-error-page" role="alert">
      <CloseCircleFilled className="qs-error-mark" aria-hidden />
      <h2>{notFound ? t('notFound.title') : t('errorPage.title')}</h2>
      <p>
        {notFound ? t('notFound.subtitle') : isChunkLoadError(error) ? t('errorPage.chunk') : t('errorPage.subtitle')}
      </p>
      <div className="qs-error-actions">
        <button type="button" className="qs-btn qs-btn-primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </button>
        <a className="qs-btn" href="/">
          {t('common.backHome')}
        </a>
      </div>
    </div>
  );
}
