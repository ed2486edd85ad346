import { describe, expect, it } from 'vitest';
import { clockTitle } from './titles.ts';

describe('worklist titles follow the language', () => {
  it('keeps the stored Chinese in Chinese', () => {
    const t = '申请 SQ20260301-001 材料预审（不齐全须一次性告知）';
    expect(clockTitle(t, 'zh-CN')).toBe(t);
  });

  it('translates the platform’s own words, keeping codes, names and typed text', () => {
    const en = (t: string) => clockTitle(t, 'en');
    expect(en('申请 SQ20260301-001 材料预审（不齐全须一次性告知）')).toBe(
      'Application SQ20260301-001: completeness check (one-time notice if incomplete)',
    );
    expect(en('环评 HP2026-003 报告表审批期限')).toBe('EIA HP2026-003: time limit for the report form decision');
    expect(en('线索核查：河道排口疑似偷排')).toBe('Clue verification: 河道排口疑似偷排');
    expect(en('接待日诉求：固体废物（张三）')).toBe('Reception-day concern: waste (张三)');
    expect(en('排污许可：上栗某烟花厂 延续申请（有效期至 2027-05-31）')).toBe(
      'Discharge permit: 上栗某烟花厂 renewal application (valid until 2027-05-31)',
    );
    expect(en('排污许可：上栗某烟花厂 2025年第3季度季度执行报告')).toBe(
      'Discharge permit: 上栗某烟花厂 quarterly execution report 2025 Q3',
    );
    expect(en('排污许可：上栗某烟花厂 变更申请（法定代表人变更）')).toBe(
      'Discharge permit: 上栗某烟花厂 change application (legal representative changed)',
    );
    expect(en('信访办理：噪声扰民')).toBe('Petition handling: 噪声扰民');
    // a shipped matter's name is translated; a renamed one is kept as stored
    expect(en('申请 SQ20260301-001 建设项目环境影响报告表审批 办理期限')).toBe(
      'Application SQ20260301-001 Approval of an EIA report form: time limit for handling',
    );
    expect(en('申请 SQ20260301-002 县级特色事项 办理期限')).toBe(
      'Application SQ20260301-002 县级特色事项: time limit for handling',
    );
    // a title no rule knows is shown as stored
    expect(en('某个自定义标题')).toBe('某个自定义标题');
  });
});
