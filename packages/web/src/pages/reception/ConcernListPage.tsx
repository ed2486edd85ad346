import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Select, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { type Concern, type ConcernQuery, listConcerns, receptionKeys } from './api.ts';
import { concernColumns } from './concernColumns.tsx';
import { categoryOptions, statusLabel } from './labels.ts';

/** Every concern raised at reception days, with its follow-up state; overdue ones first to hand. */
export default function ConcernListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const [params, setParams] = useSearchParams();
  const query: ConcernQuery = {
    status: (params.get('status') as ConcernQuery['status']) ?? undefined,
    category: (params.get('category') as ConcernQuery['category']) ?? undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
  };
  const list = useQuery({
    queryKey: receptionKeys.concerns(query),
    queryFn: ({ signal }) => listConcerns(query, signal),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  return (
    <PageContainer title={t('svc.reception.concerns')}>
      <Flex wrap gap={8} style={{ marginBottom: 16 }} align="center">
        <Select
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('svc.common.status')}
          value={query.status}
          options={(['open', 'resolved', 'not-accepted'] as const).map((s) => ({
            value: s,
            label: statusLabel(s, lang),
          }))}
          onChange={(v?: string) => update({ status: v })}
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('svc.reception.category')}
          value={query.category}
          options={categoryOptions(lang)}
          onChange={(v?: string) => update({ category: v })}
        />
        <Typography.Text>{t('svc.reception.overdueOnly')}</Typography.Text>
        <Switch checked={query.overdue === 'true'} onChange={(v) => update({ overdue: v ? 'true' : undefined })} />
      </Flex>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Concern>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          scroll={{ x: 'max-content' }}
          columns={concernColumns(t, lang, canAccess(roles, PERMISSIONS.enterpriseWrite), true)}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
          }}
        />
      )}
    </PageContainer>
  );
}
