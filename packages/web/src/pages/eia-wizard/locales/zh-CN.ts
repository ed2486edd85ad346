const strings = {
  eiaWizard: {
    homeTitle: '环评类别判定',
    homeDesc:
      '回答几个问题，按《建设项目环境影响评价分类管理名录（2021年版）》判定项目需编制报告书、报告表、登记表还是不纳入环评管理，并注明依据。',
    menu: '环评判定',
    title: '环评类别判定',
    intro:
      '依据《建设项目环境影响评价分类管理名录（2021年版）》，按行业和项目事实判定需编制环境影响报告书、报告表、填报登记表，还是不纳入环评管理。只询问决定结果的事实，结果注明名录行号、栏目和原文。',
    stepProject: '项目基本情况',
    stepFacts: '回答判定问题',
    stepResult: '判定结果',
    industry: '国民经济行业（GB/T 4754-2017）',
    industryPlaceholder: '输入代码或名称搜索，如 2672 或 焰火',
    industryHelp: '选择项目主体工程所属的行业小类',
    industryRequired: '请选择行业',
    constructionType: '建设性质',
    construction: { new: '新建', expansion: '扩建', alteration: '改建（含技术改造）', relocation: '迁建' },
    ancillary: '配套工程',
    ancillaryHelp: '同一项目涉及两个及以上类别的，按单项等级最高的确定（名录第四条）',
    works: {
      boiler: '锅炉或供热工程',
      'hazardous-storage': '危险品仓库（含烟花爆竹仓库）',
      'air-pollution-control': '大气污染治理工程',
    },
    next: '下一步',
    restart: '重新判定',
    deciding: '正在判定：名录第 {{row}} 行“{{column}}”栏',
    yes: '是',
    no: '否',
    answerRequired: '请回答此问题',
    areasHelp: '只列出本行“环境敏感区含义”栏计入的区域；都不涉及则不勾选',
    resultTitle: '判定结果',
    row: '名录行',
    rowValue: '第 {{row}} 行',
    noRow: '名录未作规定',
    column: '栏目',
    quote: '原文',
    clause: '适用情形',
    permit: '排污许可管理类别',
    permitUnknown:
      '本向导无法据已知事实判定（取决于通用工序等），请按《固定污染源排污许可分类管理名录（2019年版）》确定',
    notes: '说明',
    version: '名录版本',
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
