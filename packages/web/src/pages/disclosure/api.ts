// Client of the disclosure API (政府信息公开): the public request and its tracking, the desk's
// inbox with the statutory clock, the annual report table, and the 主动公开 permits list.
import { download, http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type PublicRequestInput = BodyOf<'/api/public/disclosure-requests', 'post'>;
export type DisclosureView = ResponseOf<'/api/public/disclosure-requests', 'post', 201>;
export type DisclosureDetail = ResponseOf<'/api/disclosure-requests/{id}', 'get'>;
export type DisclosureList = ResponseOf<'/api/disclosure-requests', 'get'>;
export type DisclosureQuery = QueryOf<'/api/disclosure-requests', 'get'>;
export type DisclosureActionBody = BodyOf<'/api/disclosure-requests/{id}/actions', 'post'>;
export type AnnualReport = ResponseOf<'/api/disclosure/annual-report', 'get'>;
export type PublicPermits = ResponseOf<'/api/public/disclosure/permits', 'get'>;
export type PublicPermit = PublicPermits['items'][number];
export type PublicPermitQuery = QueryOf<'/api/public/disclosure/permits', 'get'>;
export type DisclosureClock = DisclosureDetail['clocks'][number];

export const disclosureKeys = {
  all: ['disclosure'] as const,
  list: (q: object) => ['disclosure', 'list', q] as const,
  detail: (id: string) => ['disclosure', 'detail', id] as const,
  track: (code: string, phone: string) => ['disclosure', 'track', code, phone] as const,
  report: (year: number) => ['disclosure', 'report', year] as const,
  permits: (q: object) => ['disclosure', 'permits', q] as const,
};
const enc = encodeURIComponent;

export const fileRequest = (body: PublicRequestInput) =>
  http.post<DisclosureView>('/api/public/disclosure-requests', body);
export const trackRequest = (code: string, phone: string, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/public/disclosure-requests/{code}', 'get'>>(
    `/api/public/disclosure-requests/${enc(code)}`,
    {
      query: { phone } satisfies QueryOf<'/api/public/disclosure-requests/{code}', 'get'>,
      signal,
    },
  );
export const listRequests = (query: DisclosureQuery, signal?: AbortSignal) =>
  http.get<DisclosureList>('/api/disclosure-requests', { query, signal });
export const getRequest = (id: string, signal?: AbortSignal) =>
  http.get<DisclosureDetail>(`/api/disclosure-requests/${enc(id)}`, { signal });
export const actOnRequest = (id: string, body: DisclosureActionBody) =>
  http.post<DisclosureView>(`/api/disclosure-requests/${enc(id)}/actions`, body);
export const getAnnualReport = (year: number, signal?: AbortSignal) =>
  http.get<AnnualReport>('/api/disclosure/annual-report', { query: { year }, signal });
export const exportAnnualReport = (year: number) =>
  download('/api/disclosure/annual-report.xlsx', `disclosure-annual-report-${year}.xlsx`, {
    year,
  } satisfies QueryOf<'/api/disclosure/annual-report.xlsx', 'get'>);
export const listPublicPermits = (query: PublicPermitQuery, signal?: AbortSignal) =>
  http.get<PublicPermits>('/api/public/disclosure/permits', { query, signal });
export type StaffRequestInput = BodyOf<'/api/disclosure-requests', 'post'>;
export const registerRequest = (body: StaffRequestInput) => http.post<DisclosureView>('/api/disclosure-requests', body);

export type AnnualCell = ResponseOf<'/api/disclosure/annual-report/cells', 'get'>;
export type AnnualTextBody = BodyOf<'/api/disclosure/annual-report/texts/{section}', 'put'>;
export type AnnualTextSectionKey = AnnualReport['texts'][number]['section'];
export type Appeal = ResponseOf<'/api/disclosure-requests/{id}/appeals', 'get'>[number];
export type AppealBody = BodyOf<'/api/disclosure-requests/{id}/appeals', 'post'>;
export type AppealUpdateBody = BodyOf<'/api/disclosure-appeals/{appealId}', 'patch'>;

export const annualKeys = {
  cell: (year: number, cell: string) => ['disclosure', 'report', year, 'cell', cell] as const,
  appeals: (id: string) => ['disclosure', 'appeals', id] as const,
};
export const getAnnualCell = (year: number, cell: string, signal?: AbortSignal) =>
  http.get<AnnualCell>('/api/disclosure/annual-report/cells', {
    query: { year, cell } satisfies QueryOf<'/api/disclosure/annual-report/cells', 'get'>,
    signal,
  });
export const saveAnnualText = (section: AnnualTextSectionKey, body: AnnualTextBody) =>
  request<AnnualReport['texts'][number]>('PUT', `/api/disclosure/annual-report/texts/${enc(section)}`, { body });
export const exportAnnualReportDocx = (year: number) =>
  download('/api/disclosure/annual-report.docx', `disclosure-annual-report-${year}.docx`, {
    year,
  } satisfies QueryOf<'/api/disclosure/annual-report.docx', 'get'>);
export const listAppeals = (id: string, signal?: AbortSignal) =>
  http.get<Appeal[]>(`/api/disclosure-requests/${enc(id)}/appeals`, { signal });
export const createAppeal = (id: string, body: AppealBody) =>
  http.post<Appeal>(`/api/disclosure-requests/${enc(id)}/appeals`, body);
export const updateAppeal = (appealId: string, body: AppealUpdateBody) =>
  http.patch<Appeal>(`/api/disclosure-appeals/${enc(appealId)}`, body);
