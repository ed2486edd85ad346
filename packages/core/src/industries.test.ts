import { describe, expect, it } from 'vitest';
import {
  INDUSTRIES,
  industryByCode,
  industryChildren,
  industryLabel,
  industryPath,
  isIndustryClass,
} from './industries.ts';

describe('GB/T 4754-2017 industries', () => {
  it('holds all 1,972 codes with the published counts per level', () => {
    expect(INDUSTRIES).toHaveLength(1972);
    const count = (level: string) => INDUSTRIES.filter((i) => i.level === level).length;
    expect([count('section'), count('division'), count('group'), count('class')]).toEqual([20, 97, 473, 1382]);
  });

  it('matches the spot checks of the provenance note', () => {
    expect(industryByCode('0313')?.name).toBe('猪的饲养');
    expect(industryByCode('2672')?.name).toBe('焰火、鞭炮产品制造');
    expect(industryByCode('3073')?.name).toBe('特种陶瓷制品制造');
    expect(industryByCode('6572')?.name).toBe('动漫、游戏数字内容服务');
    expect(industryByCode('339')?.name).toBe('铸造及其他金属制品制造');
    expect(industryByCode('9231')?.name).toBe('监察委员会');
  });

  it('has a consistent tree', () => {
    for (const i of INDUSTRIES) {
      if (i.level === 'section') {
        expect(i.parent).toBeNull();
        continue;
      }
      const parent = industryByCode(i.parent!);
      expect(parent, i.code).toBeDefined();
      expect(parent!.section).toBe(i.section);
      expect(i.code.startsWith(parent!.level === 'section' ? '' : parent!.code)).toBe(true);
    }
  });

  it('recognises class codes only', () => {
    expect(isIndustryClass('2672')).toBe(true);
    expect(isIndustryClass('C2672')).toBe(true);
    expect(isIndustryClass('267')).toBe(false);
    expect(isIndustryClass('26')).toBe(false);
    expect(isIndustryClass('C')).toBe(false);
    expect(isIndustryClass('2679')).toBe(false);
    expect(isIndustryClass('')).toBe(false);
  });

  it('gives the path from section to class', () => {
    expect(industryPath('2672').map((i) => i.code)).toEqual(['C', '26', '267', '2672']);
    expect(industryPath('2672')[0]?.name).toBe('制造业');
    expect(industryPath('nope')).toEqual([]);
    expect(industryLabel('267')).toBe('C 制造业 / 26 化学原料和化学制品制造业 / 267 炸药、火工及焰火产品制造');
    expect(industryChildren(null)).toHaveLength(20);
    expect(industryChildren('267').map((i) => i.code)).toEqual(['2671', '2672']);
  });
});
