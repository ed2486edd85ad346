import type { RuleDefault } from '../rules/defaults.ts';

/** The rule defaults this module reads (rules.md), each with its source. */
export const PHONE_CODES_RULES: readonly RuleDefault[] = [
  {
    key: 'phone-code.max-sends-per-phone-per-day',
    type: 'integer',
    labelZh: '同一手机号每天最多发送验证码次数',
    labelEn: 'one-time codes: maximum sends per phone number per day',
    note: '本平台默认值：防止利用本平台向他人手机号反复发送短信（"短信轰炸"）。两次发送至少间隔 60 秒。',
    noteEn:
      'the platform’s default: stops the platform being used to text someone’s phone over and over ("SMS bombing"). Two sends are at least 60 seconds apart.',
    value: 5,
    source: '本平台默认值（防短信滥发，非法规规定）；短信验证码限频是短信服务商对接入方的普遍要求',
    sourceEn:
      'the platform’s default (against SMS abuse; not set by law); SMS providers commonly require their customers to limit how often codes are sent',
  },
  {
    key: 'phone-code.max-sends-per-address-per-day',
    type: 'integer',
    labelZh: '同一网络地址每天最多发送验证码次数',
    labelEn: 'one-time codes: maximum sends per client address per day',
    note: '本平台默认值：防止一台电脑向大量手机号发送验证码。',
    noteEn: 'the platform’s default: stops one computer sending codes to many phone numbers.',
    value: 20,
    source: '本平台默认值（防短信滥发，非法规规定）',
    sourceEn: 'the platform’s default (against SMS abuse; not set by law)',
  },
];
