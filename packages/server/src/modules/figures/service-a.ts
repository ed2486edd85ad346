// The figures of part A (appointments, petitions, ratings), adapted to the dashboard's shape:
// those modules count over [from, to) instants; the dashboard's periods are whole Shanghai days.
import { addCalendarDays } from '@qingshan/core';
import type { Tx } from '../../db/client.ts';
import {
  bookingsExtended,
  bookingsExtendedRecords,
  bookingsRegular,
  bookingsRegularRecords,
} from '../appointments/figures.ts';
import {
  petitionsClosed,
  petitionsClosedRecords,
  petitionsClosedWithLimit,
  petitionsClosedWithLimitRecords,
  petitionsOnTime,
  petitionsOnTimeRecords,
} from '../petitions/figures.ts';
import {
  badRatingsRecords,
  badRatingsRectifiedOnTime,
  type RatingRecord,
  ratingDistribution,
  ratingDistributionRecords,
} from '../ratings/figures.ts';
import type { FigureRecord, Period } from './queries.ts';
import { type FigureMemo, type FigureSource, memoized } from './registry.ts';

function instants(p: Period): [Date, Date] {
  return [new Date(`${p.from}T00:00:00+08:00`), new Date(`${addCalendarDays(p.to, 1)}T00:00:00+08:00`)];
}

const LEVELS: Record<number, { zh: string; en: string }> = {
  5: { zh: '非常满意', en: 'very satisfied' },
  4: { zh: '满意', en: 'satisfied' },
  3: { zh: '基本满意', en: 'fairly satisfied' },
  2: { zh: '不满意', en: 'dissatisfied' },
  1: { zh: '非常不满意', en: 'very dissatisfied' },
};

function ratingOut(r: RatingRecord): FigureRecord {
  return {
    id: r.id,
    date: r.createdAt.slice(0, 10),
    title: `${LEVELS[r.level]?.zh ?? r.level}：${r.label}`,
    enterpriseId: null,
    enterpriseName: null,
    detail: [r.comment, r.state ? `整改：${r.state}${r.rectifyDueDate ? `，期限 ${r.rectifyDueDate}` : ''}` : null]
      .filter(Boolean)
      .join('；'),
    link: null,
  };
}

function badRatings(db: Tx, p: Period, memo: FigureMemo | undefined) {
  return memoized(memo, 'badRatingsRectifiedOnTime', () => badRatingsRectifiedOnTime(db, ...instants(p)));
}

/** The appointment, petition and rating figures of the dashboard. */
export const SERVICE_A_FIGURES: readonly FigureSource[] = [
  {
    key: 'bookingsExtended',
    group: 'appointments',
    label: { zh: '延时服务预约', en: 'extended-hours bookings' },
    unit: { zh: '次', en: 'bookings' },
    definition: {
      zh: '期间内预约延时服务时段（工作日晚间、休息日）且未取消的预约',
      en: 'bookings of extended-hours slots in the period, not cancelled',
    },
    source: '本局预约服务、延时服务制度（上栗县生态环境局"放管服"改革工作报道，2020 年）',
    count: (db, p) => bookingsExtended(db, ...instants(p)),
    records: async (db, p, page) =>
      (await bookingsExtendedRecords(db, ...instants(p), page)).map((r) => ({
        id: r.id,
        date: r.date,
        title: `${r.code} ${r.serviceName} ${r.startTime}`,
        enterpriseId: null,
        enterpriseName: null,
        detail: r.matter,
        link: null,
      })),
  },
  {
    key: 'bookingsRegular',
    group: 'appointments',
    label: { zh: '工作日窗口预约', en: 'regular-hours bookings' },
    unit: { zh: '次', en: 'bookings' },
    definition: {
      zh: '期间内预约工作日窗口时段且未取消的预约',
      en: 'bookings of regular window slots in the period, not cancelled',
    },
    source: '本局预约服务、延时服务制度（上栗县生态环境局"放管服"改革工作报道，2020 年）',
    count: (db, p) => bookingsRegular(db, ...instants(p)),
    records: async (db, p, page) =>
      (await bookingsRegularRecords(db, ...instants(p), page)).map((r) => ({
        id: r.id,
        date: r.date,
        title: `${r.code} ${r.serviceName} ${r.startTime}`,
        enterpriseId: null,
        enterpriseName: null,
        detail: r.matter,
        link: null,
      })),
  },
  {
    key: 'petitionsClosed',
    group: 'petitions',
    label: { zh: '信访办结', en: 'petitions closed' },
    unit: { zh: '件', en: 'petitions' },
    definition: {
      zh: '期间内出具书面答复或不予受理告知的信访件',
      en: 'petitions answered in writing (or refused) in the period',
    },
    source: '《信访工作条例》第三十二条、第三十四条',
    count: (db, p) => petitionsClosed(db, ...instants(p)),
    records: async (db, p, page) => (await petitionsClosedRecords(db, ...instants(p), page)).map(petitionOut),
  },
  {
    key: 'petitionsClosedWithLimit',
    group: 'petitions',
    label: { zh: '信访办结（适用办理期限）', en: 'petitions closed that had a time limit' },
    unit: { zh: '件', en: 'petitions' },
    definition: {
      zh: '期间内办结、且适用办理期限的信访件，即按期办结率的分母（按期办结率 = 信访按期办结 ÷ 本数）；建议、意见和转入其他法定程序办理的事项没有六十日办理期限，不计入',
      en: 'petitions closed in the period that had a handling time limit: the denominator of the on-time rate (on time ÷ this); suggestions, opinions and matters routed into another procedure have no 60-day limit and are left out',
    },
    source: '《信访工作条例》第三十二条、第三十四条',
    count: (db, p) => petitionsClosedWithLimit(db, ...instants(p)),
    records: async (db, p, page) => (await petitionsClosedWithLimitRecords(db, ...instants(p), page)).map(petitionOut),
  },
  {
    key: 'petitionsOnTime',
    group: 'petitions',
    label: { zh: '信访按期办结', en: 'petitions closed on time' },
    unit: { zh: '件', en: 'petitions' },
    definition: {
      zh: '期间内办结且在办理期限内办结的信访件（经负责人批准延期的，以延长后的期限为准）。建议、意见和转入其他法定程序办理的事项没有六十日办理期限，既不算按期也不算逾期：不计入本数，也不计入按期办结率的分母（按期办结率 = 本数 ÷ 信访办结（适用办理期限））',
      en: 'petitions closed in the period within their time limit (an approved extension included). Suggestions, opinions and matters routed into another procedure have no 60-day limit and are neither on time nor late: they are left out of this count and of the on-time rate, which is this ÷ petitions closed that had a time limit',
    },
    source: '《信访工作条例》第三十四条',
    count: (db, p) => petitionsOnTime(db, ...instants(p)),
    records: async (db, p, page) => (await petitionsOnTimeRecords(db, ...instants(p), page)).map(petitionOut),
  },
  ...[5, 4, 3, 2, 1].map(
    (level): FigureSource => ({
      key: `ratingsLevel${level}`,
      group: 'ratings',
      label: { zh: `评价“${LEVELS[level]!.zh}”`, en: `rated ${LEVELS[level]!.en}` },
      unit: { zh: '个', en: 'ratings' },
      definition: {
        zh: `期间内评价为“${LEVELS[level]!.zh}”的好差评（申诉成立的除外）`,
        en: `ratings of level ${level} in the period (void ones excluded)`,
      },
      source: '国办发〔2019〕51号',
      count: async (db: Tx, p: Period, memo) =>
        (await memoized(memo, 'ratingDistribution', () => ratingDistribution(db, ...instants(p)))).find(
          (x) => x.level === level,
        )?.count ?? 0,
      records: async (db: Tx, p: Period, page) =>
        (await ratingDistributionRecords(db, ...instants(p), level, page)).map(ratingOut),
    }),
  ),
  {
    key: 'badRatings',
    group: 'ratings',
    label: { zh: '差评', en: 'bad ratings' },
    unit: { zh: '个', en: 'ratings' },
    definition: {
      zh: '期间内的差评（不满意、非常不满意，申诉成立的除外）',
      en: 'bad ratings in the period (void ones excluded)',
    },
    source: '国办发〔2019〕51号',
    count: async (db, p, memo) => (await badRatings(db, p, memo)).bad,
    records: async (db, p, page) => (await badRatingsRecords(db, ...instants(p), { page })).map(ratingOut),
  },
  {
    key: 'badRatingsRectifiedOnTime',
    group: 'ratings',
    label: { zh: '差评按期整改', en: 'bad ratings rectified on time' },
    unit: { zh: '个', en: 'ratings' },
    definition: {
      zh: '期间内的差评中在整改期限内完成整改的',
      en: 'bad ratings in the period rectified by their due date',
    },
    source: '国办发〔2019〕51号',
    count: async (db, p, memo) => (await badRatings(db, p, memo)).rectifiedOnTime,
    records: async (db, p, page) =>
      (await badRatingsRecords(db, ...instants(p), { onTimeOnly: true, page })).map(ratingOut),
  },
];

function petitionOut(r: Awaited<ReturnType<typeof petitionsClosedRecords>>[number]): FigureRecord {
  return {
    id: r.id,
    date: r.repliedAt.slice(0, 10),
    title: `${r.code} ${r.title}`,
    enterpriseId: null,
    enterpriseName: null,
    detail: `${r.closedOnTime ? '按期办结' : '超期办结'}${r.resolutionDueDate ? `（期限 ${r.resolutionDueDate}）` : ''}`,
    link: `/staff/petitions/${r.id}`,
  };
}
