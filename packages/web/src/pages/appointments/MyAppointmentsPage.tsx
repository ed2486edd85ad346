import type { AppointmentStatus } from '@qingshan/core/appointments';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { defineListQuery, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { EventRatingAction, useEventRatings } from '../ratings/EventRating.tsx';
import { type Appointment, apptKeys, cancelAppointment, listAppointments } from './api.ts';
import { appointmentStatusLabel } from './labels.ts';

// Newest first, the one order offered: the sort is owned so that a stray `sort` is ignored.
const myAppointmentsQuery = defineListQuery({ filters: {}, sorts: ['-startsAt'] as const });

/** 我的预约: an enterprise's (or signed-in citizen's) bookings: cancel, book again, rate. */
export default function MyAppointmentsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const qc = useQueryClient();
  const list = useListQuery(myAppointmentsQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: apptKeys.list(query),
    queryFn: ({ signal }) => listAppointments(query, signal),
    placeholderData: keepPreviousData,
  });
  const cancel = useMutation({
    mutationFn: cancelAppointment,
    onSuccess: () => void qc.invalidateQueries({ queryKey: apptKeys.all }),
    onError: showError,
  });
  // only a served booking can be rated; the server says whether it still may be, or was
  const ratingOf = useEventRatings(
    'appointment',
    (result.data?.items ?? []).filter((a) => a.status === 'served').map((a) => a.id),
  );
  return (
    <PageContainer
      title={t('appointments.myTitle')}
      extra={
        <Link to="/appointments">
          <Button type="primary">{t('appointments.bookTitle')}</Button>
        </Link>
      }
    >
      <PagedTable<Appointment, typeof query>
        list={list}
        result={result}
        columns={[
          {
            title: t('appointments.time'),
            render: (_, a) => (
              <>
                {a.date} {a.startTime} {a.extended ? <Tag color="purple">{t('appointments.extended')}</Tag> : null}
              </>
            ),
          },
          { title: t('appointments.window'), dataIndex: 'serviceName' },
          { title: t('appointments.code'), dataIndex: 'code' },
          { title: t('appointments.matter'), dataIndex: 'matter' },
          {
            title: t('appointments.status'),
            dataIndex: 'status',
            render: (s: AppointmentStatus) => appointmentStatusLabel(s, lang),
          },
          {
            title: t('common.actions'),
            render: (_, a) => (
              <Flex gap={4}>
                {a.status === 'booked' ? (
                  <Popconfirm title={t('appointments.cancelConfirm')} onConfirm={() => cancel.mutate(a.id)}>
                    <Button size="small" danger>
                      {t('appointments.cancel')}
                    </Button>
                  </Popconfirm>
                ) : null}
                {a.status === 'served' ? <EventRatingAction eventType="appointment" state={ratingOf(a.id)} /> : null}
              </Flex>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
