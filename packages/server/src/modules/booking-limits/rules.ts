import type { RuleDefault } from '../rules/defaults.ts';

/** The rule defaults this module reads (rules.md), each with its source. */
export const BOOKING_LIMITS_RULES: readonly RuleDefault[] = [
  {
    key: 'booking.max-open-per-phone',
    type: 'integer',
    labelZh: '同一手机号最多未完成预约数（群众）',
    labelEn: 'public bookings: maximum open bookings per phone number',
    note: '本平台默认值，不是法规要求：同一手机号在所有预约窗口和群众接待日合计的未办结预约（今天及以后、未取消），超出即拒绝。工作人员代约不受此限。',
    noteEn:
      'the platform’s default, not a legal requirement: the open bookings (today or later, not cancelled) of one phone number across all booking windows and public reception days; a booking beyond this is refused. Bookings staff make on someone’s behalf are not limited.',
    value: 3,
    source:
      '本平台默认值（防止冒用手机号抢占名额，非法规规定）；"每位预约人最多预约数"是开源预约系统用户普遍要求的做法（Easy!Appointments #1636、Nextcloud Appointments #495）',
    sourceEn:
      'the platform’s default (against booking up places with other people’s phone numbers; not set by law); a "maximum bookings per person" is commonly asked for by the users of open-source booking systems (Easy!Appointments #1636, Nextcloud Appointments #495)',
  },
  {
    key: 'booking.max-open-per-address',
    type: 'integer',
    labelZh: '同一网络地址最多未完成预约数（群众）',
    labelEn: 'public bookings: maximum open bookings per client address',
    note: '本平台默认值，不是法规要求：防止一台电脑换着手机号占满窗口。网吧、单位共用出口地址时可调高。工作人员代约不受此限。',
    noteEn:
      'the platform’s default, not a legal requirement: stops one computer filling a window by switching phone numbers. Raise it where an internet café or an organisation shares one outgoing address. Bookings staff make on someone’s behalf are not limited.',
    value: 6,
    source: '本平台默认值（防止批量占号，非法规规定）',
    sourceEn: 'the platform’s default (against booking in bulk; not set by law)',
  },
  {
    key: 'booking.max-new-per-address-per-day',
    type: 'integer',
    labelZh: '同一网络地址每天最多新增预约数（群众）',
    labelEn: 'public bookings: maximum new bookings per client address per day',
    note: '本平台默认值，不是法规要求：取消后再约也计入，防止反复占号、取消。按北京时间自然日计。',
    noteEn:
      'the platform’s default, not a legal requirement: booking again after cancelling counts too, against booking and cancelling over and over. Counted per calendar day, Beijing time.',
    value: 10,
    source: '本平台默认值（防止批量占号，非法规规定）',
    sourceEn: 'the platform’s default (against booking in bulk; not set by law)',
  },
];
