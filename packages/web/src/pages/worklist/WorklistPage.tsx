import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Select, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type CardColumn,
  defineListQuery,
  oneOfFilter,
  RecordTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDate } from '../../utils/datetime.ts';
import {
  type ClockState,
  getWorklist,
  getWorklistCounts,
  machineryKeys,
  type WorkItem,
  type WorklistQuery,
} from './api.ts';
import { ClockActions, ClockStateTag, ProvisionalTag, Remaining } from './ClockParts.tsx';
import { clockTitle } from './titles.ts';

const ROW_BG: Partial<Record<ClockState, string>> = { overdue: '#fff1f0', 'due-soon': '#fff7e6' };

const OPEN_STATES = ['overdue', 'due-soon', 'running', 'paused'] as const;
type OpenState = (typeof OPEN_STATES)[number];

// search, state, sort and page live in the URL: the back button from a record returns to the same view
const worklistQuery = defineListQuery({
  filters: { q: textFilter(), state: oneOfFilter(OPEN_STATES) },
  sorts: ['due', '-due', 'start'],
  defaultSort: 'due',
});

/** 我的待办: open clocks assigned to me or my role, earliest due first; overdue and due-soon stand out. */
export default function WorklistPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form] = Form.useForm<{ q?: string; state?: OpenState }>();
  const { query: listQuery, update, reset } = useListQuery(worklistQuery);
  const query: WorklistQuery = listQuery;
  const list = useQuery({
    queryKey: machineryKeys.worklist(query),
    queryFn: ({ signal }) => getWorklist(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const counts = useQuery({
    queryKey: machineryKeys.counts,
    queryFn: ({ signal }) => getWorklistCounts(signal),
    refetchInterval: 60_000,
  });

  // a clock's state tints its row, and its card on a phone (the table's six columns ran wider than the page)
  const cardStyle = (r: WorkItem) =>
    ({ style: { background: ROW_BG[r.state] }, 'data-state': r.state }) as React.HTMLAttributes<HTMLElement>;
  const columns: CardColumn<WorkItem>[] = [
    {
      title: t('clocks.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Space orientation="vertical" size={0}>
          {r.link ? <Link to={r.link}>{clockTitle(title, lang)}</Link> : clockTitle(title, lang)}
          {r.evaluationError ? <Alert type="error" showIcon title={r.evaluationError} /> : null}
        </Space>
      ),
    },
    { title: t('clocks.start'), dataIndex: 'start', width: 120, render: (s: string) => formatDate(s) },
    {
      title: t('clocks.dueDate'),
      dataIndex: 'dueDate',
      width: 130,
      render: (d: string, r) => (
        <>
          <Typography.Text strong={r.state === 'overdue' || r.state === 'due-soon'} data-testid="worklist-due">
            {d}
          </Typography.Text>
          <ProvisionalTag clock={r} />
        </>
      ),
    },
    {
      title: t('clocks.remaining'),
      key: 'remaining',
      width: 150,
      render: (_: unknown, r) => <Remaining clock={r} />,
    },
    {
      title: t('clocks.stateLabel'),
      dataIndex: 'state',
      width: 100,
      render: (s: ClockState) => <ClockStateTag state={s} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, r) => <ClockActions clock={r} />,
    },
  ];

  return (
    <PageContainer title={t('worklist.title')}>
      <Flex gap={32} style={{ marginBottom: 16 }} wrap>
        <Statistic title={t('worklist.total')} value={counts.data?.total ?? '—'} />
        <Statistic
          title={t('worklist.overdue')}
          value={counts.data?.overdue ?? '—'}
          styles={{ content: { color: '#cf1322' } }}
        />
        <Statistic
          title={t('worklist.dueSoon')}
          value={counts.data?.dueSoon ?? '—'}
          styles={{ content: { color: '#d46b08' } }}
        />
        <Statistic title={t('worklist.paused')} value={counts.data?.paused ?? '—'} />
      </Flex>
      <Form
        form={form}
        layout="inline"
        role="search"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={{ q: query.q, state: query.state }}
        onFinish={(v) => update({ q: v.q?.trim() || undefined, state: v.state })}
      >
        <Form.Item name="q" label={t('worklist.search')}>
          <Input allowClear data-testid="worklist-q" />
        </Form.Item>
        <Form.Item name="state" label={t('clocks.stateLabel')}>
          <Select
            allowClear
            style={{ width: 140 }}
            data-testid="worklist-state"
            options={OPEN_STATES.map((s) => ({
              value: s,
              label: t(`clocks.state.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('worklist.sort')} htmlFor="worklist-sort">
          <Select
            id="worklist-sort"
            style={{ width: 160 }}
            value={query.sort}
            onChange={(sort) => update({ sort })}
            options={[
              { value: 'due', label: t('worklist.sortDue') },
              { value: '-due', label: t('worklist.sortDueDesc') },
              { value: 'start', label: t('worklist.sortStart') },
            ]}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              reset();
              form.setFieldsValue({ q: undefined, state: undefined });
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <RecordTable<WorkItem>
          rowKey="id"
          data-testid="worklist-table"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('worklist.empty') }}
          onRow={cardStyle}
          pagination={{
            current: list.data?.page ?? query.page,
            pageSize: list.data?.pageSize ?? query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => update({ page, pageSize }),
          }}
          columns={columns}
        />
      )}
    </PageContainer>
  );
}
