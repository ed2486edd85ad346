import { ArrowLeftOutlined } from '@ant-design/icons';
import { CLUE_OUTCOMES } from '@qingshan/core/clues';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { inLanguage } from '../alarms/labels.ts';
import { SITE_INSPECTION_PERMISSIONS } from '../site-inspections/permissions.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import { daysText } from '../worklist/days.ts';
import {
  type ClueDetail,
  type ClueOutcomeBody,
  clueKeys,
  confirmMatch,
  getClue,
  getClueMap,
  recordOutcome,
} from './api.ts';
import { ClueStatusTag } from './ClueListPage.tsx';
import { CluePhotos } from './CluePhotos.tsx';
import { CountyMap } from './CountyMap.tsx';
import { CLUE_PERMISSIONS } from './permissions.ts';

const CLOCK_COLORS: Record<string, string> = {
  running: 'blue',
  'due-soon': 'orange',
  overdue: 'red',
  met: 'green',
  missed: 'red',
};

function MatchCard({ d, canVerify }: { d: ClueDetail; canVerify: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const c = d.clue;
  const [picked, setPicked] = useState<string | undefined>(c.enterpriseId ?? c.suggestedEnterpriseId ?? undefined);
  const confirm = useMutation({
    mutationFn: (enterpriseId: string | null) => confirmMatch(c.id, { enterpriseId, version: c.version }),
    onSuccess: (next) => {
      qc.setQueryData(clueKeys.detail(c.id), next);
      void qc.invalidateQueries({ queryKey: clueKeys.all });
      message.success(t('clues.matchConfirmed'));
    },
    onError: showError,
  });
  return (
    <Card title={t('clues.matchTitle')} size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('clues.suggestedSite')}>
          {c.suggestedEnterpriseId ? (
            <>
              <Link to={`/staff/enterprises/${c.suggestedEnterpriseId}`}>{c.suggestedEnterpriseName}</Link>
              {c.suggestedDistanceM !== null ? t('clues.distance', { m: c.suggestedDistanceM }) : null}
            </>
          ) : (
            t('clues.noSiteNear')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('clues.confirmedEnterprise')}>
          {c.matchConfirmedAt ? (
            <>
              {c.enterpriseId ? (
                <Link to={`/staff/enterprises/${c.enterpriseId}`}>{c.enterpriseName}</Link>
              ) : (
                t('clues.noEnterprise')
              )}
              <Typography.Text type="secondary">
                {' '}
                {t('common.bracketed', {
                  note: [c.matchConfirmedByName, formatDateTime(c.matchConfirmedAt)].join(t('common.phraseSeparator')),
                })}
              </Typography.Text>
            </>
          ) : (
            <Tag>{t('clues.notConfirmed')}</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      {canVerify && c.status === 'pending' ? (
        <Space wrap style={{ marginTop: 8 }}>
          <EnterprisePicker
            aria-label={t('svc.common.pickEnterprise')}
            data-testid="clue-match-picker"
            style={{ width: 280 }}
            value={picked}
            onChange={(v) => setPicked(typeof v === 'string' ? v : undefined)}
            options={
              c.suggestedEnterpriseId
                ? [{ value: c.suggestedEnterpriseId, label: c.suggestedEnterpriseName ?? '' }]
                : []
            }
          />
          <Button
            type="primary"
            data-testid="clue-match-confirm"
            disabled={!picked}
            loading={confirm.isPending}
            onClick={() => confirm.mutate(picked ?? null)}
          >
            {t('clues.confirmMatch')}
          </Button>
          <Button loading={confirm.isPending} onClick={() => confirm.mutate(null)}>
            {t('clues.confirmNone')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}

function OutcomeCard({ d, canVerify }: { d: ClueDetail; canVerify: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<Omit<ClueOutcomeBody, 'version'>>();
  const c = d.clue;
  const save = useMutation({
    mutationFn: (v: Omit<ClueOutcomeBody, 'version'>) => recordOutcome(c.id, { ...v, version: c.version }),
    onSuccess: (next) => {
      qc.setQueryData(clueKeys.detail(c.id), next);
      void qc.invalidateQueries({ queryKey: clueKeys.all });
      message.success(t('clues.outcomeSaved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  const clock = d.clocks[0];
  return (
    <Card title={t('clues.verification')} size="small">
      {clock ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('clues.dueDate')}>
            <Space>
              <span data-testid="clue-due-date">{clock.dueDate}</span>
              <Tag color={CLOCK_COLORS[clock.state] ?? 'default'}>{t(`clues.clock.${clock.state}`, clock.state)}</Tag>
              {clock.completedAt ? null : (
                <span>
                  {clock.remaining < 0
                    ? t('clocks.late', { days: daysText(t, -clock.remaining, clock.unit) })
                    : t('clues.remaining', { days: daysText(t, clock.remaining, clock.unit) })}
                </span>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('clues.period')}>{daysText(t, clock.length, clock.unit)}</Descriptions.Item>
          <Descriptions.Item label={t('clues.periodSource')}>
            {inLanguage(clock.source, clock.sourceEn, lang)}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {c.status === 'verified' ? (
        <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('clues.outcome')}>
            <ClueStatusTag clue={c} />
            {c.closedOnTime === false ? <Tag color="red">{t('clues.late')}</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('clues.outcomeNote')}>{c.outcomeNote}</Descriptions.Item>
          <Descriptions.Item label={t('clues.verifiedBy')}>
            {[c.verifiedByName, formatDateTime(c.verifiedAt)].join(t('common.phraseSeparator'))}
          </Descriptions.Item>
        </Descriptions>
      ) : canVerify ? (
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ marginTop: 8 }}>
          <Form.Item
            name="outcome"
            label={t('clues.outcome')}
            rules={[{ required: true, message: t('clues.pickOutcome') }]}
          >
            <Select
              data-testid="clue-outcome"
              options={CLUE_OUTCOMES.map((o) => ({ value: o, label: t(`clues.outcomes.${o}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('clues.outcomeNote')}
            rules={[{ required: true, message: t('clues.noteRequired') }]}
          >
            <Input.TextArea data-testid="clue-outcome-note" rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="clue-outcome-save">
            {t('clues.saveOutcome')}
          </Button>
        </Form>
      ) : (
        <Alert type="info" title={t('clues.awaitingVerification')} showIcon />
      )}
    </Card>
  );
}

/**
 * A clue about a confirmed firm is followed up by an inspection record: off-site from the clue's own
 * evidence, or on-site. Its findings with a requirement become rectification orders on their clocks.
 */
function FollowUpCard({ d }: { d: ClueDetail }) {
  const { t } = useTranslation();
  const c = d.clue;
  if (!c.enterpriseId) return null;
  const day = formatDateTime(c.observedAt).slice(0, 10);
  const params = new URLSearchParams({
    enterpriseId: c.enterpriseId,
    kind: 'off-site',
    offSiteSource: 'clue',
    clueId: c.id,
    sourceRef: `${c.sourceLabel}线索（${day}）：${c.description}`.slice(0, 300),
  });
  return (
    <Card title={t('clues.followUp')} size="small">
      <Typography.Paragraph type="secondary">{t('clues.followUpHint')}</Typography.Paragraph>
      <ButtonLink to={`/staff/site-inspections/new?${params}`} data-testid="clue-inspect">
        {t('clues.inspect')}
      </ButtonLink>
    </Card>
  );
}

/** One clue: its evidence and place, the enterprise it is matched to, its clock and outcome. */
export default function ClueDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { roles } = useAuth();
  const canVerify = canAccess(roles, CLUE_PERMISSIONS.verify);
  const q = useQuery({ queryKey: clueKeys.detail(id), queryFn: ({ signal }) => getClue(id, signal) });
  const map = useQuery({ queryKey: clueKeys.map, queryFn: ({ signal }) => getClueMap(signal) });
  const back = (
    <ButtonLink to="/staff/clues" icon={<ArrowLeftOutlined />}>
      {t('common.back')}
    </ButtonLink>
  );
  if (q.isPending) return <PageLoading />;
  if (q.isError)
    return (
      <PageContainer title={t('clues.detailTitle')} extra={back}>
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </PageContainer>
    );
  const c = q.data.clue;
  return (
    <PageContainer title={t('clues.detailTitle')} extra={back}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" style={{ width: '100%' }} size={16}>
            <Card
              size="small"
              title={
                <Space>
                  {t(`clues.source.${c.source}`)}
                  <ClueStatusTag clue={c} />
                </Space>
              }
            >
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('clues.description')}>{c.description}</Descriptions.Item>
                <Descriptions.Item label={t('clues.origin')}>{c.origin}</Descriptions.Item>
                <Descriptions.Item label={t('clues.observedAt')}>{formatDateTime(c.observedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('clues.location')}>
                  {c.lat !== null && c.lng !== null
                    ? `${c.lat.toFixed(5)}, ${c.lng.toFixed(5)}`
                    : t('clues.noLocation')}
                </Descriptions.Item>
                <Descriptions.Item label={t('clues.photos')}>
                  <CluePhotos d={q.data} canAdd={canVerify} />
                </Descriptions.Item>
                <Descriptions.Item label={t('clues.createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
              </Descriptions>
            </Card>
            <MatchCard key={`m${c.version}`} d={q.data} canVerify={canVerify} />
            <OutcomeCard key={`o${c.version}`} d={q.data} canVerify={canVerify} />
            {canAccess(roles, SITE_INSPECTION_PERMISSIONS.record) ? <FollowUpCard d={q.data} /> : null}
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('clues.mapTitle')}>
            {map.isPending ? (
              <PageLoading />
            ) : map.isError ? (
              <ErrorState error={map.error} onRetry={() => void map.refetch()} />
            ) : (
              <CountyMap
                data={map.data}
                focus={c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null}
                height={460}
              />
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
