import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import type { MessageTable } from './messages.ts';

/**
 * Alarms (报警) and reminders (rules.md §4): what the online monitoring and the electricity
 * sub-metering raise against an enterprise. One active alarm per (source, kind); an alarm is
 * active or cleared (the condition ended) and, separately, answered by the enterprise or not; an
 * officer's review closes it, confirmed (the evidence a later inspection cites) or dismissed.
 */

type Label = { zh: string; en: string };

export const ALARM_KINDS = [
  'over-limit',
  'over-limit-warning',
  'missing-data',
  'zero-value',
  'constant-value',
  'device-state',
  'r1-control-off',
  'r2-control-lag',
  'r3-control-low-power',
  'r4-restriction-order',
  'r5-meter-offline',
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

const MONITORING_SOURCE =
  '《污染源自动监控管理办法》、HJ 212-2017；生态环境部2022年第21号公告《污染物排放自动监测设备标记规则》';
const METERING_SOURCE =
  '用电监控（分表计电）监管规则：治污设施未开启、异常关闭或降频运行（阈值按设施设定，参照《排污单位用电监控技术指南》征求意见稿）';
/** The same sources cited in English (the reminder's English face). */
const MONITORING_SOURCE_EN =
  'Measures for the Administration of Automatic Monitoring of Pollution Sources; HJ 212-2017; MEE Announcement No. 21 of 2022, Rules for Marking Automatic Monitoring Equipment for Pollutant Discharge';
const METERING_SOURCE_EN =
  'electricity monitoring (sub-metering) rules: control facility not switched on, switched off abnormally or run at reduced frequency (thresholds set per facility, after the draft for comment of the Technical Guidelines for Electricity Monitoring of Pollutant Dischargers)';

export const ALARM_KIND_LABELS: Readonly<Record<AlarmKind, Label & { source: string; sourceEn: string }>> = {
  'over-limit': {
    zh: '超标（小时均值超过排放限值）',
    en: 'over the limit (hour average)',
    source: MONITORING_SOURCE,
    sourceEn: MONITORING_SOURCE_EN,
  },
  'over-limit-warning': {
    zh: '超标预警（分钟值超过排放限值）',
    en: 'early warning (minute value over the limit)',
    source: MONITORING_SOURCE,
    sourceEn: MONITORING_SOURCE_EN,
  },
  'missing-data': {
    zh: '数据缺失（超过两个上报周期无数据）',
    en: 'missing data',
    source: MONITORING_SOURCE,
    sourceEn: MONITORING_SOURCE_EN,
  },
  'zero-value': { zh: '零值', en: 'zero value', source: MONITORING_SOURCE, sourceEn: MONITORING_SOURCE_EN },
  'constant-value': {
    zh: '恒值（4小时内波动不超过量程的2%）',
    en: 'constant value',
    source: MONITORING_SOURCE,
    sourceEn: MONITORING_SOURCE_EN,
  },
  'device-state': {
    zh: '设备状态异常（故障、校准、维护、停运）',
    en: 'device state',
    source: MONITORING_SOURCE,
    sourceEn: MONITORING_SOURCE_EN,
  },
  'r1-control-off': {
    zh: '生产设施运行而治污设施停运',
    en: 'control facility off while production runs',
    source: METERING_SOURCE,
    sourceEn: METERING_SOURCE_EN,
  },
  'r2-control-lag': {
    zh: '治污设施晚于生产设施启动或早于其停止',
    en: 'control facility starts late or stops early',
    source: METERING_SOURCE,
    sourceEn: METERING_SOURCE_EN,
  },
  'r3-control-low-power': {
    zh: '治污设施功率低于额定功率的规定比例',
    en: 'control facility below its share of rated power',
    source: METERING_SOURCE,
    sourceEn: METERING_SOURCE_EN,
  },
  'r4-restriction-order': {
    zh: '限产停产期间违规生产',
    en: 'production during a restriction order',
    source: METERING_SOURCE,
    sourceEn: METERING_SOURCE_EN,
  },
  'r5-meter-offline': { zh: '电表离线', en: 'meter offline', source: METERING_SOURCE, sourceEn: METERING_SOURCE_EN },
};

export const ALARM_SOURCE_KINDS = ['station', 'meter', 'facility'] as const;
export type AlarmSourceKind = (typeof ALARM_SOURCE_KINDS)[number];
export const ALARM_SOURCE_KIND_LABELS: Readonly<Record<AlarmSourceKind, Label>> = {
  station: { zh: '监测站点', en: 'monitoring station' },
  meter: { zh: '电表', en: 'meter' },
  facility: { zh: '治污设施', en: 'control facility' },
};

/** active: the condition holds; cleared: it ended; closed: an officer reviewed it. */
export const ALARM_STATES = ['active', 'cleared', 'closed'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];
export const ALARM_STATE_LABELS: Readonly<Record<AlarmState, Label>> = {
  active: { zh: '报警中', en: 'active' },
  cleared: { zh: '已恢复', en: 'cleared' },
  closed: { zh: '已关闭', en: 'closed' },
};

export const ALARM_OUTCOMES = ['confirmed', 'dismissed'] as const;
export type AlarmOutcome = (typeof ALARM_OUTCOMES)[number];
export const ALARM_OUTCOME_LABELS: Readonly<Record<AlarmOutcome, Label>> = {
  confirmed: { zh: '确认属实', en: 'confirmed' },
  dismissed: { zh: '排除（误报）', en: 'dismissed (false alarm)' },
};

export const ALARM_EVENT_TYPES = [
  'raised',
  'reactivated',
  'recurred',
  'reminded',
  'restated',
  'cleared',
  'answered',
  'escalated',
  'closed',
] as const;
export type AlarmEventType = (typeof ALARM_EVENT_TYPES)[number];
export const ALARM_EVENT_LABELS: Readonly<Record<AlarmEventType, Label>> = {
  raised: { zh: '产生报警', en: 'raised' },
  reactivated: { zh: '恢复后再次出现', en: 'came back after clearing' },
  recurred: { zh: '关闭后仍持续，再次报警', en: 'still holding after closing: raised again' },
  reminded: { zh: '提醒企业', en: 'enterprise reminded' },
  restated: { zh: '报警仍持续，情况更新', en: 'still holding: detail updated' },
  cleared: { zh: '报警恢复', en: 'cleared' },
  answered: { zh: '企业答复', en: 'enterprise answered' },
  escalated: { zh: '逾期未答复，上报分管领导', en: 'escalated to the leader' },
  closed: { zh: '审核关闭', en: 'reviewed and closed' },
};

/** rules.md §4: escalation to the duty officer's leader if not acknowledged in 2 h. */
export const ALARM_ESCALATE_AFTER_MINUTES = 120;
export const ALARM_ESCALATION_SOURCE = '本局报警处置规则：企业2小时内未确认答复的，上报值班人员的分管领导';
export const ALARM_ESCALATION_SOURCE_EN =
  'this bureau’s alarm handling rules: an alarm the enterprise has not acknowledged and answered within 2 hours is escalated to the duty officer’s leader in charge';

/**
 * A condition that comes back within this long of clearing, on an alarm the enterprise has not yet
 * answered, is the same episode: that alarm is active again, with no second reminder. Without it a
 * value hovering at its limit raised a new alarm and reminder each time it crossed back over (the
 * demo kiln's early warning, up to three times a minute). This platform's choice, not a rule of
 * rules.md §4; one hour, half the time the enterprise has to answer.
 */
export const ALARM_REACTIVATE_WITHIN_MINUTES = 60;

/** Attachments are evidence (a photo, a repair note), not archives: 2 MB decoded. */
export const ALARM_ATTACHMENT_MAX_BYTES = 2 * 1_048_576;
const ALARM_ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const alarmAnswerBody = z.object({
  reason: text(1000),
  action: text(1000),
  attachment: z
    .object({
      name: text(120),
      contentType: z.enum(ALARM_ATTACHMENT_TYPES),
      // base64 of at most ALARM_ATTACHMENT_MAX_BYTES bytes
      dataBase64: z
        .string()
        .max(Math.ceil(ALARM_ATTACHMENT_MAX_BYTES / 3) * 4)
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
    })
    .nullable()
    .optional(),
});
export type AlarmAnswerBody = z.infer<typeof alarmAnswerBody>;

export const alarmCloseBody = z.object({
  outcome: z.enum(ALARM_OUTCOMES),
  note: text(1000),
});
export type AlarmCloseBody = z.infer<typeof alarmCloseBody>;

/** When the enterprise's answer is due: unanswered by then, the alarm is escalated. */
export function answerDueAt(raisedAt: Date): Date {
  return new Date(raisedAt.getTime() + ALARM_ESCALATE_AFTER_MINUTES * 60_000);
}

/** Answered in time: the enterprise answered before the alarm would have been escalated. */
export function answeredInTime(raisedAt: Date, answeredAt: Date | null): boolean {
  return answeredAt !== null && answeredAt.getTime() <= answerDueAt(raisedAt).getTime();
}

/**
 * What the enterprise receives (in-app and as an SMS-style text on its channels): short, plain, with
 * the way to answer; `en` is the same message for the inbox's English face.
 */
export function alarmReminderText(a: {
  enterpriseName: string;
  sourceName: string;
  kind: AlarmKind;
  at: string;
  /** when the earlier alarm of the same condition was closed, if this one is raised again after it */
  recurredAfterClosedAt?: string;
}): {
  title: string;
  body: string;
  en: { title: string; body: string };
} {
  const label = ALARM_KIND_LABELS[a.kind];
  const what = a.recurredAfterClosedAt
    ? `“${label.zh}”报警于${a.recurredAfterClosedAt}经审核关闭后，截至${a.at}情况仍未消除，现再次报警`
    : `于${a.at}出现“${label.zh}”报警`;
  const whatEn = a.recurredAfterClosedAt
    ? `the “${label.en}” alarm was reviewed and closed at ${a.recurredAfterClosedAt}, but the condition still held at ${a.at}, so the alarm is raised again`
    : `an alarm “${label.en}” was raised at ${a.at}`;
  return {
    title: `【青山环境监管】${a.recurredAfterClosedAt ? '再次报警提醒' : '报警提醒'}：${label.zh}`,
    body: `${a.enterpriseName}：您单位${a.sourceName}${what}（依据：${label.source}）。请在2小时内登录平台说明原因和整改措施，逾期未答复将上报分管领导。`,
    en: {
      title: `[Qingshan environmental supervision] ${a.recurredAfterClosedAt ? 'Alarm raised again' : 'Alarm reminder'}: ${label.en}`,
      body: `${a.enterpriseName}: at your ${a.sourceName}, ${whatEn} (basis: ${label.sourceEn}). Log in to the platform within 2 hours to explain the reason and the action taken; an alarm not answered in time is escalated to the leader in charge.`,
    },
  };
}

/** The words the audit log reads the alarms module's entries in. */
export const ALARM_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: [
    'alarm.raise',
    'alarm.reactivate',
    'alarm.restate',
    'alarm.clear',
    'alarm.answer',
    'alarm.escalate',
    'alarm.close',
  ],
  records: { alarm: { zh: '报警', en: 'Alarm' } },
  actionLabels: {
    'alarm.raise': { zh: '产生报警并提醒企业', en: 'Alarm raised, enterprise reminded' },
    'alarm.reactivate': { zh: '报警恢复后再次出现，重新生效', en: 'Alarm came back after clearing, active again' },
    'alarm.restate': { zh: '报警仍持续，更新报警详情', en: 'Alarm still holding, detail updated' },
    'alarm.clear': { zh: '报警恢复', en: 'Alarm cleared' },
    'alarm.answer': { zh: '企业答复报警', en: 'Enterprise answered the alarm' },
    'alarm.escalate': { zh: '报警逾期未答复，上报分管领导', en: 'Unanswered alarm escalated to leaders' },
    'alarm.close': { zh: '审核关闭报警', en: 'Alarm reviewed and closed' },
  },
  fields: {
    alarmId: { zh: '报警编号', en: 'alarm ID' },
    sourceKind: { zh: '报警来源类型', en: 'source kind' },
    sourceId: { zh: '报警来源编号', en: 'source ID' },
    sourceName: { zh: '报警来源', en: 'source' },
    detail: { zh: '详情', en: 'detail' },
    detailEn: { zh: '详情（英文）', en: 'detail in English' },
    noteEn: { zh: '说明（英文）', en: 'note in English' },
    evidence: { zh: '证据', en: 'evidence' },
    occurrences: { zh: '出现次数', en: 'occurrences' },
    firstSeenAt: { zh: '开始时间', en: 'first seen at' },
    raisedAt: { zh: '报警时间', en: 'raised at' },
    clearedAt: { zh: '恢复时间', en: 'cleared at' },
    answeredBy: { zh: '答复人编号', en: 'answered by' },
    answerReason: { zh: '答复原因', en: 'answer reason' },
    answerAction: { zh: '整改措施', en: 'action taken' },
    escalatedAt: { zh: '上报领导时间', en: 'escalated at' },
    closedAt: { zh: '关闭时间', en: 'closed at' },
    closedBy: { zh: '审核人编号', en: 'closed by' },
    closedByName: { zh: '审核人', en: 'reviewed by' },
    reviewNote: { zh: '审核意见', en: 'review note' },
    minutes: { zh: '持续分钟', en: 'minutes' },
    meterCode: { zh: '电表编号', en: 'meter code' },
  },
};

/** What the alarm list's query says when it refuses a period, in both languages (keys for `translate`). */
export const ALARM_MESSAGES = {
  'alarms.periodReversed': { zh: '结束日期不能早于开始日期', en: 'the end date cannot be before the start date' },
  'alarms.periodTooLong': {
    zh: '查询期间最长 {days} 天',
    en: 'the period can be at most {days} days',
  },
} as const satisfies MessageTable;
