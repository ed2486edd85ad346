import { describe, expect, it } from 'vitest';
import { clockTitleInEnglish } from './clock-titles.ts';

describe('a bad rating clock in English', () => {
  it('names the service rated in English, its codes and typed words as written', () => {
    expect(clockTitleInEnglish('差评回访：预约 YY2026000110 环评咨询窗口 2026-06-16')).toBe(
      'Bad rating: contact the rater: Booking YY2026000110 环评咨询窗口 2026-06-16',
    );
    expect(clockTitleInEnglish('差评整改：信访 XF12 赤山镇小河沟水体发黑')).toBe(
      'Bad rating: rectification: Petition XF12 赤山镇小河沟水体发黑',
    );
    expect(clockTitleInEnglish('差评回访：接待日诉求 2026-06-18 排污许可')).toBe(
      'Bad rating: contact the rater: Reception-day concern 2026-06-18 discharge permit',
    );
    expect(clockTitleInEnglish('差评回访：上门服务 2026-06-20')).toBe(
      'Bad rating: contact the rater: Door-to-door visit 2026-06-20',
    );
  });

  it('keeps a label no module words as it is', () => {
    expect(clockTitleInEnglish('差评回访：别的')).toBe('Bad rating: contact the rater: 别的');
  });
});
