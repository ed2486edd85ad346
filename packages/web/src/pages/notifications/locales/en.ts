import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  deliveries: {
    title: 'Deliveries',
    status: 'Status',
    statuses: { pending: 'Pending', sending: 'Sending', sent: 'Sent', failed: 'Failed' },
    channel: 'Channel',
    channels: { email: 'E-mail', webhook: 'Webhook', wechat: 'WeChat' },
    searchPlaceholder: 'Recipient or message kind',
    createdAt: 'Created',
    target: 'Recipient',
    message: 'Message',
    attempts: 'Attempts',
    lastError: 'Last error / sent at',
    retry: 'Send again',
    requeued: 'Queued again',
  },
  prefs: {
    title: 'Notifications',
    inAppAlways: 'In-app messages are always on; the channels below are optional.',
    email: 'E-mail',
    emailInvalid: 'Not a valid e-mail address',
    wechat: 'WeChat openid',
    wechatHint: 'The openid you get by following the bureau’s official account, for template messages',
    webhook: 'Webhook URL (enterprises)',
    urlInvalid: 'Not a valid URL',
    webhookHint:
      'Each notification is POSTed as JSON; the X-Qingshan-Signature header is an HMAC-SHA256 (sha256=…) of "timestamp.body"',
    secret: 'Signing secret',
    rotate: 'Generate a new signing secret',
  },
};

export default en;
