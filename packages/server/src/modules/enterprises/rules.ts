import type { RuleDefault } from '../rules/defaults.ts';

/** The rule defaults this module reads (rules.md), each with its source. */
export const ENTERPRISES_RULES: readonly RuleDefault[] = [
  {
    key: 'enterprise.import-max-rows',
    type: 'integer',
    labelZh: '企业名录导入最多行数',
    labelEn: 'enterprise register import: maximum rows per file',
    note: '本平台的安全上限，不是法规要求：全县登记的企业远少于此数，整县名录可一次导入；更大的文件须分批导入，以免一次导入占满服务器内存和时间。',
    noteEn:
      'the platform’s safety limit, not a legal requirement: the county has far fewer registered enterprises, so the whole county’s register can be imported at once; a larger file is imported in batches, so that one import cannot tie up the server’s memory and time.',
    value: 10000,
    source: '本平台默认值（运维安全上限，非法规规定）',
    sourceEn: 'the platform’s default (an operational safety limit, not set by law)',
  },
  {
    key: 'enterprise.export-max-rows',
    type: 'integer',
    labelZh: '企业名录导出最多行数',
    labelEn: 'enterprise register export: maximum rows per file',
    note: '本平台的安全上限，不是法规要求：整县名录可一次导出；超过此数时按乡镇、行业或状态筛选后分批导出，以免一次导出占满服务器内存。',
    noteEn:
      'the platform’s safety limit, not a legal requirement: the whole county’s register can be exported at once; beyond this, filter by town, industry or status and export in batches, so that one export cannot fill the server’s memory.',
    value: 20000,
    source: '本平台默认值（运维安全上限，非法规规定）',
    sourceEn: 'the platform’s default (an operational safety limit, not set by law)',
  },
];
