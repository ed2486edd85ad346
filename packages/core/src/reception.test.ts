import { describe, expect, it } from 'vitest';
import { checkBooking, enterpriseBookingSchema, publicBookingSchema } from './reception.ts';

const caps = { maxEnterprisesPerDay: 10, maxPeoplePerEnterprise: 3 };
const base = {
  sessionKind: 'enterprise' as const,
  sessionDate: '2020-05-14',
  today: '2020-05-10',
  bookingKind: 'enterprise' as const,
  enterprisesBooked: 0,
  alreadyBooked: false,
  people: 2,
  caps,
};

describe('reception booking rules', () => {
  it('accepts a booking within the caps, on the day itself too', () => {
    expect(checkBooking(base)).toBeNull();
    expect(checkBooking({ ...base, today: '2020-05-14', people: 3, enterprisesBooked: 9 })).toBeNull();
  });
  it('refuses a past date before anything else', () => {
    expect(checkBooking({ ...base, today: '2020-05-15', people: 9 })).toEqual({
      rule: 'past-date',
      date: '2020-05-14',
      today: '2020-05-15',
    });
  });
  it('refuses the wrong kind of day', () => {
    expect(checkBooking({ ...base, bookingKind: 'public' })).toEqual({ rule: 'wrong-kind', expected: 'enterprise' });
  });
  it('applies the caps given as data', () => {
    expect(checkBooking({ ...base, people: 4 })).toMatchObject({ rule: 'too-many-people', cap: 3 });
    expect(checkBooking({ ...base, enterprisesBooked: 10 })).toMatchObject({ rule: 'day-full', cap: 10 });
    expect(checkBooking({ ...base, enterprisesBooked: 4, caps: { ...caps, maxEnterprisesPerDay: 4 } })).toMatchObject({
      rule: 'day-full',
      cap: 4,
    });
    expect(checkBooking({ ...base, alreadyBooked: true })).toEqual({ rule: 'already-booked' });
  });
  it('public days have no enterprise caps', () => {
    expect(
      checkBooking({ ...base, sessionKind: 'public', bookingKind: 'public', people: 5, enterprisesBooked: 50 }),
    ).toBeNull();
  });
  it('validates booking input', () => {
    expect(enterpriseBookingSchema.safeParse({ people: [], concern: 'x' }).success).toBe(false);
    expect(enterpriseBookingSchema.safeParse({ people: ['甲'], concern: '  ' }).success).toBe(false);
    expect(publicBookingSchema.safeParse({ name: '张三', phone: '13800000000', concern: '异味' }).success).toBe(true);
    expect(publicBookingSchema.safeParse({ name: '张三', phone: '1380000', concern: '异味' }).success).toBe(false);
  });
});

describe('the people an enterprise brings', () => {
  it('lists each person once, also when a space tells two entries apart', () => {
    const twice = enterpriseBookingSchema.safeParse({ people: ['张三', ' 张三 '], concern: '咨询' });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]).toMatchObject({ path: ['people'], message: 'reception.people-repeated' });
    expect(enterpriseBookingSchema.safeParse({ people: ['张三', '李四'], concern: '咨询' }).success).toBe(true);
  });
});
