import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import { defineListQuery, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { type DisclosureView, disclosureKeys, listRequests } from './api.ts';
import { answerWords, disclosureStatusLabel, STATUS_COLORS } from './labels.ts';

const ownQuery = defineListQuery({ filters: {}, pageSizes: [20, 50] });

/** An enterprise's own disclosure requests (the server answers only its own), each with its answer. */
export default function OwnRequestsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(ownQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: disclosureKeys.list({ own: true, ...query }),
    queryFn: ({ signal }) => listRequests(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer
      title={t('disclosure.ownTitle')}
      extra={
        <ButtonLink type="primary" to="/disclosure/apply">
          {t('disclosure.apply')}
        </ButtonLink>
      }
    >
      <PagedTable<DisclosureView, typeof query>
        list={list}
        result={result}
        rowKey="id"
        // fixed widths, as at the desk: laid out by its text, the description pushed the status off the row
        scroll={{ x: 900 }}
        tableLayout="fixed"
        columns={[
          {
            title: t('disclosure.code'),
            dataIndex: 'code',
            width: 160,
            render: (code: string, r) => (
              <Link to={`/enterprise/disclosure/${r.id}`} style={{ whiteSpace: 'nowrap' }}>
                {code}
              </Link>
            ),
          },
          {
            title: t('disclosure.description'),
            dataIndex: 'description',
            ellipsis: { showTitle: false },
            render: (text: string) => (
              <Tooltip title={text} placement="topLeft">
                {text}
              </Tooltip>
            ),
          },
          {
            title: t('disclosure.receivedAt'),
            dataIndex: 'receivedAt',
            width: 150,
            render: (d: string) => <DateTimeText value={d} />,
          },
          {
            title: t('disclosure.dueDate'),
            dataIndex: 'dueDate',
            width: 125,
            render: (d: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{d ?? '—'}</span>,
          },
          {
            title: t('disclosure.status'),
            dataIndex: 'status',
            width: 170,
            render: (s: DisclosureView['status'], r) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLORS[s]}>{disclosureStatusLabel(s, lang)}</Tag>
                {r.outcomeLabel ? <Tag>{answerWords(r, lang).outcome}</Tag> : null}
              </Space>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
