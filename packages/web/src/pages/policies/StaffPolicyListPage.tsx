import { POLICY_KINDS, POLICY_SORTS, POLICY_STATUSES, POLICY_TOPICS } from '@qingshan/core/policies';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import {
  defineListQuery,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { listPolicies, type PolicySummary, policyKeys } from './api.ts';
import {
  KIND_COLORS,
  kindLabel,
  kindOptions,
  POLICY_STATUS_COLORS,
  policyStatusLabel,
  topicOptions,
} from './labels.ts';
import { validityText } from './PublicPolicyListPage.tsx';
import { POLICY_PERMISSIONS } from './permissions.ts';

const staffPolicyQuery = defineListQuery({
  filters: {
    status: oneOfFilter(POLICY_STATUSES),
    kind: oneOfFilter(POLICY_KINDS),
    topic: oneOfFilter(POLICY_TOPICS),
    q: textFilter(50),
  },
  sorts: POLICY_SORTS,
  pageSizes: [20, 50],
});

/** 政策宣传 desk: drafts, published and withdrawn policies; each opens its reach and questions. */
export default function StaffPolicyListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const list = useListQuery(staffPolicyQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: policyKeys.staffList(query),
    queryFn: ({ signal }) => listPolicies(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer
      title={t('policies.staffTitle')}
      extra={
        canAccess(roles, POLICY_PERMISSIONS.desk) ? (
          <ButtonLink type="primary" to="/staff/policies/new" data-testid="policy-create">
            {t('policies.create')}
          </ButtonLink>
        ) : null
      }
    >
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
          style={{ width: 120 }}
          aria-label={t('policies.status')}
          value={query.status ?? ''}
          onChange={(v) => list.update({ status: (v || undefined) as typeof query.status })}
          options={[
            { value: '', label: t('policies.allStatuses') },
            ...POLICY_STATUSES.map((s) => ({ value: s, label: policyStatusLabel(s, lang) })),
          ]}
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
            render: (title: string, p) => <Link to={`/staff/policies/${p.id}`}>{title}</Link>,
          },
          {
            title: t('policies.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: PolicySummary['kind']) => <Tag color={KIND_COLORS[k]}>{kindLabel(k, lang)}</Tag>,
          },
          {
            title: t('policies.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: PolicySummary['status']) => (
              <Tag color={POLICY_STATUS_COLORS[s]}>{policyStatusLabel(s, lang)}</Tag>
            ),
          },
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
            render: (d: string | null) => (d ? formatDateTime(d) : '—'),
          },
        ]}
      />
    </PageContainer>
  );
}
