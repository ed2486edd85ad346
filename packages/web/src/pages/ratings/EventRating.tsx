import { type RatingInput, RECTIFICATION_STATE_LABELS } from '@qingshan/core/ratings';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Modal, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useMessage } from '../../components/feedback.tsx';
import { useLanguage } from '../../i18n.ts';
import {
  type EventRatingState,
  eventRatingStates,
  type RatableEventType,
  type Rating,
  rateEvent,
  ratingKeys,
} from './api.ts';
import { levelText, RatingForm } from './RatingForm.tsx';
import { RatingOutcome } from './RatingOutcome.tsx';

/**
 * The rating state of each event on a page (a list's rows, or one record), as the server judges
 * it for the signed-in user: who may rate, whether the service is over, until when. The page
 * offers 评价 only where the server would take it.
 */
export function useEventRatings(eventType: RatableEventType, ids: readonly string[]) {
  const q = useQuery({
    queryKey: ratingKeys.events(eventType, ids),
    queryFn: ({ signal }) => eventRatingStates(eventType, ids, signal),
    enabled: ids.length > 0,
  });
  const byId = new Map((q.data?.items ?? []).map((s) => [s.eventId, s]));
  return (id: string): EventRatingState | undefined => byId.get(id);
}

/**
 * 评价 beside a service event: the button while the window is open, the rating given (and a bad
 * one's follow-up) once rated, or why it cannot be rated. A refusal from the server is shown in
 * its words, and the state is asked again (the window may have closed, or it was rated elsewhere).
 */
export function EventRatingAction({
  eventType,
  state,
}: {
  eventType: RatableEventType;
  state: EventRatingState | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: ratingKeys.all });
  const rate = useMutation({
    mutationFn: (input: RatingInput) => rateEvent(eventType, state!.eventId, input),
    onSuccess: () => {
      message.success(t('ratings.thanks'));
      refresh();
    },
    onError: (e) => {
      showError(e);
      if (e instanceof ApiError && (e.status === 403 || e.status === 404 || e.status === 409)) {
        setOpen(false);
        refresh();
      }
    },
  });
  if (!state) return null;
  const given: Pick<Rating, 'level' | 'rectification'> | null = rate.data ?? state.rating;
  let cell: ReactNode = null;
  if (given) {
    const x = given.rectification;
    cell = (
      <Flex gap={4} wrap align="center">
        <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => setOpen(true)}>
          {t('ratings.given', { level: levelText(given.level, lang) })}
        </Button>
        {x ? (
          <Tag color={x.state === 'rectified' ? 'green' : x.state === 'void' ? 'default' : 'orange'}>
            {RECTIFICATION_STATE_LABELS[x.state][lang === 'en' ? 'en' : 'zh']}
          </Tag>
        ) : null}
      </Flex>
    );
  } else if (state.state === 'open') {
    cell = (
      <Flex vertical gap={2} align="flex-start">
        <Button size="small" type="primary" onClick={() => setOpen(true)}>
          {t('ratings.rate')}
        </Button>
        {state.lastDay ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ratings.openUntil', { date: state.lastDay })}
          </Typography.Text>
        ) : null}
      </Flex>
    );
  } else if (state.state === 'closed' && state.lastDay) {
    cell = (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ratings.closedOn', { date: state.lastDay })}
      </Typography.Text>
    );
  } else if (state.state === 'not-yet') {
    cell = (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ratings.notYet')}
      </Typography.Text>
    );
  }
  return (
    <>
      {cell}
      <Modal
        open={open}
        title={given ? t('ratings.mine') : t('ratings.rateThis')}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {given ? (
          <RatingOutcome rating={given} />
        ) : (
          <RatingForm onSubmit={(i) => rate.mutate(i)} submitting={rate.isPending} />
        )}
      </Modal>
    </>
  );
}
