import {
  PETITION_CHANNELS,
  PETITION_INTAKE_CHANNELS,
  PETITION_STATUSES,
  PETITION_TYPES,
  type PetitionCreate,
} from '@qingshan/core/petitions';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Modal, Select, Switch, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import {
  defineListQuery,
  flagFilter,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { listPetitions, type Petition, petitionKeys, registerPetition } from './api.ts';
import { channelLabel, STATUS_COLORS, statusLabel, typeLabel } from './labels.ts';

const petitionListQuery = defineListQuery({
  filters: {
    q: textFilter(),
    status: oneOfFilter(PETITION_STATUSES),
    channel: oneOfFilter(PETITION_CHANNELS),
    type: oneOfFilter(PETITION_TYPES),
    keyCase: flagFilter(),
  },
  sorts: ['-receivedAt', 'receivedAt', '-resolutionDueDate', 'resolutionDueDate'] as const,
});

type RegisterForm = Omit<PetitionCreate, 'receivedAt'> & { receivedAt?: Dayjs };

/** 信访台账: every petition, filterable; the desk registers new ones from any channel. */
export default function PetitionListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const navigate = useNavigate();
  const { roles } = useAuth();
  const qc = useQueryClient();
  const list = useListQuery(petitionListQuery);
  const { query, update } = list;
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<RegisterForm>();
  const result = useQuery({
    queryKey: petitionKeys.list(query),
    queryFn: ({ signal }) => listPetitions(query, signal),
    placeholderData: keepPreviousData,
  });
  const create = useMutation({
    mutationFn: (v: RegisterForm) => {
      const { receivedAt, ...rest } = v;
      return registerPetition({ ...rest, ...(receivedAt ? { receivedAt: receivedAt.toISOString() } : {}) });
    },
    onSuccess: (p) => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: petitionKeys.all });
      navigate(`/staff/petitions/${p.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  return (
    <PageContainer
      title={t('petitions.deskTitle')}
      extra={
        canAccess(roles, PERMISSIONS.petitionDesk) ? (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('petitions.register')}
          </Button>
        ) : null
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('petitions.searchPlaceholder')}
          style={{ width: 240 }}
          defaultValue={query.q}
          onSearch={(q) => update({ q: q.trim() || undefined })}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          aria-label={t('petitions.status')}
          placeholder={t('petitions.status')}
          value={query.status}
          onChange={(v) => update({ status: v })}
          options={PETITION_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          aria-label={t('petitions.channel')}
          placeholder={t('petitions.channel')}
          value={query.channel}
          onChange={(v) => update({ channel: v })}
          options={PETITION_CHANNELS.map((s) => ({ value: s, label: channelLabel(s, lang) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          aria-label={t('petitions.type')}
          placeholder={t('petitions.type')}
          value={query.type}
          onChange={(v) => update({ type: v })}
          options={PETITION_TYPES.map((s) => ({ value: s, label: typeLabel(s, lang) }))}
        />
        <Flex align="center" gap={4}>
          <Switch
            size="small"
            aria-label={t('petitions.keyCasesOnly')}
            checked={query.keyCase === 'true'}
            onChange={(c) => update({ keyCase: c ? 'true' : undefined })}
          />
          {t('petitions.keyCasesOnly')}
        </Flex>
      </Flex>
      <PagedTable<Petition, typeof query>
        list={list}
        result={result}
        columns={[
          {
            title: t('petitions.code'),
            dataIndex: 'code',
            render: (c: string, p) => <Link to={`/staff/petitions/${p.id}`}>{c}</Link>,
          },
          {
            title: t('petitions.title'),
            dataIndex: 'title',
            render: (x: string, p) => (
              <>
                {p.keyCase ? <Tag color="red">{t('petitions.keyCase')}</Tag> : null}
                <span>{x}</span>
              </>
            ),
          },
          {
            title: t('petitions.channel'),
            dataIndex: 'channel',
            render: (c: Petition['channel']) => channelLabel(c, lang),
          },
          { title: t('petitions.type'), dataIndex: 'type', render: (c: Petition['type']) => typeLabel(c, lang) },
          {
            title: t('petitions.status'),
            dataIndex: 'status',
            render: (s: Petition['status']) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s, lang)}</Tag>,
          },
          {
            title: t('petitions.receivedAt'),
            dataIndex: 'receivedAt',
            sorter: true,
            render: (v: string) => <DateTimeText value={v} />,
          },
          {
            title: t('petitions.resolutionDue'),
            dataIndex: 'resolutionDueDate',
            sorter: true,
            render: (v: string | null, p) => v ?? p.acceptanceDueDate ?? t('common.none'),
          },
        ]}
      />
      <Modal
        open={open}
        width={720}
        title={t('petitions.register')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ channel: 'visit', type: 'claim' }}
          onFinish={(v) => create.mutate(v)}
        >
          <Flex gap={12}>
            <Form.Item name="channel" label={t('petitions.channel')} style={{ flex: 1 }}>
              <Select options={PETITION_INTAKE_CHANNELS.map((s) => ({ value: s, label: channelLabel(s, lang) }))} />
            </Form.Item>
            <Form.Item name="type" label={t('petitions.type')} style={{ flex: 1 }}>
              <Select options={PETITION_TYPES.map((s) => ({ value: s, label: typeLabel(s, lang) }))} />
            </Form.Item>
            <Form.Item name="receivedAt" label={t('petitions.receivedAt')} style={{ flex: 1 }}>
              <DatePicker showTime format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </Flex>
          <Form.Item name="title" label={t('petitions.title')} rules={[{ required: true, min: 4 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={t('petitions.content')} rules={[{ required: true, min: 10 }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item
              name="petitionerName"
              label={t('petitions.petitioner')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="petitionerPhone"
              label={t('appointments.phone')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Flex>
          <Form.Item name="referredBy" label={t('petitions.referredBy')} extra={t('petitions.referredByHelp')}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
