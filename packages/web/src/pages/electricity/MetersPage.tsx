import { METER_ROLE_LABELS, METER_ROLES } from '@qingshan/core/electricity';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Divider,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Spin,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { defineListQuery, oneOfFilter, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { FramesTable } from '../monitoring/FramesTable.tsx';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import {
  bindHj212,
  createMeter,
  electricityKeys,
  getMeterFrames,
  getSeries,
  listMeters,
  type Meter,
  type MeterCreate,
  type MeterHj212,
  unbindHj212,
} from './api.ts';
import { PowerChart } from './PowerChart.tsx';
import { ELECTRICITY_PERMISSIONS } from './permissions.ts';

const meterListQuery = defineListQuery({
  filters: { role: oneOfFilter(METER_ROLES) },
  sorts: ['enterprise', '-enterprise'] as const,
});

/** The line's power and its facilities' power over the last day or two. */
function LineChartCard({ line, facilities }: { line: Meter; facilities: Meter[] }) {
  const { t } = useTranslation();
  const [hours, setHours] = useState(24);
  // whole minutes, so the query key stays the same across renders
  const to = useMemo(() => new Date(Math.ceil(Date.now() / 60_000) * 60_000).toISOString(), []);
  const from = new Date(Date.parse(to) - hours * 3_600_000).toISOString();
  const meters = [line, ...facilities];
  const series = useQuery({
    queryKey: [...electricityKeys.series(line.id, from, to), facilities.map((f) => f.id)],
    queryFn: async ({ signal }) => {
      const out = [];
      for (const m of meters) out.push(await getSeries(m.id, from, to, signal));
      return out;
    },
  });
  return (
    <Card
      size="small"
      title={t('electricity.chartOf', { line: line.name })}
      extra={
        <Segmented
          value={hours}
          onChange={(v) => setHours(v as number)}
          options={[
            { value: 24, label: t('electricity.last24h') },
            { value: 48, label: t('electricity.last2d') },
          ]}
        />
      }
      style={{ marginBottom: 16 }}
    >
      {series.isPending ? (
        <Spin />
      ) : series.isError ? (
        <ErrorState error={series.error} onRetry={() => void series.refetch()} />
      ) : series.data.every((s) => s.points.length === 0) ? (
        <Empty description={t('electricity.chartEmpty')} />
      ) : (
        <PowerChart
          yName={t('electricity.power')}
          series={series.data.map((s) => ({
            name: t('common.parenthetical', { text: s.meter.name, note: s.meter.code }),
            points: s.points,
          }))}
        />
      )}
    </Card>
  );
}

/** The HJ 212 binding of one meter: its logger's MN and password, and the code its power is sent under. */
function Hj212Modal({ meter, onClose }: { meter: Meter; onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<MeterHj212>();
  const done = () => {
    void qc.invalidateQueries({ queryKey: electricityKeys.all });
    onClose();
  };
  const fail = (e: Error) => {
    if (e instanceof ApiError) applyFieldErrors(form, e);
    showError(e);
  };
  const bind = useMutation({
    mutationFn: (v: MeterHj212) => bindHj212(meter.id, { ...v, password: v.password || undefined }),
    onSuccess: done,
    onError: fail,
  });
  const unbind = useMutation({ mutationFn: () => unbindHj212(meter.id), onSuccess: done, onError: fail });
  return (
    <Modal
      open
      title={t('common.labelled', {
        label: t('electricity.hj212Edit'),
        value: t('common.parenthetical', { text: meter.name, note: meter.code }),
      })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={bind.isPending}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          {meter.hj212 ? (
            <Button danger loading={unbind.isPending} onClick={() => unbind.mutate()}>
              {t('electricity.hj212Unbind')}
            </Button>
          ) : null}
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mn: meter.hj212?.mn, code: meter.hj212?.code }}
        onFinish={(v) => bind.mutate(v)}
      >
        <Form.Item name="mn" label={t('electricity.hj212Mn')} rules={[{ required: true }]}>
          <Input maxLength={24} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('electricity.hj212Code')}
          extra={t('electricity.hj212CodeHelp')}
          rules={[{ required: true }]}
        >
          <Input maxLength={24} />
        </Form.Item>
        <Form.Item name="password" label={t('electricity.hj212Password')} extra={t('electricity.hj212PasswordHelp')}>
          <Input.Password maxLength={24} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The raw frames of the logger a meter reports through, decoded in the browser as a station's are. */
function MeterFramesModal({ meter, onClose }: { meter: Meter; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={1100}
      footer={null}
      title={t('common.labelled', {
        label: t('electricity.hj212Frames'),
        value: t('common.parenthetical', {
          text: meter.name,
          note: `${meter.hj212?.mn ?? ''} · ${meter.hj212?.code ?? ''}`,
        }),
      })}
      onCancel={onClose}
    >
      <FramesTable
        testId="meter-frames"
        newestHint={t('electricity.hj212FramesHint')}
        queryKey={(q) => electricityKeys.frames(meter.id, q)}
        loadFrames={(q, signal) => getMeterFrames(meter.id, q, signal)}
      />
    </Modal>
  );
}

/** 分表计电: the meters registry, and a line's power against its control facilities. */
export default function MetersPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const showError = useShowError();
  const qc = useQueryClient();
  const list = useListQuery(meterListQuery);
  const { query, update } = list;
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Meter | null>(null);
  const [framesOf, setFramesOf] = useState<Meter | null>(null);
  const canWrite = canAccess(roles, ELECTRICITY_PERMISSIONS.meterWrite);
  const [form] = Form.useForm<MeterCreate>();
  const role = Form.useWatch('role', form);
  const result = useQuery({
    queryKey: electricityKeys.meters(query),
    queryFn: ({ signal }) => listMeters(query, signal),
    placeholderData: keepPreviousData,
  });
  // every line for the chart picker (a plant has a handful of meters; 200 covers a county page)
  const all = useQuery({
    queryKey: electricityKeys.meters({ all: true }),
    queryFn: ({ signal }) => listMeters({ page: 1, pageSize: 200 }, signal),
  });
  const lines = (all.data?.items ?? []).filter((m) => m.role === 'line');
  const [lineId, setLineId] = useState<string | undefined>();
  const line = lines.find((l) => l.id === lineId) ?? lines[0];
  const facilities = (all.data?.items ?? []).filter((m) => m.servesMeterId === line?.id);
  const create = useMutation({
    // the HJ 212 fields are optional: left empty, the meter reports over MQTT only
    mutationFn: (v: MeterCreate) =>
      createMeter({
        ...v,
        hj212: v.hj212?.mn ? { ...v.hj212, password: v.hj212.password || undefined } : undefined,
      }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: electricityKeys.all });
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  const roleLabel = (r: Meter['role']) => (lang === 'en' ? METER_ROLE_LABELS[r].en : METER_ROLE_LABELS[r].zh);
  const byId = new Map((all.data?.items ?? []).map((m) => [m.id, m]));
  return (
    <PageContainer
      title={t('electricity.metersTitle')}
      extra={
        canWrite ? (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('electricity.register')}
          </Button>
        ) : null
      }
    >
      {line ? (
        <>
          {lines.length > 1 ? (
            <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
              {t('electricity.chartLine')}
              <Select
                style={{ width: 320, maxWidth: '100%' }}
                aria-label={t('electricity.chartLine')}
                value={line.id}
                onChange={setLineId}
                options={lines.map((l) => ({ value: l.id, label: `${l.enterpriseName} · ${l.name}` }))}
              />
            </Flex>
          ) : null}
          <LineChartCard key={line.id} line={line} facilities={facilities} />
        </>
      ) : null}
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          aria-label={t('electricity.role')}
          placeholder={t('electricity.role')}
          value={query.role}
          onChange={(v) => update({ role: v })}
          options={METER_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
        />
      </Flex>
      <PagedTable<Meter, typeof query>
        list={list}
        result={result}
        rowKey="id"
        emptyText={t('electricity.noMeters')}
        columns={[
          {
            title: t('electricity.enterprise'),
            dataIndex: 'enterpriseName',
            key: 'enterprise',
            sorter: true,
            width: 150,
          },
          // the meter's code under its name: ten narrow columns wrapped every header and name
          {
            title: `${t('electricity.name')} / ${t('electricity.code')}`,
            dataIndex: 'name',
            width: 130,
            render: (name: string, m: Meter) => (
              <>
                <div>{name}</div>
                <div style={{ color: 'rgba(0, 0, 0, 0.6)', fontSize: 12 }}>{m.code}</div>
              </>
            ),
          },
          {
            title: t('electricity.role'),
            dataIndex: 'role',
            width: 96,
            render: (r: Meter['role']) => <Tag color={r === 'line' ? 'blue' : 'green'}>{roleLabel(r)}</Tag>,
          },
          { title: t('electricity.ratedKw'), dataIndex: 'ratedKw', width: 96 },
          {
            title: t('electricity.serves'),
            dataIndex: 'servesMeterId',
            width: 100,
            render: (v: string | null) => (v ? (byId.get(v)?.name ?? '—') : '—'),
          },
          {
            title: t('electricity.thresholds'),
            dataIndex: 'thresholds',
            render: (th: Meter['thresholds']) =>
              th
                ? t('electricity.thresholdText', {
                    on: th.onPercent,
                    t1: th.t1Minutes,
                    t2: th.t2Minutes,
                    p: th.pPercent,
                    t3: th.t3Minutes,
                  })
                : '—',
          },
          // the current power with the time it was reported
          {
            title: t('electricity.lastKw'),
            dataIndex: 'lastKw',
            width: 150,
            render: (v: number | null, m: Meter) => (
              <>
                <div>{v ?? '—'}</div>
                <div
                  style={{ color: 'rgba(0, 0, 0, 0.6)', fontSize: 12, whiteSpace: 'nowrap' }}
                  title={t('electricity.lastSeen')}
                >
                  {m.lastSeenAt ? formatDateTime(m.lastSeenAt) : null}
                </div>
              </>
            ),
          },
          {
            title: t('electricity.hj212'),
            dataIndex: 'hj212',
            width: 170,
            render: (h: Meter['hj212'], m: Meter) => (
              <Flex gap={4} align="center" wrap>
                {h ? (
                  // a 24-character MN wraps inside the column instead of squeezing the names
                  <span style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {h.mn} · {h.code}
                  </span>
                ) : (
                  <span style={{ color: 'rgba(0, 0, 0, 0.6)' }}>{t('electricity.hj212None')}</span>
                )}
                {h ? (
                  <Button size="small" type="link" onClick={() => setFramesOf(m)}>
                    {t('electricity.hj212Frames')}
                  </Button>
                ) : null}
                {canWrite ? (
                  <Button size="small" type="link" onClick={() => setEditing(m)}>
                    {t('electricity.edit')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('electricity.register')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form form={form} layout="vertical" initialValues={{ role: 'line' }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="enterpriseId" label={t('electricity.enterprise')} rules={[{ required: true }]}>
            <EnterprisePicker />
          </Form.Item>
          <Form.Item name="role" label={t('electricity.role')} rules={[{ required: true }]}>
            <Select options={METER_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))} />
          </Form.Item>
          <Form.Item name="code" label={t('electricity.code')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="name" label={t('electricity.name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="ratedKw" label={t('electricity.ratedKw')} rules={[{ required: true }]}>
            <InputNumber min={0.1} style={{ width: '100%' }} />
          </Form.Item>
          {role === 'facility' ? (
            <Form.Item name="servesMeterId" label={t('electricity.serves')} rules={[{ required: true }]}>
              <Select options={lines.map((l) => ({ value: l.id, label: `${l.enterpriseName} · ${l.name}` }))} />
            </Form.Item>
          ) : null}
          <Divider plain>{t('electricity.hj212Optional')}</Divider>
          <Flex gap={8}>
            <Form.Item name={['hj212', 'mn']} label={t('electricity.hj212Mn')} style={{ flex: 2 }}>
              <Input maxLength={24} />
            </Form.Item>
            <Form.Item
              name={['hj212', 'code']}
              label={t('electricity.hj212Code')}
              style={{ flex: 1 }}
              dependencies={[['hj212', 'mn']]}
              rules={[({ getFieldValue }) => ({ required: !!getFieldValue(['hj212', 'mn']) })]}
            >
              <Input maxLength={24} placeholder="ele01" />
            </Form.Item>
          </Flex>
          <Form.Item
            name={['hj212', 'password']}
            label={t('electricity.hj212Password')}
            extra={t('electricity.hj212PasswordHelp')}
          >
            <Input.Password maxLength={24} autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      {editing ? <Hj212Modal key={editing.id} meter={editing} onClose={() => setEditing(null)} /> : null}
      {framesOf ? <MeterFramesModal key={framesOf.id} meter={framesOf} onClose={() => setFramesOf(null)} /> : null}
    </PageContainer>
  );
}
