import { http } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type Rating = ResponseOf<'/api/ratings/{id}', 'get'>;
export type Rectification = NonNullable<Rating['rectification']>;
export type RatingQuery = QueryOf<'/api/ratings', 'get'>;
export type RatingSummary = ResponseOf<'/api/ratings/summary', 'get'>;
export type RectifyAction = BodyOf<'/api/ratings/{id}/rectification', 'post'>;
/** The rating fields of POST /api/ratings (the event it rates is added by the call). */
export type RatingInput = Omit<BodyOf<'/api/ratings', 'post'>, 'eventType' | 'eventId'>;

/**
 * GET /api/ratings/events: for each event, whether the signed-in user may rate it now (and until
 * when), or the rating they gave.
 */
export type EventRatingStates = ResponseOf<'/api/ratings/events', 'get'>;
export type EventRatingState = EventRatingStates['items'][number];
export type RatableEventType = BodyOf<'/api/ratings', 'post'>['eventType'];

export const ratingKeys = {
  all: ['ratings'] as const,
  events: (eventType: string, ids: readonly string[]) => ['ratings', 'events', eventType, ids] as const,
  list: (q: RatingQuery) => ['ratings', 'list', q] as const,
  summary: (from: string, to: string) => ['ratings', 'summary', from, to] as const,
};

const enc = encodeURIComponent;
export const listRatings = (query: RatingQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/ratings', 'get'>>('/api/ratings', { query, signal });
export const ratingSummary = (from: string, to: string, signal?: AbortSignal) =>
  http.get<RatingSummary>('/api/ratings/summary', {
    query: { from, to } satisfies QueryOf<'/api/ratings/summary', 'get'>,
    signal,
  });
export const getRating = (id: string, signal?: AbortSignal) => http.get<Rating>(`/api/ratings/${enc(id)}`, { signal });
export const actOnRectification = (id: string, body: RectifyAction) =>
  http.post<ResponseOf<'/api/ratings/{id}/rectification', 'post'>>(`/api/ratings/${enc(id)}/rectification`, body);
export const rateEvent = (
  eventType: BodyOf<'/api/ratings', 'post'>['eventType'],
  eventId: string,
  input: RatingInput,
) =>
  http.post<ResponseOf<'/api/ratings', 'post', 201>>('/api/ratings', {
    eventType,
    eventId,
    ...input,
  } satisfies BodyOf<'/api/ratings', 'post'>);
export const eventRatingStates = (eventType: RatableEventType, ids: readonly string[], signal?: AbortSignal) =>
  http.get<EventRatingStates>('/api/ratings/events', { query: { eventType, eventIds: ids.join(',') }, signal });
