import { http } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type WindowService = ResponseOf<'/api/appointment-services', 'get'>['items'][number];
export type Slot = ResponseOf<'/api/public/appointment-services/{id}/slots', 'get'>['items'][number];
export type Appointment = ResponseOf<'/api/appointments/{id}', 'get'>;
type Plans = ResponseOf<'/api/appointment-services/{id}/plans', 'get'>;
export type Plan = Plans['plans'][number];
export type OpeningException = Plans['exceptions'][number];
export type AppointmentQuery = QueryOf<'/api/appointments', 'get'>;
export type BookingBody = BodyOf<'/api/appointments', 'post'>;
export type ServiceCreate = BodyOf<'/api/appointment-services', 'post'>;
export type ServicePatch = BodyOf<'/api/appointment-services/{id}', 'patch'>;
export type PlanCreate = BodyOf<'/api/appointment-services/{id}/plans', 'post'>;
export type ExceptionCreate = BodyOf<'/api/appointment-services/{id}/exceptions', 'post'>;
/** The rating fields of a public rating body (the phone is added by the call). */
export type PublicRatingInput = Omit<BodyOf<'/api/public/appointments/{code}/rating', 'post'>, 'phone'>;

export const apptKeys = {
  all: ['appointments'] as const,
  services: (all: boolean) => ['appointments', 'services', all] as const,
  slots: (serviceId: string, from: string, to: string, closed: boolean) =>
    ['appointments', 'slots', serviceId, from, to, closed] as const,
  list: (q: AppointmentQuery) => ['appointments', 'list', q] as const,
  plans: (serviceId: string) => ['appointments', 'plans', serviceId] as const,
  lookup: (code: string, phone: string) => ['appointments', 'lookup', code, phone] as const,
};

const enc = encodeURIComponent;

export const publicServices = (signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/public/appointment-services', 'get'>>('/api/public/appointment-services', { signal });
export const allServices = (signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/appointment-services', 'get'>>('/api/appointment-services', { signal });
export const listSlots = (serviceId: string, from: string, to: string, includeClosed = false, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/public/appointment-services/{id}/slots', 'get'>>(
    `/api/public/appointment-services/${enc(serviceId)}/slots`,
    {
      query: {
        from,
        to,
        includeClosed: includeClosed ? 'true' : undefined,
      } satisfies QueryOf<'/api/public/appointment-services/{id}/slots', 'get'>,
      signal,
    },
  );
export const book = (body: BookingBody) =>
  http.post<ResponseOf<'/api/appointments', 'post', 201>>('/api/appointments', body);
export const lookup = (code: string, phone: string, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/public/appointments/{code}', 'get'>>(`/api/public/appointments/${enc(code)}`, {
    query: { phone } satisfies QueryOf<'/api/public/appointments/{code}', 'get'>,
    signal,
  });
export const cancelByCode = (code: string, phone: string) =>
  http.post<ResponseOf<'/api/public/appointments/{code}/cancel', 'post'>>(
    `/api/public/appointments/${enc(code)}/cancel`,
    { phone } satisfies BodyOf<'/api/public/appointments/{code}/cancel', 'post'>,
  );
export const moveByCode = (code: string, phone: string, slotId: string) =>
  http.post<ResponseOf<'/api/public/appointments/{code}/move', 'post'>>(`/api/public/appointments/${enc(code)}/move`, {
    phone,
    slotId,
  } satisfies BodyOf<'/api/public/appointments/{code}/move', 'post'>);
export const rateByCode = (code: string, phone: string, input: PublicRatingInput) =>
  http.post<ResponseOf<'/api/public/appointments/{code}/rating', 'post', 201>>(
    `/api/public/appointments/${enc(code)}/rating`,
    { phone, ...input } satisfies BodyOf<'/api/public/appointments/{code}/rating', 'post'>,
  );
export const listAppointments = (query: AppointmentQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/appointments', 'get'>>('/api/appointments', { query, signal });
export const cancelAppointment = (id: string) =>
  http.post<ResponseOf<'/api/appointments/{id}/cancel', 'post'>>(`/api/appointments/${enc(id)}/cancel`);
export const moveAppointment = (id: string, slotId: string) =>
  http.post<ResponseOf<'/api/appointments/{id}/move', 'post'>>(`/api/appointments/${enc(id)}/move`, {
    slotId,
  } satisfies BodyOf<'/api/appointments/{id}/move', 'post'>);
export const markAppointment = (id: string, status: BodyOf<'/api/appointments/{id}/mark', 'post'>['status']) =>
  http.post<ResponseOf<'/api/appointments/{id}/mark', 'post'>>(`/api/appointments/${enc(id)}/mark`, {
    status,
  } satisfies BodyOf<'/api/appointments/{id}/mark', 'post'>);
export const sendReminders = () =>
  http.post<ResponseOf<'/api/appointments/reminders', 'post'>>('/api/appointments/reminders');
export const createService = (body: ServiceCreate) =>
  http.post<ResponseOf<'/api/appointment-services', 'post', 201>>('/api/appointment-services', body);
export const patchService = (id: string, body: ServicePatch) =>
  http.patch<ResponseOf<'/api/appointment-services/{id}', 'patch'>>(`/api/appointment-services/${enc(id)}`, body);
export const getPlans = (id: string, signal?: AbortSignal) =>
  http.get<Plans>(`/api/appointment-services/${enc(id)}/plans`, { signal });
export const addPlan = (id: string, body: PlanCreate) =>
  http.post<ResponseOf<'/api/appointment-services/{id}/plans', 'post', 201>>(
    `/api/appointment-services/${enc(id)}/plans`,
    body,
  );
export const deletePlan = (id: string, planId: string) =>
  http.delete<void>(`/api/appointment-services/${enc(id)}/plans/${enc(planId)}`);
export const addException = (id: string, body: ExceptionCreate) =>
  http.post<ResponseOf<'/api/appointment-services/{id}/exceptions', 'post', 201>>(
    `/api/appointment-services/${enc(id)}/exceptions`,
    body,
  );
export const deleteException = (id: string, exceptionId: string) =>
  http.delete<void>(`/api/appointment-services/${enc(id)}/exceptions/${enc(exceptionId)}`);
