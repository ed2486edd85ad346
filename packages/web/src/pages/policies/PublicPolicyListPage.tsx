import { WifiOutlined } from '@ant-design/icons';
import { POLICY_KINDS, POLICY_SORTS, POLICY_TOPICS } from '@qingshan/core/policies';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Input, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  defineListQuery,
  flagFilter,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDate } from '../../utils/datetime.ts';
import { listPublicPolicies, POLICY_FEED_URL, type PolicySummary, policyKeys } from './api.ts';
import { KIND_COLORS, kindLabel, kindOptions, topicOptions } from './labels.ts';

const publicPolicyQuery = defineListQuery({
  filters: {
    kind: oneOfFilter(POLICY_KINDS),
    topic: oneOfFilter(POLICY_TOPICS),
    q: textFilter(50),
    inForce: flagFilter(),
  },
  sorts: POLICY_SORTS,
  pageSizes: [20, 50],
});

export function validityText(p: { validFrom: string; validTo: string | null }, openEnded: string): string {
  return `${p.validFrom} ~ ${p.validTo ?? openEnded}`;
}

/** 政策宣传 on the public portal: every published policy, filtered by kind and topic, with the feed. */
export default function PublicPolicyListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(publicPolicyQuery);
  const { query } = list;
  const apiQuery = query;
  const result = useQuery({
    queryKey: policyKeys.publicList(apiQuery),
    queryFn: ({ signal }) => listPublicPolicies(apiQuery, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer
      title={t('policies.publicTitle')}
      extra={
        <>
          <Link to="/policies/subscription" data-testid="policy-subscribe-link">
            {t('policies.subscription')}
          </Link>
          <a href={POLICY_FEED_URL} target="_blank" rel="noreferrer" data-testid="policy-feed-link">
            <WifiOutlined /> {t('policies.feed')}
          </a>
        </>
      }
    >
      <Alert type="info" showIcon title={t('policies.publicIntro')} style={{ marginBottom: 16 }} />
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          placeholder={t('policies.search')}
          style={{ width: 260 }}
          onSearch={(q) => list.update({ q: q.trim() || undefined })}
        />
        <Select
          style={{ width: 140 }}
          aria-label={t('policies.kind')}
          value={query.kind ?? ''}
          onChange={(v) => list.update({ kind: (v || undefined) as typeof query.kind })}
          options={[{ value: '', label: t('policies.allKinds') }, ...kindOptions(lang)]}
        />
        <Select
          style={{ width: 180 }}
          aria-label={t('policies.topics')}
          value={query.topic ?? ''}
          onChange={(v) => list.update({ topic: (v || undefined) as typeof query.topic })}
          options={[{ value: '', label: t('policies.allTopics') }, ...topicOptions(lang)]}
        />
        <Checkbox
          checked={!!query.inForce}
          onChange={(e) => list.update({ inForce: e.target.checked ? 'true' : undefined })}
        >
          {t('policies.inForceOnly')}
        </Checkbox>
      </Space>
      <PagedTable<PolicySummary, typeof query>
        list={list}
        result={result}
        rowKey="id"
        columns={[
          {
            title: t('policies.title'),
            dataIndex: 'title',
            key: 'title',
            sorter: true,
            render: (title: string, p) => <Link to={`/policies/${p.id}`}>{title}</Link>,
          },
          {
            title: t('policies.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: PolicySummary['kind']) => <Tag color={KIND_COLORS[k]}>{kindLabel(k, lang)}</Tag>,
          },
          { title: t('policies.issuer'), dataIndex: 'issuer' },
          { title: t('policies.documentNo'), dataIndex: 'documentNo', render: (d: string | null) => d ?? '—' },
          {
            title: t('policies.validity'),
            // a period sorts by its first day: the last one is open-ended for many
            key: 'validFrom',
            sorter: true,
            render: (_: unknown, p) => validityText(p, t('policies.openEnded')),
          },
          {
            title: t('policies.publishedAt'),
            dataIndex: 'publishedAt',
            key: 'publishedAt',
            sorter: true,
            width: 120,
            render: (d: string | null) => (d ? formatDate(d) : '—'),
          },
        ]}
      />
    </PageContainer>
  );
}
