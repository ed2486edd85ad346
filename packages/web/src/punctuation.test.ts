import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import './i18n.ts';

// Labels glued to values go through locale patterns: Chinese keeps its full-width punctuation,
// English reads "Answer: …" and "(Witness: …)"; what people typed is printed as typed.
describe('punctuation between a label and its value', () => {
  it('is full-width in Chinese and ASCII in English', () => {
    const zh = i18n.getFixedT('zh-CN');
    const en = i18n.getFixedT('en');
    expect(zh('common.labelled', { label: '答复', value: '已处理' })).toBe('答复：已处理');
    expect(en('common.labelled', { label: 'Answer', value: 'done' })).toBe('Answer: done');
    expect(zh('common.parenthetical', { text: '拒绝签字', note: '见证人：李' })).toBe('拒绝签字（见证人：李）');
    expect(en('common.parenthetical', { text: 'Refused', note: 'Witness: Li' })).toBe('Refused (Witness: Li)');
  });

  it('prints a value as typed, even one that looks like a pattern', () => {
    const en = i18n.getFixedT('en');
    const typed = '<b>{{label}}</b> $t(common.none) 100%';
    expect(en('common.labelled', { label: 'Answer', value: typed })).toBe(`Answer: ${typed}`);
  });
});
