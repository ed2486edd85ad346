import { RECTIFICATION_ORDER_STATUSES } from '@qingshan/core/site-inspections';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { defineListQuery, oneOfFilter, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDate } from '../../utils/datetime.ts';
import { listOrders, type OrderItem, siteInspectionKeys } from './api.ts';
import { ORDER_COLORS, orderStatusLabel } from './labels.ts';
import { SITE_INSPECTION_PERMISSIONS } from './permissions.ts';

const orderListQuery = defineListQuery({
  filters: { status: oneOfFilter(RECTIFICATION_ORDER_STATUSES) },
  sorts: ['-createdAt', 'createdAt', '-inspectedOn', 'inspectedOn', 'enterprise', '-enterprise'] as const,
});

/** 责令整改 (staff: every order) and 整改通知 (an enterprise: its own), one list; due dates from the clocks. */
export default function OrderListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const staff = canAccess(roles, SITE_INSPECTION_PERMISSIONS.staff);
  const base = staff ? '/staff/rectifications' : '/enterprise/rectifications';
  const list = useListQuery(orderListQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: siteInspectionKeys.orders(query),
    queryFn: ({ signal }) => listOrders(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={staff ? t('siteInspections.orders') : t('siteInspections.ordersMine')}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 240 }}
          aria-label={t('siteInspections.orderStatus')}
          placeholder={t('siteInspections.orderStatus')}
          value={query.status}
          onChange={(v) => update({ status: v })}
          options={RECTIFICATION_ORDER_STATUSES.map((s) => ({ value: s, label: orderStatusLabel(s, lang) }))}
        />
      </Flex>
      <PagedTable<OrderItem, typeof query>
        list={list}
        result={result}
        emptyText={t('siteInspections.ordersEmpty')}
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('siteInspections.description'),
            dataIndex: 'description',
            render: (v: string, o) => <Link to={`${base}/${o.id}`}>{v}</Link>,
          },
          ...(staff
            ? [{ title: t('siteInspections.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise', sorter: true }]
            : []),
          { title: t('siteInspections.inspectedOn'), dataIndex: 'inspectedOn', key: 'inspectedOn', sorter: true },
          // the list goes by it; the due date beside it comes from the clock and cannot sort
          {
            title: t('siteInspections.issuedOn'),
            dataIndex: 'createdAt',
            key: 'createdAt',
            sorter: true,
            render: (v: string) => formatDate(v),
          },
          {
            title: t('siteInspections.dueDate'),
            dataIndex: 'clock',
            render: (c: OrderItem['clock']) =>
              c
                ? c.provisional
                  ? t('common.parenthetical', { text: c.dueDate, note: t('siteInspections.provisional') })
                  : c.dueDate
                : '—',
          },
          {
            title: t('siteInspections.orderStatus'),
            dataIndex: 'status',
            render: (s: OrderItem['status'], o: OrderItem) => (
              <>
                <Tag color={ORDER_COLORS[s]}>{orderStatusLabel(s, lang)}</Tag>
                {o.onTime !== null ? (
                  <Tag color={o.onTime ? 'green' : 'red'}>
                    {o.onTime ? t('siteInspections.onTime') : t('siteInspections.late')}
                  </Tag>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
