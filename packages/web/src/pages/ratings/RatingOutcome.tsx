import { RECTIFICATION_STATE_LABELS } from '@qingshan/core/ratings';
import { Result, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n.ts';
import { formatDate } from '../../utils/datetime.ts';
import type { Rating } from './api.ts';
import { levelText } from './RatingForm.tsx';

/**
 * What the rater sees of their rating: the level given and, for a bad one, how the bureau followed
 * it up (回访, 整改 and its due date, or the appeal upheld), in the notes the staff recorded.
 */
export function RatingOutcome({ rating }: { rating: Pick<Rating, 'level' | 'rectification'> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const x = rating.rectification;
  return (
    <>
      <Result status="success" title={t('ratings.alreadyRated', { level: levelText(rating.level, lang) })} />
      {x ? (
        <Timeline
          data-testid="rating-outcome"
          items={[
            {
              color: x.state === 'open' ? 'blue' : 'green',
              content: x.contactedAt
                ? t('ratings.outcome.contacted', { date: formatDate(x.contactedAt), note: x.contactNote ?? '' })
                : t('ratings.outcome.toContact', { date: x.contactDueDate }),
            },
            x.state === 'void'
              ? { color: 'gray', content: RECTIFICATION_STATE_LABELS.void[lang === 'en' ? 'en' : 'zh'] }
              : x.rectifiedAt
                ? {
                    color: 'green',
                    content: t('ratings.outcome.rectified', {
                      date: formatDate(x.rectifiedAt),
                      note: x.rectifyNote ?? '',
                    }),
                  }
                : { color: 'blue', content: t('ratings.outcome.rectifying', { date: x.rectifyDueDate }) },
          ]}
        />
      ) : null}
    </>
  );
}
