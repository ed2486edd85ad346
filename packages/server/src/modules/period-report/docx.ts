import { BUREAU_NAME } from '@qingshan/core';
import type { DraftSection } from '@qingshan/core/period-report';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

// 公文 type: 小标题 in 黑体, body in 仿宋 三号 (16 pt) with a two-character first-line indent
// (GB/T 9704-2012 党政机关公文格式 §7.3); fonts fall back on machines without them.
const TITLE_FONT = '方正小标宋简体';
const HEADING_FONT = '黑体';
const BODY_FONT = '仿宋_GB2312';
const BODY_SIZE = 32; // half-points
const INDENT = 640; // twips: two characters of 16 pt

function titleLines(title: string): string[] {
  const i = title.indexOf('（');
  return i > 0 ? [title.slice(0, i), title.slice(i)] : [title];
}

/** The report as a Word document: title, then each section's heading and its sentences as one paragraph. */
export async function periodReportDocx(r: {
  title: string;
  sections: readonly DraftSection[];
  footer: string;
}): Promise<Buffer> {
  const body: Paragraph[] = [];
  for (const s of r.sections) {
    if (s.heading) {
      body.push(
        new Paragraph({
          indent: { firstLine: INDENT },
          spacing: { before: 120, after: 60 },
          children: [new TextRun({ text: s.heading, font: HEADING_FONT, size: BODY_SIZE })],
        }),
      );
    }
    if (s.sentences.length) {
      body.push(
        new Paragraph({
          indent: { firstLine: INDENT },
          spacing: { line: 560 },
          alignment: AlignmentType.JUSTIFIED,
          children: [new TextRun({ text: s.sentences.map((x) => x.text).join(''), font: BODY_FONT, size: BODY_SIZE })],
        }),
      );
    }
  }
  const doc = new Document({
    creator: BUREAU_NAME,
    title: r.title,
    sections: [
      {
        // GB/T 9704 A4 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            // the period in brackets goes on a line of its own, as a 公文 title breaks before its date
            children: titleLines(r.title).map(
              (text, i) =>
                new TextRun(
                  i === 0 ? { text, font: TITLE_FONT, size: 44 } : { text, font: BODY_FONT, size: BODY_SIZE, break: 1 },
                ),
            ),
          }),
          ...body,
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 240 },
            children: [new TextRun({ text: r.footer, font: BODY_FONT, size: 24 })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
