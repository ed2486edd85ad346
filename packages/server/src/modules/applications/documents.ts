import { BUREAU_NAME, MATERIAL_FORM_LABELS, shanghaiDateOf } from '@qingshan/core';
import { ACCEPTANCE_KIND_LABELS, type AcceptanceKind, APPLICATION_SOURCES } from '@qingshan/core/applications';
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
  WidthType,
} from 'docx';
import { AppError } from '../../errors.ts';
import { availableDocuments, DOCUMENT_TITLES, type DocumentKind } from './schema.ts';
import type { ApplicationDetail } from './service.ts';

// The letters the bureau gives the applicant, generated from the application's record each time it
// is downloaded: the record (what was missing, when, which 文号) is the fact, the .docx its print.

const FONT = 'SimSun';
const SIZE = 22;
const BUREAU = BUREAU_NAME;

function p(text: string, opts: { bold?: boolean; size?: number; align?: 'center' | 'right'; indent?: boolean } = {}) {
  return new Paragraph({
    alignment:
      opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : undefined,
    spacing: { after: 120, line: 360 },
    indent: opts.indent ? { firstLine: 440 } : undefined,
    children: [new TextRun({ text, bold: opts.bold ?? false, font: FONT, size: opts.size ?? SIZE })],
  });
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, font: FONT, size: SIZE - 2 })] })],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

const day = (d: Date | null) => (d ? shanghaiDateOf(d).replace(/^(\d+)-(\d+)-(\d+)$/, '$1年$2月$3日') : '');

function header(title: string, number: string): Paragraph[] {
  return [
    p(BUREAU, { bold: true, size: 32, align: 'center' }),
    p(title, { bold: true, size: 36, align: 'center' }),
    p(number, { align: 'center' }),
  ];
}

function footer(date: Date | null): Paragraph[] {
  return [
    p(''),
    p(`${BUREAU}（印章）`, { align: 'right' }),
    p(day(date), { align: 'right' }),
    p(`联系窗口：${BUREAU_NAME}政务服务窗口`, { size: SIZE - 4 }),
  ];
}

export async function applicationDocx(kind: DocumentKind, d: ApplicationDetail): Promise<Buffer> {
  const a = d.row;
  if (!availableDocuments(a).includes(kind)) {
    throw new AppError('RECORD_NOT_FOUND', {
      detail: { zh: `该申请尚无${DOCUMENT_TITLES[kind].zh}`, en: `This application has no ${kind} document yet` },
    });
  }
  const party = `${d.enterpriseName}（申请人：${a.applicantName}）`;
  let body: (Paragraph | Table)[] = [];
  if (kind === 'notice') {
    const missing = (a.noticeMissing ?? []).map((i) => d.checklist[i]!);
    body = [
      p(`${party}：`),
      p(
        `你单位于${day(a.createdAt)}提交的“${a.matterName}”申请（申请编号 ${a.code}，项目：${a.projectName}），经审查，申请材料不齐全或者不符合法定形式。依据${APPLICATION_SOURCES.notice}，现一次性告知需要补正的全部内容如下：`,
        { indent: true },
      ),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders,
        rows: [
          new TableRow({
            tableHeader: true,
            children: ['序号', '需补正的材料', '形式', '份数'].map((h) => cell(h, true)),
          }),
          ...missing.map(
            (m, i) =>
              new TableRow({
                children: [
                  cell(String(i + 1)),
                  cell(m.name),
                  cell(MATERIAL_FORM_LABELS[m.form].zh),
                  cell(String(m.count)),
                ],
              }),
          ),
        ],
      }),
      ...(a.noticeNote ? [p(`其他需补正的内容：${a.noticeNote}`, { indent: true })] : []),
      p('请按上述内容一次补齐后，通过网上申请页面上传或到窗口提交。补正期间办理时限暂停计算，材料补齐后继续计算。', {
        indent: true,
      }),
    ];
    return pack(`${DOCUMENT_TITLES.notice.zh}`, [
      ...header('补正材料一次性告知书', `申请编号 ${a.code}`),
      ...body,
      ...footer(a.noticeIssuedAt),
    ]);
  }
  if (kind === 'acceptance') {
    const kindLabel = ACCEPTANCE_KIND_LABELS[(a.acceptanceKind ?? 'complete') as AcceptanceKind].zh;
    body = [
      p(`${party}：`),
      p(
        `你单位提交的“${a.matterName}”申请（申请编号 ${a.code}，项目：${a.projectName}），本局于${day(a.acceptedAt)}予以受理（${kindLabel}）。依据${APPLICATION_SOURCES.acceptance}，特此通知。`,
        { indent: true },
      ),
    ];
    if (a.acceptanceKind === 'deemed') body.push(p(`依据：${APPLICATION_SOURCES.deemed}。`, { indent: true }));
    if (a.acceptanceKind === 'deferred') {
      body.push(
        p(
          `容缺受理：你单位已书面承诺“${a.deferredPromise ?? ''}”，须在承诺期限内补交：${a.deferredItems.map((x) => x.name).join('、')}。补交前本局不作出准予许可决定。`,
          { indent: true },
        ),
      );
    }
    const handling = d.clocks.find(
      (c) => c.profileKey !== 'application.incomplete-notice' && c.profileKey !== 'application.deferred-material',
    );
    if (handling) body.push(p(`办理期限：${handling.dueDate} 前（专家评审、补正等时间不计入）。`, { indent: true }));
    return pack(DOCUMENT_TITLES.acceptance.zh, [
      ...header('受理通知书', `申请编号 ${a.code}`),
      ...body,
      ...footer(a.acceptedAt),
    ]);
  }
  const approved = a.status === 'approved';
  body = [
    p(`${party}：`),
    p(
      `你单位申请的“${a.matterName}”（申请编号 ${a.code}，项目：${a.projectName}），本局于${day(a.acceptedAt)}受理。经审查，决定${approved ? '准予行政许可' : '不予行政许可'}。`,
      { indent: true },
    ),
    p(`${approved ? '审查意见' : '不予许可的理由'}：${a.decisionReasons ?? ''}`, { indent: true }),
    ...(approved
      ? []
      : [
          p(
            '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
            { indent: true },
          ),
        ]),
    p(`依据：${APPLICATION_SOURCES.decision}。`, { indent: true }),
  ];
  return pack(DOCUMENT_TITLES.decision.zh, [
    ...header('行政许可决定书', a.decisionNumber ?? ''),
    ...body,
    ...footer(a.decidedAt),
  ]);
}

function pack(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: BUREAU,
    title,
    sections: [{ properties: { page: { margin: { top: 1400, bottom: 1200, left: 1500, right: 1400 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
