const strings = {
  alarms: {
    // the server's name for its own steps in the timeline (alarms/service.ts SYSTEM_NAME), stored as the actor
    systemActor: '系统（自动监控）',
    menu: '报警处置',
    menuMine: '报警提醒',
    title: '报警处置',
    myTitle: '报警提醒',
    kind: '报警类型',
    state: '状态',
    source: '报警来源',
    frames: '原始报文',
    framesLink: '查看报警前后一小时收到的原始报文（证据，可逐条解析）',
    enterprise: '企业',
    raisedAt: '报警时间',
    answered: '企业答复',
    answeredYes: '已答复',
    answeredNo: '未答复',
    answeredLate: '逾期答复',
    escalated: '已上报领导',
    recurred: '再次报警',
    recurredText: '此前同一情况的报警经审核关闭后仍在持续。',
    followUp: '非现场检查',
    followUpHint: '以本报警为依据登记一条非现场检查记录：发现问题并提出整改要求的，记录完成后生成整改通知并开始计时。',
    inspect: '登记非现场检查',
    recurredLink: '查看原报警',
    detail: '报警内容',
    basis: '依据',
    firstSeenAt: '开始时间',
    lastSeenAt: '最近一次',
    clearedAt: '恢复时间',
    occurrences: '出现次数',
    evidence: '证据',
    timeline: '处置过程',
    answer: '企业答复',
    reason: '原因',
    action: '整改措施',
    attachment: '附件',
    attachmentHint: 'PDF、JPG 或 PNG，不超过 2 MB',
    attachmentTooLarge: '附件不能超过 2 MB',
    pick: '选择文件',
    submitAnswer: '提交答复',
    answerDue: '请在报警产生后2小时内说明原因和整改措施，逾期未答复将上报分管领导。',
    review: '审核关闭',
    outcome: '审核结论',
    outcomeNeedsAnswer: '企业答复后才能确认报警；尚未答复时只能作为误报关闭。',
    note: '审核意见',
    close: '关闭报警',
    closedBy: '审核人',
    empty: '暂无报警',
    all: '全部',
    open: '查看',
    download: '下载附件',
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
