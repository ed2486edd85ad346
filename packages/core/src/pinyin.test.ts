import { describe, expect, it } from 'vitest';
import { pinyinFull, pinyinInitials, searchKey } from './pinyin.ts';

describe('pinyin', () => {
  it('gives lower-case initials', () => {
    expect(pinyinInitials('上栗金花烟花厂')).toBe('sljhyhc');
    expect(pinyinInitials('杨岐乡')).toBe('yqx');
  });

  it('keeps ASCII letters and digits, drops the rest', () => {
    expect(pinyinInitials('上栗县ABC公司2号（分厂）')).toBe('slxabcgs2hfc');
    expect(pinyinInitials('Ａ１烟花·有限公司!')).toBe('a1yhyxgs');
    expect(pinyinInitials('')).toBe('');
    expect(pinyinInitials('  ——  ')).toBe('');
  });

  it('reads polyphonic characters from context', () => {
    expect(pinyinFull('重庆银行')).toBe('chongqingyinhang');
    expect(pinyinFull('长平乡')).toBe('changpingxiang');
  });

  it('builds a search key of initials and full pinyin', () => {
    const key = searchKey('上栗金花烟花厂');
    expect(key).toBe('sljhyhc shanglijinhuayanhuachang');
    expect(key.includes('jinhua')).toBe(true);
    expect(searchKey('绿源')).toBe('ly lvyuan');
  });
});
