import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  dateFilter,
  defineListQuery,
  oneOfFilter,
  PagedTable,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { listMyInspections, type MyInspectionItem, siteInspectionKeys } from './api.ts';

const OUTCOMES = ['no-problem', 'problems-found'] as const;
const SIGNATURES = ['signed', 'refused'] as const;

export const myInspectionListQuery = defineListQuery({
  filters: {
    outcome: oneOfFilter(OUTCOMES),
    signature: oneOfFilter(SIGNATURES),
    from: dateFilter(),
    to: dateFilter(),
  },
  sorts: ['-inspectedOn', 'inspectedOn'] as const,
});

/** What a record's findings came to, in the firm's words: none, or how many and what is still to do. */
export function FindingTags({ r }: { r: Pick<MyInspectionItem, 'findings' | 'orders' | 'openOrders'> }) {
  const { t } = useTranslation();
  if (r.findings === 0) return <Tag color="green">{t('siteInspections.noFindings')}</Tag>;
  return (
    <Flex gap={4} wrap>
      <Tag color="orange">{t('siteInspections.findingsN', { n: r.findings })}</Tag>
      {r.openOrders > 0 ? (
        <Tag color="red">{t('siteInspections.openOrdersN', { n: r.openOrders })}</Tag>
      ) : r.orders > 0 ? (
        <Tag>{t('siteInspections.ordersN', { n: r.orders })}</Tag>
      ) : null}
    </Flex>
  );
}

/** 现场检查记录 (enterprise portal): the firm's own on-site records, once signed or refused on site. */
export default function MyInspectionListPage() {
  const { t } = useTranslation();
  const list = useListQuery(myInspectionListQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: siteInspectionKeys.mine(query),
    queryFn: ({ signal }) => listMyInspections(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('siteInspections.mineTitle')}>
      <Typography.Paragraph type="secondary">{t('siteInspections.mineHint')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 150 }}
          aria-label={t('siteInspections.outcomeFilter')}
          placeholder={t('siteInspections.outcomeFilter')}
          value={query.outcome}
          onChange={(v) => update({ outcome: v })}
          options={[
            { value: 'no-problem', label: t('siteInspections.noFindings') },
            { value: 'problems-found', label: t('siteInspections.findings') },
          ]}
          data-testid="my-inspections-outcome"
        />
        <Select
          allowClear
          style={{ width: 130 }}
          aria-label={t('siteInspections.signatureFilter')}
          placeholder={t('siteInspections.signatureFilter')}
          value={query.signature}
          onChange={(v) => update({ signature: v })}
          options={SIGNATURES.map((s) => ({ value: s, label: t(`siteInspections.${s}`) }))}
        />
        <DatePicker.RangePicker
          placeholder={[t('siteInspections.period'), t('siteInspections.period')]}
          onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        />
      </Flex>
      <PagedTable<MyInspectionItem, typeof query>
        list={list}
        result={result}
        emptyText={t('siteInspections.mineEmpty')}
        rowKey="id"
        scroll={{ x: 'max-content' }}
        data-testid="my-inspections-table"
        columns={[
          {
            title: t('siteInspections.inspectedOn'),
            dataIndex: 'inspectedOn',
            key: 'inspectedOn',
            sorter: true,
            render: (v: string, r) => <Link to={`/enterprise/inspections/${r.id}`}>{v}</Link>,
          },
          {
            title: t('siteInspections.outcome'),
            key: 'outcome',
            render: (_: unknown, r) => <FindingTags r={r} />,
          },
          {
            title: t('siteInspections.inspectors'),
            dataIndex: 'inspectorNames',
            render: (n: string[]) => n.join('、'),
          },
          {
            title: t('siteInspections.signature'),
            dataIndex: 'signature',
            render: (s: MyInspectionItem['signature'], r) =>
              s === 'signed' ? (
                <Tag color="blue">{t('siteInspections.signedByName', { name: r.signerName })}</Tag>
              ) : (
                <Tag color="default">{t('siteInspections.refused')}</Tag>
              ),
          },
          { title: t('siteInspections.place'), dataIndex: 'place', render: (p: string) => p || '—' },
        ]}
      />
    </PageContainer>
  );
}
