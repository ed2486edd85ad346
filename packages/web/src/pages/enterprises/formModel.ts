// Enterprise form ⇄ API body, without React: what the form holds, what create sends, what an
// edit PATCHes (only the fields that changed), and the client-side checks run before sending.
import { enterpriseCreateSchema, enterprisePatchSchema, validateEnterpriseUscc } from '@qingshan/core/enterprise';
import { type Lang, localizeIssues } from '@qingshan/core/messages';
import { checkUscc } from '@qingshan/core/uscc';
import type { FieldError } from '../../api/http.ts';
import type { Contact, CreditGrade, Enterprise, EnterpriseStatus } from '../../api/types.ts';

export interface ContactValues {
  name?: string;
  phone?: string;
  role?: string;
}

export interface EnterpriseFormValues {
  name?: string;
  uscc?: string;
  legalRepresentative?: string;
  address?: string;
  townCode?: string;
  industryCode?: string;
  status?: EnterpriseStatus;
  tags?: string[];
  creditGrade?: CreditGrade | null;
  location?: { lat?: number | null; lng?: number | null };
  contacts?: ContactValues[];
  usccOverride?: boolean;
  usccOverrideReason?: string;
}

/** The body in one normal form: empty optional fields are '' / null so two bodies compare. */
export interface EnterpriseBody {
  name: string;
  uscc: string;
  legalRepresentative: string;
  address: string;
  townCode: string;
  industryCode: string;
  status: EnterpriseStatus;
  tags: string[];
  creditGrade: CreditGrade | null;
  location: { lat: number; lng: number } | null;
  contacts?: Contact[];
  usccOverrideReason?: string;
}

export function toFormValues(e: Enterprise | null): EnterpriseFormValues {
  if (!e) return { status: 'operating', tags: [], contacts: [], creditGrade: null };
  return {
    name: e.name,
    uscc: e.uscc,
    legalRepresentative: e.legalRepresentative ?? '',
    address: e.address,
    townCode: e.townCode,
    industryCode: e.industryCode,
    status: e.status,
    tags: e.tags,
    creditGrade: e.creditGrade,
    location: e.location ? { lat: e.location.lat, lng: e.location.lng } : { lat: null, lng: null },
    contacts: e.contacts.map((c) => ({ name: c.name, phone: c.phone, role: c.role ?? '' })),
  };
}

function normaliseContacts(contacts: ContactValues[] | undefined): Contact[] {
  return (contacts ?? [])
    .map((c) => ({ name: c.name?.trim() ?? '', phone: c.phone?.trim() ?? '', role: c.role?.trim() ?? '' }))
    .filter((c) => c.name || c.phone || c.role)
    .map((c) => (c.role ? c : { name: c.name, phone: c.phone }));
}

const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Form values → normal body. `includeContacts` is false while an edit form still holds masked
 * phones (sending them would overwrite the real numbers). `latLngMessage` is the error text for a
 * half-filled location.
 */
export function toBody(
  values: EnterpriseFormValues,
  opts: { includeContacts: boolean; latLngMessage: string },
): { body: EnterpriseBody; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const lat = num(values.location?.lat);
  const lng = num(values.location?.lng);
  if ((lat === null) !== (lng === null)) {
    errors.push({ path: lat === null ? 'location.lat' : 'location.lng', message: opts.latLngMessage });
  }
  const uscc = (values.uscc ?? '').trim().toUpperCase();
  const body: EnterpriseBody = {
    name: (values.name ?? '').trim(),
    uscc,
    legalRepresentative: (values.legalRepresentative ?? '').trim(),
    address: (values.address ?? '').trim(),
    townCode: values.townCode ?? '',
    industryCode: values.industryCode ?? '',
    status: values.status ?? 'operating',
    tags: values.tags ?? [],
    creditGrade: values.creditGrade ?? null,
    location: lat !== null && lng !== null ? { lat, lng } : null,
  };
  if (opts.includeContacts) body.contacts = normaliseContacts(values.contacts);
  const reason = values.usccOverrideReason?.trim();
  if (values.usccOverride && reason !== undefined && checkUscc(uscc).ok === false) body.usccOverrideReason = reason;
  return { body, errors };
}

/** What POST /api/enterprises gets: empty optionals left out. */
export function createPayload(body: EnterpriseBody): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  if (!body.legalRepresentative) delete out.legalRepresentative;
  if (body.creditGrade === null) delete out.creditGrade;
  if (body.location === null) delete out.location;
  if (body.contacts && body.contacts.length === 0) delete out.contacts;
  return out;
}

/**
 * What PATCH gets: the fields whose value differs from the loaded record's. Never the credit grade:
 * it changes only through a credit evaluation (信用与风险), and the server refuses it on an edit.
 */
export function patchPayload(initial: EnterpriseBody, body: EnterpriseBody): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(body) as (keyof EnterpriseBody)[]) {
    if (key === 'usccOverrideReason' || key === 'creditGrade') continue;
    if (JSON.stringify(body[key]) !== JSON.stringify(initial[key])) out[key] = body[key];
  }
  if (body.usccOverrideReason !== undefined && 'uscc' in out) out.usccOverrideReason = body.usccOverrideReason;
  return out;
}

export interface ClientCheck {
  errors: FieldError[];
  /** The code's only fault is its check character: offer the manual-acceptance box. */
  usccCheckFailed: boolean;
}

/** The same checks the server runs, in the user's language, before anything is sent. */
export function checkPayload(payload: Record<string, unknown>, mode: 'create' | 'edit', lang: Lang): ClientCheck {
  const schema = mode === 'create' ? enterpriseCreateSchema : enterprisePatchSchema;
  const parsed = schema.safeParse(payload);
  const errors: FieldError[] = parsed.success ? [] : localizeIssues(parsed.error.issues, lang);
  let usccCheckFailed = false;
  if (typeof payload.uscc === 'string' && payload.uscc !== '') {
    const reason = typeof payload.usccOverrideReason === 'string' ? payload.usccOverrideReason : undefined;
    const uscc = validateEnterpriseUscc({ uscc: payload.uscc, usccOverrideReason: reason }, { canOverride: true });
    if (!uscc.ok) {
      for (const issue of uscc.errors) {
        const path = issue.path.join('.');
        if (!errors.some((e) => e.path === path)) {
          errors.push({ path, message: lang === 'en' ? issue.messageEn : issue.message });
        }
      }
    }
    const check = checkUscc(payload.uscc);
    usccCheckFailed = !check.ok && check.rule === 'check';
  }
  return { errors, usccCheckFailed };
}

/** The field paths of an onValuesChange object (nested objects and Form.List arrays). */
export function changedPaths(changed: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(changed)) {
    const items = changed.flatMap((v, i) => (v === undefined ? [] : changedPaths(v, [...prefix, i])));
    return [...(prefix.length ? [prefix] : []), ...items];
  }
  if (changed !== null && typeof changed === 'object' && prefix.length < 3) {
    const entries = Object.entries(changed);
    // the whole item too: a Form.List row's errors may sit on the row
    return [...(prefix.length ? [prefix] : []), ...entries.flatMap(([k, v]) => changedPaths(v, [...prefix, k]))];
  }
  return [prefix];
}
