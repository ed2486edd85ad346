import { describe, expect, it } from 'vitest';
import { factorLabel } from './labels.ts';

describe('risk factor names follow the language', () => {
  it('keeps the server’s Chinese in Chinese', () => {
    const c = { factor: 'complaints', label: '12369 举报（近 12 个月）' } as const;
    expect(factorLabel(c, 'zh-CN', '未评价')).toBe('12369 举报（近 12 个月）');
  });

  it('names the factor from its code in English, the credit grade included', () => {
    expect(factorLabel({ factor: 'complaints', label: '12369 举报（近 12 个月）' }, 'en', 'Not graded')).toBe(
      '12369 reports (12 months)',
    );
    expect(factorLabel({ factor: 'findings', label: '核查属实的线索（近 12 个月）' }, 'en', 'Not graded')).toBe(
      'clues verified as problems (12 months)',
    );
    expect(factorLabel({ factor: 'credit', label: '环境信用等级：环保良好企业（蓝牌）' }, 'en', 'Not graded')).toBe(
      'environmental credit: good (blue)',
    );
    expect(factorLabel({ factor: 'credit', label: '环境信用等级：未评价' }, 'en', 'Not graded')).toBe(
      'environmental credit: Not graded',
    );
  });
});
