import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../utils/datetime.ts';
import type { Frame, FrameList, FrameQuery } from './api.ts';
import { DecodedFrameView } from './FrameDecoder.tsx';

const MAX_FRAMES_DAYS = 31;

type Window = { from?: string; to?: string };

/**
 * Raw HJ 212 frames as received, newest first, each decoded in the browser on expanding its row; a
 * window of receipt (at most 31 days) finds old ones. A station's frames and a meter logger's use it
 * alike: the caller says where they come from.
 */
export function FramesTable({
  queryKey,
  loadFrames,
  testId,
  windowInUrl = false,
  newestHint,
}: {
  queryKey: (q: FrameQuery) => QueryKey;
  loadFrames: (q: FrameQuery, signal?: AbortSignal) => Promise<FrameList>;
  testId: string;
  /** keep the window in the address (the station page: an alarm links to the frames around it) */
  windowInUrl?: boolean;
  /** what the list shows when no window is chosen, if not simply the newest frames */
  newestHint?: string;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [local, setLocal] = useState<Window>({});
  const [page, setPage] = useState(1);
  const from = windowInUrl ? params.get('from') : (local.from ?? null);
  const to = windowInUrl ? params.get('to') : (local.to ?? null);
  const window = from && to ? { from, to } : {};
  const q: FrameQuery = { page, pageSize: 20, ...window };
  const frames = useQuery({
    queryKey: queryKey(q),
    queryFn: ({ signal }) => loadFrames(q, signal),
    placeholderData: keepPreviousData,
  });
  const setWindow = (range: [dayjs.Dayjs, dayjs.Dayjs] | null) => {
    setPage(1);
    const next = range ? { from: range[0].toISOString(), to: range[1].toISOString() } : {};
    if (!windowInUrl) return setLocal(next);
    setParams(
      (p) => {
        if (next.from && next.to) {
          p.set('from', next.from);
          p.set('to', next.to);
        } else {
          p.delete('from');
          p.delete('to');
        }
        return p;
      },
      { replace: true },
    );
  };
  const picker = (
    <Space wrap style={{ marginBottom: 12 }}>
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={from && to ? [dayjs(from), dayjs(to)] : null}
        onChange={(v) => setWindow(v?.[0] && v[1] ? [v[0], v[1]] : null)}
        disabledDate={(d, info) =>
          info.from ? Math.abs(d.diff(info.from, 'day')) > MAX_FRAMES_DAYS - 1 : d.isAfter(dayjs().endOf('day'))
        }
        placeholder={[t('monitoring.framesFrom'), t('monitoring.framesTo')]}
        data-testid="frames-range"
      />
      <Typography.Text type="secondary">
        {from && to ? t('monitoring.framesWindowHint') : (newestHint ?? t('monitoring.framesNewestHint'))}
      </Typography.Text>
    </Space>
  );
  if (frames.isError)
    return (
      <>
        {picker}
        <ErrorState error={frames.error} onRetry={() => void frames.refetch()} />
      </>
    );
  return (
    <>
      {picker}
      {from && to && frames.data?.total === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('monitoring.framesNoneInWindow')} />
      )}
      <Table<Frame>
        data-testid={testId}
        size="small"
        rowKey="id"
        loading={frames.isFetching}
        dataSource={frames.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: frames.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        expandable={{ expandedRowRender: (f) => <DecodedFrameView raw={f.raw} checked={f} /> }}
        columns={[
          {
            title: t('monitoring.receivedAt'),
            dataIndex: 'receivedAt',
            render: (v: string) => <DateTimeText value={v} withSeconds />,
          },
          {
            title: t('monitoring.frameDataTime'),
            dataIndex: 'dataTime',
            render: (v: string | null) => (v ? formatDateTime(v, true) : '—'),
          },
          { title: 'CN', dataIndex: 'cn' },
          { title: 'QN', dataIndex: 'qn' },
          {
            title: t('monitoring.crc'),
            dataIndex: 'crcValid',
            render: (ok: boolean) => (
              <Tag color={ok ? 'green' : 'orange'}>{ok ? t('monitoring.crcOk') : t('monitoring.crcBad')}</Tag>
            ),
          },
          {
            title: t('monitoring.rawFrame'),
            dataIndex: 'raw',
            ellipsis: true,
            render: (raw: string) => <Typography.Text code>{raw.trim()}</Typography.Text>,
          },
        ]}
      />
    </>
  );
}
