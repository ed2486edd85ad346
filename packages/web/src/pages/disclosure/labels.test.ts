import { describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { clauseOptions, outcomeOptions } from './labels.ts';

describe('an answer type and its ground, with the article they rest on', () => {
  it('cites the article in Chinese, and in English on the English face', () => {
    const zh = outcomeOptions('zh-CN').find((o) => o.value === 'partial');
    const en = outcomeOptions('en').find((o) => o.value === 'partial');
    expect(zh?.label).toBe('部分公开（《中华人民共和国政府信息公开条例》第三十七条）');
    expect(en?.label).toBe('Partly disclosed (Regulations on the Disclosure of Government Information, Art. 37)');
    const ground = clauseOptions('en', 'withhold').find((o) => o.value === 'third-party');
    expect(ground?.label).toMatch(/ \(Regulations on the Disclosure of Government Information, Art\. 15\)$/);
  });
});
