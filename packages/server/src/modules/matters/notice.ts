import {
  BUREAU_NAME,
  DECIDING_AUTHORITY_LABELS,
  MATERIAL_FORM_LABELS,
  MATTER_CHANNEL_LABELS,
  todayInShanghai,
} from '@qingshan/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { MatterDetailView } from './schema.ts';

const FONT = 'SimSun';
const SIZE = 20; // half-points: 10 pt keeps a guide of a dozen materials on one A4 page

function line(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    children: [
      new TextRun({ text: `${label}：`, bold: true, font: FONT, size: SIZE }),
      new TextRun({ text: value, font: FONT, size: SIZE }),
    ],
  });
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, font: FONT, size: SIZE - 2 })] })],
  });
}

const UNIT = { working: '个工作日', calendar: '日' } as const;

/**
 * 一次性告知单 (优化营商环境条例 第三十六条; 行政许可法 第三十二条): everything an applicant needs
 * for one matter on one page — materials, limits, legal basis, channels — so one visit is enough.
 */
export async function matterNoticeDocx(m: MatterDetailView): Promise<Buffer> {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const materials = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['序号', '材料名称', '必要性', '形式', '份数', '容缺', '说明'].map((h) => cell(h, true)),
      }),
      ...m.materials.map(
        (x, i) =>
          new TableRow({
            children: [
              cell(String(i + 1)),
              cell(x.name),
              cell(x.required ? '必须' : '选交'),
              cell(MATERIAL_FORM_LABELS[x.form].zh),
              cell(String(x.count)),
              cell(x.deferrable ? '可容缺' : '否'),
              cell([x.template ? `模板：${x.template}` : '', x.note ?? ''].filter(Boolean).join('；')),
            ],
          }),
      ),
    ],
  });
  const limits = m.limits.length
    ? m.limits.map((l) => `${l.label} ${l.length}${UNIT[l.unit]}`).join('；')
    : m.timeLimits.description;
  const doc = new Document({
    creator: BUREAU_NAME,
    title: `${m.name} 一次性告知单`,
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 1100, right: 1100 } } },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '一次性告知单', bold: true, font: FONT, size: 36 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [new TextRun({ text: m.name, bold: true, font: FONT, size: 26 })],
          }),
          line(
            '办理机关',
            `${DECIDING_AUTHORITY_LABELS[m.decidingAuthority].zh}${m.externalSystem ? `（${m.externalSystem}）` : ''}`,
          ),
          line('设定依据', m.legalBasis),
          line('申请条件', m.conditions.map((c, i) => `${i + 1}. ${c}`).join(' ')),
          line('办理时限', `${limits}。${m.timeLimits.description}`),
          line('收费', m.fees),
          line('办理渠道', m.channels.map((c) => MATTER_CHANNEL_LABELS[c].zh).join('、')),
          line('办理地点', m.whereToApply),
          new Paragraph({
            spacing: { before: 120, after: 60 },
            children: [new TextRun({ text: '申请材料清单', bold: true, font: FONT, size: SIZE + 2 })],
          }),
          materials,
          new Paragraph({
            spacing: { before: 120 },
            children: [
              new TextRun({
                text: `材料依据：${m.sources.materials}。本告知单依据《优化营商环境条例》第三十六条一次性告知；材料齐全的，一次办清。`,
                font: FONT,
                size: SIZE - 2,
              }),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun({
                text: `办事指南第 ${m.version} 版 · 打印日期 ${todayInShanghai()}`,
                font: FONT,
                size: SIZE - 4,
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
