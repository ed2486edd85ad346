/**
 * Enterprise (企业 / 排污单位) input schemas: the API contract for creating and patching an
 * enterprise. Messages are keys of messages.ts (see README, "Messages"). The schemas avoid
 * transforms so they convert to JSON Schema for OpenAPI unchanged (trim/upper-case are zod
 * "overwrites", which do convert).
 */
import { z } from 'zod';
import { isIndustryClass } from './industries.ts';
import { bilingual, type MessageKey } from './messages.ts';
import { isTownCode } from './towns.ts';
import { checkUscc } from './uscc.ts';

export const ENTERPRISE_STATUSES = ['operating', 'suspended', 'closed'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const ENTERPRISE_STATUS_LABELS: Readonly<Record<EnterpriseStatus, { zh: string; en: string }>> = {
  operating: { zh: '在营', en: 'operating' },
  suspended: { zh: '停产', en: 'suspended' },
  closed: { zh: '关闭', en: 'closed' },
};

/** 企业环境信用评价办法(试行) (环发〔2013〕150号): 环保诚信 / 良好 / 警示 / 不良; reference.md §1.12. */
export const CREDIT_GRADES = ['green', 'blue', 'yellow', 'red'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

export const CREDIT_GRADE_LABELS: Readonly<Record<CreditGrade, { zh: string; en: string }>> = {
  green: { zh: '环保诚信企业（绿牌）', en: 'trustworthy (green)' },
  blue: { zh: '环保良好企业（蓝牌）', en: 'good (blue)' },
  yellow: { zh: '环保警示企业（黄牌）', en: 'warned (yellow)' },
  red: { zh: '环保不良企业（红牌）', en: 'bad (red)' },
};

/**
 * Tags the bureau puts on enterprises. The positive-list categories follow MEE 2020 (环综合〔2020〕13号
 * and the April 2020 notice on 监督执法正面清单) plus Jiangxi's two additions (reference.md §1.5).
 */
export const ENTERPRISE_TAGS = [
  'key-polluter',
  'major-project',
  'positive-list',
  'epidemic-supply',
  'livelihood',
  'high-employment',
  'medical-waste-disposal',
  'public-facility',
] as const;
export type EnterpriseTag = (typeof ENTERPRISE_TAGS)[number];

export const ENTERPRISE_TAG_LABELS: Readonly<Record<EnterpriseTag, { zh: string; en: string }>> = {
  'key-polluter': { zh: '重点排污单位', en: 'key pollutant discharger' },
  'major-project': { zh: '重大项目', en: 'major project' },
  'positive-list': { zh: '正面清单', en: 'positive list' },
  'epidemic-supply': { zh: '防疫物资生产', en: 'epidemic supplies producer' },
  livelihood: { zh: '民生保障', en: 'livelihood supplier' },
  'high-employment': { zh: '吸纳就业多', en: 'high employment' },
  'medical-waste-disposal': { zh: '医疗废物、废水处置', en: 'medical waste and wastewater disposal' },
  'public-facility': { zh: '公共设施运营', en: 'public facility operator' },
};

type Labels<K extends string> = Readonly<Record<K, { zh: string; en: string }>>;

/**
 * Other spellings a spreadsheet may carry for the same value: the platform's earlier exports and
 * template (正常生产, 绿牌 …) and the short names clerks type. Read on import only; the platform
 * itself always writes the labels above, so UI, export and import show one set.
 */
const LABEL_ALIASES: Readonly<Record<string, string>> = {
  正常生产: 'operating',
  生产: 'operating',
  营业: 'operating',
  绿牌: 'green',
  蓝牌: 'blue',
  黄牌: 'yellow',
  红牌: 'red',
  环保诚信企业: 'green',
  环保良好企业: 'blue',
  环保警示企业: 'yellow',
  环保不良企业: 'red',
};

export const ENTERPRISE_LABEL_SETS = {
  status: ENTERPRISE_STATUS_LABELS,
  creditGrade: CREDIT_GRADE_LABELS,
  tag: ENTERPRISE_TAG_LABELS,
} as const;
export type EnterpriseLabelKind = keyof typeof ENTERPRISE_LABEL_SETS;

/** The label shown for a stored key (the key itself when unknown, so nothing is hidden). */
export function enterpriseLabel(kind: EnterpriseLabelKind, key: string, lang: 'zh' | 'en' = 'zh'): string {
  return (ENTERPRISE_LABEL_SETS[kind] as Labels<string>)[key]?.[lang] ?? key;
}

/** The allowed labels of a kind, for error messages ("可选：在营、停产、关闭"). */
export function enterpriseLabels(kind: EnterpriseLabelKind, lang: 'zh' | 'en' = 'zh'): string[] {
  return Object.values(ENTERPRISE_LABEL_SETS[kind] as Labels<string>).map((l) => l[lang]);
}

/**
 * The key a spreadsheet cell names: the Chinese or English label, the key itself, or an alias;
 * full-width brackets and letter case do not matter. Undefined when it names nothing known.
 */
export function parseEnterpriseLabel(kind: EnterpriseLabelKind, text: string): string | undefined {
  const set = ENTERPRISE_LABEL_SETS[kind] as Labels<string>;
  const norm = (t: string) => t.trim().toLowerCase().replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, ' ');
  const wanted = norm(text);
  for (const [key, label] of Object.entries(set)) {
    if (norm(key) === wanted || norm(label.zh) === wanted || norm(label.en) === wanted) return key;
  }
  const alias = LABEL_ALIASES[text.trim()];
  return alias !== undefined && alias in set ? alias : undefined;
}

/**
 * A tags cell: labels separated by commas, semicolons, spaces or 、. A label may itself contain
 * 、 (医疗废物、废水处置), so a piece is first matched whole and only then split at 、.
 * Returns the keys and the pieces that name no tag.
 */
export function parseEnterpriseTags(text: string): { tags: string[]; unknown: string[] } {
  const tags: string[] = [];
  const unknown: string[] = [];
  for (const piece of text.split(/[,，;；\n]+/)) {
    const p = piece.trim();
    if (!p) continue;
    const whole = parseEnterpriseLabel('tag', p);
    if (whole) {
      tags.push(whole);
      continue;
    }
    for (const part of p.split(/[、\s]+/).filter(Boolean)) {
      const key = parseEnterpriseLabel('tag', part);
      if (key) tags.push(key);
      else unknown.push(part);
    }
  }
  return { tags: [...new Set(tags)], unknown };
}

/** How the export writes tags, and what parseEnterpriseTags reads back. */
export const TAG_SEPARATOR = '，';

/** County bounding box with a small margin (real extent ≈ 27.7–28.1 N, 113.7–114.1 E). */
export const COUNTY_BOUNDS = { latMin: 27, latMax: 28.5, lngMin: 113, lngMax: 114.5 } as const;

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0 + 2–3 digits, local number 7–8 digits, optional extension.
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

export function isChinesePhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

const err = (key: MessageKey) => ({ error: key });

export const contactSchema = z.strictObject({
  name: z
    .string(err('contact.name.length'))
    .trim()
    .min(1, err('contact.name.length'))
    .max(50, err('contact.name.length')),
  phone: z.string(err('contact.phone.invalid')).trim().refine(isChinesePhone, err('contact.phone.invalid')),
  role: z.string(err('contact.role.length')).trim().max(30, err('contact.role.length')).optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export const locationSchema = z
  .strictObject({
    lat: z
      .number(err('enterprise.location.lat'))
      .min(-90, err('enterprise.location.lat'))
      .max(90, err('enterprise.location.lat')),
    lng: z
      .number(err('enterprise.location.lng'))
      .min(-180, err('enterprise.location.lng'))
      .max(180, err('enterprise.location.lng')),
  })
  .refine(
    ({ lat, lng }) =>
      lat >= COUNTY_BOUNDS.latMin &&
      lat <= COUNTY_BOUNDS.latMax &&
      lng >= COUNTY_BOUNDS.lngMin &&
      lng <= COUNTY_BOUNDS.lngMax,
    err('enterprise.location.outsideCounty'),
  );
export type Location = z.infer<typeof locationSchema>;

// Without defaults: the patch schema is derived from these, and zod 4 applies defaults even to
// optional keys, which would silently reset status/tags on every patch.
const fields = {
  name: z
    .string(err('enterprise.name.required'))
    .trim()
    .min(1, { ...err('enterprise.name.required'), abort: true })
    .min(2, err('enterprise.name.length'))
    .max(100, err('enterprise.name.length')),
  uscc: z
    .string(err('enterprise.uscc.required'))
    .trim()
    .toUpperCase()
    .min(1, err('enterprise.uscc.required'))
    // generous bound against junk; the real length rule is checkUscc's, with its precise message
    .max(64, err('uscc.length')),
  usccOverrideReason: z
    .string(err('uscc.overrideReason.length'))
    .trim()
    .min(5, err('uscc.overrideReason.length'))
    .max(200, err('uscc.overrideReason.length'))
    .optional(),
  legalRepresentative: z
    .string(err('enterprise.legalRepresentative.length'))
    .trim()
    .max(50, err('enterprise.legalRepresentative.length'))
    .optional(),
  contacts: z.array(contactSchema).max(10, err('enterprise.contacts.max')).optional(),
  address: z
    .string(err('enterprise.address.required'))
    .trim()
    .min(1, err('enterprise.address.required'))
    .max(200, err('enterprise.address.length')),
  // An empty choice gets a plain request ("请选择乡镇"), not the list of code ranges.
  townCode: z
    .string(err('enterprise.townCode.required'))
    .trim()
    .min(1, { ...err('enterprise.townCode.required'), abort: true })
    .refine(isTownCode, err('enterprise.townCode.unknown')),
  industryCode: z
    .string(err('enterprise.industryCode.required'))
    .trim()
    .min(1, { ...err('enterprise.industryCode.required'), abort: true })
    // the pattern also documents the format in the OpenAPI schema; abort avoids a second message
    .regex(/^\d{4}$/, { ...err('enterprise.industryCode.notClass'), abort: true })
    .refine(isIndustryClass, err('enterprise.industryCode.notClass')),
  location: locationSchema.nullable().optional(),
  status: z.enum(ENTERPRISE_STATUSES, err('enterprise.status.unknown')),
  tags: z
    .array(z.enum(ENTERPRISE_TAGS, err('enterprise.tags.unknown')))
    .refine((tags) => new Set(tags).size === tags.length, err('enterprise.tags.duplicate')),
  creditGrade: z.enum(CREDIT_GRADES, err('enterprise.creditGrade.unknown')).nullable().optional(),
};

export const enterpriseCreateSchema = z.strictObject({
  ...fields,
  status: fields.status.default('operating'),
  tags: fields.tags.default([]),
});

/**
 * An edit of the register. The credit grade is not in it: it changes only through a credit
 * evaluation (module credit), whose latest record the register shows — one writer for the grade.
 * Sent anyway, it is refused as an unknown field with that reason.
 */
const { creditGrade: _grade, ...editable } = fields;
export const enterprisePatchSchema = z
  .strictObject(editable, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' && issue.keys.includes('creditGrade')
        ? 'enterprise.creditGrade.viaCredit'
        : undefined,
  })
  .partial();

export type EnterpriseCreate = z.infer<typeof enterpriseCreateSchema>;
export type EnterprisePatch = z.infer<typeof enterprisePatchSchema>;
/** What a client may send (defaults not yet applied). */
export type EnterpriseCreateInput = z.input<typeof enterpriseCreateSchema>;

export type UsccFieldIssue = {
  path: ['uscc'] | ['usccOverrideReason'];
  code: MessageKey;
  /** Chinese */
  message: string;
  messageEn: string;
};

export type UsccValidation =
  | {
      ok: true;
      /** normalized code */
      uscc: string;
      /** false when accepted by override despite a failing check character */
      usccValid: boolean;
      /** the reason to audit, present only when the override was used */
      overrideReason?: string;
    }
  | { ok: false; errors: UsccFieldIssue[] };

/**
 * The USCC rule of rules.md §7: a code must pass GB 32100's check, except that a staff member
 * allowed to override may accept a code whose only fault is the check character, with a reason
 * (real registries hold a few such codes; the override is audited by the caller). Codes of the
 * wrong length or with characters outside the alphabet are never accepted: those are typos.
 */
export function validateEnterpriseUscc(
  input: { uscc: string; usccOverrideReason?: string | null },
  options: { canOverride: boolean },
): UsccValidation {
  const result = checkUscc(input.uscc);
  if (result.ok) return { ok: true, uscc: result.value, usccValid: true };

  const usccIssue: UsccFieldIssue = {
    path: ['uscc'],
    code: `uscc.${result.rule}`,
    message: result.message,
    messageEn: result.messageEn,
  };
  if (result.rule !== 'check') return { ok: false, errors: [usccIssue] };

  const reason = input.usccOverrideReason?.trim() ?? '';
  if (!options.canOverride) {
    const errors = [usccIssue];
    if (reason)
      errors.push({
        path: ['usccOverrideReason'],
        code: 'uscc.overrideReason.forbidden',
        ...bilingual('uscc.overrideReason.forbidden'),
      });
    return { ok: false, errors };
  }
  const reasonLength = Array.from(reason).length;
  if (reasonLength < 5 || reasonLength > 200) {
    const key = reasonLength === 0 ? 'uscc.overrideReason.required' : 'uscc.overrideReason.length';
    return { ok: false, errors: [usccIssue, { path: ['usccOverrideReason'], code: key, ...bilingual(key) }] };
  }
  return { ok: true, uscc: result.value, usccValid: false, overrideReason: reason };
}
