import { BUREAU_NAME, REFORM_REPORT_2020_EN } from '@qingshan/core';
// Figures over appointments for the dashboard (pure SQL; (db, from, to) with from inclusive and
// to exclusive, compared with the booked slot's start), each with the rows it counts. Cancelled
// bookings are not counted: a figure of service given counts bookings that held a place.
// APPOINTMENTS_FIGURES declares them to the dashboard over its periods of whole Shanghai days.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { limitOffset, type RowPage } from '../../db/paging.ts';
import { periodInstants } from '../figures/period.ts';
import { type FigureRecord, type FigureSource, sqlFigure } from '../figures/registry.ts';

export type BookingRecord = {
  id: string;
  code: string;
  serviceName: string;
  date: string;
  startTime: string;
  extended: boolean;
  status: string;
  applicantKind: 'enterprise' | 'citizen';
  matter: string;
};

async function rows<T>(db: Tx, q: ReturnType<typeof sql>): Promise<T[]> {
  const res = await db.execute(q);
  return ((res as unknown as { rows?: T[] }).rows ?? (res as unknown as T[])) as T[];
}

const where = (from: Date, to: Date, extended: boolean) =>
  sql`a.status <> 'cancelled' and a.extended = ${extended}
      and a.starts_at >= ${from.toISOString()}::timestamptz and a.starts_at < ${to.toISOString()}::timestamptz`;

async function count(db: Tx, from: Date, to: Date, extended: boolean): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from appointments a where ${where(from, to, extended)}`,
  );
  return r?.n ?? 0;
}

async function records(db: Tx, from: Date, to: Date, extended: boolean, page?: RowPage): Promise<BookingRecord[]> {
  return rows(
    db,
    sql`select a.id::text as id, a.code, s.name as "serviceName", a.date::text as date, sl.start_time as "startTime",
          a.extended, a.status, case when a.enterprise_id is null then 'citizen' else 'enterprise' end as "applicantKind", a.matter
        from appointments a
        join appointment_services s on s.id = a.service_id
        join appointment_slots sl on sl.id = a.slot_id
        where ${where(from, to, extended)}
        order by a.starts_at, a.id${limitOffset(page)}`,
  );
}

/** 延时服务: bookings of extended-hours slots (evenings, rest days) in the period. */
export const bookingsExtended = (db: Tx, from: Date, to: Date) => count(db, from, to, true);
export const bookingsExtendedRecords = (db: Tx, from: Date, to: Date, page?: RowPage) =>
  records(db, from, to, true, page);
/** 预约服务: bookings of regular window slots in the period. */
export const bookingsRegular = (db: Tx, from: Date, to: Date) => count(db, from, to, false);
export const bookingsRegularRecords = (db: Tx, from: Date, to: Date, page?: RowPage) =>
  records(db, from, to, false, page);

const SOURCE = `本局预约服务、延时服务制度（${BUREAU_NAME}"放管服"改革工作报道，2020 年）`;
const SOURCE_EN = `this bureau’s appointment and extended-hours services (${REFORM_REPORT_2020_EN})`;

function bookingOut(r: BookingRecord): FigureRecord {
  return {
    id: r.id,
    date: r.date,
    title: `${r.code} ${r.serviceName} ${r.startTime}`,
    enterpriseId: null,
    enterpriseName: null,
    detail: r.matter,
    link: null,
  };
}

function bookingFigure(extended: boolean, f: Pick<FigureSource, 'key' | 'label' | 'definition'>): FigureSource {
  return sqlFigure({
    ...f,
    group: 'appointments',
    unit: { zh: '次', en: 'bookings' },
    source: SOURCE,
    sourceEn: SOURCE_EN,
    tally: (p) =>
      sql`select null::text as month, count(*)::int as n from appointments a where ${where(...periodInstants(p), extended)}`,
    records: async (db, p, page) => (await records(db, ...periodInstants(p), extended, page)).map(bookingOut),
  });
}

/** The appointment figures of the dashboard. */
export const APPOINTMENTS_FIGURES: readonly FigureSource[] = [
  bookingFigure(true, {
    key: 'bookingsExtended',
    label: { zh: '延时服务预约', en: 'extended-hours bookings' },
    definition: {
      zh: '期间内预约延时服务时段（工作日晚间、休息日）且未取消的预约',
      en: 'bookings of extended-hours slots in the period, not cancelled',
    },
  }),
  bookingFigure(false, {
    key: 'bookingsRegular',
    label: { zh: '工作日窗口预约', en: 'regular-hours bookings' },
    definition: {
      zh: '期间内预约工作日窗口时段且未取消的预约',
      en: 'bookings of regular window slots in the period, not cancelled',
    },
  }),
];
