import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on the first workbook a request reads or writes rather than when the platform
 * starts: its code and the objects it builds on import are held for the life of the process, and a
 * platform that never exports a sheet (or not for days) should not pay for them (issue 11; the
 * figures are in README, "Memory of the platform process"). Node caches the module after the first
 * call, so later calls cost one resolved promise.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
