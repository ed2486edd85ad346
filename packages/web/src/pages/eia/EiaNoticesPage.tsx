import { EIA_CATEGORY_LABELS, EIA_NOTICE_KINDS, EIA_NOTICE_LABELS, EIA_NOTICE_SORTS } from '@qingshan/core/eia';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { defineListQuery, oneOfFilter, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { type EiaNotice, eiaKeys, listEiaNotices } from './api.ts';
import { pickHeading } from './labels.ts';

const noticesQuery = defineListQuery({
  filters: { kind: oneOfFilter(EIA_NOTICE_KINDS) },
  sorts: EIA_NOTICE_SORTS,
  pageSizes: [10, 20, 50],
});

const KIND_COLORS = { acceptance: 'blue', 'pre-approval': 'gold', approval: 'green' } as const;

/** 环评公示公告: acceptance, pre-approval (with objections) and approval notices; no sign-in. */
export default function EiaNoticesPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(noticesQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: eiaKeys.notices(query),
    queryFn: ({ signal }) => listEiaNotices(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('eia.notices.title')}>
      <Typography.Paragraph type="secondary">{t('eia.notices.intro')}</Typography.Paragraph>
      <Segmented
        style={{ marginBottom: 16 }}
        value={query.kind ?? 'all'}
        onChange={(v) => update({ kind: v === 'all' ? undefined : (v as EiaNotice['kind']) })}
        options={[
          { value: 'all', label: t('eia.notices.all') },
          ...EIA_NOTICE_KINDS.map((k) => ({ value: k, label: pickHeading(EIA_NOTICE_LABELS[k], lang) })),
        ]}
      />
      <PagedTable<EiaNotice, typeof query>
        cardHeading="project"
        list={list}
        result={result}
        rowKey="id"
        columns={[
          {
            title: t('eia.notices.kind'),
            width: 120,
            render: (_, n) => <Tag color={KIND_COLORS[n.kind]}>{pickHeading(EIA_NOTICE_LABELS[n.kind], lang)}</Tag>,
          },
          {
            title: t('eia.project'),
            key: 'project',
            sorter: true,
            render: (_, n) => <Link to={`/eia/notices/${n.id}`}>{n.projectName}</Link>,
          },
          { title: t('eia.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('eia.category'), render: (_, n) => pickHeading(EIA_CATEGORY_LABELS[n.category], lang) },
          {
            title: t('eia.notices.period'),
            // sorts by the notice's date: the decision's, else the acceptance's (the period's first day)
            key: 'date',
            sorter: true,
            render: (_, n) =>
              n.kind === 'pre-approval' ? (
                <>
                  {t('eia.notices.from', { from: n.acceptedOn, to: n.publicityEndsOn })}{' '}
                  {n.open ? <Tag color="gold">{t('eia.notices.open')}</Tag> : null}
                </>
              ) : n.kind === 'approval' ? (
                `${n.decidedOn}　${n.documentNo ?? ''}`
              ) : (
                n.acceptedOn
              ),
          },
        ]}
      />
    </PageContainer>
  );
}
