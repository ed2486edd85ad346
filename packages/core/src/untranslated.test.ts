import { describe, expect, it } from 'vitest';
import { untranslated } from './untranslated.ts';

describe('untranslated', () => {
  it('lets a document number through as issued, and nothing else Chinese', () => {
    expect(untranslated('国办发〔2019〕51号 (bad ratings rectified within a set period)')).toBe(false);
    expect(untranslated('环办执法〔2021〕10号, Guiding Opinions')).toBe(false);
    expect(untranslated('following the practice of Chongqing；本局可调整')).toBe(true);
    expect(untranslated('Administrative Penalty Law, Art. 44；第六十三条')).toBe(true);
    // full-width punctuation alone is Chinese typing left in an English text
    expect(untranslated('Administrative Licensing Law，Art. 32')).toBe(true);
    expect(untranslated('Administrative Licensing Law, Art. 32')).toBe(false);
  });
});
