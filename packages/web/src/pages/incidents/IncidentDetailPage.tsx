import { INCIDENT_LEVEL_LABELS, INCIDENT_REPORT_SOURCE_LABELS, INCIDENT_STATUS_LABELS } from '@qingshan/core/incidents';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { closeIncident, getIncident, incidentKeys } from './api.ts';
import { LEVEL_COLORS, STATUS_COLORS } from './labels.ts';
import { INCIDENT_PERMISSIONS } from './permissions.ts';

/** One incident: its facts, the response and, once closed, how it ended; officers edit or close it. */
export default function IncidentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = coreLang(useLanguage());
  const { roles } = useAuth();
  const location = useLocation();
  const raised = (location.state as { removalProposalId?: string | null } | null)?.removalProposalId;
  const canEdit = canAccess(roles, INCIDENT_PERMISSIONS.edit);
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<{ outcome: string }>();
  const q = useQuery({ queryKey: incidentKeys.detail(id), queryFn: ({ signal }) => getIncident(id, signal) });
  const close = useMutation({
    mutationFn: (outcome: string) => closeIncident(id, { outcome, version: q.data!.version }),
    onSuccess: (r) => {
      qc.setQueryData(incidentKeys.detail(id), r);
      void qc.invalidateQueries({ queryKey: incidentKeys.all });
      message.success(t('incidents.closed'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const i = q.data;
  const open = i.status === 'open';
  return (
    <PageContainer
      title={`${t('incidents.detailTitle')} · ${i.title}`}
      extra={
        open && canEdit ? <ButtonLink to={`/staff/incidents/${i.id}/edit`}>{t('incidents.edit')}</ButtonLink> : null
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {raised ? (
          <Alert
            type="warning"
            showIcon
            data-testid="incident-proposal-raised"
            title={t('incidents.proposalRaised')}
            action={<Link to="/staff/positive-list/proposals">{t('incidents.openProposals')}</Link>}
          />
        ) : null}
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('incidents.enterprise')}>
              <Link to={`/staff/enterprises/${i.enterpriseId}`}>{i.enterpriseName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('incidents.occurredAt')}>{formatDateTime(i.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label={t('incidents.level')}>
              <Tag color={LEVEL_COLORS[i.level]}>{INCIDENT_LEVEL_LABELS[i.level][lang]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('incidents.status')}>
              <Tag color={STATUS_COLORS[i.status]}>{INCIDENT_STATUS_LABELS[i.status][lang]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('incidents.reportSource')}>
              {INCIDENT_REPORT_SOURCE_LABELS[i.reportSource][lang]}
            </Descriptions.Item>
            <Descriptions.Item label={t('incidents.registeredBy')}>
              {i.registeredByName} · {formatDateTime(i.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('incidents.description')} span={{ xs: 1, md: 2 }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {i.description}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('incidents.response')} span={{ xs: 1, md: 2 }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {i.response || '—'}
              </Typography.Paragraph>
            </Descriptions.Item>
            {open ? null : (
              <>
                <Descriptions.Item label={t('incidents.outcome')} span={{ xs: 1, md: 2 }}>
                  {i.outcome}
                </Descriptions.Item>
                <Descriptions.Item label={t('incidents.closedAt')}>{formatDateTime(i.closedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('incidents.closedBy')}>{i.closedByName}</Descriptions.Item>
              </>
            )}
          </Descriptions>
        </Card>
        {open && canEdit ? (
          <Card size="small" title={t('incidents.closeTitle')}>
            <Typography.Paragraph type="secondary">{t('incidents.closeHelp')}</Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={(v) => close.mutate(v.outcome)} style={{ maxWidth: 720 }}>
              <Form.Item
                name="outcome"
                label={t('incidents.outcome')}
                rules={[{ required: true, whitespace: true, message: t('incidents.required') }]}
              >
                <Input.TextArea rows={3} maxLength={2000} placeholder={t('incidents.outcomePlaceholder')} />
              </Form.Item>
              <Button htmlType="submit" loading={close.isPending}>
                {t('incidents.close')}
              </Button>
            </Form>
          </Card>
        ) : null}
      </Space>
    </PageContainer>
  );
}
