import { BUREAU_NAME } from '@qingshan/core';
import { ANNUAL_REPORT_FORM, ANNUAL_TEXT_LABELS } from '@qingshan/core/disclosure-annual';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { FullAnnualReport } from './annual.ts';

// 公文 type as period-report/docx.ts: 黑体 headings, 仿宋 三号 body with a two-character indent;
// the tables in 仿宋 小五 so the eight columns of table 三 fit an A4 page.
const TITLE_FONT = '方正小标宋简体';
const HEADING_FONT = '黑体';
const BODY_FONT = '仿宋_GB2312';
const BODY_SIZE = 32;
const TABLE_SIZE = 18;
const INDENT = 640;
const NOT_RECORDED = '平台无记录';

const heading = (text: string) =>
  new Paragraph({
    indent: { firstLine: INDENT },
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: HEADING_FONT, size: BODY_SIZE })],
  });

const body = (text: string) =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map(
      (t) =>
        new Paragraph({
          indent: { firstLine: INDENT },
          spacing: { line: 560 },
          alignment: AlignmentType.JUSTIFIED,
          children: [new TextRun({ text: t, font: BODY_FONT, size: BODY_SIZE })],
        }),
    );

type Cell = { text: string; span?: number; rows?: number; left?: boolean; bold?: boolean };
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };

// the text width of an A4 page between the 公文 margins, in twips
const TEXT_WIDTH = 11906 - 1588 - 1474;

/** A table over the text width: the first column `first` twips, the rest shared equally. */
function table(rows: (Cell | null)[][], columns: number, first = TEXT_WIDTH / columns): Table {
  const rest = Math.floor((TEXT_WIDTH - first) / (columns - 1));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.floor(first), ...Array(columns - 1).fill(rest)],
    rows: rows.map(
      (r) =>
        new TableRow({
          children: r
            .filter((c): c is Cell => c !== null)
            .map(
              (c) =>
                new TableCell({
                  borders,
                  verticalAlign: VerticalAlign.CENTER,
                  ...(c.span ? { columnSpan: c.span } : {}),
                  ...(c.rows ? { rowSpan: c.rows } : {}),
                  children: [
                    new Paragraph({
                      alignment: c.left ? AlignmentType.LEFT : AlignmentType.CENTER,
                      children: [
                        new TextRun({ text: c.text, font: BODY_FONT, size: TABLE_SIZE, bold: c.bold ?? false }),
                      ],
                    }),
                  ],
                }),
            ),
        }),
    ),
  });
}

const num = (n: number | null) => (n === null ? NOT_RECORDED : String(n));

/** The annual report as a Word document in the statutory form: text sections and tables 二、三、四. */
export async function annualReportDocx(r: FullAnnualReport, title: string, footer: string): Promise<Buffer> {
  const text = (s: 'overview' | 'problems' | 'other') => r.texts.find((x) => x.section === s)?.body ?? '';
  const p = (k: string) => r.proactive.find((x) => x.key === k)!;
  const three = (k: string): Cell[] => [{ text: p(k).zh }, ...p(k).cells.map((c) => ({ text: num(c.value) }))];
  const one = (k: string): Cell[] => [{ text: p(k).zh }, { text: num(p(k).cells[0]!.value), span: 3 }];
  const proactive = table(
    [
      [
        { text: '信息内容', bold: true },
        ...['本年制发件数', '本年废止件数', '现行有效件数'].map((t) => ({ text: t, bold: true })),
      ],
      three('rules'),
      three('normative'),
      [
        { text: '信息内容', bold: true },
        { text: '本年处理决定数量', span: 3, bold: true },
      ],
      one('licensing'),
      [
        { text: '信息内容', bold: true },
        { text: '本年处理决定数量', span: 3, bold: true },
      ],
      one('penalty'),
      one('coercion'),
      [
        { text: '信息内容', bold: true },
        { text: '本年收费金额（单位：万元）', span: 3, bold: true },
      ],
      one('fees'),
    ],
    4,
  );
  const notes = r.proactive.filter((x) => !x.recorded).map((x) => `${x.zh}：${x.basis.zh}。`);

  const orgs = r.columns.slice(1);
  const requests = table(
    [
      [
        { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rows: 3, bold: true },
        { text: '申请人情况', span: 7, bold: true },
      ],
      [
        null,
        { text: '自然人', rows: 2, bold: true },
        { text: '法人或其他组织', span: orgs.length, bold: true },
        { text: '总计', rows: 2, bold: true },
      ],
      [null, null, ...orgs.map((c) => ({ text: c.zh, bold: true })), null],
      ...r.rows.map((row) => [
        { text: row.zh, left: true },
        ...r.columns.map((c) => ({ text: String(row.cells[c.key]) })),
        { text: String(row.total) },
      ]),
    ],
    8,
    3600,
  );

  const cols = r.appealColumns;
  const appeals = table(
    [
      [
        { text: '行政复议', span: 5, rows: 2, bold: true },
        { text: '行政诉讼', span: 10, bold: true },
      ],
      [null, { text: '未经复议直接起诉', span: 5, bold: true }, { text: '复议后起诉', span: 5, bold: true }],
      r.appeals.flatMap(() => cols.map((c) => ({ text: c.zh, bold: true }))),
      r.appeals.flatMap((a) => cols.map((c) => ({ text: String(a.cells[c.key]) }))),
    ],
    15,
  );

  const doc = new Document({
    creator: BUREAU_NAME,
    title,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: title, font: TITLE_FONT, size: 44 })],
          }),
          heading(ANNUAL_TEXT_LABELS.overview.zh),
          ...body(text('overview')),
          heading('二、主动公开政府信息情况'),
          proactive,
          ...notes.map(
            (n) => new Paragraph({ children: [new TextRun({ text: n, font: BODY_FONT, size: TABLE_SIZE })] }),
          ),
          heading('三、收到和处理政府信息公开申请情况'),
          requests,
          heading('四、政府信息公开行政复议、行政诉讼情况'),
          appeals,
          heading(ANNUAL_TEXT_LABELS.problems.zh),
          ...body(text('problems')),
          heading(ANNUAL_TEXT_LABELS.other.zh),
          ...body(text('other')),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 240 },
            children: [new TextRun({ text: footer, font: BODY_FONT, size: 24 })],
          }),
          new Paragraph({
            children: [new TextRun({ text: `格式依据：${ANNUAL_REPORT_FORM}`, font: BODY_FONT, size: TABLE_SIZE })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
