import { APPOINTMENT_STATUS_LABELS, type AppointmentStatus } from '@qingshan/core/appointments';
import type { Language } from '../../i18n.ts';
import { sentenceCase } from '../applications/labels.ts';

/** A booking's status where it stands alone (a tag, a cell): English starts with a capital. */
export const appointmentStatusLabel = (s: AppointmentStatus, lang: Language) =>
  lang === 'en' ? sentenceCase(APPOINTMENT_STATUS_LABELS[s].en) : APPOINTMENT_STATUS_LABELS[s].zh;
