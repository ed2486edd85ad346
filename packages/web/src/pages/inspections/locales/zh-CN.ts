const strings = {
  inspections: {
    menu: '双随机抽查',
    title: '双随机抽查',
    publicTitle: '双随机抽查结果公开',
    publicIntro:
      '依据《优化营商环境条例》第五十四条，随机抽取检查对象、随机选派执法检查人员，抽查结果向社会公开。抽取使用可复现的随机种子，过程全程留痕。',
    plan: '抽查计划',
    drawnAt: '抽取时间',
    drawnBy: '抽取人',
    targetCount: '抽中企业数',
    status: '状态',
    statuses: { drawn: '已抽取（名单保密）', published: '结果已公开' },
    publishedAt: '公开时间',
    open: '查看',
    newDraw: '随机抽取',
    choosePlan: '选择抽查计划',
    drawn: '已抽取，抽中 {{count}} 家企业',
    detailTitle: '抽查详情',
    secretNotice: '名单公开前仅检查组成员可以查看，每次查看都记入操作日志。',
    seed: '随机种子',
    algorithm: '抽取算法',
    inputsHash: '输入摘要（SHA-256）',
    libraries: '名录库版本',
    librariesValue: '检查对象名录库第 {{objects}} 版，执法人员名录库第 {{inspectors}} 版',
    pool: '抽取范围',
    poolValue: '检查对象 {{objects}} 家，执法人员 {{inspectors}} 名',
    ratios: '抽查比例',
    ratiosValue: 'A 类 {{a}}，B 类 {{b}}，C 类 {{c}}，特殊监管对象 {{special}}',
    perTarget: '每家企业执法人员',
    perTargetValue: '{{count}} 名，回避本人居住乡镇：{{own}}',
    yes: '是',
    no: '否',
    publishDueOn: '公开期限',
    targets: '抽中企业与执法人员',
    enterprise: '企业名称',
    class: '监管类别',
    inspectors: '执法人员',
    offSiteFirst: '正面清单企业，先行非现场检查',
    classes: { a: 'A 类（重点排污单位）', b: 'B 类', c: 'C 类（一般单位）', special: '特殊监管对象' },
    replay: '复现抽取',
    replayHint: '用记录的随机种子和输入重新运行抽取，核对抽中企业和执法人员是否一致。',
    reproduced: '复现一致：抽中企业和执法人员与原抽取完全相同',
    notReproduced: '复现不一致：记录的输入或结果与重新抽取不符，请核查',
    hashMismatch: '记录的输入与其摘要不符（输入可能被改动）',
    results: '检查结果',
    inspectedOn: '检查日期',
    outcome: '检查结果',
    summary: '情况说明',
    year: '年份',
    publishedOn: '公开日期',
    onTime: '按期公开',
    late: '逾期公开',
    outcomes: { 'no-problem': '未发现问题', 'problems-found': '发现问题，已责令整改', 'not-operating': '停产或已关闭' },
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
