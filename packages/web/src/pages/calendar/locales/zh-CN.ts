const strings = {
  calculator: {
    title: '期限计算器',
    hint: '按国务院办公厅每年的节假日安排通知（含调休上班日）计算；尚无通知的年份依《全国年节及纪念日放假办法》暂定计算（不含调休上班日），结果标注“暂定”。',
    provisional: '暂定：该年份尚无国务院办公厅通知，按放假办法推算',
    from: '起算日期',
    fromRequired: '请选择起算日期',
    days: '天数',
    compute: '计算',
    result: '到期日',
    kind: { workday: '工作日', weekend: '周末', holiday: '法定节假日', 'makeup-workday': '调休上班日' },
  },
  calendarYears: {
    title: '节假日日历',
    add: '新增年度',
    kind: '类别',
    holiday: '放假',
    makeup: '调休上班',
    name: '名称',
    dates: '日期',
    year: '年份',
    source: '依据（通知名称、文号、日期）',
    origin: '来源',
    shipped: '系统内置',
    formHint:
      '按国务院办公厅当年的节假日安排通知逐项填写。每行一个假期：“名称 | 英文名称 | 起始日期 … 结束日期”；调休上班日每行：“名称 | 日期”。',
    sourcePlaceholder: '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔……〕……号）',
    holidaysLabel: '放假安排',
    makeupLabel: '调休上班日',
    reason: '操作理由',
    audited: '新增年度将记入操作日志。',
    provisional: '暂定（尚无通知）',
    provisionalSource:
      '暂定：国务院办公厅当年节假日安排通知尚未录入，依《全国年节及纪念日放假办法》（2024年修订）第二条、第六条推算，不含调休上班日',
    provisionalHint:
      '尚未录入国务院办公厅通知，依《全国年节及纪念日放假办法》第二条、第六条推算（含补假，不含调休上班日）。',
    version: '版本',
    replace: '替换',
    enterNotice: '录入通知',
    replaceTitle: '替换 {{year}} 年节假日安排',
    replaceHint: '通知发布或调整时使用：保存为新版本，记录理由与依据；所有未办结期限将在同一事务中重新计算。',
    replaced: '已保存为第 {{version}} 版，{{n}} 个期限已重算',
    versions: '版本记录',
    current: '现行',
    reasonPlaceholder: '如：国务院办公厅调整通知已发布',
    errorLine: '{{box}}第 {{line}} 行',
    errorItem: '{{place}}：{{message}}',
    part: { name: '名称', nameEn: '英文名称', dates: '日期', date: '日期' },
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
