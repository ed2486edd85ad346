// Empty and error states shared by every data page (loading: PageLoading.tsx). Only lazy
// modules import this file: antd's Result carries large illustrations.
export { PageLoading } from './PageLoading.tsx';

import { Button, Empty, Result } from 'antd';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '../api/errors.ts';
import { ApiError } from '../api/http.ts';
import { ButtonLink } from './ButtonLink.tsx';

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError && (error.status === 403 || error.status === 404) ? error.status : 'error';
  // a refusal or a missing record stays so however often it is asked again: no 重试 for those
  return (
    <Result
      status={status === 'error' ? 'warning' : status}
      title={
        status === 403
          ? t('common.noAccessToRecord')
          : status === 404
            ? t('common.recordNotFound')
            : t('common.loadFailed')
      }
      subTitle={errorMessage(error, t)}
      extra={
        onRetry && status === 'error' ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function EmptyState({ description }: { description?: string }) {
  const { t } = useTranslation();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('common.empty')} />;
}

/** The 403 page, for a user whose roles do not open the page. */
export function Forbidden({ homePath }: { homePath: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.subtitle')}
      extra={
        <ButtonLink to={homePath} type="primary">
          {t('common.backHome')}
        </ButtonLink>
      }
    />
  );
}
