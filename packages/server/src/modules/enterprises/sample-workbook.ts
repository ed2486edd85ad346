import { PassThrough } from 'node:stream';
import { makeValidUscc, TOWNS } from '@qingshan/core';
import ExcelJS from 'exceljs';
import { COLUMNS } from './spreadsheet.ts';

/**
 * A register workbook of `rows` made-up enterprises in the platform's own column layout, written
 * with exceljs's streaming writer so even a large one costs little memory. Used by the import
 * tests (a file one row over the cap) and by load measurements (`bench:abuse`): 40,000 rows make
 * an xlsx of about 4 MB.
 */
export async function sampleWorkbook(rows: number, offset = 0): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('企业');
  ws.addRow(COLUMNS.map((c) => c.header)).commit();
  for (let n = offset; n < offset + rows; n++) {
    const town = TOWNS[n % TOWNS.length]!;
    ws.addRow([
      `上栗县样例第${n}号花炮制造有限公司`,
      makeValidUscc(`91360322MA${String(n).padStart(7, '0').slice(-7)}`),
      `法人${n}`,
      `联系人${n}`,
      `138${String(n).padStart(8, '0').slice(-8)}`,
      `上栗县${town.name}样例路${n}号`,
      town.name,
      '2672',
      27.8 + (n % 100) / 1000,
      113.8 + (n % 100) / 1000,
      '在营',
      '重点排污单位',
      '环保诚信企业（绿牌）',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
