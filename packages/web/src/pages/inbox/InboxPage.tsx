import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Pagination, Segmented, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { ListLines } from '../../components/ListLine.tsx';
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

  const items = inbox.data?.items ?? [];

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
        <Spin spinning={inbox.isFetching}>
          <div data-testid="inbox-list">
            {items.length ? (
              <ListLines<InboxItem>
                items={items}
                rowKey="id"
                renderItem={(n) => (
                  <Flex align="center" gap={16}>
                    {/* the dot stands by the title, not by the middle of a long message */}
                    <span style={{ alignSelf: 'flex-start', lineHeight: '22px' }}>
                      <Badge dot={!n.readAt} />
                    </span>
                    <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                      <Typography.Text strong data-testid="inbox-title">
                        {/* a real link, so the keyboard reaches it and it opens in a new tab too;
                            following it marks the message read */}
                        {n.link ? (
                          <Link to={n.link} onClick={() => (n.readAt ? undefined : read.mutate(n.id))}>
                            {english && n.titleEn ? n.titleEn : n.title}
                          </Link>
                        ) : english && n.titleEn ? (
                          n.titleEn
                        ) : (
                          n.title
                        )}
                      </Typography.Text>
                      {/* a message's lines (its text, then the rules it rests on) stay lines */}
                      <Typography.Text style={{ whiteSpace: 'pre-line' }}>
                        {english && n.bodyEn ? n.bodyEn : n.body}
                      </Typography.Text>
                      <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                    </Flex>
                    {n.readAt ? null : (
                      <Button type="link" size="small" onClick={() => read.mutate(n.id)}>
                        {t('inbox.markRead')}
                      </Button>
                    )}
                  </Flex>
                )}
              />
            ) : inbox.isPending ? null : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />
            )}
          </div>
          {inbox.data?.total ? (
            <Pagination
              align="end"
              style={{ marginTop: 16 }}
              current={inbox.data.page}
              pageSize={inbox.data.pageSize}
              total={inbox.data.total}
              onChange={(p, pageSize) => setPage({ page: p, pageSize })}
            />
          ) : null}
        </Spin>
      )}
    </PageContainer>
  );
}
