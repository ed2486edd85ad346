import { MY_POLICY_SORTS } from '@qingshan/core/policies';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import { defineListQuery, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { listMyPolicies, type MyPolicy, policyKeys } from './api.ts';
import { KIND_COLORS, kindLabel } from './labels.ts';

const myPolicyQuery = defineListQuery({ filters: {}, sorts: MY_POLICY_SORTS, pageSizes: [20, 50] });

/** 政策推送: what the bureau pushed to this enterprise, unread first in bold; opening one marks it read. */
export default function MyPoliciesPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(myPolicyQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: policyKeys.mine(query),
    queryFn: ({ signal }) => listMyPolicies(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer
      title={t('policies.myTitle')}
      extra={<ButtonLink to="/enterprise/policies/subscription">{t('policies.subscription')}</ButtonLink>}
    >
      <Alert type="info" showIcon title={t('policies.myIntro')} style={{ marginBottom: 16 }} />
      <PagedTable<MyPolicy, typeof query>
        list={list}
        result={result}
        rowKey="id"
        columns={[
          {
            title: t('policies.title'),
            dataIndex: 'title',
            key: 'title',
            sorter: true,
            render: (title: string, p) => (
              <Link to={`/enterprise/policies/${p.id}`} data-testid="my-policy-link">
                <Typography.Text strong={!p.readAt}>{title}</Typography.Text>
              </Link>
            ),
          },
          {
            title: t('policies.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: MyPolicy['kind']) => <Tag color={KIND_COLORS[k]}>{kindLabel(k, lang)}</Tag>,
          },
          { title: t('policies.issuer'), dataIndex: 'issuer' },
          {
            title: t('policies.pushedAt'),
            dataIndex: 'pushedAt',
            key: 'pushedAt',
            sorter: true,
            render: (d: string) => <DateTimeText value={d} />,
          },
          {
            title: t('policies.readAt'),
            dataIndex: 'readAt',
            render: (d: string | null) => (d ? formatDateTime(d) : <Tag color="orange">{t('policies.unread')}</Tag>),
          },
        ]}
      />
    </PageContainer>
  );
}
