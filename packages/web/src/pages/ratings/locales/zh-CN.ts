const strings = {
  ratings: {
    title: '好差评',
    summary: '评价统计',
    period: '统计期间',
    rateThis: '评价本次服务',
    overall: '总体评价',
    levelRequired: '请选择总体评价',
    comment: '评价意见',
    commentRequired: '差评请说明原因，便于整改',
    submit: '提交评价',
    thanks: '感谢您的评价',
    alreadyRated: '您已评价：{{level}}',
    rate: '评价',
    column: '评价',
    mine: '我的评价',
    given: '已评价：{{level}}',
    openUntil: '{{date}} 前可评价',
    closedOn: '评价期已于 {{date}} 届满',
    notYet: '办结后可评价',
    outcome: {
      toContact: '工作人员将于 {{date}} 前与您联系回访',
      contacted: '{{date}} 已回访：{{note}}',
      rectifying: '正在整改，整改期限 {{date}}',
      rectified: '{{date}} 已整改：{{note}}',
    },
    source: '评价指标依据 {{source}}',
    badCount: '差评数',
    rectifiedOnTime: '按期整改',
    onTimeShare: '差评按期整改率',
    onTimeShareDefinition:
      '按期整改 ÷ 已整改或整改期限已届满的差评。尚未整改且整改期限未到的差评既不算按期也不算逾期，不计入分母',
    pendingNote: '另有 {{n}} 个差评尚在整改期限内，未计入整改率（按 {{due}} 个计算）',
    badOnly: '只看差评',
    state: '整改状态',
    eventType: '服务类型',
    eventTypes: { appointment: '预约服务', petition: '信访', 'reception-concern': '接待日诉求', visit: '上门服务' },
    createdAt: '评价时间',
    event: '服务',
    level: '等级',
    contactDue: '回访期限',
    rectifyDue: '整改期限',
    appeal: '申诉',
    appealStates: { none: '无', pending: '待审核', upheld: '申诉成立', rejected: '申诉驳回' },
    followUp: '整改',
    upheld: '申诉成立（排除该差评）',
    actions: { contact: '回访记录', rectify: '整改结果', appeal: '申诉理由', 'decide-appeal': '复核结论' },
    reviewingBody: '申诉复核机构',
    reviewingBodyHelp: '差评申诉由本局以外的复核机构审核（如县政务服务管理机构），本局登记其结论',
    appealReferenceNo: '复核文号（可选）',
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
