import { Table, type TableColumnsType, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/QueryState.tsx';
import { joinLabels, useLanguage } from '../../i18n.ts';
import type { Visit } from './api.ts';
import { purposeLabel } from './labels.ts';

/**
 * The visit columns shared by the staff list, the enterprise file tab and the enterprise portal.
 * `ownEnterprise`: the list is an enterprise's own, where the 企业 column would only repeat its name
 * and 户次 would always be 1.
 */
export function useVisitColumns(linkBase: string | null, ownEnterprise = false): TableColumnsType<Visit> {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columns: TableColumnsType<Visit> = [
    {
      title: t('svc.common.date'),
      dataIndex: 'date',
      width: 110,
      render: (d: string, v) =>
        linkBase ? (
          <Link to={`${linkBase}/${v.id}`} style={{ whiteSpace: 'nowrap' }}>
            {d}
          </Link>
        ) : (
          d
        ),
    },
    {
      title: t('svc.common.enterprise'),
      dataIndex: 'enterprises',
      render: (es: Visit['enterprises']) => es.map((e) => e.name).join('、'),
    },
    { key: 'count', title: t('svc.visits.count'), render: (_, v) => v.enterprises.length, width: 70 },
    {
      title: t('svc.visits.staff'),
      dataIndex: 'staff',
      render: (s: Visit['staff']) =>
        s.map((p) =>
          p.leader ? (
            <Tag key={p.name} color="gold">
              {p.name}
            </Tag>
          ) : (
            <Tag key={p.name}>{p.name}</Tag>
          ),
        ),
    },
    {
      title: t('svc.visits.purposes'),
      dataIndex: 'purposes',
      // wraps: in English the purposes ran to 520 px on one line and pushed 评价 out of view
      width: 240,
      render: (ps: Visit['purposes']) =>
        joinLabels(
          ps.map((p) => purposeLabel(p, lang)),
          lang,
        ),
    },
    {
      title: t('svc.visits.campaign'),
      dataIndex: 'campaignTheme',
      width: 160,
      render: (c: string | null) => c ?? t('common.none'),
    },
    {
      title: t('svc.visits.summary'),
      dataIndex: 'summary',
      // an enterprise gets its own part of a joint visit, or nothing when none was recorded
      render: (s: string | null) => (
        <Typography.Text ellipsis={{ tooltip: s }} style={{ maxWidth: 240 }} type={s ? undefined : 'secondary'}>
          {s ?? t('svc.visits.noOwnPart')}
        </Typography.Text>
      ),
    },
  ];
  // an enterprise sees only its own part of a joint visit: 户次 would always read 1
  return ownEnterprise
    ? columns.filter((c) => !('dataIndex' in c && c.dataIndex === 'enterprises') && c.key !== 'count')
    : columns;
}

export function VisitTable({
  items,
  linkBase,
  ownEnterprise = false,
  extraColumns = [],
  ...rest
}: {
  items: Visit[];
  linkBase: string | null;
  ownEnterprise?: boolean;
  /** after the shared ones, e.g. the enterprise's 评价 */
  extraColumns?: TableColumnsType<Visit>;
} & Omit<TableProps<Visit>, 'dataSource' | 'columns'>) {
  const columns = [...useVisitColumns(linkBase, ownEnterprise), ...extraColumns];
  return (
    <Table<Visit>
      rowKey="id"
      dataSource={items}
      locale={{ emptyText: <EmptyState /> }}
      scroll={{ x: 'max-content' }}
      {...rest}
      columns={columns}
    />
  );
}
