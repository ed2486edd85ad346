import {
  CREDIT_GRADES,
  ENTERPRISE_STATUSES,
  enterpriseLabel,
  enterprisePatchSchema,
  industryByCode,
  maskPhone,
  TAG_SEPARATOR,
  TOWNS,
  townByCode,
} from '@qingshan/core';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { EnterpriseRow } from './service.ts';
import type { ColumnKey } from './spreadsheet.ts';

export const SORTS = ['name', '-name', 'uscc', '-uscc', 'updatedAt', '-updatedAt'] as const;

export const enterpriseContactView = z.object({ name: z.string(), phone: z.string(), role: z.string().optional() });

export const enterpriseSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  usccValid: z.boolean(),
  townCode: z.string(),
  townName: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  status: z.enum(ENTERPRISE_STATUSES),
  tags: z.array(z.string()),
  creditGrade: z.enum(CREDIT_GRADES).nullable(),
  updatedAt: z.string(),
});
export type EnterpriseSummaryView = z.infer<typeof enterpriseSummaryView>;

export const enterpriseView = enterpriseSummaryView.extend({
  legalRepresentative: z.string().nullable(),
  contacts: z.array(enterpriseContactView),
  address: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  usccOverrideReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type EnterpriseView = z.infer<typeof enterpriseView>;

export const enterpriseContactsView = z.object({ contacts: z.array(enterpriseContactView) });

export const enterpriseFilterQuery = z.object({
  q: z.string().trim().max(100).optional(),
  townCode: z.string().max(12).optional(),
  industryCode: z.string().max(4).optional(),
  tag: z.string().max(40).optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  creditGrade: z.enum(CREDIT_GRADES).optional(),
  sort: z.enum(SORTS).default('name'),
});

export const enterpriseListQuery = enterpriseFilterQuery.extend({
  ...paging,
});

export const enterpriseIdParams = z.object({ id: z.uuid() });

// `version` is the one the form loaded: an edit over someone else's newer one is refused.
export const enterprisePatchBody = enterprisePatchSchema.extend({ version: z.number().int().min(1) });

export const importJobView = z.object({ jobId: z.string() });

export function toEnterpriseSummaryView(r: EnterpriseRow): EnterpriseSummaryView {
  return {
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    usccValid: r.usccValid,
    townCode: r.townCode,
    townName: townByCode(r.townCode)?.name ?? r.townCode,
    industryCode: r.industryCode,
    industryName: industryByCode(r.industryCode)?.name ?? r.industryCode,
    status: r.status as EnterpriseSummaryView['status'],
    tags: r.tags,
    creditGrade: r.creditGrade as EnterpriseSummaryView['creditGrade'],
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toEnterpriseView(r: EnterpriseRow, unmasked = false): EnterpriseView {
  return {
    ...toEnterpriseSummaryView(r),
    legalRepresentative: r.legalRepresentative,
    contacts: r.contacts.map((c) => ({ ...c, phone: unmasked ? c.phone : maskPhone(c.phone) })),
    address: r.address,
    location: r.lat != null && r.lng != null ? { lat: r.lat, lng: r.lng } : null,
    usccOverrideReason: r.usccOverrideReason,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

/** One row of the register workbook (the template, the import and the export share its columns). */
export type EnterpriseSheetView = Partial<Record<ColumnKey, string | number | null>>;

export function toEnterpriseSheetView(r: EnterpriseRow): EnterpriseSheetView {
  return {
    name: r.name,
    uscc: r.uscc,
    legalRepresentative: r.legalRepresentative,
    contactName: r.contacts[0]?.name ?? null,
    // phones leave the platform masked; unmasking is a deliberate, audited act
    contactPhone: r.contacts[0]?.phone ? maskPhone(r.contacts[0].phone) : null,
    address: r.address,
    town: TOWNS.find((t) => t.code === r.townCode)?.name ?? r.townCode,
    industryCode: r.industryCode,
    lat: r.lat,
    lng: r.lng,
    // the labels the UI shows (core), which the import reads back
    status: enterpriseLabel('status', r.status),
    tags: r.tags.map((tag) => enterpriseLabel('tag', tag)).join(TAG_SEPARATOR),
    creditGrade: r.creditGrade ? enterpriseLabel('creditGrade', r.creditGrade) : null,
  };
}

/** The import template's one example row. */
export const IMPORT_TEMPLATE_ROWS: readonly EnterpriseSheetView[] = [
  {
    name: '上栗县示例花炮厂',
    uscc: '91360322MA35XXXXXX',
    legalRepresentative: '张三',
    contactName: '李四',
    contactPhone: '13800000000',
    address: '上栗县上栗镇示例路1号',
    town: '上栗镇',
    industryCode: '2672',
    status: enterpriseLabel('status', 'operating'),
    tags: enterpriseLabel('tag', 'key-polluter'),
    creditGrade: enterpriseLabel('creditGrade', 'green'),
  },
];
