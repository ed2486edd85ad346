import { INSPECTION_PLAN_SORTS, PLAN_PERIODS } from '@qingshan/core/inspection-draws';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { defineListQuery, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { inLanguage } from '../alarms/labels.ts';
import { getRules, type Rule, ruleKeys } from '../rules/api.ts';
import { RuleValue } from '../rules/RuleValue.tsx';
import { createPlan, getPlans, inspectionKeys, type Plan, type PlanBody, updatePlan } from './api.ts';
import { InspectionsNav } from './InspectionsNav.tsx';
import { pct } from './labels.ts';
import { INSPECTION_PERMISSIONS } from './permissions.ts';

const plansQuery = defineListQuery({ filters: {}, sorts: INSPECTION_PLAN_SORTS, pageSizes: [20, 50] });
const RULES_QUERY = { q: 'inspections.', sort: 'key', page: 1, pageSize: 50 } as const;

// a weight is a factor against the others' 1, not a share: shown as the number itself
const WEIGHT_RULES: readonly string[] = ['inspections.listed-weight'];

function RuleValueCell({ rule: r }: { rule: Rule }) {
  const v = r.current.value;
  if (r.type === 'ratio' && typeof v === 'number' && !WEIGHT_RULES.includes(r.key)) return <span>{pct(v)}</span>;
  if (r.type === 'ratio') return <span>{String(v)}</span>;
  // a time limit reads "20 个工作日（提前 3 天提醒）", as on the rules page
  return <RuleValue type={r.type} value={v} />;
}

/**
 * 抽查计划: quarterly and yearly plans. A plan takes the ratios of the rules in force (rules.md §3)
 * and records their versions; the rules are shown here with their sources.
 */
export default function PlansPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const lang = useLanguage();
  const { roles } = useAuth();
  const canKeep = canAccess(roles, INSPECTION_PERMISSIONS.keepLibraries);
  const list = useListQuery(plansQuery);
  const { query } = list;
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const result = useQuery({
    queryKey: inspectionKeys.plans(query),
    queryFn: ({ signal }) => getPlans(query, signal),
    placeholderData: keepPreviousData,
  });
  const rules = useQuery({
    queryKey: ruleKeys.list(RULES_QUERY),
    queryFn: ({ signal }) => getRules({ ...RULES_QUERY }, signal),
  });
  return (
    <PageContainer title={t('inspections.plansTitle')} extra={<InspectionsNav current="plans" />}>
      <Card title={t('inspections.rulesInForce')} size="small" style={{ marginBottom: 16 }} data-testid="plan-rules">
        {rules.isPending ? (
          <PageLoading />
        ) : rules.isError ? (
          <ErrorState error={rules.error} onRetry={() => rules.refetch()} />
        ) : (
          <Table<Rule>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={rules.data.items}
            columns={[
              {
                title: t('inspections.rule'),
                key: 'label',
                width: 280,
                render: (_, r) => (en ? r.labelEn : r.labelZh),
              },
              {
                title: t('inspections.ruleValue'),
                key: 'value',
                width: 120,
                render: (_, r) => <RuleValueCell rule={r} />,
              },
              {
                title: t('inspections.ruleSource'),
                key: 'source',
                render: (_, r) => inLanguage(r.current.source, r.current.sourceEn, lang),
              },
              {
                title: t('inspections.ruleVersion'),
                key: 'version',
                width: 80,
                render: (_, r) => t('inspections.versionN', { version: r.current.version }),
              },
            ]}
          />
        )}
      </Card>
      {canKeep ? (
        <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setEditing('new')} data-testid="plan-new">
          {t('inspections.newPlan')}
        </Button>
      ) : null}
      <PagedTable<Plan, typeof query>
        list={list}
        result={result}
        rowKey="id"
        columns={[
          { title: t('inspections.planName'), dataIndex: 'name', key: 'name', sorter: true },
          {
            title: t('inspections.period'),
            key: 'period',
            sorter: true,
            width: 140,
            render: (_, p) =>
              p.period === 'quarter'
                ? t('inspections.quarterOf', { year: p.year, quarter: p.quarter })
                : t('inspections.yearOf', { year: p.year }),
          },
          {
            title: t('inspections.ratios'),
            dataIndex: 'ratios',
            render: (r: Plan['ratios']) =>
              t('inspections.ratiosValue', { a: pct(r.a), b: pct(r.b), c: pct(r.c), special: pct(r.special) }),
          },
          {
            title: t('inspections.perTarget'),
            key: 'perTarget',
            width: 220,
            render: (_, p) =>
              t('inspections.perTargetValue', {
                count: p.inspectorsPerTarget,
                own: p.avoidOwnTown ? t('inspections.yes') : t('inspections.no'),
              }),
          },
          { title: t('inspections.listedWeight'), dataIndex: 'listedWeight', width: 110 },
          {
            title: t('inspections.createdAt'),
            dataIndex: 'createdAt',
            key: 'createdAt',
            sorter: true,
            width: 200,
            render: (v: string, p) => `${formatDateTime(v)} · ${p.createdByName}`,
          },
          {
            title: t('inspections.actions'),
            key: 'actions',
            width: 110,
            render: (_, p) =>
              p.drawn ? (
                <Typography.Text type="secondary">{t('inspections.planDrawn')}</Typography.Text>
              ) : canKeep ? (
                <Button size="small" onClick={() => setEditing(p)}>
                  {t('inspections.edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing ? <PlanModal plan={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  );
}

function PlanModal({ plan, onClose }: { plan: Plan | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanBody>();
  const period = Form.useWatch('period', form);
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const save = useMutation({
    mutationFn: (body: PlanBody) => (plan ? updatePlan(plan.id, body) : createPlan(body)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['inspections', 'plans'] });
      message.success(t('inspections.saved'));
      onClose();
    },
    onError: (err) => (err instanceof ApiError && err.errors.length ? applyFieldErrors(form, err) : showError(err)),
  });
  const year = new Date().getFullYear();
  return (
    <Modal
      open
      title={plan ? t('inspections.editPlan') : t('inspections.newPlan')}
      okText={t('inspections.save')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('inspections.planHint')}</Typography.Paragraph>
      <Form<PlanBody>
        form={form}
        layout="vertical"
        initialValues={
          plan
            ? { name: plan.name, year: plan.year, period: plan.period, quarter: plan.quarter }
            : { year, period: 'quarter', quarter: 1 }
        }
        onFinish={(v) => save.mutate({ ...v, quarter: v.period === 'quarter' ? v.quarter : null })}
      >
        <Form.Item
          name="name"
          label={t('inspections.planName')}
          rules={[{ required: true, whitespace: true, message: t('inspections.required') }]}
        >
          <Input maxLength={100} data-testid="plan-name" />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('inspections.year')}
          rules={[{ required: true, message: t('inspections.required') }]}
        >
          <InputNumber min={2019} max={2100} />
        </Form.Item>
        <Form.Item name="period" label={t('inspections.period')}>
          <Select options={PLAN_PERIODS.map((p) => ({ value: p, label: t(`inspections.periods.${p}`) }))} />
        </Form.Item>
        {period === 'quarter' ? (
          <Form.Item
            name="quarter"
            label={t('inspections.quarter')}
            rules={[{ required: true, message: t('inspections.required') }]}
          >
            <Select
              data-testid="plan-quarter"
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('inspections.quarterN', { quarter: q }) }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
