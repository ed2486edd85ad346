export default {
  home: {
    title: '萍乡市上栗生态环境局',
    subtitle: '“放管服”改革 · 企业和群众服务与监管平台',
    introTitle: '关于平台',
    intro1:
      '青山平台服务上栗县生态环境领域的“放管服”改革：简政放权、放管结合、优化服务。企业和群众的事项尽量网上办、一次办清，监管做到有据可查、公开透明。',
    intro2: '平台为每家企业建立“一企一档”，记录基本信息、联系人与操作日志；工作人员的每一次修改都会留下操作记录。',
    staffLoginTitle: '工作人员登录',
    staffLoginDesc: '生态环境局工作人员登录工作台，管理企业档案、用户与操作日志。',
    enterpriseLoginTitle: '企业用户登录',
    enterpriseLoginDesc: '企业用户登录后查看本企业档案、走访记录，预约办事窗口和服务企业接待日。',
    consoleTitle: '进入工作台',
    consoleDesc: '您已登录为 {{name}}。',
    go: '前往',
    /** an action card's link, named with the card it opens: "前往" alone would say where to nobody */
    goTo: '前往{{target}}',
  },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
  },
  account: {
    title: '修改密码',
    current: '当前密码',
    new: '新密码',
    confirm: '确认新密码',
    currentRequired: '请输入当前密码',
    newRequired: '请输入新密码',
    mismatch: '两次输入的新密码不一致',
    sameAsCurrent: '新密码不能与当前密码相同',
    policy:
      '至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类；不能是常见弱密码、不能含用户名、不能与最近 5 次的密码相同',
    mustChange: '您的密码由管理员设置或重置，请先修改为只有您知道的新密码，再继续使用。',
    changed: '密码已修改',
  },
};
