import { SITE_INSPECTION_CLOCK_PROFILES } from '@qingshan/core/site-inspections';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Form, Input, Radio, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import {
  answerOrder,
  getOrder,
  type OrderDetail,
  orderFileUrl,
  siteInspectionKeys,
  uploadProof,
  type VerifyBody,
  verifyOrder,
} from './api.ts';
import { ORDER_COLORS, orderStatusLabel } from './labels.ts';
import { SITE_INSPECTION_PERMISSIONS } from './permissions.ts';

const RECTIFY_PROFILE = SITE_INSPECTION_CLOCK_PROFILES[0]!;

type Answer = OrderDetail['answers'][number];

/** The officer's word on an answer: "通过：…（张三 · 2026-12-07 10:00）", "Accept: … (张三 · 2026-12-07 10:00)". */
function verdictText(t: TFunction, a: Answer): string {
  const verdict = a.verdict === 'accepted' ? t('siteInspections.accept') : t('siteInspections.return');
  return t('common.parenthetical', {
    text: a.reason ? t('common.labelled', { label: verdict, value: a.reason }) : verdict,
    note: `${a.verifiedByName ?? ''} · ${a.verifiedAt ? formatDateTime(a.verifiedAt) : ''}`,
  });
}

/** One rectification order: the enterprise sends proof and answers; the officer accepts or returns. */
export default function OrderDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const q = useQuery({ queryKey: siteInspectionKeys.order(id!), queryFn: ({ signal }) => getOrder(id!, signal) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const o = q.data;
  const staff = canAccess(roles, SITE_INSPECTION_PERMISSIONS.staff);
  const open = o.status === 'open' || o.status === 'returned';
  return (
    <PageContainer title={t('siteInspections.orderDetail')}>
      <div style={{ maxWidth: 720 }}>
        <Descriptions column={1} size="small" bordered layout="vertical" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('siteInspections.enterprise')}>{o.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.description')}>
            {staff ? <Link to={`/staff/site-inspections/${o.inspectionId}`}>{o.description}</Link> : o.description}
          </Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.requirementShort')}>{o.requirement}</Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.dueDate')}>
            {o.clock
              ? o.clock.provisional
                ? t('common.parenthetical', { text: o.clock.dueDate, note: t('siteInspections.provisional') })
                : o.clock.dueDate
              : '—'}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('common.labelled', {
                  label: t('siteInspections.source'),
                  value: lang === 'en' ? RECTIFY_PROFILE.sourceEn : RECTIFY_PROFILE.source,
                })}
              </Typography.Text>
            </div>
          </Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.orderStatus')}>
            <Tag color={ORDER_COLORS[o.status]}>{orderStatusLabel(o.status, lang)}</Tag>
            {o.onTime !== null ? (
              <Tag color={o.onTime ? 'green' : 'red'}>
                {o.onTime ? t('siteInspections.onTime') : t('siteInspections.late')}
              </Tag>
            ) : null}
          </Descriptions.Item>
        </Descriptions>
        <Card size="small" title={t('siteInspections.answers')} style={{ marginBottom: 12 }}>
          {o.answers.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
          <Timeline
            items={o.answers.map((a) => ({
              color: a.verdict === 'accepted' ? 'green' : a.verdict === 'returned' ? 'red' : 'blue',
              content: (
                <div>
                  <div>{a.text}</div>
                  <Typography.Text type="secondary">
                    {a.submittedByName} · {formatDateTime(a.submittedAt)}
                  </Typography.Text>
                  <ProofList o={o} answerId={a.id} />
                  {a.verdict ? <div>{verdictText(t, a)}</div> : null}
                </div>
              ),
            }))}
          />
        </Card>
        {!staff && open ? <AnswerCard o={o} /> : null}
        {!staff && o.status === 'answered' ? <Typography.Text>{t('siteInspections.answered')}</Typography.Text> : null}
        {staff && o.status === 'answered' && canAccess(roles, SITE_INSPECTION_PERMISSIONS.record) ? (
          <VerifyCard o={o} />
        ) : null}
      </div>
    </PageContainer>
  );
}

function ProofList({ o, answerId }: { o: OrderDetail; answerId: string | null }) {
  const files = o.files.filter((f) => f.answerId === answerId);
  if (!files.length) return null;
  return (
    <Flex gap={8} wrap>
      {files.map((f) => (
        <a key={f.id} href={orderFileUrl(o.id, f.id)} target="_blank" rel="noreferrer">
          {f.fileName}
        </a>
      ))}
    </Flex>
  );
}

function AnswerCard({ o }: { o: OrderDetail }) {
  const { t } = useTranslation();
  const message = useMessage();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const input = useRef<HTMLInputElement>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: siteInspectionKeys.all });
  const upload = useMutation({ mutationFn: (f: File) => uploadProof(o.id, f), onSuccess: refresh, onError: showError });
  const answer = useMutation({
    mutationFn: (v: { text: string }) => answerOrder(o.id, v.text),
    onSuccess: async () => {
      message.success(t('siteInspections.answered'));
      await refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  return (
    <Card size="small" title={t('siteInspections.submitAnswer')}>
      <Typography.Paragraph type="secondary">{t('siteInspections.proofHint')}</Typography.Paragraph>
      <ProofList o={o} answerId={null} />
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp,application/pdf"
        data-testid="proof-input"
        style={{ display: 'none' }}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) upload.mutate(f);
          e.target.value = '';
        }}
      />
      <Button block loading={upload.isPending} onClick={() => input.current?.click()} style={{ margin: '8px 0' }}>
        {t('siteInspections.uploadProof')}
      </Button>
      <Form form={form} layout="vertical" onFinish={(v) => answer.mutate(v)}>
        <Form.Item name="text" label={t('siteInspections.answerText')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={answer.isPending} data-testid="order-answer-submit">
          {t('siteInspections.submitAnswer')}
        </Button>
      </Form>
    </Card>
  );
}

function VerifyCard({ o }: { o: OrderDetail }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<VerifyBody>();
  const verify = useMutation({
    mutationFn: (v: VerifyBody) => verifyOrder(o.id, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: siteInspectionKeys.all }),
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  return (
    <Card size="small" title={t('siteInspections.verify')}>
      <Form<VerifyBody>
        form={form}
        layout="vertical"
        initialValues={{ verdict: 'accept' }}
        onFinish={(v) => verify.mutate(v)}
      >
        <Form.Item name="verdict" label={t('siteInspections.verdict')}>
          <Radio.Group
            options={[
              { value: 'accept', label: t('siteInspections.accept') },
              { value: 'return', label: t('siteInspections.return') },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('siteInspections.reason')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={verify.isPending} data-testid="order-verify-submit">
          {t('siteInspections.verify')}
        </Button>
      </Form>
    </Card>
  );
}
