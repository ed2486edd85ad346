// The one place that talks HTTP to the server: same-origin cookies, JSON, CSRF header on every
// non-GET request, Accept-Language on every request, RFC 9457 problem+json parsed into ApiError.

export interface FieldError {
  path: string;
  message: string;
}

/** A failed API call, parsed from an RFC 9457 problem+json body (or synthesised when there is none). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly errors: FieldError[];

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    type?: string | undefined;
    errors?: FieldError[];
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.errors = init.errors ?? [];
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';
export const HTTP_ERROR = 'HTTP_ERROR';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Turns any error body into an ApiError; never throws. */
export function parseProblem(status: number, body: unknown, statusText = ''): ApiError {
  if (!isRecord(body)) {
    return new ApiError({ status, code: HTTP_ERROR, title: statusText || `HTTP ${status}` });
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const errors: FieldError[] = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((e) => ({
        path: typeof e.path === 'string' ? e.path : Array.isArray(e.path) ? e.path.join('.') : '',
        message: str(e.message) ?? '',
      }))
    : [];
  return new ApiError({
    status: typeof body.status === 'number' ? body.status : status,
    code: str(body.code) ?? HTTP_ERROR,
    title: str(body.title) ?? (statusText || `HTTP ${status}`),
    detail: str(body.detail),
    type: str(body.type),
    errors,
  });
}

type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from an object, skipping empty values; '' when nothing is left. */
export function toQueryString(params: object | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params) as [string, QueryValue | QueryValue[]][]) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined || v === null || v === '') continue;
      search.append(key, String(v));
    }
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

interface HttpConfig {
  getLanguage: () => string;
  onUnauthorized: (error: ApiError) => void;
}

const config: HttpConfig = {
  getLanguage: () => 'zh-CN',
  onUnauthorized: () => {},
};
let csrfToken: string | null = null;

export function configureHttp(next: Partial<HttpConfig>): void {
  Object.assign(config, next);
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** The Accept-Language value sent to the server: `zh-CN` or `en`. */
export function acceptLanguage(lang: string): 'zh-CN' | 'en' {
  return lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export interface RequestOptions {
  query?: object;
  /** JSON-serialised unless `rawBody` is given. */
  body?: unknown;
  rawBody?: BodyInit;
  contentType?: string;
  /** Do not send the user to /login on 401 (used by /auth/session and /auth/login). */
  skipAuthRedirect?: boolean;
  signal?: AbortSignal;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': acceptLanguage(config.getLanguage()) });
  let body: BodyInit | undefined;
  if (opts.rawBody !== undefined) {
    body = opts.rawBody;
    if (opts.contentType) headers.set('Content-Type', opts.contentType);
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers.set('Content-Type', 'application/json');
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers.set('x-csrf-token', csrfToken);
  let res: Response;
  try {
    res = await fetch(`${path}${toQueryString(opts.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: NETWORK_ERROR, title: e instanceof Error ? e.message : String(e) });
  }
  if (!res.ok) {
    let parsed: unknown;
    try {
      parsed = await res.json();
    } catch {
      parsed = undefined;
    }
    const error = parseProblem(res.status, parsed, res.statusText);
    if (error.status === 401 && !opts.skipAuthRedirect && error.code !== 'AUTH_INVALID_CREDENTIALS') {
      config.onUnauthorized(error);
    }
    throw error;
  }
  return res;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

/** File name from a Content-Disposition header (RFC 6266 `filename*` preferred), else the fallback. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star?.[2]) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** GETs a file (xlsx export, template) and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string, query?: object): Promise<void> {
  const res = await send('GET', path, { query });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFromDisposition(res.headers.get('Content-Disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
