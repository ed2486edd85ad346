import { PlusOutlined } from '@ant-design/icons';
import { RECEPTION_KINDS } from '@qingshan/core/reception';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Modal, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import {
  dateFilter,
  defineListQuery,
  oneOfFilter,
  PagedTable,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { createSession, listSessions, receptionKeys, type SessionSummary } from './api.ts';
import { kindLabel } from './labels.ts';

// Newest day first, always: the one sort is owned here so that a stray `sort` in the URL is ignored.
const sessionListQuery = defineListQuery({
  filters: { kind: oneOfFilter(RECEPTION_KINDS), from: dateFilter(), to: dateFilter() },
  sorts: ['-date'] as const,
});

/** 接待日: the monthly enterprise and public days, their bookings and what came of them. */
export default function SessionListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const canWrite = canAccess(roles, PERMISSIONS.enterpriseWrite);
  const list = useListQuery(sessionListQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: receptionKeys.sessions(query),
    queryFn: ({ signal }) => listSessions(query, signal),
    placeholderData: keepPreviousData,
  });
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
          aria-label={t('svc.reception.kind')}
          placeholder={t('svc.reception.kind')}
          value={query.kind}
          options={RECEPTION_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
          onChange={(v?: (typeof RECEPTION_KINDS)[number]) => update({ kind: v })}
        />
        <DatePicker.RangePicker
          onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        />
      </Flex>
      <PagedTable<SessionSummary, typeof query>
        list={list}
        result={result}
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
      />
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
