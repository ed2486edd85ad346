import { checkUscc, type EnterpriseCreate, enterpriseCreateSchema, normalizeUscc } from '@qingshan/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { zodIssuesText } from '../../plugins/validation.ts';
import type { Actor } from '../audit/service.ts';
import type { JobHandle } from '../jobs/service.ts';
import { createEnterprise, patchEnterpriseAsStaff } from './service.ts';
import { CREDIT_LABELS, labelToKey, type SheetRow, STATUS_LABELS, townCodeOf } from './spreadsheet.ts';
import { enterprises } from './tables.ts';

export type ImportResult = {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { row: number; reason: string }[];
};

function toInput(v: SheetRow['values']): Record<string, unknown> {
  const input: Record<string, unknown> = {
    name: v.name,
    uscc: v.uscc,
    address: v.address,
    townCode: townCodeOf(v.town),
    industryCode: v.industryCode,
  };
  if (v.legalRepresentative) input.legalRepresentative = v.legalRepresentative;
  if (v.contactName || v.contactPhone) input.contacts = [{ name: v.contactName ?? '', phone: v.contactPhone ?? '' }];
  if (v.lat || v.lng) input.location = { lat: Number(v.lat), lng: Number(v.lng) };
  if (v.status) input.status = labelToKey(STATUS_LABELS, v.status);
  if (v.tags) input.tags = v.tags.split(/[,，;；、\s]+/).filter(Boolean);
  if (v.creditGrade) input.creditGrade = labelToKey(CREDIT_LABELS, v.creditGrade);
  return input;
}

// Compares only what the file says: a column left empty keeps the register's value.
function changedFields(existing: typeof enterprises.$inferSelect, input: EnterpriseCreate): Partial<EnterpriseCreate> {
  const diff: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
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
    creditGrade: existing.creditGrade,
  };
  for (const [k, v] of Object.entries(input)) {
    if (k === 'uscc' || v === undefined) continue;
    if (k === 'status' && v === 'operating' && current.status && !same(current.status, v)) continue;
    if (!same(current[k], v)) diff[k] = v;
  }
  return diff as Partial<EnterpriseCreate>;
}

export async function importEnterprises(
  db: Db,
  actor: Actor,
  rows: SheetRow[],
  job: JobHandle,
  lang: 'zh' | 'en',
): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
  const fail = (row: number, reason: string) => {
    result.failed++;
    result.errors.push({ row, reason });
  };
  const seen = new Map<string, number>();
  await job.progress(0, rows.length);
  for (const [i, row] of rows.entries()) {
    const parsed = enterpriseCreateSchema.safeParse(toInput(row.values));
    if (!parsed.success) {
      fail(row.rowNumber, zodIssuesText(parsed.error.issues, lang));
    } else {
      const input = parsed.data;
      const uscc = normalizeUscc(input.uscc);
      const check = checkUscc(uscc);
      const firstRow = seen.get(uscc);
      if (!check.ok) {
        fail(
          row.rowNumber,
          `${lang === 'zh' ? check.message : check.messageEn}${lang === 'zh' ? '（如确认代码无误，请在系统中逐条人工核准）' : ' (to accept it anyway, create it in the form with a reason)'}`,
        );
      } else if (firstRow !== undefined) {
        fail(
          row.rowNumber,
          lang === 'zh' ? `与第 ${firstRow} 行的统一社会信用代码重复` : `same code as row ${firstRow}`,
        );
      } else {
        seen.set(uscc, row.rowNumber);
        try {
          const [existing] = await db.select().from(enterprises).where(eq(enterprises.uscc, uscc)).limit(1);
          if (!existing) {
            await createEnterprise(db, actor, { ...input, uscc });
            result.created++;
          } else {
            const diff = changedFields(existing, input);
            if (Object.keys(diff).length === 0) result.unchanged++;
            else {
              await patchEnterpriseAsStaff(db, actor, existing.id, diff);
              result.updated++;
            }
          }
        } catch (e) {
          if (e instanceof AppError) fail(row.rowNumber, e.message);
          else throw e;
        }
      }
    }
    if ((i + 1) % 25 === 0 || i === rows.length - 1) await job.progress(i + 1, rows.length);
  }
  return result;
}
