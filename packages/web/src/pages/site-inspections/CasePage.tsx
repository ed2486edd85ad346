import { CASE_SORTS, CASE_STAGE_LABELS, CASE_STAGES, nextCaseStage } from '@qingshan/core/site-inspections';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Select, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { defineListQuery, oneOfFilter, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDate, formatDateTime } from '../../utils/datetime.ts';
import {
  advanceCase,
  type CaseItem,
  type CaseRevokeBody,
  type CaseStageBody,
  getCase,
  listCases,
  revokeCase,
  siteInspectionKeys,
} from './api.ts';
import { stageLabel } from './labels.ts';
import { SITE_INSPECTION_PERMISSIONS } from './permissions.ts';

const caseListQuery = defineListQuery({ filters: { stage: oneOfFilter(CASE_STAGES) }, sorts: CASE_SORTS });

/** 处罚案件: the list, or one case with its stages (who and when) and the next stage's form. */
export default function CasePage() {
  const { id } = useParams();
  return id ? <CaseDetail id={id} /> : <CaseList />;
}

function CaseList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(caseListQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: siteInspectionKeys.cases(query),
    queryFn: ({ signal }) => listCases(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('siteInspections.cases')}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 200 }}
          aria-label={t('siteInspections.stage')}
          placeholder={t('siteInspections.stage')}
          value={query.stage}
          onChange={(v) => update({ stage: v })}
          options={CASE_STAGES.map((s) => ({ value: s, label: stageLabel(s, lang) }))}
        />
      </Flex>
      <PagedTable<CaseItem, typeof query>
        list={list}
        result={result}
        emptyText={t('siteInspections.casesEmpty')}
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('siteInspections.caseTitle'),
            dataIndex: 'title',
            render: (v: string, c) => <Link to={`/staff/enforcement-cases/${c.id}`}>{v}</Link>,
          },
          { title: t('siteInspections.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise', sorter: true },
          // the list goes by it, newest filed first
          {
            title: t('siteInspections.filedOn'),
            dataIndex: 'createdAt',
            key: 'createdAt',
            sorter: true,
            render: (v: string) => formatDate(v),
          },
          {
            title: t('siteInspections.stage'),
            dataIndex: 'stage',
            render: (s: CaseItem['stage']) => <Tag>{stageLabel(s, lang)}</Tag>,
          },
          {
            title: t('siteInspections.decisionNumber'),
            dataIndex: 'decisionNumber',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('siteInspections.penaltyAmount'),
            dataIndex: 'penaltyAmount',
            key: 'penaltyAmount',
            sorter: true,
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </PageContainer>
  );
}

function CaseDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const q = useQuery({ queryKey: siteInspectionKeys.case(id), queryFn: ({ signal }) => getCase(id, signal) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const next = nextCaseStage(c.stage);
  return (
    <PageContainer title={c.title}>
      <div style={{ maxWidth: 720 }}>
        <Descriptions column={1} size="small" bordered layout="vertical" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('siteInspections.enterprise')}>{c.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.description')}>
            <Link to={`/staff/site-inspections/${c.inspectionId}`}>{c.description}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.stage')}>{stageLabel(c.stage, lang)}</Descriptions.Item>
          {c.decisionNumber ? (
            <>
              <Descriptions.Item label={t('siteInspections.decisionNumber')}>{c.decisionNumber}</Descriptions.Item>
              <Descriptions.Item label={t('siteInspections.penaltyAmount')}>{c.penaltyAmount}</Descriptions.Item>
              <Descriptions.Item label={t('siteInspections.decidedOn')}>{c.decidedOn}</Descriptions.Item>
              {c.facts ? <Descriptions.Item label={t('siteInspections.facts')}>{c.facts}</Descriptions.Item> : null}
              {c.legalBasis ? (
                <Descriptions.Item label={t('siteInspections.legalBasis')}>{c.legalBasis}</Descriptions.Item>
              ) : null}
              {c.penaltyContent ? (
                <Descriptions.Item label={t('siteInspections.penaltyContent')}>{c.penaltyContent}</Descriptions.Item>
              ) : null}
              {c.decidedBy ? (
                <Descriptions.Item label={t('siteInspections.decidedBy')}>{c.decidedBy}</Descriptions.Item>
              ) : null}
              {c.publishedAt ? (
                <Descriptions.Item label={t('siteInspections.publishedAt')}>
                  {formatDateTime(c.publishedAt)}
                </Descriptions.Item>
              ) : null}
            </>
          ) : null}
        </Descriptions>
        {c.revokedAt ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('common.parenthetical', { text: t('siteInspections.revoked'), note: formatDateTime(c.revokedAt) })}
            description={c.revocationReason}
          />
        ) : null}
        <Card size="small" title={t('siteInspections.stages')} style={{ marginBottom: 12 }}>
          <Timeline
            items={c.stages.map((s) => ({
              content: (
                <div>
                  <Typography.Text strong>{stageLabel(s.stage, lang)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    {lang === 'en' ? CASE_STAGE_LABELS[s.stage].sourceEn : CASE_STAGE_LABELS[s.stage].source}
                  </Typography.Text>
                  <div>
                    {s.byName} · {formatDateTime(s.at)}
                  </div>
                  {s.note ? <div>{s.note}</div> : null}
                </div>
              ),
            }))}
          />
        </Card>
        {next && canAccess(roles, SITE_INSPECTION_PERMISSIONS.record) ? (
          <StageForm c={c} next={next} />
        ) : !next ? (
          <Typography.Text>{t('siteInspections.finished')}</Typography.Text>
        ) : null}
        {c.decidedOn && !c.revokedAt && canAccess(roles, SITE_INSPECTION_PERMISSIONS.revoke) ? (
          <RevokeForm c={c} />
        ) : null}
      </div>
    </PageContainer>
  );
}

function StageForm({ c, next }: { c: CaseItem; next: NonNullable<ReturnType<typeof nextCaseStage>> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const qc = useQueryClient();
  const [proposed, setProposed] = useState(false);
  const [creditProposed, setCreditProposed] = useState(false);
  const [form] = Form.useForm<Omit<CaseStageBody, 'stage' | 'version'>>();
  const save = useMutation({
    mutationFn: (v: Omit<CaseStageBody, 'stage' | 'version'>) =>
      advanceCase(c.id, { ...v, stage: next, version: c.version }),
    onSuccess: async (r) => {
      if ((r as { proposalId?: string | null }).proposalId) setProposed(true);
      if ((r as { creditProposalId?: string | null }).creditProposalId) setCreditProposed(true);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: siteInspectionKeys.all });
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  return (
    <Card
      size="small"
      title={t('common.labelled', { label: t('siteInspections.nextStage'), value: stageLabel(next, lang) })}
    >
      {proposed ? (
        <Alert type="warning" showIcon title={t('siteInspections.proposal')} style={{ marginBottom: 8 }} />
      ) : null}
      {creditProposed ? (
        <Alert
          type="info"
          showIcon
          title={t('siteInspections.creditProposal')}
          action={<Link to={`/staff/enterprises/${c.enterpriseId}`}>{t('siteInspections.openFile')}</Link>}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {next === 'decision' ? (
          <>
            <Form.Item name="decisionNumber" label={t('siteInspections.decisionNumber')} rules={[{ required: true }]}>
              <Input maxLength={60} placeholder="上环罚〔2026〕1号" />
            </Form.Item>
            <Form.Item name="penaltyAmount" label={t('siteInspections.penaltyAmount')} rules={[{ required: true }]}>
              <Input inputMode="decimal" maxLength={12} />
            </Form.Item>
            <Alert type="info" showIcon title={t('siteInspections.publishedHint')} style={{ marginBottom: 12 }} />
            <Form.Item
              name="facts"
              label={t('siteInspections.facts')}
              initialValue={c.description}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="legalBasis" label={t('siteInspections.legalBasis')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} maxLength={500} placeholder="《中华人民共和国大气污染防治法》第一百零八条" />
            </Form.Item>
            <Form.Item name="penaltyContent" label={t('siteInspections.penaltyContent')} rules={[{ required: true }]}>
              <Input maxLength={500} placeholder="罚款人民币贰万元整，并责令改正" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="note" label={t('siteInspections.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          {t('siteInspections.record')}
        </Button>
      </Form>
    </Card>
  );
}

/** 撤销: a leader records that the decision was revoked; the portal withdraws it and shows the reason. */
function RevokeForm({ c }: { c: CaseItem }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<Omit<CaseRevokeBody, 'version'>>();
  const save = useMutation({
    mutationFn: (v: Omit<CaseRevokeBody, 'version'>) => revokeCase(c.id, { ...v, version: c.version }),
    onSuccess: async () => {
      form.resetFields();
      await qc.invalidateQueries({ queryKey: siteInspectionKeys.all });
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  return (
    <Card size="small" title={t('siteInspections.revoke')} style={{ marginTop: 12 }}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="reason" label={t('siteInspections.revokeReason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button danger htmlType="submit" loading={save.isPending} block>
          {t('siteInspections.revoke')}
        </Button>
      </Form>
    </Card>
  );
}
