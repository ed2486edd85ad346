const strings = {
  clocks: {
    ownedHint: '在所属记录中办理（延期须负责人批准）',
    title: '事项',
    start: '起算',
    dueDate: '期限',
    remaining: '剩余',
    stateLabel: '状态',
    none: '暂无期限',
    state: {
      running: '计时中',
      paused: '已暂停',
      'due-soon': '即将到期',
      overdue: '已超期',
      met: '按期办结',
      missed: '超期办结',
      lapsed: '期满未申请',
    },
    unit: { working: '个工作日', calendar: '个自然日' },
    // a count of days in its unit; Chinese has one form, kept under both plural keys so that the
    // languages share keys (i18next picks _other for zh, _one or _other for en)
    days: {
      working_one: '{{count}} 个工作日',
      working_other: '{{count}} 个工作日',
      calendar_one: '{{count}} 个自然日',
      calendar_other: '{{count}} 个自然日',
    },
    left: '还剩 {{days}}',
    late: '已超期 {{days}}',
    pause: '暂停计时',
    resume: '恢复计时',
    extend: '延期',
    pauseTitle: '暂停计时（该期间不计入期限）',
    extendTitle: '延长期限',
    pauseReason: '暂停原因',
    reasonRequired: '请说明理由',
    reason: { supplement: '补正材料', 'expert-review': '专家评审', hearing: '听证', other: '其他' },
    note: '备注',
    extendDays: '延长天数（{{unit}}）',
    extendReason: '延期理由（经谁批准、为何延期）',
    pausedLine: '暂停：{{reason}}，{{from}} 至 {{to}}',
    now: '今',
    extendedLine: '延期 {{days}} 天，批准人 {{by}}：{{reason}}',
    profileHint: '{{days}}，规则版本 v{{version}}',
    provisional: '暂定',
    provisionalBureau:
      '截止日期落在尚未录入国务院办公厅节假日安排通知的年份，依《全国年节及纪念日放假办法》推算，显示最早可能的日期；通知录入后自动重算。',
    provisionalParty:
      '截止日期落在尚未录入国务院办公厅节假日安排通知的年份，依《全国年节及纪念日放假办法》推算，显示最晚可能的日期；通知录入后自动重算。',
  },
  worklist: {
    title: '我的待办',
    total: '待办总数',
    overdue: '已超期',
    dueSoon: '即将到期',
    paused: '已暂停',
    search: '事项',
    sort: '排序',
    sortDue: '期限由近到远',
    sortDueDesc: '期限由远到近',
    sortStart: '按起算时间',
    empty: '没有待办事项',
  },
  inbox: {
    title: '站内消息',
    readAll: '全部标为已读',
    all: '全部',
    unread: '未读',
    empty: '暂无消息',
    markRead: '标为已读',
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
