import { RESTRICTION_KIND_LABELS, RESTRICTION_KINDS } from '@qingshan/core/electricity';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { defineListQuery, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import { createOrder, electricityKeys, listOrders, type Order, type OrderCreate } from './api.ts';
import { ELECTRICITY_PERMISSIONS } from './permissions.ts';

const orderListQuery = defineListQuery({ filters: {}, sorts: ['-startsAt', 'startsAt'] as const });

type OrderForm = Omit<OrderCreate, 'startsAt' | 'endsAt'> & { period: [Dayjs, Dayjs] };

/** 限产停产令: orders issued during heavy-pollution alerts, which rule R4 checks the meters against. */
export default function RestrictionOrdersPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const showError = useShowError();
  const qc = useQueryClient();
  const list = useListQuery(orderListQuery);
  const { query } = list;
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<OrderForm>();
  const kind = Form.useWatch('kind', form);
  const result = useQuery({
    queryKey: electricityKeys.orders(query),
    queryFn: ({ signal }) => listOrders(query, signal),
    placeholderData: keepPreviousData,
  });
  const create = useMutation({
    mutationFn: ({ period, ...v }: OrderForm) =>
      createOrder({ ...v, startsAt: period[0].format(), endsAt: period[1].format() }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: electricityKeys.all });
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  const kindLabel = (k: Order['kind']) =>
    lang === 'en' ? RESTRICTION_KIND_LABELS[k].en : RESTRICTION_KIND_LABELS[k].zh;
  return (
    <PageContainer
      title={t('electricity.ordersTitle')}
      extra={
        canAccess(roles, ELECTRICITY_PERMISSIONS.orderWrite) ? (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('electricity.issue')}
          </Button>
        ) : null
      }
    >
      <PagedTable<Order, typeof query>
        list={list}
        result={result}
        rowKey="id"
        emptyText={t('electricity.noOrders')}
        columns={[
          { title: t('electricity.enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('electricity.kind'),
            dataIndex: 'kind',
            render: (k: Order['kind'], o) => (
              <Tag color={k === 'halt' ? 'red' : 'orange'}>
                {kindLabel(k)}
                {o.maxLoadPercent != null ? ` ≤${o.maxLoadPercent}%` : ''}
              </Tag>
            ),
          },
          {
            title: t('electricity.period2'),
            dataIndex: 'startsAt',
            key: 'startsAt',
            sorter: true,
            render: (_: string, o) => `${formatDateTime(o.startsAt)} — ${formatDateTime(o.endsAt)}`,
          },
          { title: t('electricity.documentNo'), dataIndex: 'documentNo' },
          { title: t('electricity.reason'), dataIndex: 'reason' },
        ]}
      />
      <Modal
        open={open}
        title={t('electricity.issue')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'halt' }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="enterpriseId" label={t('electricity.enterprise')} rules={[{ required: true }]}>
            <EnterprisePicker />
          </Form.Item>
          <Form.Item name="kind" label={t('electricity.kind')} rules={[{ required: true }]}>
            <Select options={RESTRICTION_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
          </Form.Item>
          {kind === 'limit' ? (
            <Form.Item
              name="maxLoadPercent"
              label={t('common.parenthetical', { text: t('electricity.maxLoad'), note: '%' })}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={99} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          <Form.Item name="period" label={t('electricity.period2')} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item
            name="documentNo"
            label={t('electricity.documentNo')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="reason" label={t('electricity.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
