import { describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { answerWords, clauseOptions, outcomeOptions } from './labels.ts';

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

describe('a given answer, as the applicant reads it', () => {
  // as the server sends it: the Chinese of the letter
  const answered = {
    outcome: 'withhold',
    outcomeLabel: '不予公开',
    outcomeSource: '《中华人民共和国政府信息公开条例》第三十六条第（三）项',
    clause: 'third-party',
    clauseLabel: '第三方合法权益',
    clauseSource: '《中华人民共和国政府信息公开条例》第十五条',
  };
  it('keeps the letter’s Chinese on the Chinese face', () => {
    expect(answerWords(answered, 'zh-CN')).toEqual({
      outcome: '不予公开',
      outcomeSource: '《中华人民共和国政府信息公开条例》第三十六条第（三）项',
      clause: '第三方合法权益',
      clauseSource: '《中华人民共和国政府信息公开条例》第十五条',
    });
  });
  it('gives the type, the ground and their articles in English on the English face', () => {
    const en = answerWords(answered, 'en');
    expect(en.outcome).toBe('Not disclosed');
    expect(en.outcomeSource).toMatch(/^Regulations on the Disclosure of Government Information, Art\. 36/);
    expect(en.clause).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en.clauseSource).toMatch(/Art\. 15\)?$/);
  });
});
