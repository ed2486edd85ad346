import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { createSession, listSessions, receptionKeys, type SessionQuery, type SessionSummary } from './api.ts';
import { kindLabel } from './labels.ts';

/** 接待日: the monthly enterprise and public days, their bookings and what came of them. */
export default function SessionListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const canWrite = canAccess(roles, PERMISSIONS.enterpriseWrite);
  const [params, setParams] = useSearchParams();
  const query: SessionQuery = {
    kind: (params.get('kind') as SessionQuery['kind']) ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    sort: '-date',
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
  };
  const list = useQuery({
    queryKey: receptionKeys.sessions(query),
    queryFn: ({ signal }) => listSessions(query, signal),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showError = useShowError();
  const create = useMutation({
    mutationFn: (v: {
      kind: 'enterprise' | 'public';
      date: Dayjs;
      leaderName: string;
      sections?: string[];
      location?: string;
    }) =>
      createSession({
        kind: v.kind,
        date: v.date.format('YYYY-MM-DD'),
        leaderName: v.leaderName,
        sections: v.sections ?? [],
        ...(v.location ? { location: v.location } : {}),
      }),
    onSuccess: () => {
      setCreating(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: receptionKeys.all });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  return (
    <PageContainer
      title={t('svc.reception.title')}
      extra={
        <>
          <Link to="/staff/reception/concerns">
            <Button>{t('svc.reception.concerns')}</Button>
          </Link>
          {canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="session-create"
            >
              {t('svc.reception.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('svc.reception.kind')}
          value={query.kind}
          options={(['enterprise', 'public'] as const).map((k) => ({ value: k, label: kindLabel(k, lang) }))}
          onChange={(v?: string) => update({ kind: v })}
        />
        <DatePicker.RangePicker
          onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        />
      </Flex>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<SessionSummary>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          data-testid="session-table"
          columns={[
            {
              title: t('svc.common.date'),
              dataIndex: 'date',
              render: (d: string, r) => <Link to={`/staff/reception/sessions/${r.id}`}>{d}</Link>,
            },
            {
              title: t('svc.reception.kind'),
              dataIndex: 'kind',
              render: (k: SessionSummary['kind']) => (
                <Tag color={k === 'enterprise' ? 'blue' : 'green'}>{kindLabel(k, lang)}</Tag>
              ),
            },
            { title: t('svc.reception.leader'), dataIndex: 'leaderName' },
            { title: t('svc.reception.bookings'), dataIndex: 'bookings' },
            { title: t('svc.reception.enterprisesReceived'), dataIndex: 'enterprisesReceived' },
            { title: t('svc.reception.people'), dataIndex: 'people' },
            { title: t('svc.reception.concernCount'), dataIndex: 'concerns' },
          ]}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
          }}
        />
      )}
      <Modal
        open={creating}
        title={t('svc.reception.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          initialValues={{ kind: 'enterprise', sections: ['行政审批股', '环境监察大队'] }}
        >
          <Form.Item name="kind" label={t('svc.reception.kind')} rules={[{ required: true }]}>
            <Select
              options={(['enterprise', 'public'] as const).map((k) => ({ value: k, label: kindLabel(k, lang) }))}
            />
          </Form.Item>
          <Form.Item name="date" label={t('svc.common.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="leaderName" label={t('svc.reception.leader')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="sections" label={t('svc.reception.sections')}>
            <Select mode="tags" />
          </Form.Item>
          <Form.Item name="location" label={t('svc.reception.location')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
