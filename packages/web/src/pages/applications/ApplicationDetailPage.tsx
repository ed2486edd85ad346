import { UploadOutlined } from '@ant-design/icons';
import { canTransition, isOneVisit } from '@qingshan/core/applications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { ListLines } from '../../components/ListLine.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { joinLabels, useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { ApplicationEiaCard } from '../eia/ApplicationEiaCard.tsx';
import { formLabel, matterLabel } from '../matters/labels.ts';
import { clockTitle } from '../worklist/titles.ts';
import {
  type ApplicationDetail,
  type ApplicationStep,
  applicationKeys,
  applicationStep,
  type DocumentKind,
  downloadDocument,
  downloadMaterial,
  getApplication,
  uploadMaterial,
} from './api.ts';
import { acceptanceLabel, CLOCK_COLORS, channelLabel, STATE_COLORS, stateLabel } from './labels.ts';
import { APPLICATION_PERMISSIONS } from './permissions.ts';

type Checklist = ApplicationDetail['checklist'];
type StepForm = {
  note?: string;
  promise?: string;
  outcome?: 'approved' | 'refused';
  reasons?: string;
  purpose?: string;
  inPerson?: boolean;
};

const DOC_LABEL: Record<
  DocumentKind,
  'applications.docNotice' | 'applications.docAcceptance' | 'applications.docDecision'
> = {
  notice: 'applications.docNotice',
  acceptance: 'applications.docAcceptance',
  decision: 'applications.docDecision',
};

/** Which steps this user may take now: the state allows it and the role holds the permission. */
function stepsFor(d: ApplicationDetail, can: { window: boolean; decide: boolean; own: boolean }): ApplicationStep[] {
  const s = d.status;
  const out: ApplicationStep[] = [];
  if (can.window) {
    if (canTransition(s, 'issue-notice') && !d.preCheck.complete) out.push('notice');
    if (canTransition(s, 'accept') && d.preCheck.complete) out.push('accept');
    if (canTransition(s, 'accept-deferred') && d.preCheck.deferrable) out.push('accept-deferred');
  }
  if ((can.window || can.own) && canTransition(s, 'supplement')) out.push('supplement');
  if (can.decide) {
    if (canTransition(s, 'start-expert-review')) out.push('expert-review');
    if (canTransition(s, 'end-expert-review')) out.push('expert-review/end');
    if (canTransition(s, 'approve')) out.push('decision');
  }
  if (can.window && s !== 'approved' && s !== 'refused') out.push('visits');
  return out;
}

function UploadButton({ id, item, onDone }: { id: string; item: number; onDone: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  const showError = useShowError();
  const message = useMessage();
  const up = useMutation({
    mutationFn: (f: File) => uploadMaterial(id, item, f),
    onSuccess: (m) => {
      message.success(t('applications.uploaded', { name: m.fileName }));
      onDone();
    },
    onError: showError,
  });
  return (
    <>
      <input
        ref={ref}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,.docx"
        style={{ display: 'none' }}
        data-testid={`application-upload-${item}`}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          const f = e.target.files?.[0];
          if (f) up.mutate(f);
          e.target.value = '';
        }}
      />
      <Button size="small" icon={<UploadOutlined />} loading={up.isPending} onClick={() => ref.current?.click()}>
        {t('applications.upload')}
      </Button>
    </>
  );
}

/** One application: checklist and pre-check with uploads, its clocks, letters and the steps. */
export default function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const showError = useShowError();
  const qc = useQueryClient();
  const [step, setStep] = useState<ApplicationStep | null>(null);
  const [form] = Form.useForm<StepForm>();
  const detail = useQuery({
    queryKey: applicationKeys.detail(id),
    queryFn: ({ signal }) => getApplication(id, signal),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: applicationKeys.all });
  const act = useMutation({
    mutationFn: ({ s, v }: { s: ApplicationStep; v: StepForm }) => {
      const body =
        s === 'notice'
          ? { note: v.note?.trim() || null }
          : s === 'accept-deferred'
            ? { promise: v.promise ?? '' }
            : s === 'expert-review'
              ? { note: v.note ?? '' }
              : s === 'decision'
                ? { outcome: v.outcome ?? 'approved', reasons: v.reasons ?? '' }
                : s === 'visits'
                  ? { purpose: v.purpose ?? '' }
                  : s === 'supplement'
                    ? { inPerson: v.inPerson ?? false }
                    : undefined;
      return applicationStep(id, s, body);
    },
    onSuccess: () => {
      setStep(null);
      form.resetFields();
      refresh();
    },
    onError: showError,
  });

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const can = {
    window: canAccess(roles, APPLICATION_PERMISSIONS.window),
    decide: canAccess(roles, APPLICATION_PERMISSIONS.decide),
    own: canAccess(roles, APPLICATION_PERMISSIONS.apply),
  };
  const steps = stepsFor(d, can);
  const pendingDeferred = new Set(d.deferredItems.filter((x) => !x.fulfilledAt).map((x) => x.item));
  const canUpload = (item: number) =>
    (can.window || can.own) &&
    (d.status === 'submitted' || d.status === 'awaiting-materials' || pendingDeferred.has(item));
  const missing = new Set(d.preCheck.missing);
  const names = (items: number[]) =>
    joinLabels(
      items.map((i) => d.checklist[i]?.name ?? ''),
      lang,
    );
  const noStepNeedsForm = step === 'accept' || step === 'expert-review/end';

  return (
    <PageContainer
      title={`${d.code} ${d.projectName}`}
      extra={steps.map((s) => (
        <Button
          key={s}
          type={s === 'accept' || s === 'decision' || s === 'notice' || s === 'supplement' ? 'primary' : 'default'}
          onClick={() => (s === 'accept' || s === 'expert-review/end' ? act.mutate({ s, v: {} }) : setStep(s))}
          loading={act.isPending && act.variables?.s === s}
          data-testid={`application-step-${s.replace('/', '-')}`}
        >
          {t(`applications.actions.${s}` as 'applications.actions.accept')}
        </Button>
      ))}
    >
      {d.status === 'awaiting-materials' && d.noticeMissing ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('applications.noticeAlert', { items: names(d.noticeMissing) })}
          description={d.noticeNote ?? undefined}
          data-testid="application-notice-alert"
        />
      ) : null}
      {d.acceptanceKind === 'deemed' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('applications.deemedAlert')} />
      ) : null}
      {d.acceptanceKind === 'deferred' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('applications.deferredAlert', {
            items: joinLabels(
              d.deferredItems.map((x) => x.name),
              lang,
            ),
          })}
          description={d.deferredPromise ?? undefined}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card style={{ marginBottom: 16 }}>
            {/* beside the side cards (xl: 15 of 24 columns) two pairs squeezed English labels and values
                to a word a line; one pair a row there, two again when the page is wide enough */}
            <Descriptions column={{ xs: 1, md: 2, xl: 1, xxl: 2 }} size="small" bordered>
              <Descriptions.Item label={t('applications.status')}>
                <Tag color={STATE_COLORS[d.status]} data-testid="application-status">
                  {stateLabel(d.status, lang)}
                </Tag>
                {d.acceptanceKind ? <Tag>{acceptanceLabel(d.acceptanceKind, lang)}</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('applications.matter')}>
                {matterLabel(d.matterCode, d.matterName, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('applications.enterprise')}>{d.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={t('applications.applicant')}>
                {d.applicantName} {d.applicantPhone}
              </Descriptions.Item>
              <Descriptions.Item label={t('applications.channel')}>
                {channelLabel(d.channel, lang)}
                {d.assisted ? <Tag style={{ marginLeft: 4 }}>{t('applications.assisted')}</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('applications.receivedAt')}>{formatDateTime(d.receivedAt)}</Descriptions.Item>
              {/* "filled", not a span of 2: on one column (and on antd's first, three-column render) a
                  span of 2 does not add up and antd warns; filled takes the rest of the line */}
              {d.assisted ? (
                <Descriptions.Item label={t('applications.authorisation')} span="filled">
                  {t('common.parenthetical', {
                    text: d.authorisation,
                    note: t('common.labelled', { label: t('applications.assistedBy'), value: d.assistedByName }),
                  })}
                </Descriptions.Item>
              ) : null}
              {d.decisionNumber ? (
                <Descriptions.Item label={t('applications.decision')} span="filled">
                  <Typography.Text strong data-testid="application-decision-number">
                    {d.decisionNumber}
                  </Typography.Text>{' '}
                  {d.decidedOnTime === null ? (
                    <Tag>{t('applications.noLimit')}</Tag>
                  ) : d.decidedOnTime ? (
                    <Tag color="green">{t('applications.onTime')}</Tag>
                  ) : (
                    <Tag color="red">{t('applications.late')}</Tag>
                  )}
                  <div>{d.decisionReasons}</div>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Card
            title={t('applications.checklist')}
            style={{ marginBottom: 16 }}
            extra={
              d.preCheck.complete ? (
                <Tag color="green">{t('applications.preCheckComplete')}</Tag>
              ) : (
                <Tag color="orange" data-testid="application-precheck">
                  {t('applications.preCheckMissing', { count: d.preCheck.missing.length })}
                  {d.preCheck.deferrable ? ` · ${t('applications.preCheckDeferrable')}` : ''}
                </Tag>
              )
            }
          >
            <Table<Checklist[number] & { index: number }>
              size="small"
              pagination={false}
              rowKey="index"
              dataSource={d.checklist.map((m, index) => ({ ...m, index }))}
              data-testid="application-checklist"
              columns={[
                { title: '#', render: (_, m) => m.index + 1, width: 40 },
                {
                  title: t('applications.item'),
                  width: '45%',
                  render: (_, m) => (
                    <>
                      {m.name}{' '}
                      <Tag color={m.required ? 'red' : 'default'}>
                        {t(m.required ? 'applications.requiredYes' : 'applications.requiredNo')}
                      </Tag>
                      {m.deferrable ? <Tag color="gold">{t('applications.deferrable')}</Tag> : null}
                      <Typography.Text type="secondary">
                        {formLabel(m.form, lang)} × {m.count}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  title: t('applications.files'),
                  render: (_, m) => {
                    const files = d.materials.filter((f) => f.item === m.index);
                    if (!files.length)
                      return (
                        <Typography.Text type={missing.has(m.index) ? 'danger' : 'secondary'}>
                          {t('applications.noFile')}
                        </Typography.Text>
                      );
                    return files.map((f) => (
                      <div key={f.id}>
                        <Button
                          type="link"
                          size="small"
                          // a file is named after its checklist item: wrapped, or it squeezes the item's column
                          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                          onClick={() => void downloadMaterial(d.id, f.id, f.fileName).catch(showError)}
                        >
                          {f.fileName}
                        </Button>{' '}
                        <Typography.Text type="secondary">{Math.ceil(f.size / 1024)} KB</Typography.Text>
                      </div>
                    ));
                  },
                },
                {
                  title: '',
                  width: 90,
                  render: (_, m) =>
                    canUpload(m.index) ? <UploadButton id={d.id} item={m.index} onDone={refresh} /> : null,
                },
              ]}
            />
            {can.own && (d.status === 'submitted' || d.status === 'awaiting-materials') ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('applications.uploadHelp')}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <ApplicationEiaCard application={d} />
          <Card title={t('applications.documents')} style={{ marginBottom: 16 }}>
            {d.documents.length ? (
              <Flex vertical gap={8}>
                {d.documents.map((k) => (
                  <Button
                    key={k}
                    onClick={() => void downloadDocument(d.id, k).catch(showError)}
                    data-testid={`application-doc-${k}`}
                  >
                    {t('common.parenthetical', { text: t(DOC_LABEL[k]), note: 'Word' })}
                  </Button>
                ))}
              </Flex>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.noDocuments')} />
            )}
          </Card>
          <Card title={t('applications.clocks')} style={{ marginBottom: 16 }}>
            {d.clocks.length ? (
              <ListLines
                size="small"
                items={d.clocks}
                rowKey="id"
                renderItem={(c) => (
                  <Flex vertical>
                    <span>{clockTitle(c.title, lang)}</span>
                    <span>
                      <Tag color={CLOCK_COLORS[c.state]}>{t(`clocks.state.${c.state}` as 'clocks.state.running')}</Tag>
                      <span>
                        {t('applications.dueDate', { date: c.dueDate })}
                        {c.provisional ? ` · ${t('clocks.provisional')}` : ''}
                      </span>
                    </span>
                  </Flex>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          <Card title={t('applications.visitLog')}>
            <Tag color={isOneVisit(d.visits) ? 'green' : 'orange'} style={{ marginBottom: 8 }}>
              {t(isOneVisit(d.visits) ? 'applications.oneVisit' : 'applications.moreVisits')} ·{' '}
              {t('applications.visitsValue', { count: d.visits })}
            </Tag>
            {d.visitLog.length ? (
              <ListLines
                size="small"
                items={d.visitLog}
                rowKey="id"
                renderItem={(v) => `${formatDateTime(v.createdAt)} ${v.purpose}（${v.recordedByName}）`}
              />
            ) : (
              <Typography.Text type="secondary">{t('applications.noVisits')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Modal
        open={step !== null && !noStepNeedsForm}
        title={step ? t(`applications.actions.${step}` as 'applications.actions.accept') : ''}
        onCancel={() => setStep(null)}
        onOk={() => form.submit()}
        okText={t('applications.confirm')}
        confirmLoading={act.isPending}
        okButtonProps={{ 'data-testid': 'application-step-confirm' } as Record<string, string>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => step && act.mutate({ s: step, v })} preserve={false}>
          {step === 'notice' ? (
            <>
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('applications.preCheckMissing', { count: d.preCheck.missing.length })}
                description={names(d.preCheck.missing)}
              />
              <Form.Item name="note" label={t('applications.noticeNoteLabel')} rules={[{ max: 1000 }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          {step === 'accept-deferred' ? (
            <Form.Item name="promise" label={t('applications.deferredPromise')} rules={[{ required: true, max: 1000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          ) : null}
          {step === 'expert-review' ? (
            <Form.Item name="note" label={t('applications.expertNote')} rules={[{ required: true, max: 500 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          ) : null}
          {step === 'decision' ? (
            <>
              <Form.Item name="outcome" label={t('applications.decisionOutcome')} initialValue="approved">
                <Radio.Group
                  options={[
                    { value: 'approved', label: t('applications.approved') },
                    { value: 'refused', label: t('applications.refused') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="reasons" label={t('applications.reasons')} rules={[{ required: true, max: 2000 }]}>
                <Input.TextArea rows={4} />
              </Form.Item>
            </>
          ) : null}
          {step === 'visits' ? (
            <Form.Item name="purpose" label={t('applications.visitPurpose')} rules={[{ required: true, max: 200 }]}>
              <Input />
            </Form.Item>
          ) : null}
          {step === 'supplement' ? (
            can.window ? (
              <Form.Item name="inPerson" valuePropName="checked" initialValue={false}>
                <Checkbox>{t('applications.inPerson')}</Checkbox>
              </Form.Item>
            ) : (
              <Typography.Paragraph>
                {t('applications.noticeAlert', { items: names(d.noticeMissing ?? []) })}
              </Typography.Paragraph>
            )
          ) : null}
        </Form>
      </Modal>
    </PageContainer>
  );
}
