import { APPLICATION_STATES, type ApplicationState } from '@qingshan/core/applications';
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
import { matterLabel } from '../matters/labels.ts';
import { type Application, applicationKeys, listApplications } from './api.ts';
import { channelLabel, STATE_COLORS, stateLabel } from './labels.ts';
import { APPLICATION_PERMISSIONS } from './permissions.ts';

const applicationsQuery = defineListQuery({
  filters: { q: textFilter(50), status: oneOfFilter(APPLICATION_STATES) },
  sorts: ['-createdAt', 'createdAt', '-receivedAt', 'receivedAt', 'enterprise', '-enterprise'] as const,
  pageSizes: [10, 20, 50],
});

/** 申请受理 (staff) and 我的申请 (an enterprise: its own only, the server decides). */
export default function ApplicationListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const own = canAccess(roles, APPLICATION_PERMISSIONS.apply);
  const base = own ? '/enterprise/applications' : '/staff/applications';
  const list = useListQuery(applicationsQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: applicationKeys.list(query),
    queryFn: ({ signal }) => listApplications(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer
      title={t(own ? 'applications.myTitle' : 'applications.listTitle')}
      extra={
        own ? (
          <ButtonLink type="primary" to="/enterprise/applications/new" data-testid="application-apply">
            {t('applications.apply')}
          </ButtonLink>
        ) : canAccess(roles, APPLICATION_PERMISSIONS.window) ? (
          <ButtonLink type="primary" to="/staff/applications/new" data-testid="application-window">
            {t('applications.fileAtWindow')}
          </ButtonLink>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          placeholder={t('applications.searchPlaceholder')}
          style={{ width: 320 }}
          onSearch={(q) => list.update({ q: q.trim() || undefined })}
        />
        <Select<ApplicationState | ''>
          style={{ width: 200 }}
          aria-label={t('applications.status')}
          value={query.status ?? ''}
          onChange={(v) => list.update({ status: v || undefined })}
          options={[
            { value: '', label: t('applications.allStates') },
            ...APPLICATION_STATES.map((s) => ({ value: s, label: stateLabel(s, lang) })),
          ]}
          data-testid="application-status-filter"
        />
      </Space>
      <PagedTable<Application, typeof query>
        list={list}
        result={result}
        rowKey="id"
        columns={[
          {
            title: t('applications.code'),
            dataIndex: 'code',
            // the code is the filing day and its number that day: the column sorts by the time filed
            key: 'createdAt',
            sorter: true,
            render: (code: string, a) => (
              <Link to={`${base}/${a.id}`} style={{ whiteSpace: 'nowrap' }}>
                {code}
              </Link>
            ),
          },
          // names of a dozen characters: wide enough not to wrap a character a line
          {
            title: t('applications.matter'),
            dataIndex: 'matterName',
            width: 180,
            render: (name: string, a) => matterLabel(a.matterCode, name, lang),
          },
          { title: t('applications.project'), dataIndex: 'projectName', width: 160 },
          ...(own
            ? []
            : [
                {
                  title: t('applications.enterprise'),
                  dataIndex: 'enterpriseName',
                  key: 'enterprise',
                  sorter: true,
                  width: 160,
                },
              ]),
          {
            title: t('applications.channel'),
            render: (_: unknown, a: Application) => (
              <Space orientation="vertical" size={2}>
                <span style={{ whiteSpace: 'nowrap' }}>{channelLabel(a.channel, lang)}</span>
                {a.assisted ? <Tag style={{ whiteSpace: 'nowrap' }}>{t('applications.assisted')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('applications.status'),
            dataIndex: 'status',
            render: (s: ApplicationState) => (
              <Tag color={STATE_COLORS[s]} style={{ whiteSpace: 'normal' }}>
                {stateLabel(s, lang)}
              </Tag>
            ),
          },
          {
            title: t('applications.receivedAt'),
            dataIndex: 'receivedAt',
            key: 'receivedAt',
            sorter: true,
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
          },
          {
            title: t('applications.visits'),
            dataIndex: 'visits',
            render: (n: number) => (
              <span style={{ whiteSpace: 'nowrap' }}>{t('applications.visitsValue', { count: n })}</span>
            ),
          },
          {
            title: t('applications.decisionNumber'),
            dataIndex: 'decisionNumber',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </PageContainer>
  );
}
