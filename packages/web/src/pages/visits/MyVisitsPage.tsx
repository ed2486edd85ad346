import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EnterpriseVisitsTab } from './EnterpriseVisitsTab.tsx';

/** The enterprise portal's list of the bureau's visits to it. */
export default function MyVisitsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <PageContainer title={t('svc.visits.mine')}>
      {user?.enterpriseId ? <EnterpriseVisitsTab enterpriseId={user.enterpriseId} linkBase={null} /> : null}
    </PageContainer>
  );
}
