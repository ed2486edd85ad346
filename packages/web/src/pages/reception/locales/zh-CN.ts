// The reception pages' own strings (the rest are still in the shared services area)
const strings = {
  reception: {
    homeTitle: '群众接待日',
    homeDesc: '每月服务群众接待日由局领导带班接待，可在线预约并反映问题；也可阅读已公开的答复案例。',
    notHeldYet: '接待日当天起可登记到场人员和诉求',
    caseSort: {
      '-publishedAt': '最新公开在前',
      publishedAt: '最早公开在前',
      '-sessionDate': '接待日期由近到远',
      sessionDate: '接待日期由远到近',
    },
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
