import { describe, expect, it } from 'vitest';
import {
  INDUSTRIES,
  industryByCode,
  industryChildren,
  industryLabel,
  industryListEn,
  industryName,
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

  it('names every code in English, without Chinese characters', () => {
    // CJK ideographs and punctuation, full-width forms (（）、，) included
    const cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
    const lacking = INDUSTRIES.filter((i) => typeof i.nameEn !== 'string' || i.nameEn.trim() === '').map((i) => i.code);
    expect(lacking).toEqual([]);
    expect(INDUSTRIES.filter((i) => cjk.test(i.nameEn)).map((i) => i.code)).toEqual([]);
    expect(INDUSTRIES.filter((i) => i.nameEn !== i.nameEn.trim()).map((i) => i.code)).toEqual([]);
    expect(industryByCode('0111')?.nameEn).toBe('Rice cultivation');
    expect(industryByCode('3073')?.nameEn).toBe('Manufacture of special ceramics');
    expect(industryByCode('2672')?.nameEn).toBe('Manufacture of fireworks and firecrackers');
  });

  it("labels in the reader's language, Chinese by default", () => {
    const pigs = industryByCode('0313')!;
    expect(industryName(pigs, 'zh')).toBe('猪的饲养');
    expect(industryName(pigs, 'en')).toBe('Raising of pigs');
    expect(industryLabel('267', ' / ', 'en')).toBe(
      'C Manufacturing / 26 Manufacture of chemical raw materials and chemical products / 267 Manufacture of explosives, pyrotechnic and firework products',
    );
    expect(industryLabel('267')).toBe('C 制造业 / 26 化学原料和化学制品制造业 / 267 炸药、火工及焰火产品制造');
  });

  it('puts a catalogue title that only lists industries into English, and leaves other titles alone', () => {
    expect(industryListEn('牲畜饲养031；家禽饲养032；其他畜牧业039')).toBe(
      'Livestock farming 031; Poultry farming 032; Other animal husbandry 039',
    );
    expect(industryListEn('陶瓷制品制造307*')).toBe('Manufacture of ceramic products 307*');
    // the catalogue's own words, or a name that is not the code's, need a person
    expect(industryListEn('土砂石开采101（不含河道采砂项目）')).toBeNull();
    expect(industryListEn('纸浆制造221*；造纸222*（含废纸造纸）')).toBeNull();
    expect(industryListEn('陶瓷制品制造308')).toBeNull();
    expect(industryListEn('洗车场')).toBeNull();
  });
});
