import { applicationLinkRefusal, EIA_CATEGORY_LABELS, EIA_MATTER_PATHS, EIA_STATE_LABELS } from '@qingshan/core/eia';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { eiaKeys, listEiaCases } from './api.ts';
import { pick, pickHeading, STATE_COLORS } from './labels.ts';

type Application = {
  id: string;
  matterCode: string;
  enterpriseId: string;
  projectName: string;
  status: string;
  acceptedAt: string | null;
  decidedAt: string | null;
};

/**
 * The EIA case an accepted EIA application was opened as (shown on the application's page); staff
 * open it from here through the classification wizard, so its category is the wizard's answer —
 * only while the server would take it (core's rule): accepted and not yet decided.
 */
export function ApplicationEiaCard({ application: a }: { application: Application }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const navigate = useNavigate();
  const staff = useLocation().pathname.startsWith('/staff/');
  const path = EIA_MATTER_PATHS[a.matterCode];
  const q = useQuery({
    queryKey: eiaKeys.list({ applicationId: a.id }),
    queryFn: ({ signal }) => listEiaCases({ applicationId: a.id, page: 1, pageSize: 5 }, signal),
    enabled: path !== undefined,
  });
  if (!path) return null;
  const linked = q.data?.items[0];
  const refusal = applicationLinkRefusal(a, null);
  const canOpen = staff && refusal === null && canAccess(roles, PERMISSIONS.eiaOpen);
  const wizard = () => {
    const p = new URLSearchParams({
      applicationId: a.id,
      enterpriseId: a.enterpriseId,
      projectName: a.projectName,
      path,
    });
    navigate(`/staff/eia-wizard?${p}`);
  };
  return (
    <Card title={t('eia.linkedCase')} style={{ marginBottom: 16 }} loading={q.isPending} data-testid="application-eia">
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : linked ? (
        <Flex vertical gap={4}>
          <Link to={`${staff ? '/staff' : '/enterprise'}/eia/${linked.id}`} data-testid="application-eia-link">
            {linked.code} {linked.projectName}
          </Link>
          <span>
            <Tag color={STATE_COLORS[linked.state]}>{pickHeading(EIA_STATE_LABELS[linked.state], lang)}</Tag>
            {/* the stored row is the catalogue's Chinese: the English face names the category instead */}
            <Typography.Text type="secondary">
              {lang === 'en' ? pickHeading(EIA_CATEGORY_LABELS[linked.category], lang) : linked.catalogueRow}
            </Typography.Text>
          </span>
        </Flex>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <span data-testid="application-eia-empty">{refusal ? pick(refusal, lang) : t('eia.noLinkedCase')}</span>
          }
        >
          {canOpen ? (
            <Button type="primary" onClick={wizard} data-testid="application-eia-open">
              {t('eia.openFromApplication')}
            </Button>
          ) : null}
        </Empty>
      )}
    </Card>
  );
}
