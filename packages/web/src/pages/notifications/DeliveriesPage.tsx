import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/errors.ts';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import { useMessage } from '../../components/feedback.tsx';
import {
  defineListQuery,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatDateTime } from '../../utils/datetime.ts';
import {
  type Delivery,
  type DeliveryChannel,
  type DeliveryStatus,
  getDeliveries,
  notificationKeys,
  retryDelivery,
} from './api.ts';

const STATUSES = ['pending', 'sending', 'sent', 'failed'] as const satisfies readonly DeliveryStatus[];
const CHANNELS = ['email', 'webhook', 'wechat'] as const satisfies readonly DeliveryChannel[];

const deliveryListQuery = defineListQuery({
  filters: { status: oneOfFilter(STATUSES), channel: oneOfFilter(CHANNELS), q: textFilter() },
  sorts: ['-createdAt', 'createdAt', 'target', '-target'] as const,
});

const STATUS_COLOR: Record<DeliveryStatus, string> = { pending: 'gold', sending: 'blue', sent: 'green', failed: 'red' };

/** 投递记录: every e-mail, webhook and WeChat delivery with its attempts and last error. */
export default function DeliveriesPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const list = useListQuery(deliveryListQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: notificationKeys.deliveries(query),
    queryFn: ({ signal }) => getDeliveries(query, signal),
    placeholderData: keepPreviousData,
  });
  const retry = useMutation({
    mutationFn: retryDelivery,
    onSuccess: () => {
      message.success(t('deliveries.requeued'));
      void qc.invalidateQueries({ queryKey: ['deliveries'] });
    },
    onError: showError,
  });
  return (
    <PageContainer title={t('deliveries.title')}>
      <Form
        layout="inline"
        role="search"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={{ status: query.status, channel: query.channel, q: query.q }}
        onFinish={(v: { status?: DeliveryStatus; channel?: DeliveryChannel; q?: string }) =>
          update({ status: v.status, channel: v.channel, q: v.q?.trim() || undefined })
        }
      >
        <Form.Item name="status" label={t('deliveries.status')}>
          <Select
            allowClear
            style={{ width: 120 }}
            data-testid="deliveries-status"
            options={STATUSES.map((s) => ({
              value: s,
              label: t(`deliveries.statuses.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('deliveries.channel')}>
          <Select
            allowClear
            style={{ width: 130 }}
            options={CHANNELS.map((c) => ({
              value: c,
              label: t(`deliveries.channels.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="q" label={t('common.search')}>
          <Input allowClear placeholder={t('deliveries.searchPlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </Form>
      <PagedTable<Delivery, typeof query>
        cardHeading="title"
        list={list}
        result={result}
        data-testid="deliveries-table"
        columns={[
          {
            title: t('deliveries.createdAt'),
            dataIndex: 'createdAt',
            key: 'createdAt',
            sorter: true,
            width: 150,
            render: (v: string) => <DateTimeText value={v} />,
          },
          {
            title: t('deliveries.channel'),
            dataIndex: 'channel',
            width: 100,
            render: (c: Delivery['channel']) => t(`deliveries.channels.${c}`),
          },
          { title: t('deliveries.target'), dataIndex: 'target', key: 'target', sorter: true, ellipsis: true },
          { title: t('deliveries.message'), dataIndex: 'title', ellipsis: true },
          {
            title: t('deliveries.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: DeliveryStatus) => <Tag color={STATUS_COLOR[s]}>{t(`deliveries.statuses.${s}`)}</Tag>,
          },
          {
            title: t('deliveries.attempts'),
            key: 'attempts',
            width: 90,
            render: (_: unknown, d) => `${d.attempts}/${d.maxAttempts}`,
          },
          {
            title: t('deliveries.lastError'),
            dataIndex: 'lastError',
            render: (e: string | null, d) =>
              e ? (
                <Typography.Text type="danger" ellipsis={{ tooltip: e }}>
                  {e}
                </Typography.Text>
              ) : d.sentAt ? (
                formatDateTime(d.sentAt)
              ) : (
                '—'
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, d) =>
              d.status === 'failed' ? (
                <Button
                  size="small"
                  onClick={() => retry.mutate(d.id)}
                  loading={retry.isPending && retry.variables === d.id}
                >
                  {t('deliveries.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
    </PageContainer>
  );
}
