// One error model (style.md §5): a stable code, a table code → HTTP status and titles, one
// handler that writes RFC 9457 problem+json. Services throw AppError; they never know HTTP.
// Platform codes are here; a module's own codes are in its `errors.ts`, listed by its definition
// and typed below by declaration merging. Every code is listed in docs/errors.md (the module codes'
// table is written by `npm run docs:errors`); errors.test.ts keeps the two in step.

export type Lang = 'zh' | 'en';
/** A message in both UI languages; a plain string is used for both. */
export type Msg = string | { zh: string; en: string };

export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误', en: 'The request is not valid' },
  BAD_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  BODY_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  RECORD_NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Record not found' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  AUTH_SESSION_EXPIRED: { status: 401, zh: '登录已超时，请重新登录', en: 'Your session has expired; sign in again' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_LOCKED: { status: 423, zh: '账号已临时锁定', en: 'The account is temporarily locked' },
  AUTH_DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  CSRF_INVALID: {
    status: 403,
    zh: '请求缺少有效的防伪令牌（x-csrf-token）',
    en: 'Missing or invalid CSRF token (x-csrf-token)',
  },
  FORBIDDEN_ROLE: { status: 403, zh: '您的角色无权进行此操作', en: 'Your role may not do this' },
  FORBIDDEN_RECORD: { status: 403, zh: '您无权访问该记录', en: 'You may not access this record' },
  PASSWORD_POLICY: { status: 422, zh: '密码不符合安全要求', en: 'The password does not meet the policy' },
  METRICS_FORBIDDEN: {
    status: 403,
    zh: '运行指标只对本机或持有监控令牌的系统开放',
    en: 'Metrics are open to this machine or to a scraper holding the metrics token only',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '请先修改初始密码',
    en: 'Change the initial password first',
  },
  PASSWORD_WRONG: { status: 422, zh: '当前密码不正确', en: 'The current password is wrong' },
  DUPLICATE_RECORD: { status: 409, zh: '记录已存在', en: 'The record already exists' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '该接口不支持此请求方法', en: 'This endpoint does not support the method' },
  HEADERS_TOO_LARGE: { status: 431, zh: '请求头过大', en: 'The request headers are too large' },
  BAD_REQUEST: { status: 400, zh: '请求格式不正确', en: 'The request is malformed' },
  REQUEST_TIMEOUT: { status: 408, zh: '请求超时', en: 'The request timed out' },
  URI_TOO_LONG: { status: 414, zh: '请求地址过长', en: 'The request URL is too long' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'The username is taken' },
  USCC_INVALID: {
    status: 422,
    zh: '统一社会信用代码校验未通过',
    en: 'The unified social credit code failed its check',
  },
  ENTERPRISE_DUPLICATE_USCC: {
    status: 409,
    zh: '该统一社会信用代码已登记',
    en: 'An enterprise with this code already exists',
  },
  IMPORT_UNREADABLE: { status: 422, zh: '无法读取导入文件', en: 'The import file cannot be read' },
  CALENDAR_OUT_OF_RANGE: {
    status: 422,
    zh: '日期超出工作日历范围（2020—2099 年）',
    en: 'The date is outside the working-day calendar (2020–2099)',
  },
  CALENDAR_YEAR_EXISTS: { status: 409, zh: '该年份的节假日安排已存在', en: 'That calendar year already exists' },
  RULE_VALUE_INVALID: { status: 422, zh: '规则取值不符合其类型', en: 'The rule value does not fit its type' },
  CLOCK_PROFILE_UNKNOWN: { status: 422, zh: '未知的期限规则', en: 'Unknown deadline profile' },
  CLOCK_STATE_CONFLICT: {
    status: 409,
    zh: '期限当前状态不允许此操作',
    en: 'The clock is not in a state that allows this',
  },
  REPORT_STATE_CONFLICT: {
    status: 409,
    zh: '举报件当前阶段不允许此操作',
    en: 'The report is not at a stage that allows this',
  },
  CLOCK_OWNED: {
    status: 409,
    zh: '该期限只能在所属业务的办理步骤中变更',
    en: "This clock can only be changed through its case's own steps",
  },
  RECORD_CHANGED: {
    status: 409,
    zh: '记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  },
  RECEPTION_SESSION_EXISTS: {
    status: 409,
    zh: '该日期已安排同类接待日',
    en: 'A reception day of this kind already exists on that date',
  },
  RECEPTION_BOOKING_CLOSED: { status: 422, zh: '该接待日不能预约', en: 'This reception day cannot be booked' },
  RECEPTION_CAP_REACHED: {
    status: 409,
    zh: '超出接待日预约限额',
    en: "The reception day's booking limits are reached",
  },
  RECEPTION_SESSION_NOT_HELD: { status: 409, zh: '接待日尚未举行', en: 'The reception day has not taken place yet' },
  RECEPTION_NOT_ATTENDED: { status: 422, zh: '该企业未登记到场', en: 'The enterprise is not recorded as attending' },
  CONCERN_STATE: { status: 409, zh: '当前状态不允许此操作', en: 'Not allowed in the current state' },
  VISIT_CAMPAIGN_PERIOD: {
    status: 422,
    zh: '走访日期不在集中服务活动期间内',
    en: "The visit date is outside the campaign's period",
  },
  FIGURE_UNKNOWN: { status: 404, zh: '没有这项统计数字', en: 'No such figure' },
  FIGURE_PERIOD_OUT_OF_RANGE: {
    status: 400,
    zh: '统计期间超出可查询范围',
    en: 'The period is outside what figures may cover',
  },
  FIGURE_EXPORT_TOO_LARGE: {
    status: 400,
    zh: '明细过多，无法一次导出',
    en: 'Too many records to export at once',
  },
  APPOINTMENT_SERVICE_DUPLICATE: { status: 409, zh: '已有同名预约窗口', en: 'A window service with this name exists' },
  APPOINTMENT_PLAN_INVALID: { status: 422, zh: '开放计划不符合规则', en: 'The opening plan breaks a rule' },
  APPOINTMENT_SLOT_FULL: { status: 409, zh: '该时段已约满', en: 'The slot is fully booked' },
  APPOINTMENT_SLOT_PAST: { status: 422, zh: '该时段已过，不能预约', en: 'The slot is in the past' },
  APPOINTMENT_SLOT_UNAVAILABLE: { status: 409, zh: '该时段不可预约', en: 'The slot cannot be booked' },
  APPOINTMENT_LIMIT: { status: 409, zh: '已有未完成的预约', en: 'An open booking already exists' },
  BOOKING_LIMIT: { status: 429, zh: '预约次数已达上限', en: 'The booking limit is reached' },
  PHONE_CODE_REQUIRED: {
    status: 400,
    zh: '请先获取并填写手机验证码',
    en: 'Request and enter the code sent to your phone',
  },
  PHONE_CODE_INVALID: {
    status: 403,
    zh: '手机验证码不正确或已失效',
    en: 'The phone code is wrong or no longer valid',
  },
  PHONE_CODE_SEND_LIMIT: { status: 429, zh: '验证码发送过于频繁', en: 'Too many codes requested' },
  PHONE_CODE_SEND_FAILED: {
    status: 502,
    zh: '短信发送失败，请稍后再试',
    en: 'The text message could not be sent; try again later',
  },
  APPOINTMENT_STATE_CONFLICT: {
    status: 409,
    zh: '预约当前状态不允许此操作',
    en: 'The booking is not in a state that allows this',
  },
  PETITION_STATE_CONFLICT: {
    status: 409,
    zh: '信访件当前阶段不允许此操作',
    en: 'The petition is not at a stage that allows this',
  },
  PETITION_EXTENSION_LIMIT: { status: 422, zh: '延期超过法定上限', en: 'The extension exceeds the statutory maximum' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorEntry = { status: number; zh: string; en: string };

/** A module's error code as it declares it: the entry plus when it is answered (for docs/errors.md). */
export type ModuleErrorEntry = ErrorEntry & { when: string };

/**
 * The codes modules declare in their own `errors.ts`; each adds its table's type here:
 * `declare module '../../errors.ts' { interface ModuleErrorCodes extends Codes {} }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each module's errors.ts
export interface ModuleErrorCodes {}

export type ErrorCode = keyof typeof ERROR_CODES | (keyof ModuleErrorCodes & string);

const moduleCodes = new Map<string, ModuleErrorEntry>();

/** Called by the registry with every module's codes (platform/registry.ts refuses duplicates). */
export function installModuleErrorCodes(codes: ReadonlyMap<string, ModuleErrorEntry>): void {
  moduleCodes.clear();
  for (const [code, entry] of codes) moduleCodes.set(code, entry);
}

/** The status and titles of a code, a platform's or a module's. */
export function errorEntry(code: ErrorCode): ErrorEntry {
  return (ERROR_CODES as Record<string, ErrorEntry>)[code] ?? moduleCodes.get(code) ?? ERROR_CODES.INTERNAL;
}

export type FieldErrorMsg = { path: string; message: Msg };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: Msg | undefined;
  readonly errors: FieldErrorMsg[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    options: { detail?: Msg; errors?: FieldErrorMsg[]; extra?: Record<string, unknown> } = {},
  ) {
    super(typeof options.detail === 'object' ? options.detail.en : (options.detail ?? code));
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.extra = options.extra;
  }

  get status(): number {
    return errorEntry(this.code).status;
  }
}

export function msgText(m: Msg, lang: Lang): string {
  return typeof m === 'string' ? m : m[lang];
}

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  errors?: { path: string; message: string }[];
  [k: string]: unknown;
};

export function toProblem(err: AppError, lang: Lang, instance?: string): ProblemBody {
  const entry = errorEntry(err.code);
  const body: ProblemBody = {
    type: `https://qingshan.dev/errors#${err.code}`,
    title: entry[lang],
    status: entry.status,
    code: err.code,
    ...(err.extra ?? {}),
  };
  if (err.detail !== undefined) body.detail = msgText(err.detail, lang);
  if (err.errors) body.errors = err.errors.map((e) => ({ path: e.path, message: msgText(e.message, lang) }));
  if (instance) body.instance = instance;
  return body;
}
