/**
 * Plain labels for audit actions (`petition.accept` → 信访件 · 受理并告知). The audit log and its
 * exports show these, never the stored code. Actions are `<record>.<step>`: an exact entry wins,
 * else the record's name and the step's name are joined; a code nobody labelled yet still reads
 * as its record's name and 其他操作, so a new module's action never shows raw.
 */

import { AUDIT_FIELD_LABELS } from './audit-field-labels.ts';
import { type AuditVocabulary, auditLabeller, type Label, mergeAuditVocabularies } from './audit-vocabulary.ts';

/**
 * Every action the server writes (server/src/modules/audit/labels.test.ts keeps this in step):
 * the audit page offers them as a filter, by label.
 */
export const AUDIT_ACTIONS: readonly string[] = [
  'appointment-exception.create',
  'appointment-exception.delete',
  'appointment-plan.create',
  'appointment-plan.delete',
  'appointment-service.create',
  'appointment-service.update',
  'appointment.arrived',
  'appointment.book',
  'appointment.cancel',
  'appointment.move',
  'appointment.no-show',
  'appointment.served',
  'auth.locked',
  'auth.login',
  'auth.login-failed',
  'auth.logout',
  'backup.create',
  'calendar.year.add',
  'calendar.year.replace',
  'campaign.create',
  'clock.complete',
  'clock.extend',
  'clock.lapse',
  'clock.pause',
  'clock.recalculate',
  'clock.restart',
  'clock.resume',
  'clock.start',
  'delivery.retry',
  'enterprise.create',
  'enterprise.create-uscc-override',
  'enterprise.unmask-contacts',
  'enterprise.update',
  'enterprise.update-uscc-override',
  'notification-preferences.update',
  'petition.accept',
  'petition.answer-re-review',
  'petition.answer-review',
  'petition.approve-extension',
  'petition.assign',
  'petition.create',
  'petition.extend',
  'petition.flag-key-case',
  'petition.not-accept',
  'petition.object',
  'petition.record-delivery',
  'petition.record-re-review',
  'petition.record-review',
  'petition.register',
  'petition.reject-extension',
  'petition.reply',
  'petition.request-extension',
  'petition.request-re-review',
  'petition.request-review',
  'petition.transmit-re-review',
  'petition.transmit-review',
  'petition.unflag-key-case',
  'petition.update',
  'project.contact',
  'project.create',
  'project.milestone',
  'project.update',
  'rating.appeal',
  'rating.contact',
  'rating.create',
  'rating.decide-appeal',
  'rating.rectification-open',
  'rating.rectify',
  'reception.attendance.delete',
  'reception.attendance.record',
  'reception.booking.cancel',
  'reception.booking.create',
  'reception.concern.answer',
  'reception.concern.create',
  'reception.concern.publish',
  'reception.concern.resolve',
  'reception.concern.to-petition',
  'reception.concern.unpublish',
  'reception.session.create',
  'reception.session.update',
  'report.accept',
  'report.approve-extension',
  'report.create',
  'report.not-accept',
  'report.reject-extension',
  'report.reply',
  'report.request-extension',
  'report.transfer',
  'rule.update',
  'seed.demo',
  'user.clear-sign-in-waits',
  'user.create',
  'user.disable',
  'user.enable',
  'user.password-changed',
  'user.reset-password',
  'user.update',
  'visit.attachment.add',
  'visit.create',
  'visit.follow-up.done',
  'phone-code.send',
  'phone-code.send-failed',
  'auth.throttled',
  'session.purge',
];

/** Labels of whole actions whose wording is not simply "record · step". */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, Label>> = {
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'auth.login-failed': { zh: '登录失败', en: 'Failed sign-in' },
  'auth.locked': { zh: '账号被临时锁定', en: 'Account locked' },
  'auth.throttled': { zh: '登录失败过多，暂缓再试', en: 'Sign-in delayed after repeated failures' },
  'phone-code.send': { zh: '发送手机验证码', en: 'Phone code sent' },
  'phone-code.send-failed': { zh: '手机验证码发送失败', en: 'Phone code could not be sent' },
  'session.purge': { zh: '清理过期登录会话', en: 'Expired sessions removed' },
  'user.password-changed': { zh: '修改本人密码', en: 'Changed own password' },
  'user.reset-password': { zh: '重置密码', en: 'Password reset' },
  'user.clear-sign-in-waits': { zh: '解除登录等待', en: 'Sign-in waits cleared' },
  'backup.create': { zh: '在线备份', en: 'Backup taken' },
  'enterprise.unmask-contacts': { zh: '查看完整联系方式', en: 'Viewed full contact details' },
  'enterprise.create-uscc-override': {
    zh: '新建（信用代码校验未通过，人工确认）',
    en: 'Created (USCC check overridden)',
  },
  'enterprise.update-uscc-override': {
    zh: '修改（信用代码校验未通过，人工确认）',
    en: 'Updated (USCC check overridden)',
  },
  'calendar.year.add': { zh: '录入年度节假日安排', en: 'Holiday year added' },
  'calendar.year.replace': { zh: '更新年度节假日安排', en: 'Holiday year replaced' },
  'clock.recalculate': { zh: '按新日历重算期限', en: 'Due date recalculated on the new calendar' },
  'clock.restart': { zh: '期限改为从较晚的事件起算', en: 'Clock counted from a later event' },
  'calendar.next-year-missing': { zh: '提醒：下一年度节假日未录入', en: 'Next year’s holidays missing' },
  'rule.update': { zh: '修改规则', en: 'Rule changed' },
  'seed.demo': { zh: '载入演示数据', en: 'Demo data loaded' },
  // written by demo databases seeded before the seed was split by module
  'seed.service-b': { zh: '载入演示数据', en: 'Demo data loaded' },
  'notification-preferences.update': { zh: '修改通知方式', en: 'Notification channels changed' },
  'reception.concern.to-petition': { zh: '接待日诉求转为信访件', en: 'Concern converted to a petition' },
  'rating.rectification-open': { zh: '差评：开始整改', en: 'Bad rating: rectification opened' },
};

/** The record an action is about (the part before the last step). */
export const AUDIT_RECORD_LABELS: Readonly<Record<string, Label>> = {
  auth: { zh: '登录', en: 'Sign-in' },
  user: { zh: '用户', en: 'User' },
  enterprise: { zh: '企业档案', en: 'Enterprise' },
  calendar: { zh: '节假日日历', en: 'Calendar' },
  'calendar.year': { zh: '节假日日历', en: 'Calendar' },
  rule: { zh: '规则', en: 'Rule' },
  clock: { zh: '法定时限', en: 'Deadline clock' },
  delivery: { zh: '通知投递', en: 'Delivery' },
  job: { zh: '后台任务', en: 'Background job' },
  backup: { zh: '备份', en: 'Backup' },
  seed: { zh: '演示数据', en: 'Demo data' },
  appointment: { zh: '窗口预约', en: 'Appointment' },
  'appointment-service': { zh: '预约窗口', en: 'Window service' },
  'phone-code': { zh: '手机验证码', en: 'Phone code' },
  session: { zh: '登录会话', en: 'Session' },
  'appointment-plan': { zh: '开放计划', en: 'Opening plan' },
  'appointment-exception': { zh: '例外日', en: 'Exception day' },
  petition: { zh: '信访件', en: 'Petition' },
  report: { zh: '环保举报件', en: 'Environmental report' },
  rating: { zh: '好差评', en: 'Rating' },
  reception: { zh: '接待日', en: 'Reception day' },
  'reception.session': { zh: '接待日', en: 'Reception day' },
  'reception.booking': { zh: '接待日预约', en: 'Reception booking' },
  'reception.concern': { zh: '接待日诉求', en: 'Reception concern' },
  'reception.attendance': { zh: '接待日到场登记', en: 'Reception attendance' },
  visit: { zh: '送服务上门', en: 'Visit' },
  'visit.follow-up': { zh: '走访后续事项', en: 'Visit follow-up' },
  'visit.attachment': { zh: '走访附件', en: 'Visit attachment' },
  campaign: { zh: '集中下沉式服务', en: 'Campaign' },
  project: { zh: '重大项目', en: 'Tracked project' },
  'notification-preferences': { zh: '通知方式', en: 'Notification channels' },
};

/** The step taken (the last part). */
export const AUDIT_STEP_LABELS: Readonly<Record<string, Label>> = {
  create: { zh: '新建', en: 'created' },
  update: { zh: '修改', en: 'updated' },
  delete: { zh: '删除', en: 'deleted' },
  add: { zh: '添加', en: 'added' },
  import: { zh: '批量导入', en: 'imported' },
  export: { zh: '导出', en: 'exported' },
  disable: { zh: '停用', en: 'disabled' },
  enable: { zh: '启用', en: 'enabled' },
  retry: { zh: '重试', en: 'retried' },
  restore: { zh: '恢复', en: 'restored' },
  // clocks
  start: { zh: '开始计时', en: 'started' },
  pause: { zh: '暂停计时', en: 'paused' },
  resume: { zh: '恢复计时', en: 'resumed' },
  extend: { zh: '延长期限', en: 'extended' },
  complete: { zh: '办结', en: 'completed' },
  lapse: { zh: '逾期', en: 'lapsed' },
  // appointments
  book: { zh: '预约', en: 'booked' },
  cancel: { zh: '取消', en: 'cancelled' },
  cancelled: { zh: '取消', en: 'cancelled' },
  move: { zh: '改约', en: 'moved' },
  arrived: { zh: '登记到达', en: 'marked arrived' },
  'no-show': { zh: '登记爽约', en: 'marked no-show' },
  served: { zh: '登记已办理', en: 'marked served' },
  reminder: { zh: '发送提醒', en: 'reminder sent' },
  // petitions (信访工作条例)
  register: { zh: '登记', en: 'registered' },
  accept: { zh: '受理并告知', en: 'accepted' },
  'not-accept': { zh: '不予受理', en: 'not accepted' },
  object: { zh: '提出转送异议', en: 'referral objected' },
  reply: { zh: '书面答复（办结）', en: 'replied' },
  'request-review': { zh: '登记复查请求', en: 'review requested' },
  'answer-review': { zh: '记录复查意见', en: 'review answered' },
  'request-re-review': { zh: '登记复核请求', en: 're-review requested' },
  'answer-re-review': { zh: '记录复核意见', en: 're-review answered' },
  // 第三十四条: the handler asks, the 负责人 decides
  'request-extension': { zh: '申请延期办理', en: 'extension requested' },
  'approve-extension': { zh: '负责人批准延期', en: 'extension approved by the head' },
  'reject-extension': { zh: '负责人不批准延期', en: 'extension refused by the head' },
  // 第三十五、三十六条: decided by the next level up; the bureau records and transmits
  'record-delivery': { zh: '登记处理意见书送达', en: 'reply delivery recorded' },
  transfer: { zh: '转交有权处理的部门', en: 'passed to the competent body' },
  'transmit-review': { zh: '移送上一级机关复查', en: 'file transmitted for review' },
  'record-review': { zh: '登记上一级机关复查意见', en: 'external review opinion recorded' },
  'transmit-re-review': { zh: '移送复核机关', en: 'file transmitted for re-review' },
  'record-re-review': { zh: '登记复核机关复核意见', en: 'external re-review opinion recorded' },
  'flag-key-case': { zh: '列为重点疑难件', en: 'flagged as key case' },
  'unflag-key-case': { zh: '取消重点标记', en: 'key case flag removed' },
  assign: { zh: '交办承办人', en: 'assigned' },
  // ratings (国办发〔2019〕51号)
  contact: { zh: '回访', en: 'contacted' },
  rectify: { zh: '整改', en: 'rectified' },
  appeal: { zh: '申诉', en: 'appealed' },
  'decide-appeal': { zh: '申诉审核', en: 'appeal decided' },
  // reception days, visits, projects
  record: { zh: '登记', en: 'recorded' },
  answer: { zh: '答复', en: 'answered' },
  resolve: { zh: '办结', en: 'resolved' },
  publish: { zh: '公开为案例', en: 'published' },
  unpublish: { zh: '撤回公开', en: 'unpublished' },
  done: { zh: '完成', en: 'done' },
  milestone: { zh: '更新节点', en: 'milestone updated' },
  'unmask-contacts': { zh: '查看完整联系方式', en: 'contacts unmasked' },
};

/** Entity types as the audit log stores them (`reception-concern`) → the record's name. */
const ENTITY_ALIASES: Readonly<Record<string, string>> = {
  'tracked-project': 'project',
  'reception-booking': 'reception.booking',
  'reception-concern': 'reception.concern',
  'reception-session': 'reception.session',
  'reception-attendance': 'reception.attendance',
  // the calendar writes its years under the table's name
  calendar_year: 'calendar.year',
};

/** The platform's own words (the modules that predate module vocabularies); see audit-vocabulary.ts. */
export const PLATFORM_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: AUDIT_ACTIONS,
  records: AUDIT_RECORD_LABELS,
  steps: AUDIT_STEP_LABELS,
  actionLabels: AUDIT_ACTION_LABELS,
  entityAliases: ENTITY_ALIASES,
  fields: AUDIT_FIELD_LABELS,
};

const platform = auditLabeller(mergeAuditVocabularies([PLATFORM_AUDIT_VOCABULARY]));

/** The plain name of an audited record type (platform words only; the web reads the merged vocabulary). */
export function auditEntityLabel(entityType: string, lang: 'zh' | 'en' = 'zh'): string {
  return platform.entity(entityType, lang);
}

/** The plain label of an audit action in the given language (platform words only). */
export function auditActionLabel(action: string, lang: 'zh' | 'en' = 'zh'): string {
  return platform.action(action, lang);
}

/** Whether an action has a label of its own (not the 其他操作 fallback): for tests. */
export function isLabelledAuditAction(action: string): boolean {
  return platform.isLabelled(action);
}
