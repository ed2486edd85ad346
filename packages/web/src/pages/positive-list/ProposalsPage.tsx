import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { defineListQuery, oneOfFilter, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { decideProposal, getProposals, type Proposal, positiveListKeys } from './api.ts';
import { proposalOutcome } from './labels.ts';
import { PositiveListNav } from './PositiveListNav.tsx';
import { ProposalDecision } from './ProposalDecision.tsx';
import { POSITIVE_LIST_PERMISSIONS } from './permissions.ts';

const STATUSES = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
const proposalsQuery = defineListQuery({
  filters: { status: oneOfFilter(STATUSES) },
  sorts: ['-createdAt', 'createdAt', 'enterprise', '-enterprise'] as const,
  pageSizes: [20, 50],
});

/**
 * 移出建议: proposals raised by a penalty, an incident, a verified complaint or a confirmed alarm of
 * a listed firm; the officer accepts (the firm leaves the list) or rejects, each with a reason.
 */
export default function ProposalsPage() {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const canDecide = canAccess(roles, POSITIVE_LIST_PERMISSIONS.decide);
  const list = useListQuery(proposalsQuery);
  const { query } = list;
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const result = useQuery({
    queryKey: positiveListKeys.proposals(query),
    queryFn: ({ signal }) => getProposals(query, signal),
    placeholderData: keepPreviousData,
  });
  const decide = useMutation({
    mutationFn: (v: { id: string; accept: boolean; reason: string }) => decideProposal(v.id, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['positive-list'] });
      message.success(t('positiveList.decided'));
    },
    onError: showError,
  });
  return (
    <PageContainer title={t('positiveList.proposalsTitle')} extra={<PositiveListNav current="proposals" />}>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          style={{ width: 160 }}
          aria-label={t('positiveList.proposalStatus')}
          value={query.status ?? ''}
          onChange={(v) => list.update({ status: (v || undefined) as Proposal['status'] | undefined })}
          options={[
            { value: '', label: t('positiveList.allStates') },
            ...STATUSES.map((s) => ({ value: s, label: t(`positiveList.proposalStates.${s}`) })),
          ]}
        />
      </Space>
      <PagedTable<Proposal, typeof query>
        cardHeading="enterprise"
        list={list}
        result={result}
        rowKey="id"
        columns={[
          {
            title: t('positiveList.raisedAt'),
            dataIndex: 'createdAt',
            key: 'createdAt',
            sorter: true,
            width: 150,
            render: (v: string) => <DateTimeText value={v} />,
          },
          {
            title: t('positiveList.enterprise'),
            dataIndex: 'enterpriseName',
            key: 'enterprise',
            sorter: true,
            render: (name: string, p) => <Link to={`/staff/positive-list/${p.entryId}`}>{name}</Link>,
          },
          {
            title: t('positiveList.trigger'),
            dataIndex: 'trigger',
            render: (x: Proposal['trigger']) => <Tag color="volcano">{t(`positiveList.triggers.${x}`)}</Tag>,
          },
          { title: t('positiveList.summary'), dataIndex: 'summary' },
          {
            title: t('positiveList.proposalStatus'),
            dataIndex: 'status',
            width: 340,
            render: (s: Proposal['status'], p) =>
              s === 'open' && canDecide ? (
                <ProposalDecision
                  onDecide={(accept, reason) => decide.mutate({ id: p.id, accept, reason })}
                  busy={decide.isPending && decide.variables?.id === p.id}
                />
              ) : (
                proposalOutcome(t, p, p.decidedByName)
              ),
          },
        ]}
      />
    </PageContainer>
  );
}
