import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Permit } from './api.ts';

/**
 * A permit's validity with the days to its expiry beside it. The days are the permit's, to its expiry:
 * shown beside the renewal apply-by date they read as time left to apply, which had often run out.
 */
export function PermitValidity({
  permit: p,
}: {
  permit: Pick<Permit, 'validFrom' | 'validTo' | 'daysToExpiry' | 'status'>;
}) {
  const { t } = useTranslation();
  if (!p.validFrom || !p.validTo) return <>{t('common.none')}</>;
  return (
    <>
      {`${p.validFrom} — ${p.validTo}`}{' '}
      {p.daysToExpiry !== null && p.status === 'valid' ? (
        <Tag color={p.daysToExpiry <= 60 ? 'red' : 'default'}>{t('permits.expiresIn', { count: p.daysToExpiry })}</Tag>
      ) : null}
    </>
  );
}
