// A rule's source and note are what staff reading in English are shown: every shipped default
// carries them in English, with nothing left in Chinese but the document numbers cited.
import { describe, expect, it } from 'vitest';
import { installModules } from '../../platform/registry.ts';
import { MODULES } from '../index.ts';
import { defaultRules } from './service.ts';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** a document number stays as issued (国办发〔2019〕51号), as the other English citations keep it */
const DOCUMENT_NUMBER = /[\u4e00-\u9fff]+〔\d{4}〕\d+号/g;
const untranslated = (en: string) => CJK.test(en.replace(DOCUMENT_NUMBER, ''));

installModules(MODULES);

describe('shipped rules in English', () => {
  it('tells a document number from words left in Chinese', () => {
    expect(untranslated('国办发〔2019〕51号 (bad ratings rectified within a set period)')).toBe(false);
    expect(untranslated('following the practice of Rudong County; 本局可调整')).toBe(true);
    expect(untranslated('Administrative Licensing Law，Art. 32')).toBe(true);
  });

  it('every shipped default has its source, and its note if it has one, in English', () => {
    const rules = defaultRules();
    expect(rules.length).toBeGreaterThan(50);
    for (const r of rules) {
      expect(r.sourceEn.trim(), r.key).not.toBe('');
      expect(untranslated(r.sourceEn), `${r.key}: ${r.sourceEn}`).toBe(false);
      if (r.note === undefined) continue;
      expect(r.noteEn?.trim(), r.key).toBeTruthy();
      expect(untranslated(r.noteEn ?? ''), `${r.key}: ${r.noteEn}`).toBe(false);
    }
  });

  it('a default borrowed from another place says so in both languages', () => {
    const borrowed = defaultRules().find((r) => r.key === 'eia.report-book.promised');
    expect(borrowed?.note).toContain('不是本局的法定依据');
    expect(borrowed?.noteEn).toContain('not this bureau’s legal basis');
  });
});
