import { MATTER_SORTS } from '@qingshan/core/matters';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { defineListQuery, PagedTable, textFilter, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDate } from '../../utils/datetime.ts';
import { daysText } from '../worklist/days.ts';
import { getMatters, type Matter, matterKeys } from './api.ts';
import { authorityColor, authorityLabel, channelsLabel, matterLabel } from './labels.ts';

const mattersQuery = defineListQuery({
  filters: { q: textFilter(50) },
  sorts: MATTER_SORTS,
  pageSizes: [10, 20, 50],
});

/** 办事指南: the public, searchable list of matters; no sign-in needed. */
export default function MattersPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(mattersQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: matterKeys.list(query),
    queryFn: ({ signal }) => getMatters(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('matters.title')}>
      <div style={{ marginBottom: 16 }}>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          enterButton={t('matters.search')}
          placeholder={t('matters.searchPlaceholder')}
          style={{ width: 420, maxWidth: '100%' }}
          onSearch={(q) => list.update({ q: q.trim() || undefined })}
          data-testid="matters-search"
        />
      </div>
      <PagedTable<Matter, typeof query>
        list={list}
        result={result}
        rowKey="code"
        columns={[
          {
            title: t('matters.name'),
            dataIndex: 'name',
            key: 'name',
            sorter: true,
            render: (name: string, m) => <Link to={`/matters/${m.code}`}>{matterLabel(m.code, name, lang)}</Link>,
          },
          {
            title: t('matters.authority'),
            dataIndex: 'decidingAuthority',
            render: (a: Matter['decidingAuthority']) => <Tag color={authorityColor(a)}>{authorityLabel(a, lang)}</Tag>,
          },
          {
            title: t('matters.channels'),
            dataIndex: 'channels',
            render: (cs: Matter['channels']) => channelsLabel(cs, lang),
          },
          {
            title: t('matters.timeLimit'),
            // the guide's own words are Chinese: in English the limits it names, as the rules set them
            render: (_, m) =>
              lang !== 'en'
                ? m.timeLimits.description
                : m.limits.length > 0
                  ? m.limits
                      .map((l) =>
                        t('matters.limitLine', {
                          kind: t(`matters.limitKinds.${l.kind}`),
                          value: daysText(t, l.length, l.unit),
                        }),
                      )
                      .join('; ')
                  : t('matters.noTimeLimit'),
          },
          {
            title: t('matters.materialsCount'),
            onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, m) => t('matters.materialsCountValue', { count: m.materials.length }),
          },
          {
            // a citizen checking whether a guide changed since the last visit
            title: t('matters.updatedOn'),
            onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            dataIndex: 'updatedAt',
            key: 'updatedAt',
            sorter: true,
            render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d)}</span>,
          },
          {
            title: '',
            render: (_, m) => (
              <Link to={`/matters/${m.code}`}>
                <Button size="small">{t('matters.open')}</Button>
              </Link>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
