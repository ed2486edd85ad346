import { isDateString } from '@qingshan/core';
import { z } from 'zod';
import type { RuleDefault } from '../rules/defaults.ts';

/** The rule defaults this module reads (rules.md), each with its source. */
export const FIGURES_RULES: readonly RuleDefault[] = [
  {
    key: 'figures.earliest-date',
    valueSchema: z.string().refine(isDateString, { error: 'common.date' }),
    type: 'text',
    labelZh: '统计数字可查询的最早日期',
    labelEn: 'figures: earliest date a period may start',
    note: '本平台的安全下限，不是法规要求：平台的工作日历和业务记录自 2020 年起，更早的期间没有可统计的记录，只会让查询白白扫描。格式 YYYY-MM-DD。',
    noteEn:
      'the platform’s safety floor, not a legal requirement: the platform’s working calendar and records start in 2020, so an earlier period holds nothing to count and would only make queries scan for nothing. Format YYYY-MM-DD.',
    value: '2020-01-01',
    source: '本平台默认值（运维安全上限，非法规规定）',
    sourceEn: 'the platform’s default (an operational safety limit, not set by law)',
  },
  {
    key: 'figures.max-period-years',
    valueSchema: z.number().int().min(1).max(50),
    type: 'integer',
    labelZh: '统计期间最长年数',
    labelEn: 'figures: longest period in years',
    note: '本平台的安全上限，不是法规要求：一次统计或明细查询的期间不超过此年数，以免一次查询占满数据库和服务器。',
    noteEn:
      'the platform’s safety limit, not a legal requirement: a figure or records query covers at most this many years, so that one query cannot tie up the database and the server.',
    value: 10,
    source: '本平台默认值（运维安全上限，非法规规定）',
    sourceEn: 'the platform’s default (an operational safety limit, not set by law)',
  },
  {
    key: 'figures.export-max-rows',
    valueSchema: z.number().int().min(1).max(100000),
    type: 'integer',
    labelZh: '统计明细一次导出最多行数',
    labelEn: 'figures: maximum rows in one records export',
    note: '本平台的安全上限，不是法规要求：明细超过此数时请缩小期间分批导出，以免一次导出占满服务器内存。',
    noteEn:
      'the platform’s safety limit, not a legal requirement: when there are more records than this, narrow the period and export in batches, so that one export cannot fill the server’s memory.',
    value: 10000,
    source: '本平台默认值（运维安全上限，非法规规定）',
    sourceEn: 'the platform’s default (an operational safety limit, not set by law)',
  },
];
