/**
 * User-facing messages of the domain layer, Chinese first, English second.
 *
 * Approach (see README): every rule or schema message is a stable key such as
 * 'enterprise.townCode.unknown'. Schemas put the key into the zod issue's `message`; the server
 * resolves it with `translate(key, lang, params)` for the language picked from Accept-Language
 * (`resolveLang`). Keys double as machine-readable codes, so clients can test for them and tests do
 * not break when wording changes. Zod's own messages (wrong type, unknown key, …) are never shown
 * raw: `localizeIssues` maps them by issue code to the generic entries below.
 */
import type { z } from 'zod';
import type { FieldError } from './problem.ts';

export type Lang = 'zh' | 'en';

type Entry = { zh: string; en: string };

export const MESSAGES = {
  // generic fallbacks for zod issues without a message key of ours
  'common.invalid': { zh: '格式不正确', en: 'invalid value' },
  'common.required': { zh: '必填', en: 'required' },
  // zod's type names (string, array…) are not words a user knows: the field is named beside this
  'common.type': { zh: '缺少此项，或填写的内容类型不对', en: 'missing, or not the right kind of value' },
  'common.tooShort': { zh: '长度不能少于 {minimum}', en: 'must have at least {minimum}' },
  'common.tooLong': { zh: '长度不能超过 {maximum}', en: 'must have at most {maximum}' },
  'common.tooSmall': { zh: '不能小于 {minimum}', en: 'must be at least {minimum}' },
  'common.tooBig': { zh: '不能大于 {maximum}', en: 'must be at most {maximum}' },
  'common.unknownKeys': { zh: '不允许的字段：{keys}', en: 'unknown field(s): {keys}' },
  'common.notAllowed': { zh: '取值不在允许范围内', en: 'value is not one of the allowed values' },
  'common.date': {
    zh: '日期应为实际存在的日期，格式 YYYY-MM-DD',
    en: 'date must be a real calendar date as YYYY-MM-DD',
  },
  'common.datetime': {
    zh: '应为带时区的日期时间，如 2026-12-08T09:00:00+08:00',
    en: 'must be a date and time with its time zone, e.g. 2026-12-08T09:00:00+08:00',
  },
  'common.uuid': { zh: '不是本系统的记录编号', en: 'is not a record identifier of this system' },
  // GET /api/ratings/events's eventIds (ratings/schema.ts MAX_EVENT_IDS; its test checks the number)
  'common.uuidList': {
    zh: '应为以逗号分隔的本系统记录编号，一次最多 100 个',
    en: 'must be record identifiers of this system separated by commas, at most 100 at a time',
  },
  'common.email': { zh: '电子邮箱地址格式不正确', en: 'is not an e-mail address' },
  'common.url': { zh: '网址格式不正确', en: 'is not a web address' },
  'text.nul': { zh: '含有不允许的空字符（NUL）', en: 'contains a NUL character, which is not allowed' },
  'text.surrogate': { zh: '含有无法识别的字符编码', en: 'contains an invalid character encoding (unpaired surrogate)' },
  'text.bidi': {
    zh: '含有改变文字显示方向的控制字符',
    en: 'contains bidirectional control characters that change how the text displays',
  },
  'text.invisible': { zh: '只包含不可见字符', en: 'contains only invisible characters' },
  'input.tooDeep': { zh: '嵌套层级过深（最多 32 层）', en: 'is nested too deeply (at most 32 levels)' },
  'common.unique': { zh: '不能有重复项', en: 'items must be unique' },
  'uscc.empty': { zh: '统一社会信用代码不能为空', en: 'Unified Social Credit Code is empty' },
  'uscc.length': {
    zh: '统一社会信用代码应为 18 位，实际为 {length} 位',
    en: 'Unified Social Credit Code must have 18 characters, got {length}',
  },
  'uscc.alphabet': {
    zh: '第{position}位字符“{char}”不允许出现在统一社会信用代码中（不使用 I、O、S、V、Z）',
    en: 'character "{char}" at position {position} is not allowed (I, O, S, V and Z are not used)',
  },
  'uscc.check': {
    zh: '第18位校验码应为 {expected}，实际为 {actual}',
    en: 'check character should be {expected}, got {actual}',
  },
  'uscc.overrideReason.required': {
    zh: '统一社会信用代码未通过校验；如确认无误，请填写 5–200 字的原因',
    en: 'the code fails the check; to accept it anyway give a reason of 5–200 characters',
  },
  'uscc.overrideReason.forbidden': {
    zh: '统一社会信用代码未通过校验，且您无权强制保存',
    en: 'the code fails the check and you are not allowed to override it',
  },
  'uscc.overrideReason.length': { zh: '原因应为 5–200 个字符', en: 'reason must have 5–200 characters' },

  'password.tooShort': { zh: '密码至少需要 8 个字符', en: 'password must have at least 8 characters' },
  'password.classes': {
    zh: '密码需包含小写字母、大写字母、数字、符号中的至少 3 类（当前 {count} 类）',
    en: 'password must mix at least 3 of: lower-case, upper-case, digits, symbols (has {count})',
  },
  'password.common': {
    zh: '这是常见的弱密码，很容易被猜到，请换一个',
    en: 'this is a commonly used password that is easy to guess; choose another',
  },
  'password.containsUsername': { zh: '密码不能包含用户名', en: 'the password must not contain the username' },
  'password.reused': {
    zh: '不能使用最近用过的密码，请换一个新密码',
    en: 'the password was used recently; choose a new one',
  },

  'enterprise.name.required': { zh: '请填写企业名称', en: 'enter the enterprise name' },
  'enterprise.address.required': { zh: '请填写地址', en: 'enter the address' },
  'enterprise.townCode.required': { zh: '请选择乡镇', en: 'choose the town' },
  'enterprise.industryCode.required': { zh: '请选择行业', en: 'choose the industry' },
  'enterprise.name.length': { zh: '企业名称应为 2–100 个字符', en: 'name must have 2–100 characters' },
  'enterprise.uscc.required': { zh: '请填写统一社会信用代码', en: 'Unified Social Credit Code is required' },
  'enterprise.legalRepresentative.length': {
    zh: '法定代表人不能超过 50 个字符',
    en: 'legal representative must have at most 50 characters',
  },
  'enterprise.contacts.max': { zh: '联系人最多 10 个', en: 'at most 10 contacts' },
  'enterprise.address.length': { zh: '地址应为 1–200 个字符', en: 'address must have 1–200 characters' },
  'enterprise.townCode.unknown': {
    zh: '所属乡镇不是上栗县的乡镇（应为 360322101–106 或 360322200–203）',
    en: 'town is not a town of Shangli County (360322101–106 or 360322200–203)',
  },
  'enterprise.industryCode.notClass': {
    zh: '行业代码应为 GB/T 4754-2017 的 4 位小类代码',
    en: 'industry must be a 4-digit class code of GB/T 4754-2017',
  },
  'enterprise.location.lat': { zh: '纬度应在 -90 到 90 之间', en: 'latitude must be between -90 and 90' },
  'enterprise.location.lng': { zh: '经度应在 -180 到 180 之间', en: 'longitude must be between -180 and 180' },
  'enterprise.location.outsideCounty': {
    zh: '坐标不在上栗县范围内（纬度 27–28.5，经度 113–114.5），请检查是否填反或坐标系有误',
    en: 'location is outside Shangli County (lat 27–28.5, lng 113–114.5); are lat and lng swapped?',
  },
  'enterprise.status.unknown': { zh: '经营状态不正确', en: 'unknown status' },
  'enterprise.tags.unknown': { zh: '未知的企业标签', en: 'unknown tag' },
  'enterprise.tags.duplicate': { zh: '企业标签不能重复', en: 'tags must not repeat' },
  'enterprise.creditGrade.unknown': { zh: '信用等级不正确', en: 'unknown credit grade' },
  'enterprise.creditGrade.viaCredit': {
    zh: '信用等级不能在企业档案中直接修改，请在“信用与风险”中登记环境信用评价（企业的信用等级以最新一条评价为准）',
    en: 'the credit grade is not edited here: record a credit evaluation under “Credit and risk” (the latest one is the grade)',
  },

  'contact.name.length': { zh: '联系人姓名应为 1–50 个字符', en: 'contact name must have 1–50 characters' },
  'contact.phone.invalid': {
    zh: '电话应为 11 位手机号或带区号的座机号（如 0799-1234567）',
    en: 'phone must be an 11-digit mobile number or a landline with area code (e.g. 0799-1234567)',
  },
  'contact.mobile.invalid': {
    zh: '请填写 11 位手机号（验证码只能发送到手机）',
    en: 'enter an 11-digit mobile number (codes are sent by text message)',
  },
  'contact.role.length': { zh: '职务不能超过 30 个字符', en: 'role must have at most 30 characters' },

  'calendar.yearUnknown': {
    zh: '工作日历只覆盖 2020—2099 年，无法计算 {year} 年的日期 {date}',
    en: 'the working-day calendar covers 2020–2099 only, so {date} ({year}) cannot be answered',
  },
  'calendar.dateInvalid': { zh: '日期“{date}”无效，应为 YYYY-MM-DD', en: 'date "{date}" is invalid, use YYYY-MM-DD' },
  'calendar.dateOutOfRange': {
    zh: '日期超出 1000-01-01 至 9999-12-31 的范围',
    en: 'the date falls outside 1000-01-01 to 9999-12-31',
  },
  'calendar.outsideYear': {
    zh: '日期 {date} 不在 {year} 年内',
    en: 'date {date} is not in {year}',
  },
  'calendar.duplicateDate': { zh: '日期 {date} 重复出现', en: 'date {date} appears more than once' },
  'calendar.makeupNotWeekend': {
    zh: '调休上班日 {date} 应为周六或周日',
    en: 'make-up working day {date} must be a Saturday or Sunday',
  },
  'calendar.holidayAndMakeup': {
    zh: '{date} 不能同时是假日和调休上班日',
    en: '{date} cannot be both a holiday and a make-up working day',
  },
} as const satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * A feature's own validation messages, declared in its core file beside the schema that uses them
 * (`PERMIT_MESSAGES` in permits.ts) and listed in its module definition; the table above holds only
 * the platform's. Keys start with the feature's name.
 */
export type MessageTable = Readonly<Record<string, Entry>>;

let featureMessages: ReadonlyMap<string, Entry> = new Map();

/**
 * Makes the modules' message tables known to `translate` and `localizeIssues`. The server's module
 * registry calls it at startup with every installed module's table (not an import side effect).
 */
export function installFeatureMessages(tables: ReadonlyMap<string, Entry>): void {
  for (const key of tables.keys())
    if (Object.hasOwn(MESSAGES, key)) throw new Error(`Message key "${key}" is the platform's own`);
  featureMessages = tables;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

function entryOf(key: string): Entry | undefined {
  return isMessageKey(key) ? MESSAGES[key] : featureMessages.get(key);
}

/** A platform key or an installed module's key. */
export function isKnownMessage(key: string): boolean {
  return entryOf(key) !== undefined;
}

/**
 * Resolves a message key; text that is not a key comes back unchanged (with parameters filled),
 * so a caller can pass any issue message through without checking first.
 */
export function translate(key: string, lang: Lang = 'zh', params: MessageParams = {}): string {
  const template = entryOf(key)?.[lang] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Both languages at once, for places that store or return both (errors thrown by rules). */
export function bilingual(key: MessageKey, params: MessageParams = {}): { message: string; messageEn: string } {
  return { message: translate(key, 'zh', params), messageEn: translate(key, 'en', params) };
}

/**
 * Picks zh or en from an Accept-Language header. Chinese is the default because the users are a
 * Chinese county bureau; English only wins when it is preferred over every Chinese tag.
 */
export function resolveLang(acceptLanguage: string | null | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  let best: { lang: Lang; q: number } | undefined;
  for (const part of acceptLanguage.split(',')) {
    const [tagRaw, ...paramsRaw] = part.trim().split(';');
    const tag = (tagRaw ?? '').trim().toLowerCase();
    const qParam = paramsRaw.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang: Lang | undefined = tag.startsWith('zh') ? 'zh' : tag.startsWith('en') ? 'en' : undefined;
    if (lang && (best === undefined || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'zh';
}

function issueParams(issue: z.core.$ZodIssue): MessageParams {
  const params: Record<string, string | number> = {};
  if ('minimum' in issue) params.minimum = String(issue.minimum);
  if ('maximum' in issue) params.maximum = String(issue.maximum);
  if ('expected' in issue && typeof issue.expected === 'string') params.expected = issue.expected;
  if ('keys' in issue && Array.isArray(issue.keys)) params.keys = issue.keys.join(', ');
  // our superRefine checks pass their message parameters this way
  if (issue.code === 'custom' && issue.params) {
    for (const [k, v] of Object.entries(issue.params)) {
      if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    }
  }
  return params;
}

function fallbackKey(issue: z.core.$ZodIssue): MessageKey {
  switch (issue.code) {
    case 'invalid_type':
      // zod drops the input from issues by default, so "missing" and "wrong type" look alike
      return 'common.type';
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set'
        ? 'common.tooShort'
        : 'common.tooSmall';
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set'
        ? 'common.tooLong'
        : 'common.tooBig';
    case 'unrecognized_keys':
      return 'common.unknownKeys';
    case 'invalid_value':
      return 'common.notAllowed';
    // what the text should look like, for the formats zod checks itself ("格式不正确" said nothing)
    case 'invalid_format':
      switch (issue.format) {
        case 'datetime':
          return 'common.datetime';
        case 'date':
          return 'common.date';
        case 'uuid':
        case 'guid':
          return 'common.uuid';
        case 'email':
          return 'common.email';
        case 'url':
          return 'common.url';
        default:
          return 'common.invalid';
      }
    // a discriminated union's tag that names no variant: the options are internal names, not shown
    case 'invalid_union':
      return 'discriminator' in issue && issue.discriminator ? 'common.notAllowed' : 'common.invalid';
    default:
      return 'common.invalid';
  }
}

/**
 * Zod issues → the API's field errors in one language. Our own issues carry a key; zod's built-in
 * ones (detected by not being a key) get the generic message for their issue code.
 */
export function localizeIssues(issues: readonly z.core.$ZodIssue[], lang: Lang = 'zh'): FieldError[] {
  return issues.map((issue) => {
    const key = isKnownMessage(issue.message) ? issue.message : fallbackKey(issue);
    return { path: issue.path.map(String).join('.'), message: translate(key, lang, issueParams(issue)) };
  });
}
