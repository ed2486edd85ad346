import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { EventRatingAction, useEventRatings } from '../ratings/EventRating.tsx';
import { listVisits, visitKeys } from './api.ts';
import { VisitTable } from './VisitTable.tsx';

/**
 * 上门服务 tab of an enterprise's file (一企一档): the visits that included it. Read by the
 * enterprise itself (its portal, its own file) the 企业 column is left out: it is always its own name,
 * and its part of each visit can be rated (好差评) while the server keeps its window open.
 */
export function EnterpriseVisitsTab({ enterpriseId, linkBase }: { enterpriseId: string; linkBase: string | null }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [page, setPage] = useState(1);
  const q = { enterpriseId, page, pageSize: 10 };
  const list = useQuery({
    queryKey: visitKeys.list(q),
    queryFn: ({ signal }) => listVisits(q, signal),
    placeholderData: keepPreviousData,
  });
  const own = user?.enterpriseId === enterpriseId;
  const items = list.data?.items ?? [];
  // what it rates is its own part of each visit (户次): on a joint visit each enterprise rates its own
  const partOf = (v: (typeof items)[number]) => v.enterprises.find((e) => e.enterpriseId === enterpriseId);
  const ratingOf = useEventRatings('visit', own ? items.flatMap((v) => partOf(v)?.ratingEventId ?? []) : []);
  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <VisitTable
      items={items}
      linkBase={linkBase}
      ownEnterprise={own}
      extraColumns={
        own
          ? [
              {
                title: t('ratings.column'),
                key: 'rating',
                width: 140,
                render: (_, v) => {
                  const part = partOf(v);
                  return part ? <EventRatingAction eventType="visit" state={ratingOf(part.ratingEventId)} /> : null;
                },
              },
            ]
          : []
      }
      loading={list.isFetching}
      size="small"
      data-testid="enterprise-visits"
      pagination={{
        current: page,
        pageSize: 10,
        total: list.data?.total ?? 0,
        onChange: setPage,
        showTotal: (total) => t('common.total', { total }),
      }}
    />
  );
}
