import { describe, expect, it } from 'vitest';
import {
  campaignCreateSchema,
  currentMilestone,
  initialMilestones,
  visitCreateSchema,
  visitFitsCampaign,
} from './visits.ts';

const E1 = '11111111-1111-4111-8111-111111111111';
const E2 = '22222222-2222-4222-8222-222222222222';
const visit = {
  date: '2020-05-20',
  staff: [{ name: '王局长', leader: true }],
  enterprises: [{ enterpriseId: E1 }, { enterpriseId: E2 }],
  purposes: ['eia-formalities'],
  summary: '指导环评备案',
};

describe('visit rules', () => {
  it('accepts a visit to several enterprises', () => {
    const r = visitCreateSchema.safeParse(visit);
    expect(r.success).toBe(true);
    expect(r.data?.followUps).toEqual([]);
  });
  it('refuses repeated enterprises or purposes and follow-ups for an enterprise not visited', () => {
    expect(
      visitCreateSchema.safeParse({ ...visit, enterprises: [{ enterpriseId: E1 }, { enterpriseId: E1 }] }).success,
    ).toBe(false);
    expect(visitCreateSchema.safeParse({ ...visit, purposes: ['eia-formalities', 'eia-formalities'] }).success).toBe(
      false,
    );
    const r = visitCreateSchema.safeParse({
      ...visit,
      enterprises: [{ enterpriseId: E1 }],
      followUps: [{ enterpriseId: E2, action: '复查', dueDate: '2020-06-01' }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['followUps', 0, 'enterpriseId']);
  });
  it('keeps campaign periods ordered and visits inside them', () => {
    expect(campaignCreateSchema.safeParse({ theme: 't', startDate: '2020-05-11', endDate: '2020-05-01' }).success).toBe(
      false,
    );
    const c = { startDate: '2020-05-11', endDate: '2020-05-29' };
    expect(visitFitsCampaign('2020-05-11', c)).toBe(true);
    expect(visitFitsCampaign('2020-05-29', c)).toBe(true);
    expect(visitFitsCampaign('2020-05-30', c)).toBe(false);
  });
  it('finds the current milestone', () => {
    const ms = initialMilestones();
    expect(currentMilestone(ms)).toBe('site');
    const done: typeof ms = ms.map((m) => ({ ...m, state: 'done' }));
    expect(currentMilestone(done)).toBeNull();
    done[2] = { ...done[2]!, state: 'in-progress' };
    expect(currentMilestone(done)).toBe('permit');
  });
});
