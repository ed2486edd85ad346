import { describe, expect, it } from 'vitest';
import { industryClassOptions, industryMatches, industryName, townName, townOptions } from './domain.ts';

describe('town names follow the language', () => {
  it('names a town from its code: Chinese as the views send it, English from core', () => {
    expect(townName('360322101', 'zh-CN', '上栗镇')).toBe('上栗镇');
    expect(townName('360322101', 'en', '上栗镇')).toBe('Shangli Town');
    expect(townName('360322202', 'en', '东源乡')).toBe('Dongyuan Township');
    // an unknown code keeps what the view sent
    expect(townName('999999999', 'en', '某镇')).toBe('某镇');
  });

  it('offers the ten towns in the current language', () => {
    expect(townOptions('zh-CN').map((o) => o.label)).toContain('东源乡');
    const en = townOptions('en');
    expect(en).toHaveLength(10);
    expect(en.some((o) => /[\u4e00-\u9fff]/.test(o.label))).toBe(false);
  });
});

describe('industry names follow the language', () => {
  it('names an industry from its code, keeping what the view sent for an unknown code', () => {
    expect(industryName('2672', 'zh-CN', '焰火、鞭炮产品制造')).toBe('焰火、鞭炮产品制造');
    expect(industryName('2672', 'en', '焰火、鞭炮产品制造')).toBe('Manufacture of fireworks and firecrackers');
    expect(industryName('9998', 'en', '旧行业')).toBe('旧行业');
  });

  it('offers the 1,382 classes in the current language', () => {
    const en = industryClassOptions('en');
    expect(en).toHaveLength(1382);
    expect(en.find((o) => o.value === '3073')?.label).toBe('3073 Manufacture of special ceramics');
    expect(en.some((o) => /[\u3000-\u9fff\uff00-\uffef]/.test(o.label))).toBe(false);
    expect(industryClassOptions('zh-CN').find((o) => o.value === '3073')?.label).toBe('3073 特种陶瓷制品制造');
  });

  it('finds a class by code, Chinese or English whichever language shows', () => {
    const firecrackers = industryClassOptions('en').find((o) => o.value === '2672');
    expect(industryMatches('2672', firecrackers)).toBe(true);
    expect(industryMatches('C267', firecrackers)).toBe(true);
    expect(industryMatches('鞭炮', firecrackers)).toBe(true);
    expect(industryMatches('Fireworks', firecrackers)).toBe(true);
    expect(industryMatches('ceramic', firecrackers)).toBe(false);
    expect(industryMatches('672', firecrackers)).toBe(false);
  });
});
