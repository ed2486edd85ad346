import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { enterpriseKeys, getEnterprise } from './api.ts';
import { EnterpriseFile } from './components/EnterpriseFile.tsx';

export default function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { roles } = useAuth();
  const enterprise = useQuery({
    queryKey: enterpriseKeys.detail(id),
    queryFn: ({ signal }) => getEnterprise(id, signal),
  });

  return (
    <PageContainer
      title={
        enterprise.data ? `${t('enterprise.detail.title')} · ${enterprise.data.name}` : t('enterprise.detail.title')
      }
      extra={
        <>
          <ButtonLink to="/staff/enterprises" icon={<ArrowLeftOutlined />}>
            {t('common.back')}
          </ButtonLink>
          {canAccess(roles, PERMISSIONS.enterpriseWrite) && enterprise.data ? (
            <ButtonLink
              to={`/staff/enterprises/${encodeURIComponent(id)}/edit`}
              type="primary"
              icon={<EditOutlined />}
              data-testid="enterprise-edit"
            >
              {t('common.edit')}
            </ButtonLink>
          ) : null}
        </>
      }
    >
      {enterprise.isPending ? (
        <PageLoading />
      ) : enterprise.isError ? (
        <ErrorState error={enterprise.error} onRetry={() => void enterprise.refetch()} />
      ) : (
        <EnterpriseFile enterprise={enterprise.data} />
      )}
    </PageContainer>
  );
}
