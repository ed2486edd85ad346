import { PlusOutlined } from '@ant-design/icons';
import { todayInShanghai } from '@qingshan/core/calendar';
import {
  PERMIT_CLASSES,
  PERMIT_STATUSES,
  type PermitClass,
  PW2019_ITEMS,
  permitClassCitation,
} from '@qingshan/core/permits';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import {
  defineListQuery,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { townName, townOptions } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import { createPermit, listPermits, type Permit, permitKeys } from './api.ts';
import { permitClassLabel, permitStatusLabel } from './labels.ts';

const permitListQuery = defineListQuery({
  filters: {
    q: textFilter(),
    permitClass: oneOfFilter(PERMIT_CLASSES),
    status: oneOfFilter(PERMIT_STATUSES),
    townCode: textFilter(),
    expiringWithinDays: textFilter(),
  },
  sorts: ['validTo', '-validTo', 'enterprise', '-enterprise'] as const,
});

type FormValues = {
  enterpriseId: string;
  pwItem: string;
  permitClass: PermitClass;
  status: 'applying' | 'valid';
  permitNumber?: string;
  platformRef?: string;
  issuedOn?: Dayjs;
  validFrom?: Dayjs;
  validTo?: Dayjs;
  officerName: string;
  note?: string;
};

const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : null);

/** 排污许可台账: every permit the county tracks, filtered by expiry window, class and town. */
/** A short fact (a status, a date, a name) stays on one line while the long ones wrap around it. */
const NO_WRAP = {
  onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
  onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
};

export default function PermitListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const l = lang === 'en' ? 'en' : 'zh';
  const { roles, user } = useAuth();
  const canWrite = canAccess(roles, PERMISSIONS.enterpriseWrite);
  const list = useListQuery(permitListQuery);
  const { query, update } = list;
  const days =
    query.expiringWithinDays && /^\d{1,4}$/.test(query.expiringWithinDays)
      ? Number(query.expiringWithinDays)
      : undefined;
  const apiQuery = { ...query, expiringWithinDays: days };
  const result = useQuery({
    queryKey: permitKeys.list(apiQuery),
    queryFn: ({ signal }) => listPermits(apiQuery, signal),
    placeholderData: keepPreviousData,
  });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const item = Form.useWatch('pwItem', form);
  const cls = Form.useWatch('permitClass', form);
  const status = Form.useWatch('status', form);
  const citation = item && cls ? permitClassCitation(item, cls) : null;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const showError = useShowError();
  const create = useMutation({
    mutationFn: (v: FormValues) =>
      createPermit({
        enterpriseId: v.enterpriseId,
        pwItem: v.pwItem,
        permitClass: v.permitClass,
        status: v.status,
        permitNumber: v.permitNumber?.trim() || null,
        platformRef: v.platformRef?.trim() || null,
        issuedOn: day(v.issuedOn),
        validFrom: day(v.validFrom),
        validTo: day(v.validTo),
        officerUserId: user?.id ?? null,
        officerName: v.officerName,
        note: v.note?.trim() || null,
      }),
    onSuccess: (p) => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: permitKeys.all });
      void navigate(`/staff/permits/${p.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  return (
    <PageContainer
      title={t('permits.title')}
      extra={
        canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="permit-create">
            {t('permits.create')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('permits.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 16 }} align="center">
        <Input.Search
          allowClear
          placeholder={t('permits.searchPlaceholder')}
          defaultValue={query.q}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          style={{ minWidth: 130 }}
          aria-label={t('permits.class')}
          placeholder={t('permits.class')}
          value={query.permitClass}
          options={PERMIT_CLASSES.map((c) => ({ value: c, label: permitClassLabel(c, l) }))}
          onChange={(v?: PermitClass) => update({ permitClass: v })}
          data-testid="permit-filter-class"
        />
        <Select
          allowClear
          style={{ minWidth: 110 }}
          aria-label={t('permits.status')}
          placeholder={t('permits.status')}
          value={query.status}
          options={PERMIT_STATUSES.map((s) => ({ value: s, label: permitStatusLabel(s, l) }))}
          onChange={(v?: (typeof PERMIT_STATUSES)[number]) => update({ status: v })}
        />
        <Select
          allowClear
          style={{ minWidth: 140 }}
          aria-label={t('enterprise.fields.town')}
          placeholder={t('enterprise.fields.town')}
          value={query.townCode}
          options={townOptions(lang)}
          onChange={(v?: string) => update({ townCode: v })}
        />
        <Typography.Text>{t('permits.expiringWithin')}</Typography.Text>
        <InputNumber
          min={0}
          max={3650}
          style={{ width: 90 }}
          value={days ?? null}
          onChange={(v) => update({ expiringWithinDays: v === null || v === undefined ? undefined : String(v) })}
          aria-label={t('permits.expiringWithinLabel')}
          data-testid="permit-filter-expiring"
        />
        <Typography.Text>{t('permits.days')}</Typography.Text>
      </Flex>
      <PagedTable<Permit, typeof query>
        list={list}
        result={result}
        // at least 1000 px, else as wide as the page with the words wrapping: at its content's width
        // (max-content) the English table ran 1,300 px and at 1366 px the expiry and renewal, what
        // the list is for, were past the right edge
        scroll={{ x: 1000 }}
        data-testid="permit-table"
        columns={[
          {
            title: t('svc.common.enterprise'),
            dataIndex: 'enterpriseName',
            key: 'enterprise',
            sorter: true,
            render: (n: string, p) => <Link to={`/staff/permits/${p.id}`}>{n}</Link>,
          },
          { title: t('enterprise.fields.town'), dataIndex: 'townCode', render: (c: string) => townName(c, lang) },
          {
            title: t('permits.class'),
            dataIndex: 'permitClass',
            render: (c: PermitClass, p) =>
              t('common.parenthetical', {
                text: permitClassLabel(c, l),
                note: t('permits.itemShort', { item: p.pwItem }),
              }),
          },
          {
            title: t('permits.number'),
            dataIndex: 'permitNumber',
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('permits.status'),
            dataIndex: 'status',
            render: (s: Permit['status']) => permitStatusLabel(s, l),
            ...NO_WRAP,
          },
          {
            title: t('permits.validTo'),
            dataIndex: 'validTo',
            key: 'validTo',
            sorter: true,
            render: (v: string | null) => v ?? t('common.none'),
            ...NO_WRAP,
          },
          {
            title: t('permits.renewal'),
            render: (_, p) =>
              p.status === 'valid' && p.daysToExpiry !== null ? (
                <Flex vertical gap={2} align="flex-start">
                  <Tag color={p.daysToExpiry <= 60 ? 'red' : p.daysToExpiry <= 90 ? 'orange' : 'default'}>
                    {t('permits.expiresIn', { count: p.daysToExpiry })}
                  </Tag>
                  {/* the days are to the permit's expiry; its apply-by date may have passed already */}
                  {p.renewalApplyBy && p.renewalApplyBy < todayInShanghai() ? (
                    <Typography.Text type="danger">
                      {t('permits.applyByPassed', { date: p.renewalApplyBy })}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="secondary">
                      {t('permits.applyBy', { date: p.renewalApplyBy })}
                    </Typography.Text>
                  )}
                </Flex>
              ) : (
                t('common.none')
              ),
          },
          { title: t('permits.officer'), dataIndex: 'officerName', ...NO_WRAP },
        ]}
      />
      <Modal
        open={open}
        title={t('permits.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
        width={720}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ status: 'valid', officerName: user?.displayName }}
          onFinish={(v) => create.mutate(v)}
          data-testid="permit-form"
        >
          <Form.Item name="enterpriseId" label={t('svc.common.enterprise')} rules={[{ required: true }]}>
            <EnterprisePicker data-testid="permit-enterprise" />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="pwItem" label={t('permits.pwItem')} rules={[{ required: true }]} style={{ flex: 2 }}>
              <Select
                showSearch
                optionFilterProp="label"
                data-testid="permit-item"
                options={PW2019_ITEMS.map((i) => ({ value: i.item, label: `${i.item}. ${i.industry}` }))}
              />
            </Form.Item>
            <Form.Item name="permitClass" label={t('permits.class')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Select
                data-testid="permit-class"
                options={PERMIT_CLASSES.map((c) => ({ value: c, label: permitClassLabel(c, l) }))}
              />
            </Form.Item>
          </Flex>
          {item && cls ? (
            <Alert
              style={{ marginBottom: 16 }}
              type={citation ? 'info' : 'warning'}
              title={citation ?? t('permits.classNotInItem')}
              data-testid="permit-citation"
            />
          ) : null}
          <Flex gap={12}>
            <Form.Item name="status" label={t('permits.status')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Select
                options={(['valid', 'applying'] as const).map((s) => ({ value: s, label: permitStatusLabel(s, l) }))}
              />
            </Form.Item>
            <Form.Item name="permitNumber" label={t('permits.number')} style={{ flex: 2 }}>
              <Input maxLength={60} data-testid="permit-number" />
            </Form.Item>
            <Form.Item name="platformRef" label={t('permits.platformRef')} style={{ flex: 2 }}>
              <Input maxLength={60} />
            </Form.Item>
          </Flex>
          {status === 'valid' ? (
            <Flex gap={12}>
              <Form.Item name="issuedOn" label={t('permits.issuedOn')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="validFrom" label={t('permits.validFrom')}>
                <DatePicker
                  data-testid="permit-valid-from"
                  onChange={(d: Dayjs | null) => {
                    // 5 years by 条例 第十四条; the officer can shorten it to what the permit says
                    if (d) form.setFieldValue('validTo', d.add(5, 'year').subtract(1, 'day'));
                  }}
                />
              </Form.Item>
              <Form.Item name="validTo" label={t('permits.validTo')} extra={t('permits.validityHint')}>
                <DatePicker data-testid="permit-valid-to" />
              </Form.Item>
            </Flex>
          ) : null}
          <Form.Item name="officerName" label={t('permits.officer')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="note" label={t('permits.note')}>
            <Input.TextArea maxLength={1000} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
