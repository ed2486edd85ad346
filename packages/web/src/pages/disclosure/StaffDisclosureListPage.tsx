import { todayInShanghai } from '@qingshan/core/calendar';
import { DISCLOSURE_STATUSES } from '@qingshan/core/disclosure';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import {
  defineListQuery,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { type DisclosureView, disclosureKeys, listRequests } from './api.ts';
import { answerWords, applicantTypeLabel, disclosureStatusLabel, STATUS_COLORS } from './labels.ts';
import { DISCLOSURE_PERMISSIONS } from './permissions.ts';

const requestQuery = defineListQuery({
  filters: { status: oneOfFilter(DISCLOSURE_STATUSES), q: textFilter(50) },
  sorts: ['dueDate', '-dueDate', 'receivedAt', '-receivedAt', 'applicantName', '-applicantName'] as const,
  pageSizes: [20, 50],
});

/** The disclosure desk's inbox: open requests first, the nearest due date on top. */
export default function StaffDisclosureListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const list = useListQuery(requestQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: disclosureKeys.list(query),
    queryFn: ({ signal }) => listRequests(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer
      title={t('disclosure.staffTitle')}
      extra={
        <>
          {canAccess(roles, DISCLOSURE_PERMISSIONS.desk) ? (
            <ButtonLink type="primary" to="/staff/disclosure/new">
              {t('disclosure.register')}
            </ButtonLink>
          ) : null}
          <ButtonLink to="/staff/disclosure/annual-report">{t('disclosure.annualReport')}</ButtonLink>
        </>
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          placeholder={t('disclosure.search')}
          style={{ width: 260 }}
          onSearch={(q) => list.update({ q: q.trim() || undefined })}
        />
        <Select
          style={{ width: 240 }}
          aria-label={t('disclosure.status')}
          value={query.status ?? ''}
          onChange={(v) => list.update({ status: (v || undefined) as typeof query.status })}
          options={[
            { value: '', label: t('disclosure.allStatuses') },
            ...DISCLOSURE_STATUSES.map((s) => ({ value: s, label: disclosureStatusLabel(s, lang) })),
          ]}
        />
      </Space>
      {/* Fixed widths: the description, one line and whole on hover, takes what is left. Laid out by
          its text, it took the row and wrapped the applicant a character a line. */}
      <PagedTable<DisclosureView, typeof query>
        list={list}
        result={result}
        rowKey="id"
        scroll={{ x: 1050 }}
        tableLayout="fixed"
        data-testid="disclosure-table"
        columns={[
          {
            title: t('disclosure.code'),
            dataIndex: 'code',
            width: 160,
            render: (code: string, r) => (
              <Link to={`/staff/disclosure/${r.id}`} style={{ whiteSpace: 'nowrap' }}>
                {code}
              </Link>
            ),
          },
          {
            title: t('disclosure.applicant'),
            dataIndex: 'applicantName',
            key: 'applicantName',
            sorter: true,
            width: 180,
            render: (n: string, r) =>
              t('common.parenthetical', { text: n, note: applicantTypeLabel(r.applicantType, lang) }),
          },
          {
            title: t('disclosure.description'),
            dataIndex: 'description',
            ellipsis: { showTitle: false },
            render: (text: string) => (
              <Tooltip title={text} placement="topLeft">
                <span data-testid="disclosure-description">{text}</span>
              </Tooltip>
            ),
          },
          {
            title: t('disclosure.receivedAt'),
            dataIndex: 'receivedAt',
            key: 'receivedAt',
            sorter: true,
            width: 150,
            render: (d: string) => <DateTimeText value={d} />,
          },
          {
            title: t('disclosure.dueDate'),
            dataIndex: 'dueDate',
            key: 'dueDate',
            sorter: true,
            width: 125,
            render: (d: string | null, r) => (
              <Typography.Text
                type={r.status !== 'answered' && d && d < todayInShanghai() ? 'danger' : undefined}
                style={{ whiteSpace: 'nowrap' }}
              >
                {d ?? '—'}
              </Typography.Text>
            ),
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
