import { PlusOutlined } from '@ant-design/icons';
import { currentMilestone, PROJECT_MILESTONE_LABELS } from '@qingshan/core/visits';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
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
import { townName, townOptions } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import { createProject, listProjects, type Project, type ProjectQuery, projectKeys } from './api.ts';

/** 跟踪服务: major projects, their current milestone and next action; overdue ones flagged. */
export default function ProjectListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const l = lang === 'en' ? 'en' : 'zh';
  const { roles } = useAuth();
  const canWrite = canAccess(roles, PERMISSIONS.enterpriseWrite);
  const [params, setParams] = useSearchParams();
  const query: ProjectQuery = {
    status: (params.get('status') as ProjectQuery['status']) ?? undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    townCode: params.get('townCode') ?? undefined,
    q: params.get('q') ?? undefined,
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
  };
  const list = useQuery({
    queryKey: projectKeys.list(query),
    queryFn: ({ signal }) => listProjects(query, signal),
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
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showError = useShowError();
  const create = useMutation({
    mutationFn: (v: {
      name: string;
      enterpriseId: string;
      investment: number;
      townCode: string;
      officerName: string;
      nextAction: string;
      nextActionDate: Dayjs;
    }) => createProject({ ...v, nextActionDate: v.nextActionDate.format('YYYY-MM-DD') }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: projectKeys.all });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  return (
    <PageContainer
      title={t('svc.projects.title')}
      extra={
        canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="project-create">
            {t('svc.projects.create')}
          </Button>
        ) : null
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }} align="center">
        <Input.Search
          allowClear
          placeholder={t('svc.projects.name')}
          defaultValue={query.q}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          style={{ minWidth: 120 }}
          placeholder={t('svc.common.status')}
          value={query.status}
          options={(['active', 'completed', 'suspended'] as const).map((s) => ({
            value: s,
            label: t(`svc.projects.status.${s}`),
          }))}
          onChange={(v?: string) => update({ status: v })}
        />
        <Select
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('enterprise.fields.town')}
          value={query.townCode}
          options={townOptions(lang)}
          onChange={(v?: string) => update({ townCode: v })}
        />
        <Typography.Text>{t('svc.projects.overdueOnly')}</Typography.Text>
        <Switch checked={query.overdue === 'true'} onChange={(v) => update({ overdue: v ? 'true' : undefined })} />
      </Flex>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Project>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          scroll={{ x: 'max-content' }}
          data-testid="project-table"
          columns={[
            {
              title: t('svc.projects.name'),
              dataIndex: 'name',
              render: (n: string, p) => <Link to={`/staff/projects/${p.id}`}>{n}</Link>,
            },
            { title: t('svc.common.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('enterprise.fields.town'), dataIndex: 'townCode', render: (c: string) => townName(c, lang) },
            { title: t('svc.projects.investment'), dataIndex: 'investment', render: (v: number) => v.toLocaleString() },
            {
              title: t('svc.projects.milestone'),
              render: (_, p) => {
                const m = currentMilestone(p.milestones);
                return m ? PROJECT_MILESTONE_LABELS[m][l] : t('svc.projects.status.completed');
              },
            },
            { title: t('svc.projects.officer'), dataIndex: 'officerName' },
            {
              title: t('svc.projects.nextAction'),
              render: (_, p) =>
                p.nextAction ? (
                  <>
                    {p.nextAction}（{p.nextActionDate}）
                    {p.overdue ? <Tag color="red">{t('svc.projects.overdue')}</Tag> : null}
                  </>
                ) : (
                  t('common.none')
                ),
            },
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
        open={open}
        title={t('svc.projects.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label={t('svc.projects.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="enterpriseId" label={t('svc.common.enterprise')} rules={[{ required: true }]}>
            <EnterprisePicker />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="investment" label={t('svc.projects.investment')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="townCode"
              label={t('enterprise.fields.town')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <Select options={townOptions(lang)} />
            </Form.Item>
          </Flex>
          <Form.Item
            name="officerName"
            label={t('svc.projects.officer')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="nextAction"
            label={t('svc.projects.nextAction')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="nextActionDate" label={t('svc.projects.nextActionDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
