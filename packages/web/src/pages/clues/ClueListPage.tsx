import { ImportOutlined } from '@ant-design/icons';
import { CLUE_SOURCES, CLUE_STATUSES } from '@qingshan/core/clues';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
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
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { type Clue, clueKeys, getClueMap, listClues } from './api.ts';
import { CountyMap } from './CountyMap.tsx';
import { CLUE_PERMISSIONS } from './permissions.ts';
import { VideoPointsTab } from './VideoPointsTab.tsx';

const clueListQuery = defineListQuery({
  filters: { status: oneOfFilter(CLUE_STATUSES), source: oneOfFilter(CLUE_SOURCES), q: textFilter(50) },
  sorts: ['-createdAt', 'createdAt'] as const,
  pageSizes: [20, 50],
});

// The server's outcomeLabel / sourceLabel are Chinese only: the words come from the codes here.
export function ClueStatusTag({ clue }: { clue: Pick<Clue, 'status' | 'outcome'> }) {
  const { t } = useTranslation();
  if (clue.status === 'pending') return <Tag color="orange">{t('clues.status.pending')}</Tag>;
  return <Tag color="green">{clue.outcome ? t(`clues.outcomes.${clue.outcome}`) : t('clues.status.verified')}</Tag>;
}

function ClueMapTab() {
  const navigate = useNavigate();
  const map = useQuery({ queryKey: clueKeys.map, queryFn: ({ signal }) => getClueMap(signal) });
  if (map.isPending) return <PageLoading />;
  if (map.isError) return <ErrorState error={map.error} onRetry={() => void map.refetch()} />;
  return <CountyMap data={map.data} onClueClick={(id) => navigate(`/staff/clues/${encodeURIComponent(id)}`)} />;
}

function ClueTable() {
  const { t } = useTranslation();
  const list = useListQuery(clueListQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: clueKeys.list(query),
    queryFn: ({ signal }) => listClues(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          placeholder={t('clues.search')}
          style={{ width: 260 }}
          onSearch={(q) => list.update({ q: q.trim() || undefined })}
        />
        <Select
          style={{ width: 140 }}
          aria-label={t('clues.state')}
          value={query.status ?? ''}
          onChange={(v) => list.update({ status: (v || undefined) as Clue['status'] | undefined })}
          options={[
            { value: '', label: t('clues.allStatuses') },
            ...CLUE_STATUSES.map((s) => ({ value: s, label: t(`clues.status.${s}`) })),
          ]}
        />
        <Select
          style={{ width: 160 }}
          aria-label={t('clues.sourceLabel')}
          value={query.source ?? ''}
          onChange={(v) => list.update({ source: (v || undefined) as Clue['source'] | undefined })}
          options={[
            { value: '', label: t('clues.allSources') },
            ...CLUE_SOURCES.map((s) => ({ value: s, label: t(`clues.source.${s}`) })),
          ]}
        />
      </Space>
      <PagedTable<Clue, typeof query>
        list={list}
        result={result}
        rowKey="id"
        columns={[
          {
            title: t('clues.description'),
            dataIndex: 'description',
            render: (d: string, c) => (
              <Link to={`/staff/clues/${c.id}`}>{d.length > 40 ? `${d.slice(0, 40)}…` : d}</Link>
            ),
          },
          { title: t('clues.sourceLabel'), key: 'source', render: (_: unknown, c) => t(`clues.source.${c.source}`) },
          {
            title: t('clues.enterprise'),
            key: 'enterprise',
            render: (_: unknown, c) =>
              c.enterpriseName ??
              (c.suggestedEnterpriseName
                ? t('common.parenthetical', { text: c.suggestedEnterpriseName, note: t('clues.suggested') })
                : '—'),
          },
          { title: t('clues.dueDate'), dataIndex: 'dueDate', render: (d: string | null) => d ?? '—' },
          { title: t('clues.state'), key: 'status', render: (_: unknown, c) => <ClueStatusTag clue={c} /> },
          {
            title: t('clues.createdAt'),
            dataIndex: 'createdAt',
            key: 'createdAt',
            sorter: true,
            render: (d: string) => <DateTimeText value={d} />,
          },
        ]}
      />
    </>
  );
}

/** 线索: the county map and the list, one tab each; the tab is kept in the URL. */
export default function ClueListPage() {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const [params, setParams] = useSearchParams();
  const view = params.get('view');
  const tab = view === 'map' || view === 'video' ? view : 'list';
  return (
    <PageContainer
      title={t('clues.title')}
      extra={
        canAccess(roles, CLUE_PERMISSIONS.register) ? (
          <ButtonLink to="/staff/clues/import" icon={<ImportOutlined />}>
            {t('clues.import')}
          </ButtonLink>
        ) : null
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams((p) => {
            const next = new URLSearchParams(p);
            if (k === 'list') next.delete('view');
            else next.set('view', k);
            return next;
          })
        }
        items={[
          { key: 'list', label: t('clues.listTab'), children: <ClueTable /> },
          { key: 'map', label: t('clues.mapTab'), children: <ClueMapTab /> },
          { key: 'video', label: t('clues.videoTab'), children: <VideoPointsTab /> },
        ]}
      />
    </PageContainer>
  );
}
