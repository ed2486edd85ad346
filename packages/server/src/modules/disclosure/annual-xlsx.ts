import { todayInShanghai } from '@qingshan/core/calendar';
import { ANNUAL_REPORT_FORM } from '@qingshan/core/disclosure-annual';
import ExcelJS from 'exceljs';
import type { FullAnnualReport } from './annual.ts';

const NOT_RECORDED = '平台无记录';

/** Tables 二、三、四 of the annual report in the form's layout, one sheet each. */
export async function annualReportXlsx(r: FullAnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const footer = `依据：${ANNUAL_REPORT_FORM}；由平台记录计算，导出于 ${todayInShanghai()}`;

  const two = wb.addWorksheet('表二');
  two.addRow([`${r.year}年政府信息公开工作年度报告`]);
  two.addRow(['二、主动公开政府信息情况']);
  for (const row of r.proactive) {
    two.addRow(['信息内容', ...row.cells.map((c) => c.label), '说明']);
    two.addRow([row.zh, ...row.cells.map((c) => c.value ?? NOT_RECORDED), row.basis.zh]);
  }
  two.getColumn(1).width = 24;
  for (let c = 2; c <= 4; c++) two.getColumn(c).width = 18;
  two.getColumn(5).width = 80;
  two.addRow([]);
  two.addRow([footer]);

  const three = wb.addWorksheet('表三');
  three.addRow([`${r.year}年政府信息公开工作年度报告`]);
  three.addRow(['三、收到和处理政府信息公开申请情况']);
  three.addRow(['本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', '申请人情况']);
  three.addRow(['', '自然人', '法人或其他组织', '', '', '', '', '总计']);
  three.addRow(['', ...r.columns.map((c) => c.zh), '']);
  for (const row of r.rows) three.addRow([row.zh, ...r.columns.map((c) => row.cells[c.key]), row.total]);
  three.mergeCells(3, 2, 3, 8);
  three.mergeCells(4, 3, 4, 7);
  three.mergeCells(3, 1, 5, 1);
  three.mergeCells(4, 8, 5, 8);
  three.mergeCells(4, 2, 5, 2);
  three.getColumn(1).width = 60;
  for (let c = 2; c <= 8; c++) three.getColumn(c).width = 12;
  three.addRow([]);
  three.addRow([footer]);

  const four = wb.addWorksheet('表四');
  four.addRow([`${r.year}年政府信息公开工作年度报告`]);
  four.addRow(['四、政府信息公开行政复议、行政诉讼情况']);
  const n = r.appealColumns.length;
  four.addRow(['行政复议', ...Array(n - 1).fill(''), '行政诉讼']);
  four.addRow(['', ...Array(n - 1).fill(''), '未经复议直接起诉', ...Array(n - 1).fill(''), '复议后起诉']);
  four.addRow(r.appeals.flatMap(() => r.appealColumns.map((c) => c.zh)));
  four.addRow(r.appeals.flatMap((a) => r.appealColumns.map((c) => a.cells[c.key])));
  four.mergeCells(3, 1, 4, n);
  four.mergeCells(3, n + 1, 3, 3 * n);
  four.mergeCells(4, n + 1, 4, 2 * n);
  four.mergeCells(4, 2 * n + 1, 4, 3 * n);
  for (let c = 1; c <= 3 * n; c++) four.getColumn(c).width = 10;
  four.addRow([]);
  four.addRow([footer]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
