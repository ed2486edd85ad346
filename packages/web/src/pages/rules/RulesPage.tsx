import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { RecordTable } from '../../components/list-page/index.ts';
import { PageContainer, SectionTitle } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDate, formatDateTime } from '../../utils/datetime.ts';
import { inLanguage } from '../alarms/labels.ts';
import { getRule, getRules, type Rule, type RuleType, ruleKeys, updateRule } from './api.ts';
import { type ProfileValue, RuleValue } from './RuleValue.tsx';

interface EditForm {
  length?: number;
  unit?: 'working' | 'calendar';
  warnBefore?: number;
  scalar?: number;
  text?: string;
  source: string;
  effectiveFrom: Dayjs;
  reason: string;
}

function RuleDrawer({ ruleKey, onClose }: { ruleKey: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { roles } = useAuth();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<EditForm>();
  const detail = useQuery({ queryKey: ruleKeys.detail(ruleKey), queryFn: ({ signal }) => getRule(ruleKey, signal) });
  const save = useMutation({
    mutationFn: (v: EditForm) => {
      const r = detail.data!;
      const cur = r.current.value as ProfileValue;
      let value: unknown;
      if (r.type === 'clock-profile')
        value = { length: v.length, unit: v.unit, warnBefore: v.warnBefore, direction: cur.direction ?? 'after-start' };
      else if (r.type === 'list')
        value = (v.text ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
      else if (r.type === 'text') value = v.text;
      else value = v.scalar;
      return updateRule(ruleKey, {
        value,
        source: v.source,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        reason: v.reason,
      });
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      form.resetFields(['reason']);
      void qc.invalidateQueries({ queryKey: ['rules'] });
    },
    onError: showError,
  });
  const r = detail.data;
  const isAdmin = canAccess(roles, PERMISSIONS.ruleAdmin);
  const lang = useLanguage();
  const en = i18n.language.startsWith('en');
  const cur = r?.current.value as ProfileValue | undefined;
  return (
    <Drawer open width={720} onClose={onClose} title={r ? (en ? r.labelEn : r.labelZh) : ruleKey} destroyOnHidden>
      {detail.isError ? <ErrorState error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {r ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('rules.key')}>
              <code>{r.key}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('rules.current')}>
              <RuleValue type={r.type} value={r.current.value} /> <Tag>v{r.current.version}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('rules.source')}>
              {inLanguage(r.current.source, r.current.sourceEn, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('rules.effectiveFrom')}>{r.current.effectiveFrom}</Descriptions.Item>
            {r.note ? (
              <Descriptions.Item label={t('rules.note')}>{inLanguage(r.note, r.noteEn, lang)}</Descriptions.Item>
            ) : null}
          </Descriptions>
          {isAdmin ? (
            <Form<EditForm>
              form={form}
              layout="vertical"
              data-testid="rule-edit-form"
              initialValues={{
                length: cur?.length,
                unit: cur?.unit,
                warnBefore: cur?.warnBefore,
                scalar: typeof r.current.value === 'number' ? r.current.value : undefined,
                text: Array.isArray(r.current.value)
                  ? r.current.value.join('\n')
                  : typeof r.current.value === 'string'
                    ? r.current.value
                    : undefined,
                source: r.current.source,
                // today in Asia/Shanghai, whatever the browser's zone
                effectiveFrom: dayjs(formatDate(new Date())),
              }}
              onFinish={(v) => save.mutate(v)}
            >
              <SectionTitle>{t('rules.edit')}</SectionTitle>
              {save.error instanceof ApiError && save.error.errors.length ? (
                <Alert
                  type="error"
                  style={{ marginBottom: 12 }}
                  title={save.error.errors.map((e) => `${e.path}: ${e.message}`).join(t('common.clauseSeparator'))}
                />
              ) : null}
              {r.type === 'clock-profile' ? (
                <Space wrap>
                  <Form.Item name="length" label={t('rules.length')} rules={[{ required: true }]}>
                    <InputNumber min={1} max={3650} precision={0} data-testid="rule-length" />
                  </Form.Item>
                  <Form.Item name="unit" label={t('rules.unit')} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 120 }}
                      options={[
                        { value: 'working', label: t('clocks.unit.working') },
                        { value: 'calendar', label: t('clocks.unit.calendar') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name="warnBefore" label={t('rules.warnBefore')} rules={[{ required: true }]}>
                    <InputNumber min={0} max={365} precision={0} />
                  </Form.Item>
                </Space>
              ) : r.type === 'list' || r.type === 'text' ? (
                <Form.Item name="text" label={t('rules.value')} rules={[{ required: true }]}>
                  <Input.TextArea rows={4} />
                </Form.Item>
              ) : (
                <Form.Item name="scalar" label={t('rules.value')} rules={[{ required: true }]}>
                  <InputNumber
                    data-testid="rule-scalar"
                    step={r.type === 'ratio' ? 0.01 : 1}
                    min={r.type === 'ratio' ? 0 : undefined}
                    max={r.type === 'ratio' ? 1 : undefined}
                    precision={r.type === 'integer' ? 0 : undefined}
                  />
                </Form.Item>
              )}
              <Form.Item
                name="source"
                label={t('rules.source')}
                rules={[{ required: true, whitespace: true }]}
                extra={t('rules.sourceHint')}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="effectiveFrom" label={t('rules.effectiveFrom')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item
                name="reason"
                label={t('rules.reason')}
                rules={[{ required: true, whitespace: true, message: t('rules.reasonRequired') }]}
              >
                <Input.TextArea rows={2} data-testid="rule-reason" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rule-save">
                {t('rules.saveVersion')}
              </Button>
            </Form>
          ) : null}
          <div>
            <SectionTitle>{t('rules.history')}</SectionTitle>
            <RecordTable
              size="small"
              rowKey="version"
              pagination={false}
              dataSource={r.history}
              data-testid="rule-history"
              columns={[
                { title: t('rules.version'), dataIndex: 'version', width: 60, render: (v: number) => `v${v}` },
                {
                  title: t('rules.value'),
                  dataIndex: 'value',
                  render: (v: unknown) => <RuleValue type={r.type} value={v} />,
                },
                { title: t('rules.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
                { title: t('rules.reason'), dataIndex: 'reason' },
                {
                  title: t('rules.by'),
                  key: 'by',
                  width: 170,
                  render: (_: unknown, h) => `${h.createdByName} ${formatDateTime(h.createdAt)}`,
                },
              ]}
            />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}

/** 规则库: every legal default with its source; admins add versions with a reason. */
export default function RulesPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<{ q?: string; type?: RuleType }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [selected, setSelected] = useState<string | null>(null);
  const query = { ...filters, ...page };
  const list = useQuery({
    queryKey: ruleKeys.list(query),
    queryFn: ({ signal }) => getRules(query, signal),
    placeholderData: keepPreviousData,
  });
  const lang = useLanguage();
  const en = i18n.language.startsWith('en');
  return (
    <PageContainer title={t('rules.title')}>
      <Form
        layout="inline"
        role="search"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v: { q?: string; type?: RuleType }) => {
          setFilters({ q: v.q?.trim() || undefined, type: v.type });
          setPage((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="q" label={t('common.search')}>
          <Input allowClear data-testid="rules-q" />
        </Form.Item>
        <Form.Item name="type" label={t('rules.type')}>
          <Select
            allowClear
            style={{ width: 160 }}
            options={(['clock-profile', 'integer', 'number', 'ratio', 'list', 'text'] as const).map((v) => ({
              value: v,
              label: t(`rules.types.${v}`),
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </Form>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <RecordTable<Rule>
          rowKey="key"
          data-testid="rules-table"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: list.data?.page ?? page.page,
            pageSize: list.data?.pageSize ?? page.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, pageSize) => setPage({ page: p, pageSize }),
          }}
          columns={[
            {
              title: t('rules.name'),
              key: 'name',
              width: 300,
              render: (_: unknown, r) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Link onClick={() => setSelected(r.key)}>{en ? r.labelEn : r.labelZh}</Typography.Link>
                  <Typography.Text type="secondary" code>
                    {r.key}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('rules.current'),
              key: 'value',
              width: 220,
              render: (_: unknown, r) => <RuleValue type={r.type} value={r.current.value} />,
            },
            {
              title: t('rules.source'),
              key: 'source',
              render: (_: unknown, r) => {
                const source = inLanguage(r.current.source, r.current.sourceEn, lang);
                return (
                  <Typography.Paragraph ellipsis={{ rows: 2, tooltip: source }} style={{ margin: 0 }}>
                    {source}
                  </Typography.Paragraph>
                );
              },
            },
            {
              title: t('rules.version'),
              key: 'version',
              width: 80,
              render: (_: unknown, r) => `v${r.current.version}`,
            },
            {
              title: t('rules.effectiveFrom'),
              key: 'from',
              width: 110,
              // a date on one line (English headings make the column no wider)
              render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.current.effectiveFrom}</span>,
            },
          ]}
        />
      )}
      {selected ? <RuleDrawer ruleKey={selected} onClose={() => setSelected(null)} /> : null}
    </PageContainer>
  );
}
