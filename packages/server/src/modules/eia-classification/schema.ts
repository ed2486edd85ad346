import { EIA_COLUMNS, type EiaCatalogueEdition, PERMIT_CLASSES } from '@qingshan/core/eia-catalogue';
import {
  type ClassifyResult,
  CONSTRUCTION_TYPES,
  classifyRequestSchema,
  EIA_CATEGORIES,
} from '@qingshan/core/eia-classification';
import { z } from 'zod';

export const classifyBody = classifyRequestSchema;

const column = z.enum(EIA_COLUMNS).describe('report-book 报告书栏、report-form 报告表栏、registration-form 登记表栏');

export const classifyResultSchema = z.object({
  catalogueVersion: z.string().describe('所依据的名录版本，如 ML2021'),
  catalogueTitle: z.string(),
  industryCode: z.string(),
  industryName: z.string().nullable(),
  constructionType: z.enum(CONSTRUCTION_TYPES),
  category: z
    .enum(EIA_CATEGORIES)
    .nullable()
    .describe(
      'report-book 报告书、report-form 报告表、registration-form 登记表、none 不纳入环评管理；缺少事实时为 null',
    ),
  categoryLabel: z.string().nullable().describe('名录用语：报告书 / 报告表 / 登记表 / 不纳入环评管理'),
  row: z.number().int().nullable().describe('决定结果的名录行号；尚未判定时为正在询问的行；名录之外为 null'),
  rowTitle: z.string().nullable(),
  column: column.nullable(),
  columnLabel: z.string().nullable(),
  quote: z.string().describe('该栏原文（名录之外时为第五条原文）'),
  clause: z.string().nullable().describe('栏内适用的具体情形'),
  basis: z.string().describe('依据，如《建设项目环境影响评价分类管理名录（2021年版）》第44行“报告表”栏'),
  permitClass: z.enum(PERMIT_CLASSES).optional().describe('排污许可管理类别（PW2019），能判定时给出'),
  permit: z
    .object({ item: z.number().int(), title: z.string(), classLabel: z.string(), quote: z.string(), basis: z.string() })
    .optional(),
  missingFacts: z.array(z.string()).describe('决定结果还缺少的事实键（见请求体 facts 的说明）'),
  questions: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(['boolean', 'number', 'enum', 'areas']),
      label: z.string(),
      options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
    }),
  ),
  matchedRows: z.array(z.object({ row: z.number().int(), category: z.enum(EIA_CATEGORIES).nullable() })),
  notes: z.array(z.string()),
});

export const catalogueQuery = z.object({
  version: z.string().trim().min(1).max(40).optional().describe('名录版本；省略时为现行版本'),
});

export const catalogueSchema = z.object({
  version: z.string(),
  title: z.string(),
  instrument: z.string(),
  effectiveFrom: z.string(),
  articles: z.array(z.object({ article: z.string(), text: z.string() })),
  notes: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      title: z.string(),
      codes: z.array(z.string()),
      industrialBuildingOnly: z.boolean(),
      columns: z.object({ 'report-book': z.string(), 'report-form': z.string(), 'registration-form': z.string() }),
      sensitiveAreas: z.string(),
    }),
  ),
});

export const toClassifyView = (r: ClassifyResult): z.infer<typeof classifyResultSchema> => r;
export const toCatalogueView = (e: EiaCatalogueEdition): z.infer<typeof catalogueSchema> => ({
  ...e,
  articles: [...e.articles],
  notes: [...e.notes],
  rows: e.rows.map((r) => ({ ...r, codes: [...r.codes] })),
});
