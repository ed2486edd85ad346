import { CREDIT_GRADE_LABELS, CREDIT_GRADES } from '@qingshan/core';
import { CREDIT_SORTS } from '@qingshan/core/credit';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { defineListQuery, PagedTable } from '../../components/list-page/index.ts';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { type CreditRecord, creditKeys, getRisk, listCredit, type RiskContribution, recordCredit } from './api.ts';
import { CreditProposals } from './CreditProposals.tsx';
import { factorLabel } from './labels.ts';
import { CREDIT_PERMISSIONS } from './permissions.ts';

const GRADE_COLORS = { green: 'green', blue: 'blue', yellow: 'gold', red: 'red' } as const;

// The firm's evaluations, sorted and paged in the tab's own state: the URL belongs to the firm's page.
const creditRecordsQuery = defineListQuery({ filters: {}, sorts: CREDIT_SORTS, defaultPageSize: 50 });
type CreditRecordsQuery = typeof creditRecordsQuery.defaults;

type FormValues = { grade: (typeof CREDIT_GRADES)[number]; basis: string; ratedOn: Dayjs; validUntil?: Dayjs | null };

function CreditForm({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      recordCredit({
        enterpriseId,
        grade: v.grade,
        basis: v.basis,
        ratedOn: v.ratedOn.format('YYYY-MM-DD'),
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
      }),
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: creditKeys.all });
      void qc.invalidateQueries({ queryKey: ['enterprises'] });
      message.success(t('credit.recorded'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  return (
    <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ rowGap: 8 }}>
      <Form.Item name="grade" rules={[{ required: true, message: t('credit.pickGrade') }]}>
        <Select
          style={{ width: 200 }}
          aria-label={t('credit.grade')}
          placeholder={t('credit.grade')}
          options={CREDIT_GRADES.map((g) => ({ value: g, label: CREDIT_GRADE_LABELS[g][coreLang(lang)] }))}
        />
      </Form.Item>
      <Form.Item name="basis" rules={[{ required: true, message: t('credit.basisRequired') }]}>
        <Input style={{ width: 280 }} maxLength={1000} placeholder={t('credit.basisPlaceholder')} />
      </Form.Item>
      <Form.Item name="ratedOn" rules={[{ required: true, message: t('credit.ratedOnRequired') }]}>
        <DatePicker placeholder={t('credit.ratedOn')} />
      </Form.Item>
      <Form.Item name="validUntil">
        <DatePicker placeholder={t('credit.validUntil')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('credit.record')}
      </Button>
    </Form>
  );
}

/** 信用与风险: the firm's risk score with every contribution, and its credit evaluations. */
export function EnterpriseRiskTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const risk = useQuery({
    queryKey: creditKeys.risk(enterpriseId),
    queryFn: ({ signal }) => getRisk(enterpriseId, signal),
  });
  const [recordsQuery, setRecordsQuery] = useState(creditRecordsQuery.defaults);
  const records = useQuery({
    queryKey: creditKeys.records(enterpriseId, recordsQuery),
    queryFn: ({ signal }) => listCredit({ enterpriseId, ...recordsQuery }, signal),
    placeholderData: keepPreviousData,
  });
  const recordsList = {
    definition: creditRecordsQuery,
    query: recordsQuery,
    update: (patch: Partial<CreditRecordsQuery>) => setRecordsQuery((q) => ({ ...q, page: 1, ...patch })),
    reset: () => setRecordsQuery(creditRecordsQuery.defaults),
  };
  if (risk.isPending) return <PageLoading />;
  if (risk.isError) return <ErrorState error={risk.error} onRetry={() => void risk.refetch()} />;
  const r = risk.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('credit.riskTitle')}>
        <Space size={48} style={{ marginBottom: 16 }}>
          <Statistic title={t('credit.score')} value={r.score} />
          <Statistic title={t('credit.drawWeight')} value={r.drawWeight} suffix="×" />
          {r.onWatchList ? <Tag color="red">{t('credit.onWatchList')}</Tag> : <Tag>{t('credit.notOnWatchList')}</Tag>}
        </Space>
        <Table<RiskContribution>
          size="small"
          rowKey="factor"
          pagination={false}
          dataSource={r.contributions}
          columns={[
            {
              title: t('credit.factor'),
              key: 'factor',
              render: (_: unknown, c) => factorLabel(c, lang, t('credit.ungraded')),
            },
            {
              title: t('credit.count'),
              dataIndex: 'count',
              render: (n: number, c) =>
                c.hasSource ? n : <Typography.Text type="secondary">{t('credit.noSource')}</Typography.Text>,
            },
            { title: t('credit.weight'), dataIndex: 'weight' },
            { title: t('credit.points'), dataIndex: 'points', render: (p: number) => <strong>{p}</strong> },
            {
              title: t('credit.records'),
              dataIndex: 'records',
              render: (recs: RiskContribution['records']) =>
                recs.length ? (
                  <Space orientation="vertical" size={0}>
                    {recs.slice(0, 5).map((x) =>
                      x.link ? (
                        <Link key={x.id} to={x.link}>
                          {x.label}
                        </Link>
                      ) : (
                        <span key={x.id}>{x.label}</span>
                      ),
                    )}
                    {recs.length > 5 ? <Typography.Text type="secondary">…</Typography.Text> : null}
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              title: t('credit.source'),
              dataIndex: 'source',
              width: 260,
              render: (s: string) => (
                <Typography.Paragraph
                  type="secondary"
                  style={{ fontSize: 12, marginBottom: 0 }}
                  ellipsis={{ rows: 2, expandable: true }}
                >
                  {s}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      </Card>
      <CreditProposals enterpriseId={enterpriseId} />
      <Card size="small" title={t('credit.recordsTitle')}>
        {canAccess(roles, CREDIT_PERMISSIONS.record) ? (
          <div style={{ marginBottom: 16 }}>
            <CreditForm enterpriseId={enterpriseId} />
          </div>
        ) : null}
        <PagedTable<CreditRecord, CreditRecordsQuery>
          size="small"
          rowKey="id"
          list={recordsList}
          result={records}
          emptyText={t('credit.noRecords')}
          columns={[
            { title: t('credit.ratedOn'), dataIndex: 'ratedOn', key: 'ratedOn', sorter: true },
            {
              title: t('credit.grade'),
              dataIndex: 'grade',
              key: 'grade',
              sorter: true,
              render: (g: CreditRecord['grade']) => (
                <Tag color={GRADE_COLORS[g]}>{CREDIT_GRADE_LABELS[g][coreLang(lang)]}</Tag>
              ),
            },
            { title: t('credit.basis'), dataIndex: 'basis' },
            { title: t('credit.validUntil'), dataIndex: 'validUntil', render: (d: string | null) => d ?? '—' },
            { title: t('credit.recordedBy'), dataIndex: 'recordedByName' },
          ]}
        />
      </Card>
    </Space>
  );
}
