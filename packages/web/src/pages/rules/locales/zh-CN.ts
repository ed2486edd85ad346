const strings = {
  rules: {
    title: '规则库',
    name: '规则',
    key: '规则编码',
    type: '类型',
    types: { 'clock-profile': '期限', integer: '整数', number: '数值', ratio: '比例', list: '清单', text: '文本' },
    current: '现行值',
    source: '法律依据',
    sourceHint: '写明文件名称和条款，如《信访工作条例》第三十四条',
    effectiveFrom: '生效日期',
    note: '说明',
    edit: '修改规则（新增版本）',
    length: '时限',
    unit: '单位',
    warnBefore: '提前提醒（天）',
    value: '取值',
    reason: '修改理由',
    reasonRequired: '请填写修改理由',
    saveVersion: '保存为新版本',
    history: '版本历史',
    version: '版本',
    by: '修改人',
    profileValue_one: '{{days}}（到期前 {{count}} 天提醒）',
    profileValue_other: '{{days}}（到期前 {{count}} 天提醒）',
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
