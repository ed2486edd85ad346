import { TOWNS } from '@qingshan/core/towns';
import { describe, expect, it } from 'vitest';
import { concernsText } from './labels.ts';

describe('whom a policy concerns, in words', () => {
  const [a, b] = TOWNS;
  const policy = { industries: ['2672'], towns: [a!.code, b!.code] };

  it('runs labels with 、 and parts with ； in Chinese', () => {
    expect(concernsText(policy, 'zh-CN', '全县')).toBe(`2672 焰火、鞭炮产品制造；${a!.name}、${b!.name}`);
  });

  it('runs them with commas and parts with a semicolon in English', () => {
    expect(concernsText(policy, 'en', 'the whole county')).toBe(`2672 焰火、鞭炮产品制造; ${a!.nameEn}, ${b!.nameEn}`);
    expect(concernsText({ industries: [], towns: [] }, 'en', 'the whole county')).toBe('the whole county');
  });
});
