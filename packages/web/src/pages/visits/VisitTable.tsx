import { Table, type TableColumnsType, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/QueryState.tsx';
import { joinLabels, useLanguage } from '../../i18n.ts';
import type { Visit } from './api.ts';
import { purposeLabel } from './labels.ts';

/**
 * The visit columns shared by the staff list, the enterprise file tab and the enterprise portal.
 * `ownEnterprise`: the list is an enterprise's own, where the 企业 column would only repeat its name.
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
    { title: t('svc.visits.count'), render: (_, v) => v.enterprises.length, width: 70 },
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
      render: (ps: Visit['purposes']) =>
        joinLabels(
          ps.map((p) => purposeLabel(p, lang)),
          lang,
        ),
    },
    {
      title: t('svc.visits.campaign'),
      dataIndex: 'campaignTheme',
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
  return ownEnterprise ? columns.filter((c) => !('dataIndex' in c && c.dataIndex === 'enterprises')) : columns;
}

export function VisitTable({
  items,
  linkBase,
  ownEnterprise = false,
  ...rest
}: { items: Visit[]; linkBase: string | null; ownEnterprise?: boolean } & Omit<
  TableProps<Visit>,
  'dataSource' | 'columns'
>) {
  const columns = useVisitColumns(linkBase, ownEnterprise);
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
