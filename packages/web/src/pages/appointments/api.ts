import type {
  AppointmentStatus,
  BookingInput,
  OpeningExceptionInput,
  OpeningPlanInput,
} from '@qingshan/core/appointments';
import type { RatingInput } from '@qingshan/core/ratings';
import { http } from '../../api/http.ts';
import type { Rating } from '../ratings/api.ts';

export interface WindowService {
  id: string;
  name: string;
  description: string | null;
  location: string;
  active: boolean;
}
export interface Slot {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  booked: number;
  available: number;
  extended: boolean;
  closed: boolean;
}
export interface Appointment {
  id: string;
  code: string;
  serviceId: string;
  serviceName: string;
  location: string | null;
  slotId: string;
  date: string;
  startTime: string;
  endTime: string;
  extended: boolean;
  applicantKind: 'enterprise' | 'citizen';
  enterpriseId: string | null;
  name: string;
  phone: string;
  matter: string;
  note: string | null;
  status: AppointmentStatus;
  arrivedAt: string | null;
  servedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
}
export interface Plan extends Omit<OpeningPlanInput, 'weekdays'> {
  id: string;
  weekdays: number[];
}
export interface OpeningException {
  id: string;
  date: string;
  kind: 'closed' | 'extra';
  startTime: string | null;
  endTime: string | null;
  slotMinutes: number | null;
  capacity: number | null;
  extended: boolean | null;
  note: string | null;
}
export interface AppointmentQuery {
  serviceId?: string | undefined;
  status?: AppointmentStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  extended?: boolean | undefined;
  q?: string | undefined;
  sort?: 'startsAt' | '-startsAt' | 'createdAt' | '-createdAt';
  page: number;
  pageSize: number;
}

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
  http.get<{ items: WindowService[] }>('/api/public/appointment-services', { signal });
export const allServices = (signal?: AbortSignal) =>
  http.get<{ items: WindowService[] }>('/api/appointment-services', { signal });
export const listSlots = (serviceId: string, from: string, to: string, includeClosed = false, signal?: AbortSignal) =>
  http.get<{ items: Slot[] }>(`/api/public/appointment-services/${enc(serviceId)}/slots`, {
    query: { from, to, includeClosed: includeClosed || undefined },
    signal,
  });
export const book = (body: BookingInput) => http.post<Appointment>('/api/appointments', body);
export const lookup = (code: string, phone: string, signal?: AbortSignal) =>
  http.get<Appointment>(`/api/public/appointments/${enc(code)}`, { query: { phone }, signal });
export const cancelByCode = (code: string, phone: string) =>
  http.post<Appointment>(`/api/public/appointments/${enc(code)}/cancel`, { phone });
export const moveByCode = (code: string, phone: string, slotId: string) =>
  http.post<Appointment>(`/api/public/appointments/${enc(code)}/move`, { phone, slotId });
export const rateByCode = (code: string, phone: string, input: RatingInput) =>
  http.post<Rating>(`/api/public/appointments/${enc(code)}/rating`, { phone, ...input });
export const listAppointments = (query: AppointmentQuery, signal?: AbortSignal) =>
  http.get<{ items: Appointment[]; total: number; page: number; pageSize: number }>('/api/appointments', {
    query,
    signal,
  });
export const cancelAppointment = (id: string) => http.post<Appointment>(`/api/appointments/${enc(id)}/cancel`);
export const moveAppointment = (id: string, slotId: string) =>
  http.post<Appointment>(`/api/appointments/${enc(id)}/move`, { slotId });
export const markAppointment = (id: string, status: 'arrived' | 'no-show' | 'served') =>
  http.post<Appointment>(`/api/appointments/${enc(id)}/mark`, { status });
export const sendReminders = () => http.post<{ sent: number }>('/api/appointments/reminders');
export const createService = (body: { name: string; location: string; description?: string }) =>
  http.post<WindowService>('/api/appointment-services', body);
export const patchService = (id: string, body: Partial<WindowService>) =>
  http.patch<WindowService>(`/api/appointment-services/${enc(id)}`, body);
export const getPlans = (id: string, signal?: AbortSignal) =>
  http.get<{ plans: Plan[]; exceptions: OpeningException[] }>(`/api/appointment-services/${enc(id)}/plans`, { signal });
export const addPlan = (id: string, body: OpeningPlanInput) =>
  http.post<Plan>(`/api/appointment-services/${enc(id)}/plans`, body);
export const deletePlan = (id: string, planId: string) =>
  http.delete<void>(`/api/appointment-services/${enc(id)}/plans/${enc(planId)}`);
export const addException = (id: string, body: OpeningExceptionInput) =>
  http.post<OpeningException>(`/api/appointment-services/${enc(id)}/exceptions`, body);
export const deleteException = (id: string, exceptionId: string) =>
  http.delete<void>(`/api/appointment-services/${enc(id)}/exceptions/${enc(exceptionId)}`);
