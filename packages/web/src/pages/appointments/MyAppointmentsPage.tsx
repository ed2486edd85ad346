import { APPOINTMENT_STATUS_LABELS, type AppointmentStatus } from '@qingshan/core/appointments';
import type { RatingInput } from '@qingshan/core/ratings';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Modal, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { useMessage } from '../../components/feedback.tsx';
import { defineListQuery, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { rateEvent } from '../ratings/api.ts';
import { RatingForm } from '../ratings/RatingForm.tsx';
import { type Appointment, apptKeys, cancelAppointment, listAppointments } from './api.ts';

// Newest first, the one order offered: the sort is owned so that a stray `sort` is ignored.
const myAppointmentsQuery = defineListQuery({ filters: {}, sorts: ['-startsAt'] as const });

/** 我的预约: an enterprise's (or signed-in citizen's) bookings: cancel, book again, rate. */
export default function MyAppointmentsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const message = useMessage();
  const qc = useQueryClient();
  const list = useListQuery(myAppointmentsQuery);
  const { query } = list;
  const [rating, setRating] = useState<Appointment | null>(null);
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
  const rate = useMutation({
    mutationFn: (input: RatingInput) => rateEvent('appointment', rating!.id, input),
    onSuccess: () => {
      message.success(t('ratings.thanks'));
      setRating(null);
    },
    onError: showError,
  });
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
            render: (s: AppointmentStatus) => APPOINTMENT_STATUS_LABELS[s][lang === 'en' ? 'en' : 'zh'],
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
                {a.status === 'served' ? (
                  <Button size="small" onClick={() => setRating(a)}>
                    {t('ratings.rateThis')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        open={rating !== null}
        title={t('ratings.rateThis')}
        footer={null}
        onCancel={() => setRating(null)}
        destroyOnHidden
      >
        <RatingForm onSubmit={(i) => rate.mutate(i)} submitting={rate.isPending} />
      </Modal>
    </PageContainer>
  );
}
