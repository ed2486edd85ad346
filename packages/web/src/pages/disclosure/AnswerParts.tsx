import { Descriptions, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DatesWhole } from '../../components/DateTimeText.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import type { DisclosureDetail } from './api.ts';
import { actionLabel, answerWords } from './labels.ts';

type Answered = Pick<
  DisclosureDetail,
  | 'outcome'
  | 'clause'
  | 'outcomeLabel'
  | 'outcomeSource'
  | 'clauseLabel'
  | 'clauseSource'
  | 'answer'
  | 'answeredAt'
  | 'answeredOnTime'
>;

/** The answer as the applicant reads it: its type and clause, each with the article it rests on. */
export function AnswerDescriptions({ d }: { d: Answered }) {
  const { t } = useTranslation();
  const w = answerWords(d, useLanguage());
  return (
    <Descriptions column={1} size="small" bordered data-testid="disclosure-answer">
      <Descriptions.Item label={t('disclosure.outcomeLabel')}>
        {w.outcome}
        <div>
          <Typography.Text type="secondary">{w.outcomeSource}</Typography.Text>
        </div>
      </Descriptions.Item>
      {d.clauseLabel ? (
        <Descriptions.Item
          label={t(
            d.outcome === 'withhold' || d.outcome === 'partial' ? 'disclosure.clauseLabel' : 'disclosure.groundField',
          )}
        >
          {w.clause}
          <div>
            <Typography.Text type="secondary">{w.clauseSource}</Typography.Text>
          </div>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('disclosure.answerText')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.answer}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('disclosure.answeredAt')}>
        {d.answeredAt ? formatDateTime(d.answeredAt) : '—'}{' '}
        {d.answeredOnTime === null ? null : d.answeredOnTime ? (
          <Tag color="green">{t('disclosure.onTime')}</Tag>
        ) : (
          <Tag color="red">{t('disclosure.late')}</Tag>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function EventTimeline({ events, showActor }: { events: DisclosureDetail['events']; showActor: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Timeline
      items={events.map((e) => ({
        content: (
          <>
            <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>{' '}
            {showActor && e.actorName
              ? t('common.parenthetical', {
                  text: actionLabel(e.action, lang),
                  note: e.actorName === 'anonymous' ? t('disclosure.filedOnline') : e.actorName,
                })
              : actionLabel(e.action, lang)}
            {e.note ? (
              // events recorded before English was kept beside the Chinese have only the Chinese
              // and a due date in the note stays on one line ("2026-" then "12-23" on a phone)
              <div style={{ whiteSpace: 'pre-wrap' }}>
                <DatesWhole text={lang === 'en' && e.noteEn ? e.noteEn : e.note} />
              </div>
            ) : null}
          </>
        ),
      }))}
    />
  );
}
