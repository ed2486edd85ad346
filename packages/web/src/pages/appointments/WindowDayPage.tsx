import { APPOINTMENT_STATUSES, type AppointmentStatus } from '@qingshan/core/appointments';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Select, type TableProps, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { RecordTable } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import {
  type Appointment,
  type AppointmentQuery,
  allServices,
  apptKeys,
  listAppointments,
  markAppointment,
  sendReminders,
} from './api.ts';
import { slotHasStarted, todayShanghai } from './dates.ts';
import { appointmentStatusLabel } from './labels.ts';

const STATUS_COLORS: Record<AppointmentStatus, string> = {
  booked: 'blue',
  arrived: 'gold',
  served: 'green',
  'no-show': 'red',
  cancelled: 'default',
};

/** 窗口当日预约: the day's bookings at the window, with arrival, no-show and served marks. */
export default function WindowDayPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const message = useMessage();
  const qc = useQueryClient();
  const { roles } = useAuth();
  const atWindow = canAccess(roles, PERMISSIONS.appointmentWindow);
  const today = todayShanghai();
  const [query, setQuery] = useState<AppointmentQuery>({
    from: today,
    to: today,
    sort: 'startsAt',
    page: 1,
    pageSize: 50,
  });
  const services = useQuery({ queryKey: apptKeys.services(true), queryFn: ({ signal }) => allServices(signal) });
  const list = useQuery({
    queryKey: apptKeys.list(query),
    queryFn: ({ signal }) => listAppointments(query, signal),
    placeholderData: keepPreviousData,
  });
  const mark = useMutation({
    mutationFn: (v: { id: string; status: 'arrived' | 'no-show' | 'served' }) => markAppointment(v.id, v.status),
    onSuccess: () => void qc.invalidateQueries({ queryKey: apptKeys.all }),
    onError: showError,
  });
  const remind = useMutation({
    mutationFn: sendReminders,
    onSuccess: (r) => message.success(t('appointments.remindersSent', { n: r.sent })),
    onError: showError,
  });
  const update = (patch: Partial<AppointmentQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  const statusText = (s: AppointmentStatus) => appointmentStatusLabel(s, lang);

  const columns: TableProps<Appointment>['columns'] = [
    {
      title: t('appointments.time'),
      dataIndex: 'startTime',
      sorter: true,
      sortOrder: query.sort === 'startsAt' ? 'ascend' : query.sort === '-startsAt' ? 'descend' : null,
      render: (_: string, a) => (
        <>
          {a.date} {a.startTime}–{a.endTime}{' '}
          {a.extended ? <Tag color="purple">{t('appointments.extended')}</Tag> : null}
        </>
      ),
    },
    { title: t('appointments.window'), dataIndex: 'serviceName' },
    { title: t('appointments.code'), dataIndex: 'code' },
    { title: t('appointments.applicant'), render: (_, a) => `${a.name} ${a.phone}` },
    { title: t('appointments.matter'), dataIndex: 'matter', ellipsis: true },
    {
      title: t('appointments.status'),
      dataIndex: 'status',
      render: (s: AppointmentStatus) => <Tag color={STATUS_COLORS[s]}>{statusText(s)}</Tag>,
    },
    {
      title: t('common.actions'),
      render: (_, a) => (
        <Flex gap={4} wrap>
          {atWindow && a.status === 'booked' ? (
            <>
              <Button size="small" type="primary" onClick={() => mark.mutate({ id: a.id, status: 'arrived' })}>
                {t('appointments.markArrived')}
              </Button>
              {/* the server refuses a no-show before the slot begins */}
              {slotHasStarted(a.date, a.startTime) ? (
                <Button size="small" danger onClick={() => mark.mutate({ id: a.id, status: 'no-show' })}>
                  {t('appointments.markNoShow')}
                </Button>
              ) : null}
            </>
          ) : null}
          {atWindow && a.status === 'arrived' ? (
            <Button size="small" type="primary" onClick={() => mark.mutate({ id: a.id, status: 'served' })}>
              {t('appointments.markServed')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('appointments.windowTitle')}
      extra={
        <>
          <Link to="/staff/appointment-services">
            <Button>{t('appointments.servicesTitle')}</Button>
          </Link>
          {atWindow ? (
            <Button onClick={() => remind.mutate()} loading={remind.isPending}>
              {t('appointments.sendReminders')}
            </Button>
          ) : null}
        </>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        />
        <Select
          allowClear
          style={{ width: 220 }}
          aria-label={t('appointments.window')}
          placeholder={t('appointments.window')}
          value={query.serviceId}
          onChange={(v) => update({ serviceId: v })}
          options={(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          aria-label={t('appointments.status')}
          placeholder={t('appointments.status')}
          value={query.status}
          onChange={(v) => update({ status: v })}
          options={APPOINTMENT_STATUSES.map((s) => ({ value: s, label: statusText(s) }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          aria-label={t('appointments.slotKind')}
          placeholder={t('appointments.slotKind')}
          value={query.extended}
          onChange={(v: string | undefined) => update({ extended: v })}
          options={[
            { value: 'true', label: t('appointments.extended') },
            { value: 'false', label: t('appointments.regular') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('appointments.searchPlaceholder')}
          style={{ width: 240 }}
          onSearch={(q) => update({ q: q || undefined })}
        />
      </Flex>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <RecordTable<Appointment>
          rowKey="id"
          columns={columns}
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          onChange={(p, _f, sorter, extra) => {
            if (extra.action === 'sort') {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              update({ sort: s?.order === 'descend' ? '-startsAt' : 'startsAt' });
            } else setQuery((q) => ({ ...q, page: p.current ?? 1, pageSize: p.pageSize ?? q.pageSize }));
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => t('common.total', { total: n }),
          }}
        />
      )}
    </PageContainer>
  );
}
