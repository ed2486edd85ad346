import { TOWNS } from '@qingshan/core/towns';
import { describe, expect, it } from 'vitest';
import { industryMatches } from '../../domain.ts';
import { concernsText, industryOptions } from './labels.ts';
import en from './locales/en.ts';
import zh from './locales/zh-CN.ts';

describe('whom a policy concerns, in words', () => {
  const [a, b] = TOWNS;
  const policy = { industries: ['2672'], towns: [a!.code, b!.code] };

  it('runs labels with 、 and parts with ； in Chinese', () => {
    expect(concernsText(policy, 'zh-CN', '全县')).toBe(`2672 焰火、鞭炮产品制造；${a!.name}、${b!.name}`);
  });

  it('runs them with commas and parts with a semicolon in English', () => {
    expect(concernsText(policy, 'en', 'the whole county')).toBe(
      `2672 Manufacture of fireworks and firecrackers; ${a!.nameEn}, ${b!.nameEn}`,
    );
    expect(concernsText({ industries: [], towns: [] }, 'en', 'the whole county')).toBe('the whole county');
  });
});

describe('the staff page’s two question cards', () => {
  it('have two names in each language: the published FAQ and the questions still to answer', () => {
    // in English both read "Questions and answers", one above the other
    expect(zh.policies.faq).not.toBe(zh.policies.staffQuestions);
    expect(en.policies.faq).not.toBe(en.policies.staffQuestions);
  });
});

describe('the industries a policy may name', () => {
  it('are offered in the reader’s language and found by code or by either name', () => {
    const en = industryOptions('en').find((o) => o.value === '2672')!;
    expect(en.label).toBe('2672 Manufacture of fireworks and firecrackers');
    expect(industryOptions('zh-CN').find((o) => o.value === '2672')!.label).toBe('2672 焰火、鞭炮产品制造');
    for (const q of ['fireworks', '鞭炮', 'C2672', '267']) expect(industryMatches(q, en), q).toBe(true);
    expect(industryMatches('ceramic', en)).toBe(false);
  });
});
