import type { RatingInput } from '@qingshan/core/ratings';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isStaff } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { LookupByCodeForm, useCodeLookup } from '../../components/LookupByCodeForm.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDate, formatDateTime } from '../../utils/datetime.ts';
import { rateEvent, ratingKeys } from '../ratings/api.ts';
import { useEventRatings } from '../ratings/EventRating.tsx';
import { RatingForm } from '../ratings/RatingForm.tsx';
import { RatingOutcome } from '../ratings/RatingOutcome.tsx';
import { getPetition, type PetitionDetail, petitionKeys, ratePetitionByCode, trackPetition } from './api.ts';
import { LettersList } from './LettersList.tsx';
import { channelLabel, eventNote, STATUS_COLORS, statusLabel, typeLabel } from './labels.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 信访进度查询: code + phone show the stage, the history and the letters; rate once replied. A
 * signed-in petitioner coming from 我的 (`?id=`) sees her own petition without the phone: the
 * server serves it by id to its owner only; anyone else gets the code + phone form.
 */
export default function TrackPetitionPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const { user, roles } = useAuth();
  const ownId = params.get('id') ?? '';
  const mine = useQuery({
    queryKey: petitionKeys.detail(ownId),
    queryFn: ({ signal }) => getPetition(ownId, signal),
    // staff read the desk's full view at /staff/petitions; this page shows the petitioner's
    enabled: user !== null && !isStaff(roles) && UUID.test(ownId),
    retry: false,
  });
  const track = useCodeLookup(petitionKeys.track, trackPetition);
  const { creds } = track;
  const rate = useMutation({
    mutationFn: (i: RatingInput) => ratePetitionByCode(creds!.code, creds!.phone, i),
    onSuccess: () => void qc.invalidateQueries({ queryKey: petitionKeys.all }),
    onError: showError,
  });
  const own = mine.data !== undefined && creds === null;
  const d = own ? mine.data : track.found;
  const closed = d && d.petition.repliedAt !== null;
  if (mine.isPending && mine.fetchStatus !== 'idle') return <PageLoading />;
  return (
    <PageContainer title={t('petitions.trackTitle')}>
      {own ? null : (
        <LookupByCodeForm
          lookup={track}
          codeLabel={t('petitions.code')}
          codePrefix="XF"
          phoneLabel={t('appointments.phone')}
        />
      )}
      {!own && track.loading ? (
        <PageLoading />
      ) : d ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t('petitions.code')}>{d.petition.code}</Descriptions.Item>
              <Descriptions.Item label={t('petitions.status')}>
                <Tag color={STATUS_COLORS[d.petition.status]}>{statusLabel(d.petition.status, lang)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('petitions.title')}>{d.petition.title}</Descriptions.Item>
              <Descriptions.Item label={t('petitions.type')}>{typeLabel(d.petition.type, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('petitions.channel')}>
                {channelLabel(d.petition.channel, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('petitions.receivedAt')}>
                {formatDateTime(d.petition.receivedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('petitions.acceptanceDue')}>
                {d.petition.acceptanceDueDate ?? t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('petitions.resolutionDue')}>
                {d.petition.resolutionDueDate ?? t('common.none')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('petitions.history')} style={{ marginBottom: 16 }}>
            <Timeline
              items={d.events.map((e) => {
                const line = `${formatDateTime(e.at)} ${t(`petitions.actions.${e.action}` as 'petitions.actions.accept', { defaultValue: e.action })}`;
                return {
                  content: e.note ? t('common.labelled', { label: line, value: eventNote(e.note, lang, t) }) : line,
                };
              })}
            />
          </Card>
          {d.reviews.length || d.requestWindow ? (
            <Card title={t('petitions.publicReviews.title')} style={{ marginBottom: 16 }}>
              <ReviewStages reviews={d.reviews} requestWindow={d.requestWindow} />
            </Card>
          ) : null}
          <Card title={t('petitions.letters')} style={{ marginBottom: 16 }}>
            <LettersList letters={d.letters} />
          </Card>
          {closed ? (
            <Card title={t('ratings.rateThis')}>
              {d.rating ? (
                <RatingOutcome rating={d.rating} />
              ) : own ? (
                <OwnRating id={d.petition.id} />
              ) : track.found ? (
                <RatingWindow window={track.found.ratingWindow}>
                  <RatingForm onSubmit={(i) => rate.mutate(i)} submitting={rate.isPending} />
                </RatingWindow>
              ) : null}
            </Card>
          ) : null}
        </>
      ) : null}
    </PageContainer>
  );
}

/**
 * A signed-in petitioner rates her own petition from her account (no phone needed), while the
 * server keeps the window open; once it closed, the page says since when.
 */
function OwnRating({ id }: { id: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const showError = useShowError();
  const state = useEventRatings('petition', [id])(id);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: petitionKeys.all });
    void qc.invalidateQueries({ queryKey: ratingKeys.all });
  };
  const rate = useMutation({
    mutationFn: (i: RatingInput) => rateEvent('petition', id, i),
    onSuccess: refresh,
    onError: (e) => {
      showError(e);
      if (e instanceof ApiError && e.status !== 400) refresh();
    },
  });
  if (state?.state === 'open')
    return (
      <>
        {state.lastDay ? (
          <Typography.Paragraph type="secondary">
            {t('ratings.openUntil', { date: state.lastDay })}
          </Typography.Paragraph>
        ) : null}
        <RatingForm onSubmit={(i) => rate.mutate(i)} submitting={rate.isPending} />
      </>
    );
  if (state?.state === 'closed' && state.lastDay)
    return <Typography.Text type="secondary">{t('ratings.closedOn', { date: state.lastDay })}</Typography.Text>;
  return null;
}

/**
 * The rating form while the server would take her rating (the look-up says until when), or the
 * day the window closed: the same rule POST …/rating applies, so a late rating is never offered.
 */
function RatingWindow({
  window: w,
  children,
}: {
  window: { state: string; lastDay: string | null };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (w.state === 'open')
    return (
      <>
        {w.lastDay ? (
          <Typography.Paragraph type="secondary">{t('ratings.openUntil', { date: w.lastDay })}</Typography.Paragraph>
        ) : null}
        {children}
      </>
    );
  if (w.state === 'closed' && w.lastDay)
    return <Typography.Text type="secondary">{t('ratings.closedOn', { date: w.lastDay })}</Typography.Text>;
  return null;
}

/**
 * 复查 / 复核 in the petitioner's words: what was asked, where the file went, what the next level
 * up decided, and until when the next stage can be asked for. Only what the public answer carries.
 */
function ReviewStages({ reviews, requestWindow }: Pick<PetitionDetail, 'reviews' | 'requestWindow'>) {
  const { t } = useTranslation();
  const stageName = (s: 'review' | 're-review') => t(`petitions.reviewStages.${s}`);
  return (
    <>
      {reviews.map((r) => {
        const stage = stageName(r.stage);
        const body = r.decidingBody ?? '';
        return (
          <Timeline
            key={`${r.stage}-${r.requestedOn}`}
            style={{ marginBottom: 8 }}
            items={[
              {
                content: `${t('petitions.publicReviews.requested', { stage, date: r.requestedOn })}${
                  r.late ? t('petitions.publicReviews.late', { due: r.windowDueDate ?? '', stage }) : ''
                }`,
              },
              ...(r.transmittedAt
                ? [{ content: t('petitions.publicReviews.transmitted', { date: formatDate(r.transmittedAt), body }) }]
                : []),
              ...(r.outcome && r.receivedOn
                ? [
                    {
                      color: 'green',
                      content: t('petitions.publicReviews.decided', {
                        body,
                        stage,
                        ref: r.referenceNo ?? '',
                        date: r.receivedOn,
                        outcome: r.outcome,
                      }),
                    },
                  ]
                : r.transmittedAt
                  ? [{ color: 'gray', content: t('petitions.publicReviews.awaiting', { body, stage }) }]
                  : []),
            ]}
          />
        );
      })}
      {requestWindow ? (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('petitions.publicReviews.window', { due: requestWindow.dueDate, stage: stageName(requestWindow.stage) })}
          {requestWindow.provisional ? t('petitions.publicReviews.provisional') : null}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
