import { REPORT_CHANNELS, REPORT_SORTS, REPORT_STATUSES } from '@qingshan/core/reports';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Modal, Select, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import {
  defineListQuery,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { listReports, type Report, type ReportRegister, registerReport, reportKeys } from './api.ts';
import { REPORT_STATUS_COLORS, reportChannelLabel, reportStatusLabel } from './labels.ts';

const reportListQuery = defineListQuery({
  filters: { q: textFilter(), status: oneOfFilter(REPORT_STATUSES) },
  sorts: REPORT_SORTS,
});

/** 环保举报台账 (12369): its own case type with its own periods, apart from the petitions. */
export default function ReportListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const navigate = useNavigate();
  const { roles } = useAuth();
  const qc = useQueryClient();
  const list = useListQuery(reportListQuery);
  const { query, update } = list;
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ReportRegister>();
  const anonymous = Form.useWatch('anonymous', form);
  const result = useQuery({
    queryKey: reportKeys.list(query),
    queryFn: ({ signal }) => listReports(query, signal),
    placeholderData: keepPreviousData,
  });
  const create = useMutation({
    mutationFn: registerReport,
    onSuccess: (r) => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: reportKeys.all });
      navigate(`/staff/reports/${r.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  return (
    <PageContainer
      title={t('reports.deskTitle')}
      extra={
        canAccess(roles, PERMISSIONS.petitionDesk) ? (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="report-register">
            {t('reports.register')}
          </Button>
        ) : null
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('reports.searchPlaceholder')}
          style={{ width: 240 }}
          defaultValue={query.q}
          onSearch={(q) => update({ q: q.trim() || undefined })}
        />
        <Select
          allowClear
          style={{ width: 200 }}
          aria-label={t('reports.status')}
          placeholder={t('reports.status')}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: reportStatusLabel(s, lang) }))}
          value={query.status}
          onChange={(status) => update({ status })}
        />
      </Flex>
      <PagedTable<Report, typeof query>
        list={list}
        result={result}
        columns={[
          {
            title: t('reports.code'),
            dataIndex: 'code',
            render: (c: string, r) => <Link to={`/staff/reports/${r.id}`}>{c}</Link>,
          },
          { title: t('reports.title'), dataIndex: 'title', key: 'title', sorter: true, ellipsis: true },
          {
            title: t('reports.channel'),
            dataIndex: 'channel',
            render: (c: Report['channel']) => reportChannelLabel(c, lang),
          },
          {
            title: t('reports.receivedAt'),
            dataIndex: 'receivedAt',
            key: 'receivedAt',
            sorter: true,
            render: (v: string) => <DateTimeText value={v} />,
          },
          {
            title: t('reports.dueDate'),
            render: (_: unknown, r) => (r.status === 'registered' ? r.acceptanceDueDate : r.handlingDueDate) ?? '—',
          },
          {
            title: t('reports.status'),
            dataIndex: 'status',
            render: (s: Report['status']) => <Tag color={REPORT_STATUS_COLORS[s]}>{reportStatusLabel(s, lang)}</Tag>,
          },
        ]}
      />
      <Modal
        open={open}
        title={t('reports.register')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ channel: 'phone-12369', anonymous: false }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="channel" label={t('reports.channel')} rules={[{ required: true }]}>
            <Select options={REPORT_CHANNELS.map((c) => ({ value: c, label: reportChannelLabel(c, lang) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('reports.title')} rules={[{ required: true, min: 4, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={t('reports.content')} rules={[{ required: true, min: 10 }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item name="location" label={t('reports.location')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="anonymous" label={t('reports.anonymous')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {anonymous ? null : (
            <>
              <Form.Item name="reporterName" label={t('reports.reporterName')}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="reporterPhone" label={t('reports.reporterPhone')} rules={[{ required: true }]}>
                <Input maxLength={20} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </PageContainer>
  );
}
