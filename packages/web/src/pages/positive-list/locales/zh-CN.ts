const strings = {
  positiveList: {
    homeTitle: '监督执法正面清单',
    homeDesc: '查看列入正面清单的企业、类别和有效期；清单企业以非现场检查为主。',
    menu: '正面清单',
    publicTitle: '监督执法正面清单',
    publicIntro:
      '依据生态环境部 2020 年《关于落实监督执法正面清单相关工作的通知》及江西省增补类别，列入清单的企业以非现场检查为主，有效期 3 年；发生环境违法、突发环境事件或举报经查属实的，移出清单。',
    staffTitle: '正面清单决定',
    year: '列入年份',
    allYears: '全部年份',
    enterprise: '企业名称',
    town: '乡镇',
    category: '类别',
    decidedOn: '列入日期',
    validUntil: '有效期至',
    validity: '状态',
    valid: '有效',
    expired: '已到期',
    removed: '已移出',
    decidedBy: '决定人',
    open: '查看',
    search: '搜索企业名称',
    allStates: '全部状态',
    detailTitle: '正面清单决定详情',
    evidence: '列入时的条件核查（证据快照）',
    condition: '条件',
    result: '核查结果',
    found: '平台记录情况',
    confirmation: '人工核实情况',
    reason: '列入理由',
    categorySource: '类别依据',
    removal: '移出正面清单',
    removalReason: '移出理由',
    removalReasonRequired: '请填写移出理由',
    remove: '移出',
    removedOk: '已移出正面清单',
    removedInfo: '{{at}} 由 {{by}} 移出：{{reason}}',
    proposals: '移出建议',
    trigger: '事由',
    summary: '情况',
    proposalStatus: '处理结果',
    proposalStates: { open: '待处理', accepted: '已同意移出', rejected: '不同意' },
    accept: '同意移出',
    reject: '不同意',
    decisionReason: '处理理由',
    decided: '已处理',
    conditions: {
      'permits-complete': '环评、排污许可手续齐全',
      'no-penalty-2y': '近两年无环境行政处罚',
      'no-incident-2y': '近两年无突发环境事件',
      'monitoring-online': '自动监控已安装并正常联网',
      'credit-not-yellow-red': '环境信用非黄牌、红牌',
      'no-verified-complaint': '近两年无查实的信访举报',
    },
    statuses: { passed: '符合', failed: '不符合', 'no-source': '尚无数据来源，需人工核实' },
    triggers: {
      penalty: '受到环境行政处罚',
      incident: '发生突发环境事件',
      'verified-complaint': '信访举报经查属实',
      'confirmed-alarm': '在线监控报警经确认',
      other: '其他严重违法情形',
    },
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
