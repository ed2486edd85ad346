// Pieces other pages reuse to show a record's statutory clocks: the state tag, the
// pause / resume / extend actions, and a panel listing a record's clocks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import {
  type ClockState,
  type ClockView,
  extendClock,
  getClocks,
  machineryKeys,
  type PauseReason,
  pauseClock,
  resumeClock,
} from './api.ts';
import { daysText } from './days.ts';
import { clockTitle } from './titles.ts';

const STATE_COLOR: Record<ClockState, string> = {
  running: 'green',
  paused: 'blue',
  'due-soon': 'orange',
  overdue: 'red',
  met: 'default',
  missed: 'volcano',
  lapsed: 'default',
};

/** 暂定: the due date runs into a year without the State Council notice (see clocks/README). */
export function ProvisionalTag({ clock }: { clock: Pick<ClockView, 'provisional' | 'binds'> }) {
  const { t } = useTranslation();
  if (!clock.provisional) return null;
  return (
    <Tooltip title={t(clock.binds === 'party' ? 'clocks.provisionalParty' : 'clocks.provisionalBureau')}>
      <Tag color="gold" data-testid="clock-provisional" style={{ marginInlineStart: 4 }}>
        {t('clocks.provisional')}
      </Tag>
    </Tooltip>
  );
}

export function ClockStateTag({ state }: { state: ClockState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} data-testid={`clock-state-${state}`}>
      {t(`clocks.state.${state}`)}
    </Tag>
  );
}

/** "还剩 3 个工作日" / "已超期 2 个自然日" */
export function Remaining({ clock }: { clock: Pick<ClockView, 'remaining' | 'state' | 'profile'> }) {
  const { t } = useTranslation();
  if (clock.state === 'met' || clock.state === 'missed' || clock.state === 'lapsed')
    return <Typography.Text type="secondary">—</Typography.Text>;
  if (clock.remaining < 0)
    return (
      <Typography.Text type="danger">
        {t('clocks.late', { days: daysText(t, -clock.remaining, clock.profile.unit) })}
      </Typography.Text>
    );
  return (
    <Typography.Text type={clock.state === 'due-soon' ? 'warning' : undefined}>
      {t('clocks.left', { days: daysText(t, clock.remaining, clock.profile.unit) })}
    </Typography.Text>
  );
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['worklist'] });
    void qc.invalidateQueries({ queryKey: ['clocks'] });
  };
}

/** Pause / resume / extend buttons for the roles that may use them. */
export function ClockActions({ clock }: { clock: ClockView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const message = useMessage();
  const showError = useShowError();
  const invalidate = useInvalidate();
  const [dialog, setDialog] = useState<'pause' | 'extend' | null>(null);
  const [form] = Form.useForm();
  const done = () => {
    message.success(t('common.saved'));
    setDialog(null);
    form.resetFields();
    invalidate();
  };
  const pause = useMutation({
    mutationFn: (v: { reason: PauseReason; note?: string }) => pauseClock(clock.id, v),
    onSuccess: done,
    onError: showError,
  });
  const resume = useMutation({ mutationFn: () => resumeClock(clock.id), onSuccess: done, onError: showError });
  const extend = useMutation({
    mutationFn: (v: { days: number; reason: string }) => extendClock(clock.id, v),
    onSuccess: done,
    onError: showError,
  });
  // A window that binds the party (e.g. the petitioner's time to request a review) is fixed by
  // law: the bureau neither pauses nor extends it, and the server refuses to.
  if (!canAccess(roles, PERMISSIONS.clockManage) || clock.completedAt || clock.binds === 'party') return null;
  // An owned clock (a petition's) changes only through its record's own steps: 信访工作条例
  // 第三十四条 wants the head's approval for an extension, so send the user there.
  if (clock.owned) {
    return clock.link ? (
      <Link to={clock.link} data-testid="clock-owned">
        {t('clocks.ownedHint')}
      </Link>
    ) : null;
  }
  const isPaused = clock.pauses.some((p) => !p.to);
  return (
    <Space size="small">
      {isPaused ? (
        <Button size="small" loading={resume.isPending} onClick={() => resume.mutate()} data-testid="clock-resume">
          {t('clocks.resume')}
        </Button>
      ) : (
        <Button size="small" onClick={() => setDialog('pause')} data-testid="clock-pause">
          {t('clocks.pause')}
        </Button>
      )}
      <Button size="small" onClick={() => setDialog('extend')} data-testid="clock-extend">
        {t('clocks.extend')}
      </Button>
      <Modal
        open={dialog !== null}
        title={dialog === 'pause' ? t('clocks.pauseTitle') : t('clocks.extendTitle')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={pause.isPending || extend.isPending}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{clockTitle(clock.title, lang)}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => (dialog === 'pause' ? pause.mutate(v) : extend.mutate(v))}
        >
          {dialog === 'pause' ? (
            <>
              <Form.Item
                name="reason"
                label={t('clocks.pauseReason')}
                rules={[{ required: true, message: t('clocks.reasonRequired') }]}
              >
                <Select
                  data-testid="clock-pause-reason"
                  options={(['supplement', 'expert-review', 'hearing', 'other'] as const).map((r) => ({
                    value: r,
                    label: t(`clocks.reason.${r}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="note" label={t('clocks.note')}>
                <Input.TextArea maxLength={500} rows={2} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item
                name="days"
                label={t('clocks.extendDays', { unit: t(`clocks.unit.${clock.profile.unit}`) })}
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={365} precision={0} data-testid="clock-extend-days" />
              </Form.Item>
              <Form.Item
                name="reason"
                label={t('clocks.extendReason')}
                rules={[{ required: true, whitespace: true, message: t('clocks.reasonRequired') }]}
              >
                <Input.TextArea maxLength={500} rows={3} data-testid="clock-extend-reason" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}

function History({ clock }: { clock: ClockView }) {
  const { t } = useTranslation();
  if (!clock.pauses.length && !clock.extensions.length) return null;
  return (
    <Space orientation="vertical" size={2}>
      {clock.pauses.map((p) => {
        const line = t('clocks.pausedLine', {
          reason: t(`clocks.reason.${p.reason}`),
          from: formatDateTime(p.from),
          to: p.to ? formatDateTime(p.to) : t('clocks.now'),
        });
        return (
          <Typography.Text key={p.from} type="secondary">
            {p.note ? t('common.parenthetical', { text: line, note: p.note }) : line}
          </Typography.Text>
        );
      })}
      {clock.extensions.map((e) => (
        <Typography.Text key={e.at} type="secondary">
          {t('clocks.extendedLine', { days: e.days, by: e.approvedBy, reason: e.reason })}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** A record's clocks (due date in working days over the 调休 calendar, state, actions). */
export function ClockPanel({ ownerType, ownerId }: { ownerType: string; ownerId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const q = useQuery({
    queryKey: machineryKeys.clocks(ownerType, ownerId),
    queryFn: ({ signal }) => getClocks(ownerType, ownerId, signal),
  });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<ClockView>
      size="small"
      rowKey="id"
      loading={q.isLoading}
      pagination={false}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: t('clocks.none') }}
      expandable={{
        expandedRowRender: (c) => <History clock={c} />,
        rowExpandable: (c) => c.pauses.length + c.extensions.length > 0,
      }}
      columns={[
        { title: t('clocks.title'), dataIndex: 'title', render: (s: string) => clockTitle(s, lang) },
        {
          title: t('clocks.dueDate'),
          dataIndex: 'dueDate',
          render: (d: string, c) => (
            <>
              <Tooltip
                title={t('clocks.profileHint', {
                  days: daysText(t, c.profile.length, c.profile.unit),
                  version: c.ruleVersion,
                })}
              >
                <span data-testid="clock-due">{d}</span>
              </Tooltip>
              <ProvisionalTag clock={c} />
            </>
          ),
        },
        { title: t('clocks.remaining'), key: 'remaining', render: (_: unknown, c) => <Remaining clock={c} /> },
        { title: t('clocks.stateLabel'), dataIndex: 'state', render: (s: ClockState) => <ClockStateTag state={s} /> },
        { title: t('common.actions'), key: 'actions', render: (_: unknown, c) => <ClockActions clock={c} /> },
      ]}
    />
  );
}
