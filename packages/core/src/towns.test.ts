import { describe, expect, it } from 'vitest';
import { COUNTY, TOWNS, townByCode } from './towns.ts';

describe('towns', () => {
  it('has the ten township-level units of reference.md §1.13', () => {
    expect(COUNTY).toMatchObject({ code: '360322', name: '上栗县' });
    expect(TOWNS.map((t) => t.code)).toEqual([
      '360322101',
      '360322102',
      '360322103',
      '360322104',
      '360322105',
      '360322106',
      '360322200',
      '360322201',
      '360322202',
      '360322203',
    ]);
    expect(TOWNS.filter((t) => t.kind === '镇')).toHaveLength(6);
    for (const t of TOWNS) {
      expect(t.code.startsWith(COUNTY.code)).toBe(true);
      expect(t.name.endsWith(t.kind)).toBe(true);
    }
  });

  it('looks towns up by code', () => {
    expect(townByCode('360322203')?.name).toBe('杨岐乡');
    expect(townByCode(' 360322101 ')?.nameEn).toBe('Shangli Town');
    expect(townByCode('360322107')).toBeUndefined();
  });
});
