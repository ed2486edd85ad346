import { FileWordOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Timeline as AntTimeline,
  Button,
  DatePicker,
  Empty,
  Pagination,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../utils/datetime.ts';
import { downloadTimeline, getTimeline, timelineKeys } from './api.ts';

const PAGE_SIZE = 20;
const KIND_COLORS: Record<string, string> = {
  clue: 'volcano',
  report: 'red',
  petition: 'magenta',
  alarm: 'orange',
  station: 'blue',
  credit: 'gold',
  permit: 'blue',
  application: 'geekblue',
  inspection: 'purple',
  'site-inspection': 'purple',
  rectification: 'orange',
  'enforcement-case': 'red',
  'positive-list': 'green',
  visit: 'cyan',
  'reception-concern': 'lime',
  rating: 'default',
};

/**
 * 一企一档 timeline: every module's records about the firm, newest first, filtered by kind and
 * dates, exported to Word for an officer going on site. The firm itself sees only its own records.
 */
export function EnterpriseTimelineTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [kinds, setKinds] = useState<string[]>([]);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const filter = {
    kinds: kinds.length ? kinds.join(',') : undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const q = useQuery({
    queryKey: timelineKeys.of(enterpriseId, { ...filter, page }),
    queryFn: ({ signal }) => getTimeline(enterpriseId, { ...filter, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  const exportDoc = useMutation({ mutationFn: () => downloadTimeline(enterpriseId, filter), onError: showError });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <div data-testid="enterprise-timeline">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 280 }}
          aria-label={t('enterpriseFile.allKinds')}
          placeholder={t('enterpriseFile.allKinds')}
          value={kinds}
          onChange={(v: string[]) => {
            setKinds(v);
            setPage(1);
          }}
          options={d.kinds.map((k) => ({ value: k.kind, label: k.label }))}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => {
            setRange(v);
            setPage(1);
          }}
        />
        <Button
          icon={<FileWordOutlined />}
          loading={exportDoc.isPending}
          onClick={() => exportDoc.mutate()}
          data-testid="timeline-docx"
        >
          {t('enterpriseFile.export')}
        </Button>
      </Space>
      {d.truncated ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('enterpriseFile.truncated')} />
      ) : null}
      {d.items.length === 0 ? (
        <Empty description={t('enterpriseFile.empty')} />
      ) : (
        <>
          <AntTimeline
            items={d.items.map((i) => ({
              key: `${i.kind}-${i.recordId}`,
              children: (
                <div>
                  <Space size={8} wrap>
                    <Typography.Text type="secondary">{formatDateTime(i.at)}</Typography.Text>
                    <Tag color={KIND_COLORS[i.kind] ?? 'default'}>{i.kindLabel}</Tag>
                    {i.link ? <Link to={i.link}>{i.title}</Link> : <Typography.Text strong>{i.title}</Typography.Text>}
                  </Space>
                  {i.detail ? <div style={{ color: '#595959', marginTop: 4 }}>{i.detail}</div> : null}
                </div>
              ),
            }))}
          />
          <Pagination current={page} pageSize={PAGE_SIZE} total={d.total} onChange={setPage} showSizeChanger={false} />
        </>
      )}
    </div>
  );
}
