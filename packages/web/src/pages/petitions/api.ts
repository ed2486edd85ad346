import type {
  PetitionAction,
  PetitionChannel,
  PetitionCreate,
  PetitionStatus,
  PetitionType,
} from '@qingshan/core/petitions';
import type { RatingInput } from '@qingshan/core/ratings';
import { http } from '../../api/http.ts';
import type { Rating } from '../ratings/api.ts';

export interface Petition {
  id: string;
  code: string;
  channel: PetitionChannel;
  type: PetitionType;
  title: string;
  content: string;
  petitionerName: string;
  petitionerPhone: string;
  petitionerAddress: string | null;
  enterpriseId: string | null;
  referredBy: string | null;
  sourceConcernId: string | null;
  status: PetitionStatus;
  keyCase: boolean;
  keyCaseReason: string | null;
  assigneeUserId: string | null;
  receivedAt: string;
  acceptedAt: string | null;
  acceptanceDueDate: string | null;
  resolutionDueDate: string | null;
  extensionDays: number;
  repliedAt: string | null;
  closedOnTime: boolean | null;
  createdAt: string;
}
export interface PetitionDetail {
  petition: Petition;
  events: { at: string; action: string; note: string | null; actorName: string | null }[];
  letters: { id: string; kind: string; title: string; body: string; createdAt: string }[];
  clocks: {
    id: string;
    profileKey: string;
    title: string;
    start: string;
    dueDate: string;
    remaining: number;
    state: string;
    completedAt: string | null;
  }[];
  rating: Rating | null;
}
export interface PetitionQuery {
  status?: PetitionStatus | undefined;
  channel?: PetitionChannel | undefined;
  type?: PetitionType | undefined;
  keyCase?: boolean | undefined;
  q?: string | undefined;
  sort?: 'receivedAt' | '-receivedAt' | 'resolutionDueDate' | '-resolutionDueDate';
  page: number;
  pageSize: number;
}

export const petitionKeys = {
  all: ['petitions'] as const,
  list: (q: PetitionQuery) => ['petitions', 'list', q] as const,
  detail: (id: string) => ['petitions', 'detail', id] as const,
  track: (code: string, phone: string) => ['petitions', 'track', code, phone] as const,
};
const enc = encodeURIComponent;

export type PublicPetitionInput = Pick<
  PetitionCreate,
  'type' | 'title' | 'content' | 'petitionerName' | 'petitionerPhone' | 'petitionerAddress'
>;

export const submitPetition = (body: PublicPetitionInput) => http.post<Petition>('/api/public/petitions', body);
export const trackPetition = (code: string, phone: string, signal?: AbortSignal) =>
  http.get<PetitionDetail>(`/api/public/petitions/${enc(code)}`, { query: { phone }, signal });
export const ratePetitionByCode = (code: string, phone: string, input: RatingInput) =>
  http.post<Rating>(`/api/public/petitions/${enc(code)}/rating`, { phone, ...input });
export const registerPetition = (body: Partial<PetitionCreate>) => http.post<Petition>('/api/petitions', body);
export const listPetitions = (query: PetitionQuery, signal?: AbortSignal) =>
  http.get<{ items: Petition[]; total: number; page: number; pageSize: number }>('/api/petitions', { query, signal });
export const getPetition = (id: string, signal?: AbortSignal) =>
  http.get<PetitionDetail>(`/api/petitions/${enc(id)}`, { signal });
export const actOnPetition = (id: string, body: { action: PetitionAction; text?: string; days?: number }) =>
  http.post<Petition>(`/api/petitions/${enc(id)}/actions`, body);
export const patchPetition = (
  id: string,
  body: { keyCase?: boolean; keyCaseReason?: string | null; assigneeUserId?: string | null },
) => http.patch<Petition>(`/api/petitions/${enc(id)}`, body);

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
