import {
  REPORT_CHANNEL_LABELS,
  REPORT_STATUS_LABELS,
  type ReportChannel,
  type ReportStatus,
} from '@qingshan/core/reports';

type L = 'zh-CN' | 'en';
// Core words them in lower case ("closed and answered"); here each stands alone, in a tag, a
// column or a filter, and starts with a capital as every other label on the page does.
const alone = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const reportChannelLabel = (c: ReportChannel, lang: L) =>
  lang === 'en' ? alone(REPORT_CHANNEL_LABELS[c].en) : REPORT_CHANNEL_LABELS[c].zh;
export const reportStatusLabel = (s: ReportStatus, lang: L) =>
  lang === 'en' ? alone(REPORT_STATUS_LABELS[s].en) : REPORT_STATUS_LABELS[s].zh;
export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  registered: 'blue',
  accepted: 'gold',
  'not-accepted': 'default',
  transferred: 'purple',
  replied: 'green',
};
