import { CREDIT_GRADE_LABELS, type CreditGrade, TOWNS, todayInShanghai } from '@qingshan/core';
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
import type { TimelineItem } from './service.ts';

const FONT = 'SimSun';
const SIZE = 20;

const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: SIZE });
const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: FONT, size: SIZE - 2 })] })] });

const shanghaiDate = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export type FileHeader = {
  name: string;
  uscc: string;
  address: string;
  townCode: string;
  legalRepresentative: string | null;
  creditGrade: string | null;
};

/**
 * 一企一档 as a Word document an officer takes on site: the firm's particulars and its records,
 * newest first, with the filter it was printed with.
 */
export async function enterpriseFileDocx(e: FileHeader, items: TimelineItem[], scope: string): Promise<Buffer> {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const town = TOWNS.find((t) => t.code === e.townCode)?.name ?? e.townCode;
  const grade = e.creditGrade ? (CREDIT_GRADE_LABELS[e.creditGrade as CreditGrade]?.zh ?? e.creditGrade) : '未评价';
  const table = new Table({
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
        children: [cell('日期', true), cell('类别', true), cell('事项', true), cell('情况', true)],
      }),
      ...items.map(
        (i) => new TableRow({ children: [cell(shanghaiDate(i.at)), cell(i.kindLabel), cell(i.title), cell(i.detail)] }),
      ),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: `一企一档：${e.name}`, bold: true, font: FONT, size: 32 })],
          }),
          new Paragraph({ children: [run('统一社会信用代码：', true), run(e.uscc)] }),
          new Paragraph({ children: [run('地址：', true), run(`${e.address}（${town}）`)] }),
          new Paragraph({ children: [run('法定代表人：', true), run(e.legalRepresentative ?? '—')] }),
          new Paragraph({ children: [run('环境信用：', true), run(grade)] }),
          new Paragraph({ children: [run('范围：', true), run(scope)] }),
          new Paragraph({ spacing: { after: 120 }, children: [run('打印日期：', true), run(todayInShanghai())] }),
          items.length ? table : new Paragraph({ children: [run('所选范围内没有记录。')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
