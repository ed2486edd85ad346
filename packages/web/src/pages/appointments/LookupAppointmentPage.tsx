import type { RatingInput } from '@qingshan/core/ratings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Popconfirm, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/errors.ts';
import { useMessage } from '../../components/feedback.tsx';
import { LookupByCodeForm, useCodeLookup } from '../../components/LookupByCodeForm.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { PageLoading } from '../../components/QueryState.tsx';
import { RatingForm } from '../ratings/RatingForm.tsx';
import { apptKeys, cancelByCode, lookup, moveByCode, rateByCode, type Slot } from './api.ts';
import { AppointmentCard, SlotPicker } from './BookAppointmentPage.tsx';

/** Look up, cancel, move or rate a booking with its code and phone (no account needed). */
export default function LookupAppointmentPage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const message = useMessage();
  const qc = useQueryClient();
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState<Slot | null>(null);
  const [rated, setRated] = useState(false);

  const found = useCodeLookup(apptKeys.lookup, lookup);
  const { creds } = found;
  const refresh = () => void qc.invalidateQueries({ queryKey: apptKeys.all });
  const cancel = useMutation({
    mutationFn: () => cancelByCode(creds!.code, creds!.phone),
    onSuccess: () => {
      message.success(t('appointments.cancelled'));
      refresh();
    },
    onError: showError,
  });
  const move = useMutation({
    mutationFn: () => moveByCode(creds!.code, creds!.phone, target!.id),
    onSuccess: () => {
      message.success(t('appointments.moved'));
      setMoving(false);
      setTarget(null);
      refresh();
    },
    onError: showError,
  });
  const rate = useMutation({
    mutationFn: (input: RatingInput) => rateByCode(creds!.code, creds!.phone, input),
    onSuccess: () => setRated(true),
    onError: showError,
  });

  const a = found.found;
  return (
    <PageContainer title={t('appointments.lookupTitle')}>
      <LookupByCodeForm
        lookup={found}
        codeLabel={t('appointments.code')}
        codePrefix="YY"
        phoneLabel={t('appointments.phone')}
      />
      {found.loading ? (
        <PageLoading />
      ) : a ? (
        <Card>
          <AppointmentCard a={a} />
          {a.status === 'booked' ? (
            <Flex gap={8} style={{ marginTop: 16 }}>
              <Button onClick={() => setMoving((m) => !m)}>{t('appointments.move')}</Button>
              <Popconfirm title={t('appointments.cancelConfirm')} onConfirm={() => cancel.mutate()}>
                <Button danger loading={cancel.isPending}>
                  {t('appointments.cancel')}
                </Button>
              </Popconfirm>
            </Flex>
          ) : null}
          {moving ? (
            <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
              <SlotPicker serviceId={a.serviceId} value={target?.id ?? null} onChange={setTarget} />
              <Button type="primary" disabled={!target} loading={move.isPending} onClick={() => move.mutate()}>
                {t('appointments.moveTo', { slot: target ? `${target.date} ${target.startTime}` : '' })}
              </Button>
            </Space>
          ) : null}
          {a.status === 'served' ? (
            <Card type="inner" title={t('ratings.rateThis')} style={{ marginTop: 16 }}>
              {rated ? (
                <Result status="success" title={t('ratings.thanks')} />
              ) : a.ratingWindow.state === 'open' ? (
                <>
                  {a.ratingWindow.lastDay ? (
                    <Typography.Paragraph type="secondary">
                      {t('ratings.openUntil', { date: a.ratingWindow.lastDay })}
                    </Typography.Paragraph>
                  ) : null}
                  <RatingForm onSubmit={(i) => rate.mutate(i)} submitting={rate.isPending} />
                </>
              ) : a.ratingWindow.state === 'rated' ? (
                <Typography.Text type="secondary">{t('web.lookup.alreadyRated')}</Typography.Text>
              ) : a.ratingWindow.state === 'closed' && a.ratingWindow.lastDay ? (
                <Typography.Text type="secondary">
                  {t('ratings.closedOn', { date: a.ratingWindow.lastDay })}
                </Typography.Text>
              ) : null}
            </Card>
          ) : null}
        </Card>
      ) : null}
    </PageContainer>
  );
}
