import { FROM_PRACTICE_NOTE, FROM_PRACTICE_NOTE_EN, type RuleDefault } from '../rules/defaults.ts';

/** The rule defaults this module reads (rules.md), each with its source. */
export const RECEPTION_RULES: readonly RuleDefault[] = [
  {
    key: 'reception.max-enterprises-per-day',
    type: 'integer',
    labelZh: '每个企业接待日最多接待企业数',
    labelEn: 'reception day: maximum enterprises per day',
    note: FROM_PRACTICE_NOTE,
    noteEn: FROM_PRACTICE_NOTE_EN,
    value: 10,
    source: '参照江苏省如东县企业环保接待日做法：每日不超过 10 家企业；本局可调整',
    sourceEn:
      'following the enterprise environmental reception day practice of Rudong County, Jiangsu: at most 10 enterprises a day; this bureau may change it',
  },
  {
    key: 'reception.max-people-per-enterprise',
    type: 'integer',
    labelZh: '每家企业参加接待日最多人数',
    labelEn: 'reception day: maximum people per enterprise',
    note: FROM_PRACTICE_NOTE,
    noteEn: FROM_PRACTICE_NOTE_EN,
    value: 3,
    source: '参照江苏省如东县企业环保接待日做法：每家企业不超过 3 人；本局可调整',
    sourceEn:
      'following the enterprise environmental reception day practice of Rudong County, Jiangsu: at most 3 people per enterprise; this bureau may change it',
  },
  {
    key: 'reception.max-public-people-per-day',
    type: 'integer',
    labelZh: '每个群众接待日最多预约人数',
    labelEn: 'public reception day: maximum people booked per day',
    note: '本平台默认值，不是法规要求：群众接待日原先不设上限，一个人编造手机号即可占满当天；按接待室容量和一位局领导半天能接待的人数设定，本局可调整。',
    noteEn:
      'the platform’s default, not a legal requirement: public reception days used to have no cap, and one person making up phone numbers could fill the whole day; set by the size of the reception room and how many people one bureau leader can receive in half a day; this bureau may change it.',
    value: 30,
    source: '本平台默认值（按接待能力设定，非法规规定）；参照如东县企业环保接待日"限定每日接待数量"的做法',
    sourceEn:
      'the platform’s default (set by reception capacity, not set by law); after Rudong County’s enterprise reception day practice of "a fixed number received per day"',
  },
];
