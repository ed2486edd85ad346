import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  acceptLanguage,
  configureHttp,
  fileNameFromDisposition,
  HTTP_ERROR,
  http,
  NETWORK_ERROR,
  parseProblem,
  setCsrfToken,
  toQueryString,
} from './http.ts';

describe('parseProblem', () => {
  it('reads an RFC 9457 body with field errors', () => {
    const e = parseProblem(422, {
      type: 'https://qingshan.dev/errors#USCC_INVALID',
      title: '统一社会信用代码校验未通过',
      status: 422,
      code: 'USCC_INVALID',
      detail: '第18位校验码应为 X，实际为 Y',
      errors: [{ path: 'uscc', message: '第18位校验码应为 X，实际为 Y' }],
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({
      status: 422,
      code: 'USCC_INVALID',
      title: '统一社会信用代码校验未通过',
      detail: '第18位校验码应为 X，实际为 Y',
      errors: [{ path: 'uscc', message: '第18位校验码应为 X，实际为 Y' }],
    });
  });

  it('joins array paths and survives junk', () => {
    expect(
      parseProblem(400, { code: 'X', errors: [{ path: ['contacts', 0, 'phone'], message: 'bad' }, 5] }).errors,
    ).toEqual([{ path: 'contacts.0.phone', message: 'bad' }]);
    const none = parseProblem(502, undefined, 'Bad Gateway');
    expect(none).toMatchObject({ status: 502, code: HTTP_ERROR, title: 'Bad Gateway', errors: [] });
    expect(parseProblem(500, 'oops').title).toBe('HTTP 500');
  });
});

describe('helpers', () => {
  it('builds query strings without empty values', () => {
    expect(toQueryString({ q: '烟花', page: 2, tag: '', townCode: undefined, x: null })).toBe(
      `?q=${encodeURIComponent('烟花')}&page=2`,
    );
    expect(toQueryString({})).toBe('');
    expect(toQueryString(undefined)).toBe('');
  });

  it('maps UI languages to Accept-Language', () => {
    expect(acceptLanguage('zh-CN')).toBe('zh-CN');
    expect(acceptLanguage('en')).toBe('en');
    expect(acceptLanguage('en-US')).toBe('en');
    expect(acceptLanguage('fr')).toBe('zh-CN');
  });

  it('reads file names from Content-Disposition', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="enterprises-2025-01-01.xlsx"; filename*=UTF-8''${encodeURIComponent('企业名录-2025-01-01.xlsx')}`,
        'x.xlsx',
      ),
    ).toBe('企业名录-2025-01-01.xlsx');
    expect(fileNameFromDisposition('attachment; filename="a.xlsx"', 'x.xlsx')).toBe('a.xlsx');
    expect(fileNameFromDisposition(null, 'x.xlsx')).toBe('x.xlsx');
  });
});

describe('request', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const onUnauthorized = vi.fn();
  let lang = 'zh-CN';

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    configureHttp({ getLanguage: () => lang, onUnauthorized });
    setCsrfToken('tok');
    lang = 'zh-CN';
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    onUnauthorized.mockReset();
    setCsrfToken(null);
  });

  const json = (status: number, body: unknown, type = 'application/json') =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });

  it('sends same-origin credentials, Accept-Language, and no CSRF header on GET', async () => {
    fetchMock.mockResolvedValue(json(200, { ok: 1 }));
    lang = 'en';
    await expect(http.get('/api/x', { query: { page: 1 } })).resolves.toEqual({ ok: 1 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/x?page=1');
    expect(init?.credentials).toBe('same-origin');
    const headers = new Headers(init?.headers);
    expect(headers.get('Accept-Language')).toBe('en');
    expect(headers.has('x-csrf-token')).toBe(false);
  });

  it('sends JSON and the CSRF token on every non-GET', async () => {
    fetchMock.mockResolvedValue(json(201, { id: '1' }));
    await http.post('/api/enterprises', { name: 'A' });
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(http.patch('/api/users/1', { disabled: true })).resolves.toBeUndefined();
    for (const [, init] of fetchMock.mock.calls) {
      const headers = new Headers(init?.headers);
      expect(headers.get('x-csrf-token')).toBe('tok');
      expect(headers.get('Content-Type')).toBe('application/json');
      expect(headers.get('Accept-Language')).toBe('zh-CN');
    }
    expect(fetchMock.mock.calls[0]![1]?.body).toBe('{"name":"A"}');
  });

  it('throws ApiError from problem+json and reports 401 to the app', async () => {
    fetchMock.mockResolvedValue(
      json(401, { type: 't', title: '请先登录', status: 401, code: 'AUTH_REQUIRED' }, 'application/problem+json'),
    );
    const err = await http.get('/api/users').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('AUTH_REQUIRED');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not redirect on wrong credentials or when told not to', async () => {
    fetchMock.mockResolvedValue(json(401, { title: 'x', status: 401, code: 'AUTH_INVALID_CREDENTIALS' }));
    await expect(http.post('/api/auth/login', {})).rejects.toBeInstanceOf(ApiError);
    fetchMock.mockResolvedValue(json(401, { title: 'x', status: 401, code: 'AUTH_REQUIRED' }));
    await expect(http.get('/api/auth/me', { skipAuthRedirect: true })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('turns a network failure into NETWORK_ERROR', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(http.get('/api/x')).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR });
  });

  it('sends raw bodies with their own content type', async () => {
    fetchMock.mockResolvedValue(json(202, { jobId: 'j1' }));
    await http.post('/api/enterprises/import', undefined, { rawBody: 'a,b\n', contentType: 'text/csv' });
    const init = fetchMock.mock.calls[0]![1];
    expect(new Headers(init?.headers).get('Content-Type')).toBe('text/csv');
    expect(init?.body).toBe('a,b\n');
  });
});
