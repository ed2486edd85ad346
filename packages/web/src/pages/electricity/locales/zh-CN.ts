const strings = {
  electricity: {
    menuMeters: '分表计电',
    menuOrders: '限产停产令',
    metersTitle: '分表计电',
    ordersTitle: '限产停产令',
    enterprise: '企业',
    code: '电表编号',
    name: '名称',
    role: '类型',
    ratedKw: '额定功率（kW）',
    serves: '服务的生产线',
    lastSeen: '最近数据',
    lastKw: '当前功率（kW）',
    topic: 'MQTT 主题',
    thresholds: '判定阈值',
    thresholdText: '开机≥{{on}}%额定；R1 {{t1}}分钟；R2 {{t2}}分钟；R3 低于{{p}}%；R5 离线{{t3}}分钟',
    register: '登记电表',
    chartOf: '生产线与治污设施功率对比：{{line}}',
    chartLine: '选择生产线',
    chartEmpty: '该时段没有功率数据',
    period: '时段',
    last24h: '最近24小时',
    last2d: '最近2天',
    power: '功率（kW）',
    kind: '类型',
    maxLoad: '允许负荷',
    period2: '执行期间',
    documentNo: '文号',
    reason: '事由',
    issue: '下达限产停产令',
    startsAt: '开始时间',
    endsAt: '结束时间',
    noOrders: '暂无限产停产令',
    noMeters: '暂无电表',
    hj212: 'HJ 212 接入',
    hj212Optional: 'HJ 212 接入（可选，经数采仪上报时填写）',
    hj212Edit: '设置 HJ 212 接入',
    hj212Mn: '数采仪 MN',
    hj212Code: '因子编码',
    hj212CodeHelp: '该电表有功功率（kW）在报文中的编码，如 ele01；2011 取 -Rtd，2051 取 -Avg',
    hj212Password: '访问密码（PW）',
    hj212PasswordHelp: '同一数采仪已有其他电表接入时可不填；填写则该数采仪的所有电表一并更新',
    hj212Unbind: '解除接入',
    hj212None: '仅 MQTT',
    hj212Frames: '原始报文',
    hj212FramesHint: '最近31天收到的报文，最新在前；选择时段（最长31天）可查找以往报文',
    edit: '编辑',
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
