import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { canAccess } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { POSITIVE_LIST_PERMISSIONS } from './permissions.ts';

const PATHS = {
  list: '/staff/positive-list',
  proposals: '/staff/positive-list/proposals',
  new: '/staff/positive-list/new',
} as const;

/** The positive list's pages: decisions, removal proposals and (for officers) a new listing. */
export function PositiveListNav({ current }: { current: keyof typeof PATHS }) {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const navigate = useNavigate();
  const keys = (Object.keys(PATHS) as (keyof typeof PATHS)[]).filter(
    (k) => k !== 'new' || canAccess(roles, POSITIVE_LIST_PERMISSIONS.decide),
  );
  return (
    <Segmented
      value={current}
      onChange={(k) => void navigate(PATHS[k as keyof typeof PATHS])}
      options={keys.map((k) => ({ value: k, label: t(`positiveList.nav.${k}`) }))}
    />
  );
}
