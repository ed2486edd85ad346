import {
  checkUscc,
  type EnterpriseCreate,
  enterpriseCreateSchema,
  enterpriseLabels,
  type Lang,
  localizeIssues,
  normalizeUscc,
  parseEnterpriseLabel,
  parseEnterpriseTags,
  textProblem,
  translate,
} from '@qingshan/core';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { dbErrorToAppError, userFacingErrorText } from '../../db/errors.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../audit/service.ts';
import { type JobHandle, startJob } from '../jobs/service.ts';
import { getRuleNumber } from '../rules/service.ts';
import { createEnterprise, type EnterpriseRow, patchEnterpriseAsStaff } from './service.ts';
import { COLUMNS, type ColumnKey, looksLikeXlsx, readSheetRows, type SheetRow, townCodeOf } from './spreadsheet.ts';
import { enterprises } from './tables.ts';

export type ImportResult = {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { row: number; reason: string }[];
};

/** The rule that caps an import's rows (rules registry; see DEFAULT_RULES). */
export const IMPORT_MAX_ROWS_RULE = 'enterprise.import-max-rows';

/** Rows handled between two yields to the event loop, so other requests are answered meanwhile. */
export const IMPORT_BATCH_ROWS = 100;

/** A file the import refuses as a whole (too many rows, unreadable): the job fails with this reason. */
export class ImportRefusedError extends Error {}

const COLUMN_OF: Record<string, ColumnKey> = {
  name: 'name',
  uscc: 'uscc',
  legalRepresentative: 'legalRepresentative',
  'contacts.0.name': 'contactName',
  'contacts.0.phone': 'contactPhone',
  address: 'address',
  townCode: 'town',
  industryCode: 'industryCode',
  'location.lat': 'lat',
  'location.lng': 'lng',
  location: 'lat',
  status: 'status',
  tags: 'tags',
  creditGrade: 'creditGrade',
};

function header(key: ColumnKey, lang: Lang): string {
  const h = COLUMNS.find((c) => c.key === key)!.header;
  return lang === 'zh' ? h : `${h} (${key})`;
}

type Problem = { column: ColumnKey; message: string };

function problemsText(problems: Problem[], lang: Lang): string {
  return problems.map((p) => `${header(p.column, lang)}${lang === 'zh' ? '：' : ': '}${p.message}`).join('；');
}

// A phone exported masked (138****5678): the platform never lets full numbers leave unasked, so the
// masked form in a re-imported file means "the number the register already holds".
const MASKED = /\*/;

/**
 * One sheet row → the API's create input, plus the problems of the cells that name nothing known
 * (status, tags, credit) in the clerk's words. Only the columns the row fills are set: an empty
 * cell keeps the register's value.
 */
function toInput(
  v: SheetRow['values'],
  existing: EnterpriseRow | undefined,
  lang: Lang,
): { input: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const allowed = (kind: 'status' | 'creditGrade' | 'tag') => enterpriseLabels(kind, lang).join('、');
  const input: Record<string, unknown> = { name: v.name, uscc: v.uscc };
  if (v.address !== undefined) input.address = v.address;
  if (v.town !== undefined) input.townCode = townCodeOf(v.town);
  if (v.industryCode !== undefined) {
    // Excel stores 0313 typed into a number cell as 313; class codes always have four digits.
    input.industryCode = /^\d{1,3}$/.test(v.industryCode) ? v.industryCode.padStart(4, '0') : v.industryCode;
  }
  if (v.legalRepresentative) input.legalRepresentative = v.legalRepresentative;
  if (v.contactName || v.contactPhone) {
    const [first, ...rest] = existing?.contacts ?? [];
    let phone = v.contactPhone ?? first?.phone ?? '';
    if (v.contactPhone && MASKED.test(v.contactPhone)) {
      if (first && maskedSame(first.phone, v.contactPhone)) phone = first.phone;
      else {
        problems.push({
          column: 'contactPhone',
          message:
            lang === 'zh'
              ? `“${v.contactPhone}”是隐藏了中间位的号码，只能表示“保持原号码不变”；新号码请填写完整`
              : `"${v.contactPhone}" is a masked number and can only mean "keep the stored number"; enter a new number in full`,
        });
      }
    }
    // Only the first contact is in the sheet: its role and the other contacts stay as they are.
    input.contacts = [{ ...first, name: v.contactName ?? first?.name ?? '', phone }, ...rest];
  }
  if (v.lat !== undefined || v.lng !== undefined) input.location = { lat: Number(v.lat), lng: Number(v.lng) };
  if (v.status) {
    const key = parseEnterpriseLabel('status', v.status);
    if (key) input.status = key;
    else problems.push({ column: 'status', message: notAllowed(v.status, allowed('status'), lang) });
  }
  if (v.tags) {
    const { tags, unknown } = parseEnterpriseTags(v.tags);
    if (unknown.length)
      problems.push({ column: 'tags', message: notAllowed(unknown.join('、'), allowed('tag'), lang) });
    else input.tags = tags;
  }
  if (v.creditGrade) {
    const key = parseEnterpriseLabel('creditGrade', v.creditGrade);
    if (key) input.creditGrade = key;
    else problems.push({ column: 'creditGrade', message: notAllowed(v.creditGrade, allowed('creditGrade'), lang) });
  }
  return { input, problems };
}

function maskedSame(stored: string, masked: string): boolean {
  if (stored.length !== masked.length) return false;
  return [...masked].every((ch, i) => ch === '*' || ch === stored[i]);
}

function notAllowed(value: string, allowed: string, lang: Lang): string {
  return lang === 'zh'
    ? `“${value}”不是可选值，可选：${allowed}`
    : `"${value}" is not allowed; choose one of: ${allowed}`;
}

// Compares only what the file says: a column left empty keeps the register's value.
function changedFields(
  existing: EnterpriseRow,
  raw: Record<string, unknown>,
  input: EnterpriseCreate,
): Partial<EnterpriseCreate> {
  const diff: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => canonical(a ?? null) === canonical(b ?? null);
  const current: Record<string, unknown> = {
    name: existing.name,
    address: existing.address,
    townCode: existing.townCode,
    industryCode: existing.industryCode,
    legalRepresentative: existing.legalRepresentative,
    contacts: existing.contacts,
    location: existing.lat != null && existing.lng != null ? { lat: existing.lat, lng: existing.lng } : null,
    status: existing.status,
    tags: existing.tags,
  };
  for (const k of Object.keys(raw)) {
    // a registered firm's grade changes only through a credit evaluation (module credit); the
    // file's column sets the grade of a firm it registers, nothing more
    if (k === 'uscc' || k === 'creditGrade') continue;
    const v = input[k as keyof EnterpriseCreate];
    if (v === undefined) continue;
    if (
      k === 'tags' ? !same([...(current.tags as string[])].sort(), [...(v as string[])].sort()) : !same(current[k], v)
    )
      diff[k] = v;
  }
  return diff as Partial<EnterpriseCreate>;
}

// jsonb returns object keys in its own order; compare values, not key order.
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => a.localeCompare(b)))
      : val,
  );
}

async function yieldToEventLoop(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
}

export type ImportFile = { body: Buffer; kind: 'csv' | 'xlsx' };

/**
 * Runs tasks one after another, whatever their outcome. Imports go through one lane, so ten
 * uploads at once cost the memory of one import plus the waiting files (each within the upload
 * limit), not ten imports side by side.
 */
export function serialLane(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => {});
    return run;
  };
}

/** The server's import lane (see serialLane). */
export const importLane = serialLane();

export type ImportOptions = {
  /** Overrides the rule (tests, benchmarks). */
  maxRows?: number;
  batchRows?: number;
  /** Called once per batch with its size (tests check that rows are processed in batches). */
  onBatch?: (rows: number) => void;
  /** See READ_STALL_MS. */
  stallMs?: number;
};

/**
 * Accepts an uploaded register file (the raw request body) and starts its import as a background
 * job, answering the job's id. Reading and saving run after the reply, streamed and in batches
 * (importEnterpriseFile); a file refused as a whole (too many rows, damaged) fails the job with the
 * reason.
 */
export async function startEnterpriseImport(
  db: Db,
  actor: Actor,
  upload: { body: unknown; contentType: string | undefined },
  lang: Lang,
  onJob?: (p: Promise<void>) => void,
): Promise<string> {
  const kind = upload.contentType?.startsWith('text/csv') ? 'csv' : 'xlsx';
  const body = upload.body;
  if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (kind === 'xlsx' && !looksLikeXlsx(body)) {
    throw new AppError('IMPORT_UNREADABLE', {
      detail: { zh: '文件不是 xlsx 工作簿', en: 'the file is not an xlsx workbook' },
    });
  }
  return startJob(
    db,
    'enterprise-import',
    actor.id,
    (job) => importLane(() => importEnterpriseFile(db, actor, { body, kind }, lang, job)),
    onJob,
  );
}

const NO_JOB: JobHandle = { id: '', progress: async () => {} };

/**
 * Imports an enterprise register file (xlsx or CSV) into the register: new codes are created,
 * known ones updated with what the file changes, bad rows reported by row and column. A plain
 * function so a benchmark can call it without HTTP; the route runs it as a background job.
 *
 * Bounded: the file is streamed twice — first only counting rows (refused beyond the rule's cap
 * before anything is written; progress shows the rows read), then handled in batches with a
 * yield to the event loop between them. Memory holds one batch, never the sheet.
 */
export async function importEnterpriseFile(
  db: Db,
  actor: Actor,
  file: ImportFile,
  lang: Lang,
  job: JobHandle = NO_JOB,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const maxRows = options.maxRows ?? (await getRuleNumber(db, IMPORT_MAX_ROWS_RULE));
  const batchRows = options.batchRows ?? IMPORT_BATCH_ROWS;

  let total = 0;
  for await (const _row of readSheetRows(file.body, file.kind, options)) {
    total++;
    if (total > maxRows) {
      throw new ImportRefusedError(
        lang === 'zh'
          ? `文件超过 ${maxRows} 行的导入上限（规则“企业导入最多行数”），未导入任何一行；请分成多个文件`
          : `the file has more than ${maxRows} rows, the import limit (rule "${IMPORT_MAX_ROWS_RULE}"); nothing was imported — split the file`,
      );
    }
    // report the rows as they are read, so progress never sits at "0 / 0"
    if (total % batchRows === 0) {
      await job.progress(0, total);
      await yieldToEventLoop();
    }
  }
  await job.progress(0, total);

  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
  const seen = new Map<string, number>();
  let processed = 0;
  let batch: SheetRow[] = [];
  const flush = async () => {
    options.onBatch?.(batch.length);
    await importBatch(db, actor, batch, lang, result, seen);
    processed += batch.length;
    batch = [];
    await job.progress(processed, total);
    await yieldToEventLoop();
  };
  for await (const row of readSheetRows(file.body, file.kind, options)) {
    batch.push(row);
    if (batch.length >= batchRows) await flush();
  }
  if (batch.length) await flush();
  return result;
}

async function importBatch(
  db: Db,
  actor: Actor,
  rows: SheetRow[],
  lang: Lang,
  result: ImportResult,
  seen: Map<string, number>,
): Promise<void> {
  const fail = (row: number, reason: string) => {
    result.failed++;
    result.errors.push({ row, reason });
  };
  // One query for the batch's known codes instead of one per row.
  const codes = rows.map((r) => normalizeUscc(r.values.uscc ?? '')).filter((c) => c.length === 18);
  const known = new Map<string, EnterpriseRow>();
  if (codes.length) {
    for (const e of await db.select().from(enterprises).where(inArray(enterprises.uscc, codes))) known.set(e.uscc, e);
  }
  for (const row of rows) {
    // PGlite runs each query on this thread and its promises resolve as microtasks: without a
    // turn of the event loop per row, a batch would hold off every other request for seconds.
    await yieldToEventLoop();
    const uscc = normalizeUscc(row.values.uscc ?? '');
    const existing = known.get(uscc);
    const { input: raw, problems } = toInput(row.values, existing, lang);
    // The same text rules as every API field (core/src/text.ts), cell by cell.
    for (const [column, value] of Object.entries(row.values)) {
      const key = value === undefined ? null : textProblem(value);
      if (key) problems.push({ column: column as ColumnKey, message: translate(key, lang) });
    }
    // An existing enterprise need not repeat every required column; a new one must.
    const parsed = enterpriseCreateSchema.safeParse(
      existing
        ? {
            address: existing.address,
            townCode: existing.townCode,
            industryCode: existing.industryCode,
            ...raw,
          }
        : raw,
    );
    if (!parsed.success) {
      for (const issue of localizeIssues(parsed.error.issues, lang)) {
        const column = COLUMN_OF[issue.path] ?? COLUMN_OF[issue.path.split('.')[0]!];
        if (problems.some((p) => p.column === column)) continue;
        problems.push({ column: column ?? 'name', message: issue.message });
      }
    }
    if (problems.length || !parsed.success) {
      fail(row.rowNumber, problemsText(problems, lang));
      continue;
    }
    const input = parsed.data;
    const check = checkUscc(uscc);
    const firstRow = seen.get(uscc);
    // A code accepted by override is already in the register: its row updates that enterprise.
    if (!check.ok && !existing) {
      fail(
        row.rowNumber,
        problemsText(
          [
            {
              column: 'uscc',
              message: `${lang === 'zh' ? check.message : check.messageEn}${lang === 'zh' ? '（如确认代码无误，请在系统中逐条人工核准）' : ' (to accept it anyway, create it in the form with a reason)'}`,
            },
          ],
          lang,
        ),
      );
      continue;
    }
    if (firstRow !== undefined) {
      fail(
        row.rowNumber,
        problemsText(
          [
            {
              column: 'uscc',
              message: lang === 'zh' ? `与第 ${firstRow} 行的统一社会信用代码重复` : `same code as row ${firstRow}`,
            },
          ],
          lang,
        ),
      );
      continue;
    }
    seen.set(uscc, row.rowNumber);
    try {
      if (!existing) {
        await createEnterprise(db, actor, { ...input, uscc });
        result.created++;
      } else {
        const diff = changedFields(existing, raw, input);
        if (Object.keys(diff).length === 0) result.unchanged++;
        else {
          await patchEnterpriseAsStaff(db, actor, existing.id, diff, existing.version);
          result.updated++;
        }
      }
    } catch (e) {
      // Another import (or a clerk) may have registered the same code since `known` was read: the
      // row fails with the register's answer, never with the database's statement.
      const refused = e instanceof AppError ? e : dbErrorToAppError(e);
      if (refused) fail(row.rowNumber, userFacingErrorText(refused, lang));
      else throw e;
    }
  }
}
