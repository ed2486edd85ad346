import type { OpeningExceptionInput, OpeningPlanInput } from '@qingshan/core/appointments';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Switch,
  Table,
  Tag,
  TimePicker,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import {
  addException,
  addPlan,
  allServices,
  apptKeys,
  createService,
  deleteException,
  deletePlan,
  getPlans,
  type OpeningException,
  type Plan,
  patchService,
  type WindowService,
} from './api.ts';
import { weekdaysText } from './dates.ts';

const d = (v: Dayjs) => v.format('YYYY-MM-DD');
const hm = (v: Dayjs) => v.format('HH:mm');

function PlanForm({ serviceId, onDone }: { serviceId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm();
  const m = useMutation({
    mutationFn: (body: OpeningPlanInput) => addPlan(serviceId, body),
    onSuccess: () => {
      form.resetFields();
      onDone();
    },
    onError: showError,
  });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ dayRule: 'working', slotMinutes: 30, capacity: 2, extended: false, weekdays: [] }}
      onFinish={(v: {
        range: [Dayjs, Dayjs];
        hours: [Dayjs, Dayjs];
        dayRule: 'working' | 'rest' | 'all';
        weekdays: number[];
        slotMinutes: number;
        capacity: number;
        extended: boolean;
      }) =>
        m.mutate({
          validFrom: d(v.range[0]),
          validTo: d(v.range[1]),
          dayRule: v.dayRule,
          weekdays: v.weekdays,
          startTime: hm(v.hours[0]),
          endTime: hm(v.hours[1]),
          slotMinutes: v.slotMinutes,
          capacity: v.capacity,
          extended: v.extended,
        })
      }
      style={{ rowGap: 8 }}
    >
      <Form.Item name="range" label={t('appointments.validRange')} rules={[{ required: true }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item name="dayRule" label={t('appointments.dayRule')}>
        <Select
          style={{ width: 150 }}
          options={[
            { value: 'working', label: t('appointments.dayRules.working') },
            { value: 'rest', label: t('appointments.dayRules.rest') },
            { value: 'all', label: t('appointments.dayRules.all') },
          ]}
        />
      </Form.Item>
      <Form.Item name="weekdays" label={t('appointments.weekdays')}>
        <Checkbox.Group
          options={[1, 2, 3, 4, 5, 6, 7].map((n) => ({
            value: n,
            label: t(`appointments.weekday${n}` as 'appointments.weekday1'),
          }))}
        />
      </Form.Item>
      <Form.Item name="hours" label={t('appointments.hours')} rules={[{ required: true }]}>
        <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
      </Form.Item>
      <Form.Item name="slotMinutes" label={t('appointments.slotMinutes')}>
        <InputNumber min={5} max={240} />
      </Form.Item>
      <Form.Item name="capacity" label={t('appointments.capacity')}>
        <InputNumber min={1} max={100} />
      </Form.Item>
      <Form.Item name="extended" label={t('appointments.extended')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={m.isPending}>
        {t('appointments.addPlan')}
      </Button>
    </Form>
  );
}

function ExceptionForm({ serviceId, onDone }: { serviceId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as 'closed' | 'extra' | undefined;
  const m = useMutation({
    mutationFn: (body: OpeningExceptionInput) => addException(serviceId, body),
    onSuccess: () => {
      form.resetFields();
      onDone();
    },
    onError: showError,
  });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ kind: 'closed', slotMinutes: 60, capacity: 2, extended: true }}
      onFinish={(v: {
        kind: 'closed' | 'extra';
        date: Dayjs;
        hours?: [Dayjs, Dayjs];
        slotMinutes: number;
        capacity: number;
        extended: boolean;
        note?: string;
      }) =>
        m.mutate(
          v.kind === 'closed'
            ? { kind: 'closed', date: d(v.date), ...(v.note ? { note: v.note } : {}) }
            : {
                kind: 'extra',
                date: d(v.date),
                startTime: hm(v.hours![0]),
                endTime: hm(v.hours![1]),
                slotMinutes: v.slotMinutes,
                capacity: v.capacity,
                extended: v.extended,
                ...(v.note ? { note: v.note } : {}),
              },
        )
      }
      style={{ rowGap: 8 }}
    >
      <Form.Item name="kind" label={t('appointments.exceptionKind')}>
        <Select
          style={{ width: 130 }}
          options={[
            { value: 'closed', label: t('appointments.closedDay') },
            { value: 'extra', label: t('appointments.extraDay') },
          ]}
        />
      </Form.Item>
      <Form.Item name="date" label={t('appointments.date')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      {kind === 'extra' ? (
        <>
          <Form.Item name="hours" label={t('appointments.hours')} rules={[{ required: true }]}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
          <Form.Item name="slotMinutes" label={t('appointments.slotMinutes')}>
            <InputNumber min={5} max={240} />
          </Form.Item>
          <Form.Item name="capacity" label={t('appointments.capacity')}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="extended" label={t('appointments.extended')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="note" label={t('appointments.note')}>
        <Input maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={m.isPending}>
        {t('appointments.addException')}
      </Button>
    </Form>
  );
}

function ServicePlans({ service, canEdit }: { service: WindowService; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const qc = useQueryClient();
  const plans = useQuery({
    queryKey: apptKeys.plans(service.id),
    queryFn: ({ signal }) => getPlans(service.id, signal),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: apptKeys.all });
  const delPlan = useMutation({
    mutationFn: (id: string) => deletePlan(service.id, id),
    onSuccess: refresh,
    onError: showError,
  });
  const delEx = useMutation({
    mutationFn: (id: string) => deleteException(service.id, id),
    onSuccess: refresh,
    onError: showError,
  });
  if (plans.isPending) return <PageLoading />;
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;
  return (
    <>
      <Card title={t('appointments.plans')} style={{ marginBottom: 16 }}>
        <Table<Plan>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={plans.data.plans}
          locale={{ emptyText: <EmptyState /> }}
          columns={[
            { title: t('appointments.validRange'), render: (_, p) => `${p.validFrom} ~ ${p.validTo}` },
            { title: t('appointments.dayRule'), render: (_, p) => t(`appointments.dayRules.${p.dayRule}`) },
            {
              title: t('appointments.weekdays'),
              // the days in words (周六), never the stored numbers (6)
              render: (_, p) =>
                p.weekdays.length ? weekdaysText(p.weekdays, lang === 'en' ? 'en' : 'zh') : t('common.all'),
            },
            { title: t('appointments.hours'), render: (_, p) => `${p.startTime}–${p.endTime}` },
            { title: t('appointments.slotMinutes'), dataIndex: 'slotMinutes' },
            { title: t('appointments.capacity'), dataIndex: 'capacity' },
            {
              title: t('appointments.slotKind'),
              render: (_, p) =>
                p.extended ? <Tag color="purple">{t('appointments.extended')}</Tag> : t('appointments.regular'),
            },
            {
              title: t('common.actions'),
              render: (_, p) =>
                canEdit && (
                  <Popconfirm title={t('appointments.deletePlanConfirm')} onConfirm={() => delPlan.mutate(p.id)}>
                    <Button size="small" danger>
                      {t('appointments.delete')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
        <div style={{ marginTop: 16, display: canEdit ? undefined : 'none' }}>
          <PlanForm serviceId={service.id} onDone={refresh} />
        </div>
      </Card>
      <Card title={t('appointments.exceptions')}>
        <Table<OpeningException>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={plans.data.exceptions}
          locale={{ emptyText: <EmptyState /> }}
          columns={[
            { title: t('appointments.date'), dataIndex: 'date' },
            {
              title: t('appointments.exceptionKind'),
              render: (_, e) =>
                e.kind === 'closed' ? (
                  <Tag color="red">{t('appointments.closedDay')}</Tag>
                ) : (
                  <Tag color="green">{t('appointments.extraDay')}</Tag>
                ),
            },
            {
              title: t('appointments.hours'),
              render: (_, e) => (e.startTime ? `${e.startTime}–${e.endTime}` : t('common.none')),
            },
            { title: t('appointments.note'), dataIndex: 'note' },
            {
              title: t('common.actions'),
              render: (_, e) =>
                canEdit && (
                  <Button size="small" danger onClick={() => delEx.mutate(e.id)}>
                    {t('appointments.delete')}
                  </Button>
                ),
            },
          ]}
        />
        <div style={{ marginTop: 16, display: canEdit ? undefined : 'none' }}>
          <ExceptionForm serviceId={service.id} onDone={refresh} />
        </div>
      </Card>
    </>
  );
}

/** 预约窗口与开放计划: window services, their opening plans, closed and extra days. */
export default function ServicesPage() {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const canEdit = canAccess(roles, PERMISSIONS.appointmentWindow);
  const showError = useShowError();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [form] = Form.useForm();
  const services = useQuery({ queryKey: apptKeys.services(true), queryFn: ({ signal }) => allServices(signal) });
  const create = useMutation({
    mutationFn: createService,
    onSuccess: (s) => {
      setCreating(false);
      form.resetFields();
      setSelected(s.id);
      void qc.invalidateQueries({ queryKey: apptKeys.all });
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  const toggle = useMutation({
    mutationFn: (s: WindowService) => patchService(s.id, { active: !s.active, version: s.version }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: apptKeys.all }),
    onError: showError,
  });
  const service = services.data?.items.find((s) => s.id === selected) ?? null;
  return (
    <PageContainer
      title={t('appointments.servicesTitle')}
      extra={
        canEdit ? (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('appointments.newService')}
          </Button>
        ) : null
      }
    >
      {services.isError ? (
        <ErrorState error={services.error} onRetry={() => void services.refetch()} />
      ) : (
        <Table<WindowService>
          rowKey="id"
          loading={services.isPending}
          dataSource={services.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState /> }}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: selected ? [selected] : [],
            onChange: (keys) => setSelected(String(keys[0])),
          }}
          onRow={(s) => ({ onClick: () => setSelected(s.id) })}
          columns={[
            { title: t('appointments.window'), dataIndex: 'name' },
            { title: t('appointments.location'), dataIndex: 'location' },
            { title: t('appointments.description'), dataIndex: 'description' },
            {
              title: t('appointments.active'),
              render: (_, s) => (
                <Switch
                  aria-label={t('common.parenthetical', { text: t('appointments.active'), note: s.name })}
                  checked={s.active}
                  disabled={!canEdit}
                  onChange={() => toggle.mutate(s)}
                />
              ),
            },
          ]}
          style={{ marginBottom: 16 }}
        />
      )}
      {service ? <ServicePlans key={service.id} service={service} canEdit={canEdit} /> : null}
      <Modal
        open={creating}
        title={t('appointments.newService')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label={t('appointments.window')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="location" label={t('appointments.location')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="description" label={t('appointments.description')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
