import { allowedPetitionActions, PETITION_LEADER_ACTIONS, type PetitionAction } from '@qingshan/core/petitions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { levelText } from '../ratings/RatingForm.tsx';
import { clockTitle } from '../worklist/titles.ts';
import { actOnPetition, getPetition, patchPetition, petitionKeys } from './api.ts';
import { LettersList } from './LettersList.tsx';
import { channelLabel, eventNote, STATUS_COLORS, statusLabel, typeLabel } from './labels.ts';

const NEEDS_TEXT = new Set<PetitionAction>([
  'not-accept',
  'object',
  'request-extension',
  'reject-extension',
  'reply',
  'record-review',
  'record-re-review',
]);
// the day something happened outside the bureau: receipt by the petitioner, a request arriving
const NEEDS_DATE = new Set<PetitionAction>([
  'record-delivery',
  'request-review',
  'request-re-review',
  'record-review',
  'record-re-review',
]);
const NEEDS_BODY = new Set<PetitionAction>(['transmit-review', 'transmit-re-review']);
const RECORDS_OPINION = new Set<PetitionAction>(['record-review', 'record-re-review']);
type ActionForm = {
  text?: string;
  days?: number;
  date?: string;
  decidingBody?: string;
  referenceNo?: string;
  otherProcedure?: string;
};
const todayShanghai = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const CLOCK_COLORS: Record<string, string> = {
  running: 'blue',
  paused: 'default',
  'due-soon': 'orange',
  overdue: 'red',
  met: 'green',
  missed: 'red',
};

/** 信访件办理: the case, its statutory clocks, the handling steps and the letters they produce. */
export default function PetitionDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles, user } = useAuth();
  const atDesk = canAccess(roles, PERMISSIONS.petitionDesk);
  const showError = useShowError();
  const qc = useQueryClient();
  const [action, setAction] = useState<PetitionAction | null>(null);
  const [form] = Form.useForm<ActionForm>();
  const detail = useQuery({ queryKey: petitionKeys.detail(id), queryFn: ({ signal }) => getPetition(id, signal) });
  const refresh = () => void qc.invalidateQueries({ queryKey: petitionKeys.all });
  const act = useMutation({
    mutationFn: (v: ActionForm) => {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
      return actOnPetition(id, { action: action!, ...body, version: detail.data!.petition.version });
    },
    onSuccess: () => {
      setAction(null);
      form.resetFields();
      refresh();
    },
    onError: showError,
  });
  const flag = useMutation({
    mutationFn: (v: { keyCase?: boolean; keyCaseReason?: string | null; assigneeUserId?: string }) =>
      patchPetition(id, { ...v, version: detail.data!.petition.version }),
    onSuccess: refresh,
    onError: showError,
  });
  const [flagReason, setFlagReason] = useState('');

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { petition: p, events, letters, clocks, rating, reviews, requestWindow } = detail.data;
  const isLeader = canAccess(roles, PERMISSIONS.caseLeader);
  const delivered = clocks.some((c) => c.profileKey === 'petition.review-request');
  const actions = atDesk
    ? allowedPetitionActions(p.status).filter((a) => {
        if (a === 'object') return !!p.referredBy;
        // 第三十四条: the handler asks, only the 负责人 decides
        if (PETITION_LEADER_ACTIONS.includes(a)) return isLeader && !!p.extensionRequest;
        if (a === 'request-extension') return p.resolutionApplies && !p.extensionRequest;
        if (a === 'record-delivery') return !delivered;
        return true;
      })
    : [];
  return (
    <PageContainer
      title={
        <>
          {p.keyCase ? <Tag color="red">{t('petitions.keyCase')}</Tag> : null}
          <span>{p.title}</span>
        </>
      }
      extra={actions.map((a) => (
        <Button
          key={a}
          type={a === 'accept' || a === 'reply' || a === 'approve-extension' ? 'primary' : 'default'}
          onClick={() => setAction(a)}
          data-testid={`petition-action-${a}`}
        >
          {t(`petitions.actions.${a}` as 'petitions.actions.accept')}
        </Button>
      ))}
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t('petitions.code')}>{p.code}</Descriptions.Item>
              <Descriptions.Item label={t('petitions.status')}>
                <Tag color={STATUS_COLORS[p.status]}>{statusLabel(p.status, lang)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('petitions.channel')}>{channelLabel(p.channel, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('petitions.type')}>{typeLabel(p.type, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('petitions.petitioner')}>
                {p.petitionerName} {p.petitionerPhone}
              </Descriptions.Item>
              <Descriptions.Item label={t('petitions.receivedAt')}>{formatDateTime(p.receivedAt)}</Descriptions.Item>
              {p.referredBy ? (
                <Descriptions.Item label={t('petitions.referredBy')}>{p.referredBy}</Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('petitions.resolutionDue')}>
                <span data-testid="petition-resolution-due">{p.resolutionDueDate}</span>
                {p.resolutionDueDate ? null : p.resolutionApplies ? t('common.none') : t('petitions.noResolutionLimit')}
                {p.extensionDays ? ` (+${p.extensionDays})` : ''}
                {p.otherProcedure ? ` · ${p.otherProcedure}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('petitions.assignee')}>
                {p.assigneeUserId === null
                  ? t('petitions.unassigned')
                  : p.assigneeUserId === user?.id
                    ? t('petitions.me')
                    : t('petitions.assigned')}
                {atDesk && user && p.assigneeUserId !== user.id ? (
                  <Button size="small" type="link" onClick={() => flag.mutate({ assigneeUserId: user.id })}>
                    {t('petitions.takeOver')}
                  </Button>
                ) : null}
              </Descriptions.Item>
              {p.repliedAt ? (
                <Descriptions.Item label={t('petitions.repliedAt')}>
                  {formatDateTime(p.repliedAt)}{' '}
                  {p.closedOnTime === null ? (
                    <Tag>{t('petitions.noLimit')}</Tag>
                  ) : p.closedOnTime ? (
                    <Tag color="green">{t('petitions.onTime')}</Tag>
                  ) : (
                    <Tag color="red">{t('petitions.late')}</Tag>
                  )}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {p.extensionRequest ? (
              <Alert
                style={{ marginTop: 16 }}
                type="warning"
                showIcon
                title={t('petitions.extensionPending', {
                  days: p.extensionRequest.days,
                  by: p.extensionRequest.requestedBy,
                  reason: p.extensionRequest.reason,
                })}
              />
            ) : null}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>{p.content}</Typography.Paragraph>
          </Card>
          {reviews.length || requestWindow ? (
            <Card title={t('petitions.reviews')} style={{ marginBottom: 16 }}>
              {requestWindow ? (
                // the petitioner's window for the next stage, as the public tracking page shows it
                <Alert
                  style={{ marginBottom: reviews.length ? 12 : 0 }}
                  type="info"
                  data-testid="petition-request-window"
                  title={
                    <>
                      {t('petitions.requestWindow', {
                        due: requestWindow.dueDate,
                        stage: t(`petitions.reviewStages.${requestWindow.stage}`),
                      })}
                      {requestWindow.provisional ? (
                        <Tag color="orange" style={{ marginInlineStart: 8 }}>
                          {t('petitions.requestWindowProvisional')}
                        </Tag>
                      ) : null}
                    </>
                  }
                />
              ) : null}
              {reviews.map((r) => (
                <Descriptions
                  key={`${r.stage}-${r.requestedOn}`}
                  title={t(`petitions.reviewStages.${r.stage}`)}
                  column={{ xs: 1, md: 2 }}
                  size="small"
                  bordered
                  style={{ marginBottom: 12 }}
                >
                  <Descriptions.Item label={t('petitions.requestedOn')}>
                    {r.requestedOn}{' '}
                    {r.late ? <Tag color="orange">{t('petitions.lateRequest', { due: r.windowDueDate })}</Tag> : null}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('petitions.transmittedAt')}>
                    {r.transmittedAt ? formatDateTime(r.transmittedAt) : t('common.none')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('petitions.decidingBody')}>
                    {r.decidingBody ?? t('common.none')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('petitions.referenceNo')}>
                    {r.referenceNo ?? t('common.none')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('petitions.outcome')}>{r.outcome ?? t('common.none')}</Descriptions.Item>
                  <Descriptions.Item label={t('petitions.receivedOn')}>
                    {r.receivedOn ?? t('common.none')}
                  </Descriptions.Item>
                </Descriptions>
              ))}
            </Card>
          ) : null}
          <Card title={t('petitions.letters')} style={{ marginBottom: 16 }}>
            <LettersList letters={letters} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('petitions.clocks')} style={{ marginBottom: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={clocks}
              columns={[
                // the clock's stored title is Chinese; the worklist's words give it in English
                {
                  title: t('petitions.clock'),
                  dataIndex: 'title',
                  ellipsis: true,
                  render: (s: string) => clockTitle(s, lang),
                },
                { title: t('petitions.dueDate'), dataIndex: 'dueDate' },
                {
                  title: t('petitions.clockState'),
                  dataIndex: 'state',
                  render: (s: string) => (
                    <Tag color={CLOCK_COLORS[s]}>
                      {t(`petitions.clockStates.${s}` as 'petitions.clockStates.met', { defaultValue: s })}
                    </Tag>
                  ),
                },
              ]}
            />
          </Card>
          <Card title={t('petitions.keyCase')} style={{ marginBottom: 16, display: atDesk ? undefined : 'none' }}>
            {p.keyCase ? (
              <Flex vertical gap={8}>
                <Typography.Text>{p.keyCaseReason}</Typography.Text>
                <Button onClick={() => flag.mutate({ keyCase: false })}>{t('petitions.unflag')}</Button>
              </Flex>
            ) : (
              <Flex gap={8}>
                <Input
                  placeholder={t('petitions.keyCaseReason')}
                  value={flagReason}
                  onChange={(e) => setFlagReason(e.target.value)}
                />
                <Button
                  danger
                  disabled={flagReason.trim().length < 2}
                  onClick={() => flag.mutate({ keyCase: true, keyCaseReason: flagReason.trim() })}
                >
                  {t('petitions.flag')}
                </Button>
              </Flex>
            )}
          </Card>
          <Card title={t('petitions.history')} style={{ marginBottom: 16 }}>
            <Timeline
              items={events.map((e) => {
                const line = `${formatDateTime(e.at)} ${t(`petitions.actions.${e.action}` as 'petitions.actions.accept', { defaultValue: e.action })} · ${e.actorName ?? ''}`;
                return {
                  content: e.note ? t('common.labelled', { label: line, value: eventNote(e.note, lang, t) }) : line,
                };
              })}
            />
          </Card>
          {rating ? (
            <Card title={t('ratings.title')}>
              {levelText(rating.level, lang)} {rating.comment}
            </Card>
          ) : null}
        </Col>
      </Row>
      <Modal
        open={action !== null}
        title={action ? t(`petitions.actions.${action}` as 'petitions.actions.accept') : ''}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        confirmLoading={act.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
          {action === 'approve-extension' && p.extensionRequest ? (
            <Typography.Paragraph>
              {t('petitions.extensionPending', {
                days: p.extensionRequest.days,
                by: p.extensionRequest.requestedBy,
                reason: p.extensionRequest.reason,
              })}
            </Typography.Paragraph>
          ) : null}
          {action === 'accept' && p.type === 'claim' ? (
            <Form.Item
              name="otherProcedure"
              label={t('petitions.otherProcedure')}
              extra={t('petitions.otherProcedureHelp')}
            >
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          {action && NEEDS_DATE.has(action) ? (
            <Form.Item
              name="date"
              label={t('petitions.actionDate')}
              initialValue={todayShanghai()}
              rules={[{ required: true }]}
              extra={t(`petitions.actionDateHelp.${action}` as 'petitions.actionDateHelp.record-delivery')}
            >
              <Input type="date" max={todayShanghai()} />
            </Form.Item>
          ) : null}
          {action && (NEEDS_BODY.has(action) || RECORDS_OPINION.has(action)) ? (
            <Form.Item
              name="decidingBody"
              label={t('petitions.decidingBody')}
              extra={t('petitions.decidingBodyHelp')}
              rules={[{ required: NEEDS_BODY.has(action), min: 2 }]}
              initialValue={
                RECORDS_OPINION.has(action)
                  ? (reviews.filter((r) => r.stage === (action === 'record-review' ? 'review' : 're-review')).at(-1)
                      ?.decidingBody ?? undefined)
                  : undefined
              }
            >
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          {action && RECORDS_OPINION.has(action) ? (
            <Form.Item name="referenceNo" label={t('petitions.referenceNo')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          {action === 'request-extension' ? (
            <Form.Item
              name="days"
              label={t('petitions.extendDays')}
              rules={[{ required: true }]}
              extra={t('petitions.extendHelp', { used: p.extensionDays })}
            >
              <InputNumber min={1} max={30 - p.extensionDays} data-testid="petition-extension-days" />
            </Form.Item>
          ) : null}
          {action && NEEDS_TEXT.has(action) ? (
            <Form.Item
              name="text"
              label={action && RECORDS_OPINION.has(action) ? t('petitions.outcome') : t('petitions.actionText')}
              rules={[{ required: true, min: 2 }]}
              extra={t('petitions.actionTextHelp')}
            >
              <Input.TextArea rows={6} maxLength={5000} data-testid="petition-action-text" />
            </Form.Item>
          ) : action && !NEEDS_DATE.has(action) && !NEEDS_BODY.has(action) ? (
            <Typography.Paragraph>{t('petitions.confirmAction')}</Typography.Paragraph>
          ) : null}
        </Form>
      </Modal>
    </PageContainer>
  );
}
