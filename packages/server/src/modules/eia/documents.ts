import { BUREAU_NAME } from '@qingshan/core';
import { EIA_PATH_LABELS, EXEMPTION_LIST_LABELS, type ExemptionList } from '@qingshan/core/eia';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { AppError } from '../../errors.ts';
import { EIA_DOCUMENT_TITLES, type EiaCaseRow, type EiaDocumentKind, eiaDocumentsOf } from './schema.ts';

// The bureau's written EIA decisions, printed from the case record each time they are downloaded:
// the record (文号, date, who decided, the catalogue row) is the fact, the .docx its print.

const FONT = 'SimSun';
const SIZE = 24;
const BUREAU = BUREAU_NAME;

function p(text: string, opts: { bold?: boolean; size?: number; align?: 'center' | 'right'; indent?: boolean } = {}) {
  return new Paragraph({
    alignment:
      opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : undefined,
    spacing: { after: 120, line: 400 },
    indent: opts.indent ? { firstLine: 480 } : undefined,
    children: [new TextRun({ text, bold: opts.bold ?? false, font: FONT, size: opts.size ?? SIZE })],
  });
}

const day = (d: string | null) => (d ? d.replace(/^(\d+)-(\d+)-(\d+)$/, (_, y, m, dd) => `${y}年${+m}月${+dd}日`) : '');

/** Where the catalogue put the project, in the words the decision quotes. */
function basisOf(r: EiaCaseRow): string {
  const c = r.classification;
  if (!c) return `经对照${r.catalogueRow}`;
  return c.column
    ? `经对照${c.basis}（“${c.quote}”），该项目应${c.categoryLabel === '报告书' ? '编制环境影响报告书' : c.categoryLabel === '报告表' ? '编制环境影响报告表' : '填报环境影响登记表'}`
    : `经对照${c.basis}，该项目不纳入建设项目环境影响评价管理`;
}

export async function eiaDocx(kind: EiaDocumentKind, r: EiaCaseRow, enterpriseName: string): Promise<Buffer> {
  if (!eiaDocumentsOf(r).includes(kind)) {
    throw new AppError('RECORD_NOT_FOUND', {
      detail: { zh: `该环评事项尚无${EIA_DOCUMENT_TITLES[kind].zh}`, en: `This EIA case has no ${kind} document yet` },
    });
  }
  const children: Paragraph[] = [p(BUREAU, { bold: true, size: 32, align: 'center' })];
  if (kind === 'exemption') {
    const list = EXEMPTION_LIST_LABELS[(r.exemptionList ?? 'national') as ExemptionList].zh;
    children.push(
      p('建设项目环境影响评价豁免认定书', { bold: true, size: 36, align: 'center' }),
      p(r.documentNo ?? '', { align: 'center' }),
      p(`${enterpriseName}：`),
      p(
        `你单位“${r.projectName}”（建设地点：${r.projectAddress}；环评事项编号 ${r.code}）申请环境影响评价豁免认定。${basisOf(r)}。`,
        { indent: true },
      ),
      p(`经认定，该项目属于${list}所列情形：${r.exemptionEntry ?? ''}。`, { indent: true }),
      p(
        '该项目不需要办理环境影响评价审批（备案）手续，但不免除你单位应当承担的生态环境保护责任，须落实各项污染防治措施，依法排污。项目性质、规模、地点或者生产工艺发生变化的，应当重新判定环评类别。',
        { indent: true },
      ),
      p(`认定人：${r.decidedByName ?? ''}`, { indent: true }),
    );
  } else {
    const approved = r.state !== 'refused';
    const commitment = r.path === 'commitment';
    children.push(
      p(
        approved ? `关于“${r.projectName}”环境影响报告表的批复` : `关于“${r.projectName}”环境影响报告表不予批准的决定`,
        { bold: true, size: 34, align: 'center' },
      ),
      p(r.documentNo ?? '', { align: 'center' }),
      p(`${enterpriseName}：`),
      p(
        `你单位报送的“${r.projectName}”环境影响报告表（建设地点：${r.projectAddress}；环评事项编号 ${r.code}；办理方式：${EIA_PATH_LABELS[r.path].zh}）收悉，本局于${day(r.acceptedOn)}受理。${basisOf(r)}。`,
        { indent: true },
      ),
    );
    if (commitment)
      children.push(
        p('你单位已签署告知承诺书，本局已按规定在门户网站进行拟批准公示，公示期间收到的公众意见均已答复。', {
          indent: true,
        }),
      );
    if (approved) {
      children.push(
        p(
          `经审查，同意该项目按照环境影响报告表所列的性质、规模、地点和环境保护措施进行建设。${r.decisionReason ? `审查意见：${r.decisionReason}。` : ''}`,
          { indent: true },
        ),
        p(
          '项目建设必须严格执行环境保护设施与主体工程同时设计、同时施工、同时投产使用的“三同时”制度；项目的性质、规模、地点、生产工艺或者防治污染的措施发生重大变动的，应当重新报批环境影响评价文件。',
          { indent: true },
        ),
      );
      if (commitment)
        children.push(
          p(
            '本局将在本批复作出之日起30日内对承诺履行情况开展事后核查；承诺不实的，依法撤销本批复，并记入企业环境信用记录。',
            { indent: true },
          ),
        );
    } else {
      children.push(
        p(`经审查，决定不予批准。理由：${r.decisionReason ?? ''}。`, { indent: true }),
        p(
          '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
          { indent: true },
        ),
      );
    }
    children.push(
      p(
        '依据：《中华人民共和国环境影响评价法》第二十二条；《中华人民共和国行政许可法》第三十八条；《建设项目环境影响评价分类管理名录（2021年版）》。',
        { indent: true },
      ),
    );
  }
  children.push(
    p(''),
    p(`${BUREAU}（印章）`, { align: 'right' }),
    p(day(r.decidedOn), { align: 'right' }),
    p(`联系窗口：${BUREAU_NAME}政务服务窗口`, { size: SIZE - 4 }),
  );
  const doc = new Document({
    creator: BUREAU,
    title: EIA_DOCUMENT_TITLES[kind].zh,
    sections: [{ properties: { page: { margin: { top: 1400, bottom: 1200, left: 1500, right: 1400 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
