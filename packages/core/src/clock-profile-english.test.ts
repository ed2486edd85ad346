// Every deadline profile a module ships becomes a rule whose source and note staff read in English;
// nothing may stay in Chinese there but the document numbers cited.
import { describe, expect, it } from 'vitest';
import { SHIPPED_CLOCK_PROFILES } from './clock-profiles.ts';
import type { ClockProfileDefinition } from './deadline.ts';
import { REPORT_CADENCE_SOURCE_EN } from './permits.ts';
import { untranslated } from './untranslated.ts';

const PROFILES: readonly ClockProfileDefinition[] = SHIPPED_CLOCK_PROFILES;

describe('deadline profiles in English', () => {
  it('every profile has its source, and its note if it has one, in English', () => {
    expect(PROFILES.length).toBeGreaterThan(35);
    for (const p of PROFILES) {
      expect(p.sourceEn.trim(), p.key).not.toBe('');
      expect(untranslated(p.sourceEn), `${p.key}: ${p.sourceEn}`).toBe(false);
      if (p.note === undefined) continue;
      expect(p.noteEn.trim(), p.key).not.toBe('');
      expect(untranslated(p.noteEn), `${p.key}: ${p.noteEn}`).toBe(false);
      // a note holds one language: the English is its own field
      expect(p.note, p.key).not.toMatch(/ \/ [a-z]/);
    }
  });

  it('cites the articles in English as they are cited in Chinese', () => {
    const byKey = new Map(PROFILES.map((p) => [p.key, p]));
    expect(byKey.get('application.incomplete-notice')?.sourceEn).toMatch(
      /^Administrative Licensing Law, Art\. 32\(1\)\(4\) .*Administrative Licensing Law, Art\. 82 /,
    );
    expect(byKey.get('report.acceptance')?.sourceEn).toContain('(MEP Order No. 15, 2011)');
    expect(byKey.get('petition.review-request')?.sourceEn).toContain('(Civil Code, Art. 203)');
    expect(byKey.get('eia.commitment.publicity')?.sourceEn).toContain('Shanggao County, Yichun, Jiangxi');
    expect(untranslated(REPORT_CADENCE_SOURCE_EN)).toBe(false);
  });
});
