// A rule's source and note are what staff reading in English are shown: every shipped default
// carries them in English, with nothing left in Chinese but the document numbers cited.
import { untranslated } from '@qingshan/core/untranslated';
import { describe, expect, it } from 'vitest';
import { installModules } from '../../platform/registry.ts';
import { MODULES } from '../index.ts';
import { defaultRules } from './service.ts';

installModules(MODULES);

describe('shipped rules in English', () => {
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
