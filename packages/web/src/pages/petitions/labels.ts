import {
  PETITION_CHANNEL_LABELS,
  PETITION_LETTER_TITLES,
  PETITION_STATUS_LABELS,
  PETITION_TYPE_LABELS,
  type PetitionChannel,
  type PetitionStatus,
  type PetitionType,
} from '@qingshan/core/petitions';

type L = 'zh-CN' | 'en';
const pick = (m: { zh: string; en: string } | undefined, lang: L, fallback: string) =>
  m ? m[lang === 'en' ? 'en' : 'zh'] : fallback;

export const channelLabel = (c: PetitionChannel, lang: L) => pick(PETITION_CHANNEL_LABELS[c], lang, c);
export const typeLabel = (c: PetitionType, lang: L) => pick(PETITION_TYPE_LABELS[c], lang, c);
export const statusLabel = (c: PetitionStatus, lang: L) => pick(PETITION_STATUS_LABELS[c], lang, c);
export const letterTitle = (k: string, lang: L) =>
  pick(PETITION_LETTER_TITLES[k as keyof typeof PETITION_LETTER_TITLES], lang, k);

export const STATUS_COLORS: Record<PetitionStatus, string> = {
  registered: 'blue',
  accepted: 'gold',
  'not-accepted': 'default',
  objected: 'default',
  replied: 'green',
  'review-requested': 'orange',
  'review-transmitted': 'purple',
  reviewed: 'green',
  're-review-requested': 'orange',
  're-review-transmitted': 'purple',
  're-reviewed': 'green',
};
