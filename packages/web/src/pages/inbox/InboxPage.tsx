import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { machineryKeys } from '../worklist/api.ts';
import { getInbox, type InboxItem, inboxKeys, markAllRead, markRead } from './api.ts';

/** 站内消息: newest first; opening a message marks it read and follows its link. */
export default function InboxPage() {
  const { t } = useTranslation();
  // a notice written in both languages reads in the console's; one written only in Chinese stays so
  const english = useLanguage() === 'en';
  const qc = useQueryClient();
  const navigate = useNavigate();
  const showError = useShowError();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...page, ...(filter === 'unread' ? { unread: 'true' as const } : {}) };
  const inbox = useQuery({
    queryKey: inboxKeys.list(query),
    queryFn: ({ signal }) => getInbox(query, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['inbox'] });
    void qc.invalidateQueries({ queryKey: machineryKeys.counts });
  };
  const read = useMutation({ mutationFn: markRead, onSuccess: refresh, onError: showError });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: refresh, onError: showError });

  const open = (n: InboxItem) => {
    if (!n.readAt) read.mutate(n.id);
    if (n.link) void navigate(n.link);
  };

  return (
    <PageContainer
      title={
        <Space>
          {t('inbox.title')}
          <Badge count={inbox.data?.unread ?? 0} data-testid="inbox-unread" />
        </Space>
      }
      extra={
        <Button
          onClick={() => readAll.mutate()}
          loading={readAll.isPending}
          disabled={!inbox.data?.unread}
          data-testid="inbox-read-all"
        >
          {t('inbox.readAll')}
        </Button>
      }
    >
      <Segmented
        style={{ marginBottom: 16 }}
        value={filter}
        onChange={(v) => {
          setFilter(v as 'all' | 'unread');
          setPage((p) => ({ ...p, page: 1 }));
        }}
        options={[
          { value: 'all', label: t('inbox.all') },
          { value: 'unread', label: t('inbox.unread') },
        ]}
      />
      {inbox.isError && !inbox.data ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <List<InboxItem>
          loading={inbox.isFetching}
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: t('inbox.empty') }}
          data-testid="inbox-list"
          pagination={{
            current: inbox.data?.page ?? page.page,
            pageSize: inbox.data?.pageSize ?? page.pageSize,
            total: inbox.data?.total ?? 0,
            onChange: (p, pageSize) => setPage({ page: p, pageSize }),
          }}
          renderItem={(n) => (
            <List.Item
              actions={[
                n.readAt ? null : (
                  <Button key="read" type="link" size="small" onClick={() => read.mutate(n.id)}>
                    {t('inbox.markRead')}
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                avatar={<Badge dot={!n.readAt} />}
                title={
                  <Typography.Link strong={!n.readAt} onClick={() => open(n)}>
                    {english && n.titleEn ? n.titleEn : n.title}
                  </Typography.Link>
                }
                description={
                  <Space orientation="vertical" size={0}>
                    {/* a message's lines (its text, then the rules it rests on) stay lines */}
                    <Typography.Text style={{ whiteSpace: 'pre-line' }}>
                      {english && n.bodyEn ? n.bodyEn : n.body}
                    </Typography.Text>
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </PageContainer>
  );
}
