import { http } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type Petition = ResponseOf<'/api/petitions', 'get'>['items'][number];
/** The same shape is served to the desk (by id) and to the petitioner (by code and phone). */
export type PetitionDetail = ResponseOf<'/api/petitions/{id}', 'get'>;
export type PetitionQuery = QueryOf<'/api/petitions', 'get'>;
export type PetitionRegister = BodyOf<'/api/petitions', 'post'>;
export type PublicPetitionInput = BodyOf<'/api/public/petitions', 'post'>;
export type PetitionActionBody = BodyOf<'/api/petitions/{id}/actions', 'post'>;
export type PetitionPatch = BodyOf<'/api/petitions/{id}', 'patch'>;
/** The rating fields of a public rating body (the phone is added by the call). */
export type PublicRatingInput = Omit<BodyOf<'/api/public/petitions/{code}/rating', 'post'>, 'phone'>;

export const petitionKeys = {
  all: ['petitions'] as const,
  list: (q: PetitionQuery) => ['petitions', 'list', q] as const,
  detail: (id: string) => ['petitions', 'detail', id] as const,
  track: (code: string, phone: string) => ['petitions', 'track', code, phone] as const,
};
const enc = encodeURIComponent;

export const submitPetition = (body: PublicPetitionInput) =>
  http.post<ResponseOf<'/api/public/petitions', 'post', 201>>('/api/public/petitions', body);
export const trackPetition = (code: string, phone: string, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/public/petitions/{code}', 'get'>>(`/api/public/petitions/${enc(code)}`, {
    query: { phone } satisfies QueryOf<'/api/public/petitions/{code}', 'get'>,
    signal,
  });
export const ratePetitionByCode = (code: string, phone: string, input: PublicRatingInput) =>
  http.post<ResponseOf<'/api/public/petitions/{code}/rating', 'post', 201>>(
    `/api/public/petitions/${enc(code)}/rating`,
    { phone, ...input } satisfies BodyOf<'/api/public/petitions/{code}/rating', 'post'>,
  );
export const registerPetition = (body: PetitionRegister) =>
  http.post<ResponseOf<'/api/petitions', 'post', 201>>('/api/petitions', body);
export const listPetitions = (query: PetitionQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/petitions', 'get'>>('/api/petitions', { query, signal });
export const getPetition = (id: string, signal?: AbortSignal) =>
  http.get<PetitionDetail>(`/api/petitions/${enc(id)}`, { signal });
export const actOnPetition = (id: string, body: PetitionActionBody) =>
  http.post<ResponseOf<'/api/petitions/{id}/actions', 'post'>>(`/api/petitions/${enc(id)}/actions`, body);
export const patchPetition = (id: string, body: PetitionPatch) =>
  http.patch<ResponseOf<'/api/petitions/{id}', 'patch'>>(`/api/petitions/${enc(id)}`, body);

/** Saves a letter as a .txt file, from the text already on screen. */
export function saveLetter(title: string, body: string): void {
  const blob = new Blob([`${title}\n\n${body}\n`], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${title}.txt`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** Opens a print window with one letter. */
export function printLetter(title: string, body: string): void {
  const w = window.open('', '_blank', 'noopener=no');
  if (!w) return;
  const doc = w.document;
  doc.title = title;
  const h = doc.createElement('h2');
  h.textContent = title;
  h.style.textAlign = 'center';
  const pre = doc.createElement('pre');
  pre.textContent = body;
  pre.style.whiteSpace = 'pre-wrap';
  pre.style.fontFamily = 'serif';
  pre.style.fontSize = '16px';
  doc.body.append(h, pre);
  w.print();
}
