import { untranslated } from '@qingshan/core/untranslated';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.ts';
import { figureSources, sqlFigure } from './registry.ts';

const DEF = {
  key: 'testFigure',
  label: { zh: '测试', en: 'test' },
  unit: { zh: '个', en: 'items' },
  definition: { zh: '测试', en: 'test' },
  source: '测试',
  sourceEn: 'test',
};
/** A database that answers every statement with the given rows, as PGlite does ({ rows }). */
const answering = (rows: unknown[]) => ({ execute: async () => ({ rows }) }) as unknown as Tx;
const P = { from: '2020-01-01', to: '2020-03-31' };

describe('figures declared by their modules', () => {
  it('the dashboard order: the service figures of rules.md §6 first, then every other figure by key', () => {
    expect(figureSources().map((s) => s.key)).toEqual([
      'enterpriseVisits',
      'campaigns',
      'receptionEnterprises',
      'receptionPeople',
      'receptionConcernsAccepted',
      'receptionConcernsResolved',
      'alarmsAnsweredInTime',
      'alarmsClosed',
      'alarmsRaised',
      'applicationsDecided',
      'applicationsDecidedWithLimit',
      'applicationsOnTime',
      'badRatings',
      'badRatingsDue',
      'badRatingsRectifiedOnTime',
      'bookingsExtended',
      'bookingsRegular',
      'cluesVerified',
      'commitmentEiaApproved',
      'eiaExemptions',
      'eiaFilings',
      'enforcementCases',
      'inspectionsDone',
      'inspectionTargetsDrawn',
      'monitoringDataCaptureRate',
      'monitoringOnlineRate',
      'oneVisitRate',
      'petitionsClosed',
      'petitionsClosedWithLimit',
      'petitionsOnTime',
      'policyFirmsConcerned',
      'policyFirmsDelivered',
      'policyFirmsReached',
      'positiveListFirms',
      'ratingsLevel1',
      'ratingsLevel2',
      'ratingsLevel3',
      'ratingsLevel4',
      'ratingsLevel5',
      'rectificationOrders',
      'rectifiedOnTime',
    ]);
    // only the figures that draw a trend are tallied per month
    expect(
      figureSources()
        .filter((s) => s.trend)
        .map((s) => s.key),
    ).toEqual([
      'enterpriseVisits',
      'campaigns',
      'receptionPeople',
      'receptionConcernsResolved',
      'alarmsAnsweredInTime',
      'alarmsClosed',
      'alarmsRaised',
      'applicationsDecided',
      'applicationsDecidedWithLimit',
      'applicationsOnTime',
      'cluesVerified',
      'commitmentEiaApproved',
      'eiaExemptions',
      'eiaFilings',
      'enforcementCases',
      'inspectionsDone',
      'inspectionTargetsDrawn',
      'oneVisitRate',
      'policyFirmsConcerned',
      'policyFirmsDelivered',
      'policyFirmsReached',
      'rectificationOrders',
      'rectifiedOnTime',
    ]);
  });

  it('every figure cites its source in English too, nothing left in Chinese but document numbers', () => {
    expect(figureSources().length).toBeGreaterThan(35);
    for (const s of figureSources()) {
      expect(s.source.trim(), s.key).not.toBe('');
      expect(s.sourceEn.trim(), s.key).not.toBe('');
      expect(untranslated(s.sourceEn), `${s.key}: ${s.sourceEn}`).toBe(false);
    }
  });

  it('a figure counts the sum of its tally, and a trend is its months', async () => {
    const tally = () => sql`select 1`;
    const records = async () => [];
    const months = [
      { month: '2020-01', n: 2 },
      { month: '2020-03', n: '5' },
    ];
    const trend = sqlFigure({ ...DEF, tally, records, trend: true });
    expect(await trend.count(answering(months), P)).toBe(7);
    expect(await trend.monthly!(answering(months), P)).toEqual(
      new Map([
        ['2020-01', 2],
        ['2020-03', 5],
      ]),
    );
    const flat = sqlFigure({ ...DEF, tally, records });
    expect(flat.trend).toBe(false);
    expect(flat.monthly).toBeUndefined();
    expect(await flat.count(answering([{ month: null, n: 4 }]), P)).toBe(4);
    expect(await flat.count(answering([]), P)).toBe(0);
  });
});
