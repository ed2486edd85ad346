const strings = {
  credit: {
    menu: '重点关注名单',
    watchTitle: '重点关注名单',
    watchIntro:
      '风险评分由企业近 12 个月确认的报警、12369 举报、核查属实的线索，以及环境信用等级、正面清单状态逐项累加（权重见“规则”），达到 {{n}} 分列入名单。点击企业查看每一项的来源记录。',
    allTowns: '全部乡镇',
    enterprise: '企业名称',
    town: '乡镇',
    score: '风险分',
    alarms: '报警',
    complaints: '举报',
    findings: '属实线索',
    inspectionFindings: '检查发现问题',
    grade: '信用等级',
    ungraded: '未评价',
    positiveList: '正面清单',
    listed: '在清单内',
    tab: '信用与风险',
    riskTitle: '风险评分（逐项列明）',
    drawWeight: '双随机抽取权重',
    onWatchList: '已列入重点关注名单',
    notOnWatchList: '未达到重点关注分数',
    factor: '因素',
    count: '记录数',
    noSource: '平台尚无数据来源',
    weight: '权重',
    points: '得分',
    records: '来源记录',
    source: '权重依据',
    recordsTitle: '环境信用评价记录',
    pickGrade: '请选择信用等级',
    basis: '评价依据',
    basisRequired: '请填写评价依据',
    basisPlaceholder: '评价结果及文号',
    ratedOn: '评价日期',
    ratedOnRequired: '请选择评价日期',
    validUntil: '有效期至',
    record: '登记评价',
    recorded: '信用评价已登记',
    recordedBy: '登记人',
    noRecords: '暂无信用评价记录',
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
