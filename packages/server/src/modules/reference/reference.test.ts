import { describe, expect, it } from 'vitest';
import { industrySchema, toIndustryView } from './schema.ts';
import { findIndustries } from './service.ts';

describe('industry search for the pickers', () => {
  it('finds a class by code, Chinese name or English name in any case', () => {
    expect(findIndustries({ q: '2672' }).map((i) => i.code)).toEqual(['2672']);
    expect(findIndustries({ q: '鞭炮' }).map((i) => i.code)).toEqual(['2672']);
    expect(findIndustries({ q: 'FIRECRACKERS' }).map((i) => i.code)).toEqual(['2672']);
    expect(findIndustries({ q: 'ceramic', level: 'class' }).map((i) => i.code)).toContain('3073');
    expect(findIndustries({ q: 'no such industry' })).toEqual([]);
  });

  it('sends the English name beside the authoritative Chinese one', () => {
    const view = industrySchema.parse(toIndustryView(findIndustries({ q: '0313' })[0]!));
    expect(view).toEqual({ code: '0313', name: '猪的饲养', nameEn: 'Raising of pigs', level: 'class', parent: '031' });
  });
});
