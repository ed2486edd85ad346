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
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import {
  defineListQuery,
  flagFilter,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { townName, townOptions } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import { createProject, listProjects, type Project, projectKeys } from './api.ts';

const PROJECT_STATUSES = ['active', 'completed', 'suspended'] as const;

const projectListQuery = defineListQuery({
  filters: { status: oneOfFilter(PROJECT_STATUSES), overdue: flagFilter(), townCode: textFilter(), q: textFilter() },
  sorts: ['nextActionDate', '-nextActionDate', 'name', '-name', 'investment', '-investment'] as const,
});

/** 跟踪服务: major projects, their current milestone and next action; overdue ones flagged. */
export default function ProjectListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const l = lang === 'en' ? 'en' : 'zh';
  const { roles } = useAuth();
  const canWrite = canAccess(roles, PERMISSIONS.enterpriseWrite);
  const list = useListQuery(projectListQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: projectKeys.list(query),
    queryFn: ({ signal }) => listProjects(query, signal),
    placeholderData: keepPreviousData,
  });
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
          aria-label={t('svc.common.status')}
          placeholder={t('svc.common.status')}
          value={query.status}
          options={PROJECT_STATUSES.map((s) => ({
            value: s,
            label: t(`svc.projects.status.${s}`),
          }))}
          onChange={(v?: (typeof PROJECT_STATUSES)[number]) => update({ status: v })}
        />
        <Select
          allowClear
          style={{ minWidth: 140 }}
          aria-label={t('enterprise.fields.town')}
          placeholder={t('enterprise.fields.town')}
          value={query.townCode}
          options={townOptions(lang)}
          onChange={(v?: string) => update({ townCode: v })}
        />
        <Typography.Text>{t('svc.projects.overdueOnly')}</Typography.Text>
        <Switch
          aria-label={t('svc.projects.overdueOnly')}
          checked={query.overdue === 'true'}
          onChange={(v) => update({ overdue: v ? 'true' : undefined })}
        />
      </Flex>
      {/* fixed widths and a clipped 下一步工作 (whole text on hover), so the table fits 1366 px without scrolling */}
      <PagedTable<Project, typeof query>
        list={list}
        result={result}
        scroll={{ x: 1000 }}
        tableLayout="fixed"
        data-testid="project-table"
        columns={[
          {
            title: t('svc.projects.name'),
            dataIndex: 'name',
            key: 'name',
            sorter: true,
            width: 210,
            ellipsis: { showTitle: false },
            render: (n: string, p) => (
              <Tooltip title={n} placement="topLeft">
                <Link to={`/staff/projects/${p.id}`}>{n}</Link>
              </Tooltip>
            ),
          },
          {
            title: t('svc.common.enterprise'),
            dataIndex: 'enterpriseName',
            width: 180,
            ellipsis: { showTitle: false },
            render: (n: string) => (
              <Tooltip title={n} placement="topLeft">
                {n}
              </Tooltip>
            ),
          },
          {
            title: t('enterprise.fields.town'),
            dataIndex: 'townCode',
            width: 90,
            render: (c: string) => townName(c, lang),
          },
          {
            title: t('svc.projects.investment'),
            dataIndex: 'investment',
            key: 'investment',
            sorter: true,
            width: 120,
            align: 'right',
            render: (v: number) => v.toLocaleString(),
          },
          {
            title: t('svc.projects.milestone'),
            width: 110,
            render: (_, p) => {
              const m = currentMilestone(p.milestones);
              return m ? PROJECT_MILESTONE_LABELS[m][l] : t('svc.projects.status.completed');
            },
          },
          { title: t('svc.projects.officer'), dataIndex: 'officerName', width: 120, ellipsis: true },
          {
            title: t('svc.projects.nextAction'),
            // the action and its date, one column: it sorts by the date
            key: 'nextActionDate',
            sorter: true,
            ellipsis: { showTitle: false },
            render: (_, p) => {
              if (!p.nextAction) return t('common.none');
              const text = t('common.parenthetical', { text: p.nextAction, note: p.nextActionDate });
              return (
                <Flex gap={4} align="center" style={{ minWidth: 0 }}>
                  <Typography.Text
                    ellipsis={{ tooltip: text }}
                    style={{ minWidth: 0 }}
                    data-testid="project-next-action"
                  >
                    {text}
                  </Typography.Text>
                  {p.overdue ? (
                    <Tag color="red" style={{ flex: 'none' }}>
                      {t('svc.projects.overdue')}
                    </Tag>
                  ) : null}
                </Flex>
              );
            },
          },
        ]}
      />
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
