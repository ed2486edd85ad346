import {
  ACCEPTANCE_KIND_LABELS,
  type AcceptanceKind,
  APPLICATION_CHANNEL_LABELS,
  APPLICATION_STATE_LABELS,
  type ApplicationChannel,
  type ApplicationState,
} from '@qingshan/core/applications';
import type { Language } from '../../i18n.ts';

/**
 * Core's English labels are lower case, for use inside sentences; these helpers label tags, table
 * cells and options, which stand alone, so English opens with a capital (sentence case).
 */
export const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pick = (l: { zh: string; en: string }, lang: Language) => (lang === 'en' ? sentenceCase(l.en) : l.zh);

export const stateLabel = (s: ApplicationState, lang: Language) => pick(APPLICATION_STATE_LABELS[s], lang);
export const channelLabel = (c: ApplicationChannel, lang: Language) => pick(APPLICATION_CHANNEL_LABELS[c], lang);
export const acceptanceLabel = (k: AcceptanceKind, lang: Language) => pick(ACCEPTANCE_KIND_LABELS[k], lang);

export const STATE_COLORS: Record<ApplicationState, string> = {
  submitted: 'blue',
  'awaiting-materials': 'orange',
  accepted: 'cyan',
  'expert-review': 'purple',
  approved: 'green',
  refused: 'red',
};

export const CLOCK_COLORS: Record<string, string> = {
  running: 'blue',
  paused: 'default',
  'due-soon': 'orange',
  overdue: 'red',
  met: 'green',
  missed: 'red',
  lapsed: 'default',
};
