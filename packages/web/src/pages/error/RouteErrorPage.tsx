import { CloseCircleFilled } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

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
 * load. Loaded eagerly and kept light (no antd Result), since it must work when chunks do not.
 */
export default function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (import.meta.env.DEV && !notFound) console.error(error);
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '64px 16px', textAlign: 'center' }} role="alert">
      <CloseCircleFilled style={{ fontSize: 64, color: '#ff4d4f' }} aria-hidden />
      <h2 style={{ margin: 0 }}>{notFound ? t('notFound.title') : t('errorPage.title')}</h2>
      <p style={{ margin: 0, color: 'rgba(0, 0, 0, 0.45)' }}>
        {notFound ? t('notFound.subtitle') : isChunkLoadError(error) ? t('errorPage.chunk') : t('errorPage.subtitle')}
      </p>
      <Flex gap={8}>
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
        <Button href="/">{t('common.backHome')}</Button>
      </Flex>
    </Flex>
  );
}
