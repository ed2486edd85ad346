import { Readable } from 'node:stream';
import { type CREDIT_GRADES, type ENTERPRISE_STATUSES, TOWNS } from '@qingshan/core';
import ExcelJS from 'exceljs';

// One column layout for the template, the import and the export, so a file exported from the
// platform imports back unchanged.
export const COLUMNS = [
  { key: 'name', header: '企业名称', width: 32 },
  { key: 'uscc', header: '统一社会信用代码', width: 22 },
  { key: 'legalRepresentative', header: '法定代表人', width: 12 },
  { key: 'contactName', header: '联系人', width: 10 },
  { key: 'contactPhone', header: '联系电话', width: 15 },
  { key: 'address', header: '地址', width: 36 },
  { key: 'town', header: '乡镇', width: 10 },
  { key: 'industryCode', header: '行业代码', width: 10 },
  { key: 'lat', header: '纬度', width: 10 },
  { key: 'lng', header: '经度', width: 10 },
  { key: 'status', header: '状态', width: 8 },
  { key: 'tags', header: '标签', width: 20 },
  { key: 'creditGrade', header: '信用等级', width: 8 },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type SheetRow = { rowNumber: number; values: Partial<Record<ColumnKey, string>> };

export const STATUS_LABELS: Record<(typeof ENTERPRISE_STATUSES)[number], string> = {
  operating: '正常生产',
  suspended: '停产',
  closed: '关闭',
};
export const CREDIT_LABELS: Record<(typeof CREDIT_GRADES)[number], string> = {
  green: '绿牌',
  blue: '蓝牌',
  yellow: '黄牌',
  red: '红牌',
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

// Excel on Chinese Windows saves CSV as GB18030, not UTF-8: decode strictly as UTF-8 first and
// fall back, so a clerk's file is read as it was typed.
export function decodeCsv(buf: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    text = new TextDecoder('gb18030').decode(buf);
  }
  return text.replace(/^\uFEFF/, '');
}

export class UnreadableFileError extends Error {}

export async function readSheet(buf: Buffer, kind: 'csv' | 'xlsx'): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet | undefined;
  try {
    if (kind === 'xlsx') {
      await wb.xlsx.load(buf as never);
      ws = wb.worksheets[0];
    } else {
      ws = await wb.csv.read(Readable.from([decodeCsv(buf)]));
    }
  } catch (e) {
    throw new UnreadableFileError((e as Error).message);
  }
  if (!ws) throw new UnreadableFileError('no worksheet');
  const header = ws.getRow(1);
  const index = new Map<ColumnKey, number>();
  header.eachCell((cell, col) => {
    const text = cellText(cell.value);
    const column = COLUMNS.find((c) => c.header === text || c.key === text);
    if (column) index.set(column.key, col);
  });
  if (!index.has('name') || !index.has('uscc')) {
    throw new UnreadableFileError('表头缺少“企业名称”或“统一社会信用代码”列 / header lacks the name or code column');
  }
  const rows: SheetRow[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Partial<Record<ColumnKey, string>> = {};
    let any = false;
    for (const [key, col] of index) {
      const t = cellText(row.getCell(col).value);
      if (t) {
        values[key] = t;
        any = true;
      }
    }
    if (any) rows.push({ rowNumber, values });
  });
  return rows;
}

export function townCodeOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return TOWNS.find((t) => t.code === text || t.name === text)?.code ?? text;
}

export function labelToKey<K extends string>(
  labels: Record<K, string>,
  text: string | undefined,
): K | string | undefined {
  if (!text) return undefined;
  const hit = (Object.keys(labels) as K[]).find((k) => labels[k] === text || k === text);
  return hit ?? text;
}

export async function writeWorkbook(rows: Partial<Record<ColumnKey, string | number | null>>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '青山 Qingshan';
  const ws = wb.addWorksheet('企业');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
