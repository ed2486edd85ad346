import {
  PETITION_CHANNEL_LABELS,
  PETITION_LETTER_TITLES,
  PETITION_STATUS_LABELS,
  PETITION_TYPE_LABELS,
  type PetitionChannel,
  type PetitionStatus,
  type PetitionType,
} from '@qingshan/core/petitions';
import type { TFunction } from 'i18next';

type L = 'zh-CN' | 'en';
const pick = (m: { zh: string; en: string } | undefined, lang: L, fallback: string) =>
  m ? m[lang === 'en' ? 'en' : 'zh'] : fallback;

export const channelLabel = (c: PetitionChannel, lang: L) => pick(PETITION_CHANNEL_LABELS[c], lang, c);
export const typeLabel = (c: PetitionType, lang: L) => pick(PETITION_TYPE_LABELS[c], lang, c);
export const statusLabel = (c: PetitionStatus, lang: L) => pick(PETITION_STATUS_LABELS[c], lang, c);
export const letterTitle = (k: string, lang: L, fallback = k) =>
  pick(PETITION_LETTER_TITLES[k as keyof typeof PETITION_LETTER_TITLES], lang, fallback);

const REGISTERED_NOTE = /^经(.+)登记，(\d{4}-\d{2}-\d{2}) 前书面告知是否受理$/;

/**
 * A history note in the reader's language. The server writes its own notes (the registration
 * line, a letter's title) in Chinese; those are recognised and put in the reader's language, and
 * what staff typed is shown as written.
 */
export function eventNote(note: string, lang: L, t: TFunction): string {
  if (lang !== 'en') return note;
  const registered = REGISTERED_NOTE.exec(note);
  if (registered) {
    const channel = Object.values(PETITION_CHANNEL_LABELS).find((c) => c.zh === registered[1]);
    if (channel) return t('petitions.registeredNote', { channel: channel.en, date: registered[2] });
  }
  return Object.values(PETITION_LETTER_TITLES).find((l) => l.zh === note)?.en ?? note;
}

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
