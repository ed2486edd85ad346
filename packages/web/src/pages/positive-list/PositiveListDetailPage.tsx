import { POSITIVE_LIST_CATEGORY_LABELS } from '@qingshan/core/positive-list';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { RecordTable } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { inLanguage } from '../alarms/labels.ts';
import {
  type ConditionCheck,
  decideProposal,
  getEntry,
  type Proposal,
  positiveListKeys,
  removeListing,
} from './api.ts';
import { CHECK_STATUS_COLORS, proposalOutcome } from './labels.ts';
import { ProposalDecision } from './ProposalDecision.tsx';
import { POSITIVE_LIST_PERMISSIONS } from './permissions.ts';
import { StateTag } from './StateTag.tsx';

/** One listing: the evidence snapshot kept at the decision, its removal with reason, and proposals. */
export default function PositiveListDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const canDecide = canAccess(roles, POSITIVE_LIST_PERMISSIONS.decide);
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [removalForm] = Form.useForm<{ reason: string }>();
  const q = useQuery({ queryKey: positiveListKeys.detail(id), queryFn: ({ signal }) => getEntry(id, signal) });
  const remove = useMutation({
    mutationFn: (reason: string) => removeListing(id, reason),
    onSuccess: (e) => {
      qc.setQueryData(positiveListKeys.detail(id), e);
      void qc.invalidateQueries({ queryKey: ['positive-list'] });
      message.success(t('positiveList.removedOk'));
    },
    onError: showError,
  });
  const decide = useMutation({
    mutationFn: (v: { id: string; accept: boolean; reason: string }) => decideProposal(v.id, v),
    onSuccess: (e) => {
      qc.setQueryData(positiveListKeys.detail(id), e);
      void qc.invalidateQueries({ queryKey: ['positive-list'] });
      message.success(t('positiveList.decided'));
    },
    onError: showError,
  });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const e = q.data;
  return (
    <PageContainer title={`${t('positiveList.detailTitle')} · ${e.enterpriseName}`}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('positiveList.enterprise')}>{e.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label={t('positiveList.validity')}>
              <StateTag state={e.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('positiveList.category')}>
              {POSITIVE_LIST_CATEGORY_LABELS[e.category][coreLang(lang)]}
            </Descriptions.Item>
            <Descriptions.Item label={t('positiveList.categorySource')}>
              {inLanguage(e.categorySource, e.categorySourceEn, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('positiveList.decidedOn')}>{e.decidedOn}</Descriptions.Item>
            <Descriptions.Item label={t('positiveList.validUntil')}>
              {t('positiveList.validUntilValue', {
                until: e.validUntil,
                from: e.decidedOn,
                years: Number(e.validUntil.slice(0, 4)) - Number(e.decidedOn.slice(0, 4)),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('positiveList.decidedBy')}>{e.decidedByName}</Descriptions.Item>
            <Descriptions.Item label={t('positiveList.reason')}>{e.reason}</Descriptions.Item>
          </Descriptions>
          {e.state === 'removed' && e.removedAt ? (
            <Tag color="red" style={{ marginTop: 8, whiteSpace: 'normal' }}>
              {t('positiveList.removedInfo', {
                at: formatDateTime(e.removedAt),
                by: e.removedByName,
                reason: e.removalReason,
              })}
            </Tag>
          ) : null}
        </Card>
        <Card title={t('positiveList.evidence')} data-testid="positive-list-evidence">
          <RecordTable<ConditionCheck>
            rowKey="condition"
            pagination={false}
            size="small"
            dataSource={e.checks}
            columns={[
              {
                title: t('positiveList.condition'),
                dataIndex: 'condition',
                render: (c: ConditionCheck['condition']) => t(`positiveList.conditions.${c}`),
              },
              {
                title: t('positiveList.result'),
                dataIndex: 'status',
                render: (s: ConditionCheck['status']) => (
                  <Tag color={CHECK_STATUS_COLORS[s]}>{t(`positiveList.statuses.${s}`)}</Tag>
                ),
              },
              { title: t('positiveList.found'), dataIndex: 'evidence' },
              { title: t('positiveList.confirmation'), dataIndex: 'confirmation', render: (c?: string) => c ?? '—' },
            ]}
          />
        </Card>
        {e.proposals.length ? (
          <Card title={t('positiveList.proposals')}>
            <Table<Proposal>
              rowKey="id"
              pagination={false}
              size="small"
              dataSource={e.proposals}
              columns={[
                {
                  title: t('positiveList.trigger'),
                  dataIndex: 'trigger',
                  render: (x: Proposal['trigger']) => t(`positiveList.triggers.${x}`),
                },
                { title: t('positiveList.summary'), dataIndex: 'summary' },
                {
                  title: t('positiveList.proposalStatus'),
                  dataIndex: 'status',
                  render: (s: Proposal['status'], p) =>
                    s === 'open' && canDecide && e.state !== 'removed' ? (
                      <ProposalDecision
                        onDecide={(accept, reason) => decide.mutate({ id: p.id, accept, reason })}
                        busy={decide.isPending}
                      />
                    ) : (
                      proposalOutcome(t, p)
                    ),
                },
              ]}
            />
          </Card>
        ) : null}
        {/* only a listing in force is removed: an expired one ended by itself (the server refuses it) */}
        {canDecide && e.state === 'valid' ? (
          <Card title={t('positiveList.removal')}>
            <Form form={removalForm} layout="inline" onFinish={(v: { reason: string }) => remove.mutate(v.reason)}>
              <Form.Item
                name="reason"
                label={t('positiveList.removalReason')}
                rules={[{ required: true, whitespace: true, message: t('positiveList.removalReasonRequired') }]}
              >
                <Input style={{ width: 360 }} maxLength={500} />
              </Form.Item>
              {/* a removal is published and cannot be undone: asked once more */}
              <Popconfirm
                title={t('positiveList.removeConfirm', { name: e.enterpriseName })}
                okButtonProps={{ danger: true }}
                onConfirm={() => removalForm.submit()}
              >
                <Button danger loading={remove.isPending} data-testid="positive-list-remove">
                  {t('positiveList.remove')}
                </Button>
              </Popconfirm>
            </Form>
          </Card>
        ) : null}
      </Space>
    </PageContainer>
  );
}
