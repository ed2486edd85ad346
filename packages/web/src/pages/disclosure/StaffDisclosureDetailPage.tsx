import {
  DISCLOSURE_ACTIONS,
  DISCLOSURE_LEADER_ACTIONS,
  type DisclosureAction,
  disclosureActionAllowed,
} from '@qingshan/core/disclosure';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { ClockStateTag, ProvisionalTag, Remaining } from '../worklist/ClockParts.tsx';
import { daysText } from '../worklist/days.ts';
import { clockTitle } from '../worklist/titles.ts';
import { AnswerDescriptions, EventTimeline } from './AnswerParts.tsx';
import { AppealsCard } from './AppealsCard.tsx';
import {
  actOnRequest,
  type DisclosureActionBody,
  type DisclosureClock,
  type DisclosureDetail,
  disclosureKeys,
  getRequest,
} from './api.ts';
import {
  actionLabel,
  applicantTypeLabel,
  clauseOptions,
  DELIVERY_LABELS,
  disclosureStatusLabel,
  outcomeOptions,
  STATUS_COLORS,
} from './labels.ts';
import { DISCLOSURE_PERMISSIONS } from './permissions.ts';

/** One request at the desk: its answer clock (paused, extended), the steps the state allows, the answer. */
export default function StaffDisclosureDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const q = useQuery({ queryKey: disclosureKeys.detail(id), queryFn: ({ signal }) => getRequest(id, signal) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const desk = canAccess(roles, DISCLOSURE_PERMISSIONS.desk);
  return (
    <PageContainer
      title={
        <Space>
          {d.code}
          <Tag color={STATUS_COLORS[d.status]} data-testid="disclosure-status">
            {disclosureStatusLabel(d.status, lang)}
          </Tag>
        </Space>
      }
      extra={<ButtonLink to="/staff/disclosure">{t('disclosure.staffTitle')}</ButtonLink>}
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('disclosure.applicant')}>
            {t('common.parenthetical', { text: d.applicantName, note: applicantTypeLabel(d.applicantType, lang) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('disclosure.applicantIdNo')}>{d.applicantIdNo}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.phone')}>{d.phone}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.delivery')}>
            {DELIVERY_LABELS[d.delivery][coreLang(lang)]}
          </Descriptions.Item>
          <Descriptions.Item label={t('disclosure.receivedAt')}>{formatDateTime(d.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.dueDate')}>
            <span data-testid="disclosure-due">{d.dueDate ?? '—'}</span>
          </Descriptions.Item>
          {d.consulting ? (
            <Descriptions.Item label={t('disclosure.consulting')} span="filled">
              {d.consulting}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('disclosure.description')} span="filled">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {d.description}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('disclosure.clock')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('disclosure.clockIntro')}</Typography.Paragraph>
        <ClockTable clocks={d.clocks} />
        {d.extensionRequest ? (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={t('disclosure.extensionPending', {
              days: d.extensionRequest.days,
              reason: d.extensionRequest.reason,
              by: d.extensionRequest.requestedBy,
            })}
            description={t('disclosure.leaderOnly')}
          />
        ) : null}
      </Card>
      {d.status === 'answered' ? (
        <Card title={t('disclosure.answerTitle')} style={{ marginBottom: 16 }}>
          <AnswerDescriptions d={d} />
        </Card>
      ) : desk ? (
        // a fresh form for each version of the request: its first step is the new state's, and a step
        // picked after the new state shows is never reset by the answer to the previous one
        <StepForm key={d.version} d={d} />
      ) : null}
      <AppealsCard d={d} desk={desk} />
      <Card title={t('disclosure.history')}>
        <EventTimeline events={d.events} showActor />
      </Card>
    </PageContainer>
  );
}

/**
 * The request's clocks: a table, and on a phone one bordered list a clock, since five columns in
 * 390 px left the remaining days and the state off the card's edge.
 */
function ClockTable({ clocks }: { clocks: DisclosureClock[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const phone = Grid.useBreakpoint().xs === true;
  const fields: { key: string; label: string; value: (c: DisclosureClock) => ReactNode }[] = [
    // stored in Chinese as the server started it; core words it in English
    { key: 'title', label: t('clocks.title'), value: (c) => clockTitle(c.title, lang) },
    { key: 'start', label: t('clocks.start'), value: (c) => <DateTimeText value={c.start} /> },
    {
      key: 'dueDate',
      label: t('clocks.dueDate'),
      value: (c) => (
        <>
          {c.dueDate}
          <ProvisionalTag clock={c} />
        </>
      ),
    },
    { key: 'remaining', label: t('clocks.remaining'), value: (c) => <Remaining clock={c} /> },
    {
      key: 'state',
      label: t('clocks.stateLabel'),
      value: (c) => (
        <Space size={4} wrap>
          <ClockStateTag state={c.state} />
          {c.pausedDays ? (
            <Tag>{t('disclosure.pausedDays', { days: daysText(t, c.pausedDays, c.profile.unit) })}</Tag>
          ) : null}
          {c.extensions.length ? (
            <Tag>
              {t('disclosure.extensionDays')}{' '}
              {daysText(
                t,
                c.extensions.reduce((a, e) => a + e.days, 0),
                'working',
              )}
            </Tag>
          ) : null}
        </Space>
      ),
    },
  ];
  if (phone && clocks.length > 0) {
    return (
      <Flex vertical gap={12} data-testid="disclosure-clocks">
        {clocks.map((c) => (
          <Descriptions
            key={c.id}
            size="small"
            bordered
            column={1}
            items={fields.map((f) => ({ key: f.key, label: f.label, children: f.value(c) }))}
          />
        ))}
      </Flex>
    );
  }
  return (
    <Table<DisclosureClock>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={clocks}
      locale={{ emptyText: t('clocks.none') }}
      data-testid="disclosure-clocks"
      columns={fields.map((f) => ({ title: f.label, key: f.key, render: (_: unknown, c) => f.value(c) }))}
    />
  );
}

type StepValues = {
  action: DisclosureAction;
  text?: string;
  days?: number;
  outcome?: DisclosureActionBody['outcome'];
  clause?: DisclosureActionBody['clause'];
};

function StepForm({ d }: { d: DisclosureDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<StepValues>();
  // asked only once the answer is complete: a confirmation over an empty form read as if it would go out
  const [confirming, setConfirming] = useState(false);
  const leader = canAccess(roles, DISCLOSURE_PERMISSIONS.decideExtension);
  const allowed = DISCLOSURE_ACTIONS.filter(
    (a) =>
      disclosureActionAllowed(d.status, a, d.extensionRequest !== null) &&
      (leader || !DISCLOSURE_LEADER_ACTIONS.includes(a)),
  );
  const action = Form.useWatch('action', form) ?? allowed[0];
  const outcome = Form.useWatch('outcome', form);
  const act = useMutation({
    mutationFn: (v: StepValues) =>
      actOnRequest(d.id, {
        action: v.action,
        version: d.version,
        ...(v.text ? { text: v.text } : {}),
        ...(v.action === 'request-extension' && v.days ? { days: v.days } : {}),
        ...(v.action === 'answer' ? { outcome: v.outcome } : {}),
        ...(v.action === 'answer' && clauseOptions(lang, v.outcome).length ? { clause: v.clause } : {}),
      }),
    onSuccess: (r) => {
      message.success(r.status === 'answered' ? t('disclosure.answered') : t('disclosure.done'));
      void qc.invalidateQueries({ queryKey: disclosureKeys.all });
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  const textLabel =
    action === 'answer'
      ? t('disclosure.textForAnswer')
      : action === 'consult'
        ? t('disclosure.textForConsult')
        : action === 'request-extension'
          ? t('disclosure.textForExtension')
          : action === 'reject-extension'
            ? t('disclosure.textForReject')
            : t('disclosure.text');
  const textRequired = ['answer', 'consult', 'request-extension', 'reject-extension'].includes(action ?? '');
  if (allowed.length === 0) return null;
  return (
    <Card title={t('disclosure.steps')} style={{ marginBottom: 16 }}>
      {!leader && d.extensionRequest ? (
        <Alert type="info" showIcon title={t('disclosure.leaderOnly')} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ action: allowed[0] }}
        onFinish={(v) => act.mutate(v)}
        style={{ maxWidth: 720 }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="action" label={t('disclosure.action')} rules={[{ required: true }]}>
              <Select
                options={allowed.map((a) => ({ value: a, label: actionLabel(a, lang) }))}
                data-testid="disclosure-action"
              />
            </Form.Item>
          </Col>
          {action === 'request-extension' ? (
            <Col xs={24} md={12}>
              <Form.Item name="days" label={t('disclosure.daysLabel')} rules={[{ required: true }]}>
                <InputNumber min={1} max={20} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        {action === 'answer' ? (
          <>
            <Form.Item name="outcome" label={t('disclosure.outcomeField')} rules={[{ required: true }]}>
              <Select options={outcomeOptions(lang)} data-testid="disclosure-outcome" />
            </Form.Item>
            {clauseOptions(lang, outcome).length ? (
              <Form.Item
                name="clause"
                label={
                  outcome === 'withhold' || outcome === 'partial'
                    ? t('disclosure.clauseField')
                    : t('disclosure.groundField')
                }
                rules={[{ required: true }]}
              >
                <Select options={clauseOptions(lang, outcome)} data-testid="disclosure-clause" />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {action !== 'end-consult' && action !== 'approve-extension' ? (
          <Form.Item name="text" label={textLabel} rules={[{ required: textRequired, min: 2, max: 5000 }]}>
            <Input.TextArea rows={4} maxLength={5000} showCount data-testid="disclosure-text" />
          </Form.Item>
        ) : null}
        {action === 'answer' ? (
          // the answer goes to the requester and ends the request: asked once more before it is sent
          <Popconfirm
            title={t('disclosure.answerConfirm')}
            open={confirming}
            onOpenChange={(open) => {
              if (!open) setConfirming(false);
            }}
            onConfirm={() => {
              setConfirming(false);
              form.submit();
            }}
          >
            <Button
              type="primary"
              loading={act.isPending}
              data-testid="disclosure-act"
              onClick={() =>
                form.validateFields().then(
                  () => setConfirming(true),
                  // the fields say what is missing
                  () => undefined,
                )
              }
            >
              {t('disclosure.doIt')}
            </Button>
          </Popconfirm>
        ) : (
          <Button type="primary" htmlType="submit" loading={act.isPending} data-testid="disclosure-act">
            {t('disclosure.doIt')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
