// One error model (style.md §5): a stable code, a table code → HTTP status and titles, one
// handler that writes RFC 9457 problem+json. Services throw AppError; they never know HTTP.
// Every code here is listed in docs/errors.md; errors.test.ts keeps the two in step.

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
  PASSWORD_WRONG: { status: 422, zh: '当前密码不正确', en: 'The current password is wrong' },
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
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

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
    return ERROR_CODES[this.code].status;
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
  const entry = ERROR_CODES[err.code];
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
