const strings = {
  reports: {
    homeTitle: '环保举报',
    homeDesc: '举报身边的环境污染，可匿名；依照《环保举报热线工作管理办法》受理、调查和答复。也可拨打 12369。',
    trackTitle: '查询举报办理进度',
    deskTitle: '环保举报台账（12369）',
    register: '登记举报',
    searchPlaceholder: '查询码、标题或地点',
    code: '查询码',
    title: '标题',
    content: '举报内容',
    location: '污染发生地点',
    channel: '举报渠道',
    status: '办理状态',
    receivedAt: '收件时间',
    dueDate: '当前期限',
    acceptanceDue: '告知是否受理期限',
    handlingDue: '办结期限',
    reporter: '举报人',
    reporterName: '举报人姓名',
    reporterPhone: '联系电话',
    anonymous: '匿名举报',
    anonymousHelp: '匿名举报不留姓名和电话，本局照常受理调查，但无法告知您办理结果，也不能查询进度',
    decision: '处理结果',
    transferTo: '移交单位及理由',
    confirmAction: '确认执行该步骤？',
    submitTitle: '网上环保举报',
    submitted: '举报已提交',
    submit: '提交举报',
    intro:
      '依据《环保举报热线工作管理办法》（环境保护部令第15号），本局收到举报后当场或 15 日内告知是否受理，自受理之日起 60 日内办结并答复（情况复杂的，经本局负责人批准可延长，最长 30 日）。也可拨打 12369 环保举报热线。',
    actions: {
      accept: '受理',
      'not-accept': '不予受理',
      transfer: '移交有权处理的部门',
      'request-extension': '申请延期办理',
      'approve-extension': '负责人批准延期',
      'reject-extension': '负责人不批准延期',
      reply: '办结并答复',
    },
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
