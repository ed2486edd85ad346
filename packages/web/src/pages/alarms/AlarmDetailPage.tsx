import { UploadOutlined } from '@ant-design/icons';
import { ALARM_ATTACHMENT_MAX_BYTES, ALARM_OUTCOMES } from '@qingshan/core/alarms';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { DatesWhole } from '../../components/DateTimeText.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { SITE_INSPECTION_PERMISSIONS } from '../site-inspections/permissions.ts';
import {
  type AlarmAnswer,
  type AlarmClose,
  alarmKeys,
  answerAlarm,
  closeAlarm,
  downloadAttachment,
  getAlarm,
} from './api.ts';
import {
  eventLabel,
  inLanguage,
  kindLabel,
  kindSourceLabel,
  outcomeLabel,
  STATE_COLORS,
  sourceKindLabel,
  stateLabel,
} from './labels.ts';
import { ALARM_PERMISSIONS } from './permissions.ts';

type AnswerForm = { reason: string; action: string };
// the hour before an alarm was first seen (its hour average's values) to the hour after it was last
// seen: the frames the retention job keeps for a confirmed alarm (monitoring/retention.ts)
const EVIDENCE_MARGIN_MS = 3_600_000;
// the longest window the frames list answers
const MAX_FRAMES_WINDOW_MS = 31 * 86_400_000;
const ACCEPT = 'application/pdf,image/jpeg,image/png';
/** The name the server stores as the actor of its own steps (alarms/service.ts SYSTEM_NAME), shown in words. */
const SYSTEM_ACTOR = '系统（自动监控）';

/** The file's bytes in base64, as the answer carries them (a data: URL read by FileReader, its prefix dropped). */
function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** One alarm: what was seen, its timeline, the enterprise's answer form and the officer's review. */
export default function AlarmDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const enterpriseFace = useLocation().pathname.startsWith('/enterprise/');
  const showError = useShowError();
  const message = useMessage();
  const qc = useQueryClient();
  const [answerForm] = Form.useForm<AnswerForm>();
  const [closeForm] = Form.useForm<AlarmClose>();
  const [file, setFile] = useState<File | null>(null);
  const detail = useQuery({ queryKey: alarmKeys.detail(id), queryFn: ({ signal }) => getAlarm(id, signal) });
  const refresh = () => void qc.invalidateQueries({ queryKey: alarmKeys.all });
  const answer = useMutation({
    mutationFn: async (v: AnswerForm) => {
      const body: AlarmAnswer = { ...v };
      if (file)
        body.attachment = {
          name: file.name,
          contentType: file.type as NonNullable<AlarmAnswer['attachment']>['contentType'],
          dataBase64: await toBase64(file),
        };
      return answerAlarm(id, body);
    },
    onSuccess: refresh,
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(answerForm, e);
      showError(e);
    },
  });
  const close = useMutation({
    mutationFn: (v: AlarmClose) => closeAlarm(id, v),
    onSuccess: refresh,
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(closeForm, e);
      showError(e);
    },
  });

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { alarm: a, events, attachment } = detail.data;
  const canAnswer = canAccess(roles, ALARM_PERMISSIONS.enterprise) && !a.answeredAt && a.state !== 'closed';
  const canClose = canAccess(roles, ALARM_PERMISSIONS.close) && a.state !== 'closed';
  // a station's alarm opens its station page, on the raw frames received around it: the evidence
  const stationPath =
    a.sourceKind === 'station'
      ? `${enterpriseFace ? '/enterprise' : '/staff'}/monitoring/stations/${a.sourceId}`
      : null;
  const framesFrom = Date.parse(a.firstSeenAt) - EVIDENCE_MARGIN_MS;
  const framesTo = Math.min(Date.parse(a.lastSeenAt) + EVIDENCE_MARGIN_MS, framesFrom + MAX_FRAMES_WINDOW_MS);
  const framesPath = stationPath
    ? `${stationPath}?${new URLSearchParams({
        tab: 'frames',
        from: new Date(framesFrom).toISOString(),
        to: new Date(framesTo).toISOString(),
      })}`
    : null;
  return (
    <PageContainer
      title={
        <>
          <Tag color={STATE_COLORS[a.state]}>{stateLabel(a.state, lang)}</Tag>
          <span>{kindLabel(a.kind, lang)}</span>
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" bordered styles={{ label: { width: 112, whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label={t('alarms.enterprise')}>{a.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={t('alarms.source')}>
                {sourceKindLabel(a.sourceKind, lang)} ·{' '}
                {stationPath ? (
                  <Link to={stationPath} data-testid="alarm-source-link">
                    {a.sourceName}
                  </Link>
                ) : (
                  a.sourceName
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('alarms.detail')}>
                <DatesWhole text={inLanguage(a.detail, a.detailEn, lang)} />
              </Descriptions.Item>
              <Descriptions.Item label={t('alarms.basis')}>
                {kindSourceLabel(a.kind, a.kindSource, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('alarms.firstSeenAt')}>{formatDateTime(a.firstSeenAt)}</Descriptions.Item>
              <Descriptions.Item label={t('alarms.raisedAt')}>{formatDateTime(a.raisedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('alarms.lastSeenAt')}>
                {t('common.parenthetical', {
                  text: formatDateTime(a.lastSeenAt),
                  note: `${t('alarms.occurrences')} ${a.occurrences}`,
                })}
              </Descriptions.Item>
              {framesPath && (
                <Descriptions.Item label={t('alarms.frames')}>
                  <Link to={framesPath} data-testid="alarm-frames-link">
                    {t('alarms.framesLink')}
                  </Link>
                </Descriptions.Item>
              )}
              {a.recurrenceOf ? (
                <Descriptions.Item label={t('alarms.recurred')}>
                  {t('alarms.recurredText')}{' '}
                  <Link to={`../${a.recurrenceOf}`} relative="path">
                    {t('alarms.recurredLink')}
                  </Link>
                </Descriptions.Item>
              ) : null}
              {a.clearedAt ? (
                <Descriptions.Item label={t('alarms.clearedAt')}>{formatDateTime(a.clearedAt)}</Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          {a.answeredAt ? (
            <Card size="small" title={t('alarms.answer')} style={{ marginBottom: 16 }}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('alarms.reason')}>{a.answerReason}</Descriptions.Item>
                <Descriptions.Item label={t('alarms.action')}>{a.answerAction}</Descriptions.Item>
                <Descriptions.Item label={t('alarms.answered')}>
                  {formatDateTime(a.answeredAt)}{' '}
                  <Tag color={a.answeredInTime ? 'green' : 'orange'}>
                    {a.answeredInTime ? t('alarms.answeredYes') : t('alarms.answeredLate')}
                  </Tag>
                </Descriptions.Item>
                {attachment ? (
                  <Descriptions.Item label={t('alarms.attachment')}>
                    <Button size="small" onClick={() => void downloadAttachment(id, attachment.name).catch(showError)}>
                      {attachment.name}
                    </Button>
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
          ) : null}
          {canAnswer ? (
            <Card size="small" title={t('alarms.answer')} style={{ marginBottom: 16 }}>
              <Alert
                type={a.escalatedAt ? 'error' : 'warning'}
                showIcon
                title={t(a.escalatedAt ? 'alarms.answerOverdue' : 'alarms.answerDue', {
                  due: formatDateTime(a.answerDueAt),
                })}
                style={{ marginBottom: 12 }}
                data-testid="alarm-answer-due"
              />
              <Form form={answerForm} layout="vertical" onFinish={(v) => answer.mutate(v)}>
                <Form.Item name="reason" label={t('alarms.reason')} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={3} maxLength={1000} data-testid="alarm-answer-reason" />
                </Form.Item>
                <Form.Item name="action" label={t('alarms.action')} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={3} maxLength={1000} data-testid="alarm-answer-action" />
                </Form.Item>
                <Form.Item label={t('alarms.attachment')} extra={t('alarms.attachmentHint')}>
                  {/* antd's Upload, not the browser's file input: its words follow the app's language switch */}
                  <Upload
                    accept={ACCEPT}
                    maxCount={1}
                    fileList={file ? [{ uid: 'answer', name: file.name, status: 'done' }] : []}
                    onRemove={() => setFile(null)}
                    beforeUpload={(f) => {
                      // said in words: showError names only the API's refusals, anything else is an unknown error
                      if (f.size > ALARM_ATTACHMENT_MAX_BYTES) message.error(t('alarms.attachmentTooLarge'));
                      else setFile(f);
                      // kept here and sent with the answer, never uploaded on its own
                      return Upload.LIST_IGNORE;
                    }}
                  >
                    <Button icon={<UploadOutlined />} data-testid="alarm-answer-attachment">
                      {t(file ? 'alarms.attachmentReplace' : 'alarms.pick')}
                    </Button>
                  </Upload>
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="alarm-answer-submit">
                  {t('alarms.submitAnswer')}
                </Button>
              </Form>
            </Card>
          ) : null}
          {a.state === 'closed' ? (
            <Card size="small" title={t('alarms.review')} style={{ marginBottom: 16 }}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('alarms.outcome')}>
                  {a.outcome ? outcomeLabel(a.outcome, lang) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('alarms.note')}>{a.reviewNote}</Descriptions.Item>
                <Descriptions.Item label={t('alarms.closedBy')}>
                  {a.closedByName} · {formatDateTime(a.closedAt)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          ) : null}
          {canAccess(roles, SITE_INSPECTION_PERMISSIONS.record) ? (
            <Card size="small" title={t('alarms.followUp')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary">{t('alarms.followUpHint')}</Typography.Paragraph>
              <ButtonLink
                data-testid="alarm-inspect"
                to={`/staff/site-inspections/new?${new URLSearchParams({
                  enterpriseId: a.enterpriseId,
                  kind: 'off-site',
                  offSiteSource: 'alarm',
                  alarmId: a.id,
                  sourceRef: `${a.sourceName}：${a.detail}（${formatDateTime(a.raisedAt)}）`.slice(0, 300),
                })}`}
              >
                {t('alarms.inspect')}
              </ButtonLink>
            </Card>
          ) : null}
          {canClose ? (
            <Card size="small" title={t('alarms.review')} style={{ marginBottom: 16 }}>
              <Form
                form={closeForm}
                layout="vertical"
                initialValues={{ outcome: a.answeredAt ? 'confirmed' : 'dismissed' }}
                onFinish={(v) => close.mutate(v)}
              >
                <Form.Item
                  name="outcome"
                  label={t('alarms.outcome')}
                  rules={[{ required: true }]}
                  // why "confirmed" is greyed out: the server refuses it until the enterprise answered
                  extra={a.answeredAt ? undefined : t('alarms.outcomeNeedsAnswer')}
                >
                  <Radio.Group
                    options={ALARM_OUTCOMES.map((o) => ({
                      value: o,
                      label: outcomeLabel(o, lang),
                      disabled: o === 'confirmed' && !a.answeredAt,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="note" label={t('alarms.note')} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={3} maxLength={1000} data-testid="alarm-close-note" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={close.isPending} data-testid="alarm-close-submit">
                  {t('alarms.close')}
                </Button>
              </Form>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('alarms.timeline')}>
            <Timeline
              items={events.map((e) => ({
                key: e.id,
                content: (
                  <>
                    <Typography.Text strong>{eventLabel(e.type, lang)}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {formatDateTime(e.at)} · {e.actorName === SYSTEM_ACTOR ? t('alarms.systemActor') : e.actorName}
                    </Typography.Text>
                    {e.note ? (
                      <div>
                        <DatesWhole text={inLanguage(e.note, e.noteEn, lang)} />
                      </div>
                    ) : null}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
