import { describe, expect, it } from 'vitest';
import { townName, townOptions } from './domain.ts';

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
