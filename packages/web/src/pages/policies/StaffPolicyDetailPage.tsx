import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Pagination,
  Popconfirm,
  Row,
  Segmented,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { ListLines } from '../../components/ListLine.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { townName } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import {
  answerQuestion,
  deletePolicyAttachment,
  getPolicy,
  getReach,
  getReachEnterprises,
  listQuestions,
  policyKeys,
  publishPolicy,
  type Question,
  type ReachEnterprises,
  type StaffPolicyDetail,
  staffAttachmentUrl,
  uploadPolicyAttachment,
  withdrawPolicy,
} from './api.ts';
import { industryName, POLICY_STATUS_COLORS, policyStatusLabel } from './labels.ts';
import { PolicyBody } from './PolicyBody.tsx';
import { POLICY_PERMISSIONS } from './permissions.ts';

/** One policy at the desk: publish or withdraw it, its attachments, its reach (a figure) and the questions on it. */
export default function StaffPolicyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const desk = canAccess(roles, POLICY_PERMISSIONS.desk);
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: policyKeys.staffDetail(id), queryFn: ({ signal }) => getPolicy(id, signal) });
  const refresh = () => void qc.invalidateQueries({ queryKey: policyKeys.all });
  const publish = useMutation({
    mutationFn: (version: number) => publishPolicy(id, version),
    onSuccess: (r) => {
      message.success(t('policies.published', { count: r.pushed }));
      refresh();
    },
    onError: showError,
  });
  const withdraw = useMutation({
    mutationFn: (version: number) => withdrawPolicy(id, version, reason),
    onSuccess: () => {
      setWithdrawing(false);
      message.success(t('policies.withdrawn'));
      refresh();
    },
    onError: showError,
  });
  const upload = useMutation({
    mutationFn: (file: File) => uploadPolicyAttachment(id, file),
    onSuccess: () => {
      message.success(t('policies.uploaded'));
      refresh();
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (attachmentId: string) => deletePolicyAttachment(id, attachmentId),
    onSuccess: () => {
      message.success(t('policies.deleted'));
      refresh();
    },
    onError: showError,
  });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  return (
    <PageContainer
      title={
        <Space>
          {p.title}
          <Tag color={POLICY_STATUS_COLORS[p.status]}>{policyStatusLabel(p.status, lang)}</Tag>
        </Space>
      }
      extra={
        desk ? (
          <>
            {p.status !== 'withdrawn' ? (
              <ButtonLink to={`/staff/policies/${id}/edit`}>{t('policies.edit')}</ButtonLink>
            ) : null}
            {p.status === 'draft' ? (
              <Popconfirm title={t('policies.publishConfirm')} onConfirm={() => publish.mutate(p.version)}>
                <Button type="primary" loading={publish.isPending} data-testid="policy-publish">
                  {t('policies.publish')}
                </Button>
              </Popconfirm>
            ) : null}
            {p.status === 'published' ? (
              <Button danger onClick={() => setWithdrawing(true)}>
                {t('policies.withdraw')}
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      {p.status === 'draft' ? null : <ReachCard p={p} />}
      <PolicyBody p={p} attachmentUrl={(a) => staffAttachmentUrl(id, a)} />
      {desk && p.status !== 'withdrawn' ? (
        <Card style={{ marginBottom: 16 }}>
          <Space wrap>
            <Upload
              accept="application/pdf,image/png,image/jpeg"
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending}>
                {t('policies.upload')}
              </Button>
            </Upload>
            {p.attachments.map((a) => (
              <Popconfirm
                key={a.id}
                title={`${t('policies.deleteAttachment')} ${a.fileName}?`}
                onConfirm={() => remove.mutate(a.id)}
              >
                <Button size="small" icon={<DeleteOutlined />}>
                  {a.fileName}
                </Button>
              </Popconfirm>
            ))}
          </Space>
        </Card>
      ) : null}
      {p.status === 'draft' ? null : <QuestionsCard id={id} desk={desk} />}
      <Modal
        open={withdrawing}
        title={t('policies.withdraw')}
        onCancel={() => setWithdrawing(false)}
        onOk={() => withdraw.mutate(p.version)}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: withdraw.isPending }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('policies.withdrawReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </PageContainer>
  );
}

function ReachCard({ p }: { p: StaffPolicyDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [reached, setReached] = useState<'' | 'true' | 'false'>('');
  const [page, setPage] = useState(1);
  const r = useQuery({ queryKey: policyKeys.reach(p.id), queryFn: ({ signal }) => getReach(p.id, signal) });
  const eq = { page, pageSize: 10, ...(reached ? { reached } : {}) };
  const ents = useQuery({
    queryKey: policyKeys.reachEnterprises(p.id, eq),
    queryFn: ({ signal }) => getReachEnterprises(p.id, eq, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title={t('policies.reach')} style={{ marginBottom: 16 }} data-testid="policy-reach">
      <Typography.Paragraph type="secondary">{t('policies.reachIntro')}</Typography.Paragraph>
      {r.isPending ? (
        <PageLoading />
      ) : r.isError ? (
        <ErrorState error={r.error} onRetry={() => void r.refetch()} />
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={12} md={4}>
              <Statistic title={t('policies.pushed')} value={r.data.pushed} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('policies.readCount')} value={r.data.read} data-testid="reach-read" />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={t('policies.concerned')} value={r.data.concerned} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={t('policies.concernedReached')} value={r.data.concernedReached} />
            </Col>
            <Col xs={24} md={6}>
              <div data-testid="reach-share">
                {r.data.share === null ? (
                  <Statistic title={t('policies.share')} value={t('policies.shareNone')} />
                ) : (
                  <Statistic title={t('policies.share')} value={r.data.share} precision={1} suffix="%" />
                )}
              </div>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('policies.deliveries', {
              sent: r.data.deliveriesSent,
              failed: r.data.deliveriesFailed,
              pending: r.data.deliveriesPending,
            })}
          </Typography.Paragraph>
        </>
      )}
      <Space style={{ margin: '8px 0' }}>
        <Typography.Text strong>{t('policies.concernedList')}</Typography.Text>
        <Segmented
          value={reached}
          onChange={(v) => {
            setReached(v as typeof reached);
            setPage(1);
          }}
          options={[
            { value: '', label: t('policies.allEnterprises') },
            { value: 'true', label: t('policies.reachedOnly') },
            { value: 'false', label: t('policies.notReached') },
          ]}
        />
      </Space>
      {ents.isError ? (
        <ErrorState error={ents.error} onRetry={() => void ents.refetch()} />
      ) : (
        <Table<ReachEnterprises['items'][number]>
          size="small"
          rowKey="id"
          loading={ents.isFetching}
          dataSource={ents.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 10,
            total: ents.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: t('policies.enterprise'), dataIndex: 'name' },
            { title: t('policies.town'), dataIndex: 'townCode', render: (c: string) => townName(c, lang) },
            { title: t('policies.industry'), dataIndex: 'industryCode', render: (c: string) => industryName(c, lang) },
            {
              title: t('policies.delivered'),
              dataIndex: 'delivered',
              render: (v: boolean) => (v ? t('policies.yes') : t('policies.no')),
            },
            {
              title: t('policies.reachedCol'),
              dataIndex: 'reached',
              render: (v: boolean) =>
                v ? <Tag color="green">{t('policies.read')}</Tag> : <Tag>{t('policies.unread')}</Tag>,
            },
          ]}
        />
      )}
    </Card>
  );
}

function QuestionsCard({ id, desk }: { id: string; desk: boolean }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = { page, pageSize: 10 };
  const q = useQuery({
    queryKey: policyKeys.questions(id, query),
    queryFn: ({ signal }) => listQuestions(id, query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title={t('policies.staffQuestions')} style={{ marginBottom: 16 }}>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Spin spinning={q.isFetching}>
          {q.isPending ? (
            <div style={{ minHeight: 96 }} />
          ) : q.data.items.length ? (
            <ListLines<Question>
              items={q.data.items}
              rowKey="id"
              renderItem={(x) => (
                <div style={{ width: '100%' }}>
                  <Space style={{ marginBottom: 4 }}>
                    <Typography.Text strong>{x.question}</Typography.Text>
                    {x.answer ? (
                      <Tag color={x.published ? 'green' : 'default'}>
                        {x.published ? t('policies.publishedFaq') : t('policies.unpublishedFaq')}
                      </Tag>
                    ) : (
                      <Tag color="orange">{t('policies.awaiting')}</Tag>
                    )}
                  </Space>
                  <div>
                    <Typography.Text type="secondary">
                      {t('policies.askedAt')} {formatDateTime(x.createdAt)}
                    </Typography.Text>
                  </div>
                  {x.answer ? (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8, marginBottom: 0 }}>
                      {t('common.labelled', { label: t('policies.answer'), value: x.answer })}
                    </Typography.Paragraph>
                  ) : desk ? (
                    <AnswerForm id={id} questionId={x.id} />
                  ) : null}
                </div>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
          )}
          {(q.data?.total ?? 0) > 10 ? (
            <Pagination
              align="end"
              style={{ marginTop: 16 }}
              current={page}
              pageSize={10}
              total={q.data?.total}
              onChange={setPage}
            />
          ) : null}
        </Spin>
      )}
    </Card>
  );
}

function AnswerForm({ id, questionId }: { id: string; questionId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const showError = useShowError();
  const message = useMessage();
  const answer = useMutation({
    mutationFn: (v: { answer: string; publish: boolean }) => answerQuestion(id, questionId, v),
    onSuccess: () => {
      message.success(t('policies.answered'));
      void qc.invalidateQueries({ queryKey: policyKeys.all });
    },
    onError: showError,
  });
  return (
    <Form
      layout="vertical"
      initialValues={{ publish: true }}
      onFinish={(v) => answer.mutate(v)}
      style={{ marginTop: 8 }}
    >
      <Form.Item name="answer" rules={[{ required: true, min: 2, max: 5000 }]} style={{ marginBottom: 8 }}>
        <Input.TextArea
          rows={3}
          maxLength={5000}
          placeholder={t('policies.answerPlaceholder')}
          data-testid="policy-answer-text"
        />
      </Form.Item>
      <Space>
        <Form.Item name="publish" valuePropName="checked" noStyle>
          <Checkbox>{t('policies.publishAnswer')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="policy-answer-submit">
          {t('policies.sendAnswer')}
        </Button>
      </Space>
    </Form>
  );
}
