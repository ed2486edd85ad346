import {
  REPORT_CHANNEL_LABELS,
  REPORT_STATUS_LABELS,
  type ReportChannel,
  type ReportStatus,
} from '@qingshan/core/reports';

type L = 'zh-CN' | 'en';
export const reportChannelLabel = (c: ReportChannel, lang: L) => REPORT_CHANNEL_LABELS[c][lang === 'en' ? 'en' : 'zh'];
export const reportStatusLabel = (s: ReportStatus, lang: L) => REPORT_STATUS_LABELS[s][lang === 'en' ? 'en' : 'zh'];
export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  registered: 'blue',
  accepted: 'gold',
  'not-accepted': 'default',
  transferred: 'purple',
  replied: 'green',
};
