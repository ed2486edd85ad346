import { Readable } from 'node:stream';
import { TOWNS } from '@qingshan/core';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../shared/excel.ts';

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

export { XLSX_TYPE } from '../../shared/xlsx.ts';

// Every cell is read as the text the clerk sees: a number cell keeps its digits (no exponent, no
// float noise for phone numbers), a formula gives its result, rich text its characters.
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('richText' in v && Array.isArray(v.richText))
      return v.richText
        .map((t: { text: string }) => t.text)
        .join('')
        .trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result);
    if ('error' in v) return '';
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

/**
 * A CSV file as records of text cells (RFC 4180: quoted cells may hold commas, quotes doubled,
 * line breaks). Nothing is converted: exceljs's CSV reader turned 07991234567 and 0313 into numbers
 * and all-digit USCCs into floats, changing what the clerk typed.
 */
export function* csvRecords(text: string): Generator<string[]> {
  let cell = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      record.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      record.push(cell);
      yield record;
      record = [];
      cell = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || record.length > 0) {
    record.push(cell);
    yield record;
  }
}

/** One worksheet row as text cells; index 1 is column A (exceljs numbering). */
type RawRow = { rowNumber: number; cells: string[] };

/** Declared uncompressed size of the parts read (workbook, shared strings, worksheets). */
export const XLSX_MAX_UNCOMPRESSED_BYTES = 256 * 1_048_576;

type ZipEntry = { name: string; start: number; end: number; size: number };

/**
 * The local entries of a zip, located through its central directory (the whole file is in
 * memory, so this is random access). Throws UnreadableFileError for anything that is not a
 * plain zip.
 */
function zipEntries(buf: Buffer): ZipEntry[] {
  const bad = (why: string) => new UnreadableFileError(`文件不是有效的 xlsx 工作簿（${why}）/ not a valid xlsx`);
  // End of central directory: 22 bytes plus a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('no zip directory');
  const count = buf.readUInt16LE(eocd + 10);
  const dirStart = buf.readUInt32LE(eocd + 16);
  if (dirStart >= buf.length) throw bad('zip directory out of range');
  const raw: { name: string; offset: number; size: number }[] = [];
  let p = dirStart;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw bad('damaged zip directory');
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    raw.push({ name, offset, size });
    p += 46 + nameLength + extraLength + commentLength;
  }
  const offsets = [...raw.map((e) => e.offset), dirStart].sort((a, b) => a - b);
  return raw.map((e) => {
    if (e.offset >= dirStart || buf.readUInt32LE(e.offset) !== 0x04034b50) throw bad('damaged zip entry');
    // an entry runs to the next one (its data descriptor included)
    return { name: e.name, start: e.offset, end: offsets.find((o) => o > e.offset)!, size: e.size };
  });
}

const sheetNumber = (name: string) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] ?? Number.NaN);

/**
 * The parts the import reads, in the order the streaming reader needs: relationships, workbook
 * and shared strings before the worksheets. exceljs writes (and Excel may write) the shared
 * strings after the sheets; the reader then copies each sheet to a temporary file first, and
 * an import stopped early (row cap) left that file behind until the process exits.
 */
export function xlsxPartsInReadingOrder(buf: Buffer): ZipEntry[] {
  const entries = zipEntries(buf);
  const pick = (name: string) => entries.filter((e) => e.name === name);
  const sheets = entries
    .filter((e) => Number.isFinite(sheetNumber(e.name)))
    .sort((a, b) => sheetNumber(a.name) - sheetNumber(b.name));
  const parts = [
    ...pick('xl/_rels/workbook.xml.rels'),
    ...pick('xl/workbook.xml'),
    ...pick('xl/sharedStrings.xml'),
    ...sheets,
  ];
  if (sheets.length === 0) throw new UnreadableFileError('工作簿里没有工作表 / the workbook has no worksheet');
  const declared = parts.reduce((sum, e) => sum + e.size, 0);
  if (declared > XLSX_MAX_UNCOMPRESSED_BYTES) {
    throw new UnreadableFileError(
      `工作簿解压后超过 ${XLSX_MAX_UNCOMPRESSED_BYTES / 1_048_576} MB，不予读取 / the workbook unpacks to more than ${XLSX_MAX_UNCOMPRESSED_BYTES / 1_048_576} MB`,
    );
  }
  return parts;
}

// The chosen entries, one after another, in small slices: the reader reads local entries in
// stream order (it needs no central directory), and small slices let the unzip and XML parse
// run a little at a time between other requests.
function* reorderedZip(buf: Buffer, parts: ZipEntry[], size = 64 * 1024): Generator<Buffer> {
  for (const part of parts) {
    for (let i = part.start; i < part.end; i += size) yield buf.subarray(i, Math.min(i + size, part.end));
  }
}

/**
 * The xlsx reader. The streaming reader parses the first worksheet row by row and keeps only the
 * shared-strings table; workbook.xlsx.load built the whole workbook as objects (2.4 GB for a
 * 4 MB file). An object so a test can check which reader an import uses.
 */
export const xlsxReader = {
  open(buf: Buffer, excel: typeof ExcelJS): ExcelJS.stream.xlsx.WorkbookReader {
    return new excel.stream.xlsx.WorkbookReader(Readable.from(reorderedZip(buf, xlsxPartsInReadingOrder(buf))), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
  },
};

async function* xlsxRows(buf: Buffer): AsyncGenerator<RawRow> {
  const reader = xlsxReader.open(buf, await loadExcel());
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells[c] = cellText(values[c]);
      yield { rowNumber: row.number, cells };
    }
    return; // the register is the first sheet
  }
}

function* csvRows(buf: Buffer): Generator<RawRow> {
  let rowNumber = 0;
  for (const record of csvRecords(decodeCsv(buf))) {
    rowNumber++;
    yield { rowNumber, cells: [undefined as never, ...record.map((c) => c.trim())] };
  }
}

/** How long reading may go without producing a row before the file is given up as damaged. */
export const READ_STALL_MS = 30_000;

/**
 * Passes the rows on, but gives up when the source produces none for `ms`: a damaged deflate
 * stream can leave the unzip waiting for ever, which left an import job "running" for good.
 */
async function* withStallLimit<T>(source: AsyncIterator<T> | Iterator<T>, ms: number): AsyncGenerator<T> {
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new UnreadableFileError(`文件读取停滞（${ms / 1000} 秒无进展），可能已损坏 / reading stalled`)),
        ms,
      );
    });
    try {
      const next = await Promise.race([source.next(), stalled]);
      if (next.done) return;
      yield next.value;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The XLSX container is a zip: anything else is refused at once, before a job is started. */
export function looksLikeXlsx(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
}

/**
 * Streams the register rows of an xlsx or CSV file: the header row picks the columns (by the
 * platform's header or the field key), then each non-empty row comes out as text by column key.
 * Memory stays bounded by one row plus the xlsx shared-strings table, whatever the file's length.
 */
export async function* readSheetRows(
  buf: Buffer,
  kind: 'csv' | 'xlsx',
  options: { stallMs?: number } = {},
): AsyncGenerator<SheetRow> {
  const source = kind === 'xlsx' ? xlsxRows(buf) : csvRows(buf);
  let index: Map<ColumnKey, number> | null = null;
  try {
    for await (const raw of withStallLimit(source, options.stallMs ?? READ_STALL_MS)) {
      if (index === null) {
        index = new Map();
        for (const [col, text] of raw.cells.entries()) {
          const column = COLUMNS.find((c) => c.header === text || c.key === text);
          if (column && text) index.set(column.key, col);
        }
        if (!index.has('name') || !index.has('uscc')) {
          throw new UnreadableFileError(
            '第 1 行应为表头，且须有“企业名称”和“统一社会信用代码”两列 / row 1 must be the header with the name and code columns',
          );
        }
        continue;
      }
      const values: Partial<Record<ColumnKey, string>> = {};
      let any = false;
      for (const [key, col] of index) {
        const t = raw.cells[col] ?? '';
        if (t) {
          values[key] = t;
          any = true;
        }
      }
      if (any) yield { rowNumber: raw.rowNumber, values };
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError(`文件无法读取（${(e as Error).message}）/ the file cannot be read`);
  }
  if (index === null) throw new UnreadableFileError('文件是空的 / the file is empty');
}

export function townCodeOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return TOWNS.find((t) => t.code === text || t.name === text)?.code ?? text;
}

export async function writeWorkbook(
  rows: readonly Partial<Record<ColumnKey, string | number | null>>[],
): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = '青山 Qingshan';
  const ws = wb.addWorksheet('企业');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
