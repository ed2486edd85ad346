const strings = {
  incidents: {
    menu: '突发环境事件',
    title: '突发环境事件',
    intro:
      '登记辖区企业的突发环境事件，按《国家突发环境事件应急预案》分级。近两年内的事件使企业不符合正面清单条件；已列入清单的企业登记事件后自动提出移出建议，由执法人员决定。',
    search: '事件名称或企业名称',
    allLevels: '全部级别',
    allStatuses: '全部状态',
    new: '登记事件',
    newTitle: '登记突发环境事件',
    editTitle: '修改突发环境事件',
    enterprise: '企业',
    occurredAt: '发生时间',
    level: '事件级别',
    levelHelp: '按《国家突发环境事件应急预案》（国办函〔2014〕119号）附件1 分级标准确定',
    titleField: '事件名称',
    titlePlaceholder: '例如：废水处理站调节池泄漏',
    description: '事件经过',
    response: '应急处置情况',
    reportSource: '报告来源',
    status: '状态',
    outcome: '处置结果',
    closedAt: '结束时间',
    closedBy: '结束登记人',
    registeredBy: '登记人',
    required: '请填写此项',
    pickEnterprise: '请选择企业',
    pickTime: '请选择发生时间',
    pickLevel: '请选择事件级别',
    pickSource: '请选择报告来源',
    save: '保存',
    saved: '已保存',
    created: '突发环境事件已登记',
    proposalRaised: '该企业在监督执法正面清单内，已自动提出移出建议，请执法人员在“移出建议”中决定。',
    openProposals: '查看移出建议',
    detailTitle: '突发环境事件',
    edit: '修改',
    closeTitle: '结束处置',
    closeHelp: '应急响应终止后登记处置结果；结束后记录不再修改。',
    outcomePlaceholder: '例如：应急响应终止，企业完成整改',
    close: '结束处置',
    closed: '已登记处置结束',
    empty: '暂无突发环境事件',
    tab: '突发环境事件',
    tabIntro: '该企业的突发环境事件（近两年内的事件使其不符合正面清单条件，并计入风险评分）。',
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
