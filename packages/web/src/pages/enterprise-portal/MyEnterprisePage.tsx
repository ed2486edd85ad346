import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { enterpriseKeys, getEnterprise } from '../enterprises/api.ts';
import { EnterpriseFile } from '../enterprises/components/EnterpriseFile.tsx';
import { MyInspectionsCard } from '../site-inspections/MyInspectionsCard.tsx';

/** 我的企业: an enterprise user's own file. */
export default function MyEnterprisePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const id = user?.enterpriseId ?? null;
  const enterprise = useQuery({
    queryKey: enterpriseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getEnterprise(id ?? '', signal),
    enabled: id !== null,
  });

  let body: ReactNode;
  if (id === null) body = <Result status="info" title={t('enterprisePortal.notBound')} />;
  else if (enterprise.isPending) body = <PageLoading />;
  else if (enterprise.isError) body = <ErrorState error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  else
    body = (
      <>
        <MyInspectionsCard />
        <EnterpriseFile enterprise={enterprise.data} />
      </>
    );

  return (
    <PageContainer title={enterprise.data?.name ?? user?.enterpriseName ?? t('enterprisePortal.title')}>
      {body}
    </PageContainer>
  );
}
