import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { ToClueButton } from '../clues/ToClueButton.tsx';
import { ClockPanel } from '../worklist/ClockParts.tsx';
import { getConcern, receptionKeys } from './api.ts';
import { ConcernActions } from './ConcernActions.tsx';
import { categoryLabel, kindLabel, STATUS_COLORS, statusLabel } from './labels.ts';

export default function ConcernDetailPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id = '' } = useParams();
  const { roles } = useAuth();
  const q = useQuery({ queryKey: receptionKeys.concern(id), queryFn: ({ signal }) => getConcern(id, signal) });
  if (q.isLoading) return <PageLoading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const none = t('common.none');
  return (
    <PageContainer
      title={t('svc.reception.concernDetail')}
      extra={
        <>
          <ConcernActions concern={c} canWrite={canAccess(roles, PERMISSIONS.enterpriseWrite)} />
          <ToClueButton from="concern" id={c.id} />
        </>
      }
    >
      <Card size="small">
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 's',
              label: t('svc.reception.title'),
              children: (
                <Link
                  to={`/staff/reception/sessions/${c.sessionId}`}
                >{`${c.sessionDate} ${kindLabel(c.sessionKind, lang)}`}</Link>
              ),
            },
            { key: 'e', label: t('svc.reception.raisedBy'), children: `${c.enterpriseName ?? ''} ${c.raisedBy}` },
            { key: 'c', label: t('svc.reception.category'), children: categoryLabel(c.category, lang) },
            { key: 'd', label: t('svc.reception.concern'), children: c.description },
            { key: 'a', label: t('svc.reception.answerText'), children: c.answer ?? none },
            {
              key: 'acc',
              label: t('svc.reception.accepted'),
              children:
                c.accepted === null ? none : c.accepted ? t('svc.reception.accept') : t('svc.reception.notAccept'),
            },
            { key: 'f', label: t('svc.reception.followUp'), children: c.followUpName ?? none },
            { key: 'due', label: t('svc.reception.dueDate'), children: c.dueDate ?? none },
            {
              key: 'st',
              label: t('svc.common.status'),
              children: <Tag color={STATUS_COLORS[c.status]}>{statusLabel(c.status, lang)}</Tag>,
            },
            {
              key: 'r',
              label: t('svc.reception.resolution'),
              children: c.resolution
                ? t('common.parenthetical', { text: c.resolution, note: formatDateTime(c.resolvedAt) })
                : none,
            },
            {
              key: 'p',
              label: t('svc.reception.toPetition'),
              children: c.petitionId ? (
                <Link to={`/staff/petitions/${c.petitionId}`}>{t('svc.reception.petitioned')}</Link>
              ) : (
                none
              ),
            },
            { key: 'pub', label: t('svc.reception.caseTitle'), children: c.published ? c.caseTitle : none },
          ]}
        />
      </Card>
      {c.clockId ? (
        // the clock owns the due date: it says whether the date is provisional (暂定)
        <Card size="small" title={t('svc.reception.dueDate')} style={{ marginTop: 16 }}>
          <ClockPanel ownerType="reception-concern" ownerId={c.id} />
        </Card>
      ) : null}
    </PageContainer>
  );
}
