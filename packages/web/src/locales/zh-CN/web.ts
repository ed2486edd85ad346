export default {
  // issue 8 §5 (branch web): look-ups, menu groups, workbench, 我的
  web: {
    audit: {
      pickAction: '选择操作',
    },
    my: {
      title: '我的',
      hello: '{{name}}，这里是您的消息、预约和信访件。',
      messages: '我的消息',
      bookings: '我的预约',
      petitions: '我的信访',
      windowBookings: '窗口预约',
      receptionBookings: '接待日预约',
      receptionDay: '接待日',
      people: '{{n}} 人',
      manage: '查看 / 改约',
      progress: '办理进度',
      code: '查询码',
      received: '{{date}} 登记',
      due: '办理期限 {{date}}',
      book: '预约办事',
      petition: '网上信访',
    },
    workbench: {
      title: '工作台',
      hello: '{{name}}，您好。以下是您今天的工作。',
      today: '今天：{{date}}',
      all: '全部',
      todo: '待办事项',
      due: '期限：{{date}}',
      appointments: '今日窗口预约',
      more: '共 {{n}} 个预约',
      reception: '今日接待日',
      receptionLine: '{{location}} · 预约 {{bookings}} · 到场 {{people}} 人',
      keyFigures: '关键数字',
    },
    menuGroups: {
      service: '服务',
      approval: '审批',
      supervision: '监管',
      statistics: '统计',
      system: '系统',
    },
    menu: {
      workbench: '工作台',
      workbenchLink: '工作台',
    },
    figures: {
      fellBack: '{{empty}} 年尚无记录，已打开有记录的最近年度：{{year}} 年。',
    },
    lookup: {
      notFound: '没有找到与该查询码和手机号相符的记录',
      notFoundHint: '请核对查询码（见受理回执或短信，不区分大小写）和登记时填写的手机号后重试。',
    },
  },
};
