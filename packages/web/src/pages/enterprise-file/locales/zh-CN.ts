const strings = {
  enterpriseFile: {
    tab: '档案时间线',
    allKinds: '全部类别',
    export: '导出 Word（现场检查用）',
    empty: '所选范围内没有记录',
    truncated: '记录较多，每类只列最近 500 条：请缩小日期范围',
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
