import type { TFunction } from 'i18next';

/** "3 个工作日" / "1 working day": a count of days in a clock's unit, singular where English has one. */
export function daysText(t: TFunction, count: number, unit: 'working' | 'calendar'): string {
  return unit === 'working' ? t('clocks.days.working', { count }) : t('clocks.days.calendar', { count });
}
