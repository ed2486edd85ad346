// The legal sources pages cite beside a figure, a checklist item, a case stage, a positive-list
// category, a commitment-path check, a permit's validity and the rating form are shown to staff and
// firms reading in English; nothing may stay in Chinese there but the document numbers cited.
import { describe, expect, it } from 'vitest';
import { ALARM_ESCALATION_SOURCE_EN } from './alarms.ts';
import { COMMITMENT_CHECKS } from './eia.ts';
import { SERVICE_FIGURES } from './figures.ts';
import { PERMIT_VALIDITY_SOURCE_EN } from './permits.ts';
import { POSITIVE_LIST_CATEGORIES, POSITIVE_LIST_CATEGORY_LABELS } from './positive-list.ts';
import { RATING_SOURCE_EN } from './ratings.ts';
import { CASE_STAGE_LABELS, CASE_STAGES, GENERAL_CHECKLIST, INDUSTRY_CHECKLISTS } from './site-inspections.ts';
import { untranslated } from './untranslated.ts';

/** every cited source with its English, named for the failure message */
const SOURCES: readonly { name: string; source: string; sourceEn: string }[] = [
  ...SERVICE_FIGURES.map((f) => ({ name: `figure ${f.key}`, source: f.source, sourceEn: f.sourceEn })),
  ...[GENERAL_CHECKLIST, ...INDUSTRY_CHECKLISTS].flatMap((c) =>
    c.items.map((i) => ({ name: `checklist ${c.key}/${i.key}`, source: i.source, sourceEn: i.sourceEn })),
  ),
  ...CASE_STAGES.map((s) => ({ name: `case stage ${s}`, ...CASE_STAGE_LABELS[s] })),
  ...POSITIVE_LIST_CATEGORIES.map((c) => ({ name: `positive-list ${c}`, ...POSITIVE_LIST_CATEGORY_LABELS[c] })),
  ...COMMITMENT_CHECKS.map((c) => ({ name: `commitment check ${c.key}`, source: c.source, sourceEn: c.sourceEn })),
];

describe('cited sources in English', () => {
  it('every figure, checklist item, case stage, positive-list category and commitment check cites its source in English', () => {
    expect(SOURCES.length).toBeGreaterThan(30);
    for (const s of SOURCES) {
      expect(s.source.trim(), s.name).not.toBe('');
      expect(s.sourceEn.trim(), s.name).not.toBe('');
      expect(untranslated(s.sourceEn), `${s.name}: ${s.sourceEn}`).toBe(false);
    }
  });

  it('the single citations pages show are in English too', () => {
    for (const en of [PERMIT_VALIDITY_SOURCE_EN, RATING_SOURCE_EN, ALARM_ESCALATION_SOURCE_EN]) {
      expect(en.trim()).not.toBe('');
      expect(untranslated(en), en).toBe(false);
    }
  });

  it('cites the articles in English as they are cited in Chinese', () => {
    expect(CASE_STAGE_LABELS.notice.sourceEn).toBe('Administrative Penalty Law, Art. 44 and 63');
    expect(CASE_STAGE_LABELS.filed.sourceEn).toBe(
      'Measures for Administrative Penalties for Ecology and Environment, Art. 25',
    );
    const item = (key: string) =>
      [GENERAL_CHECKLIST, ...INDUSTRY_CHECKLISTS].flatMap((c) => c.items).find((i) => i.key === key);
    expect(item('permit')?.sourceEn).toBe(
      'Regulations on the Administration of Pollutant Discharge Permits, Art. 2 and 17',
    );
    expect(item('kiln-emissions')?.sourceEn).toContain('GB 4915-2013');
    expect(POSITIVE_LIST_CATEGORY_LABELS['key-field'].sourceEn).toContain('(April 2020)');
    expect(PERMIT_VALIDITY_SOURCE_EN).toMatch(/, Art\. 14 .*5 years/);
    expect(RATING_SOURCE_EN).toContain('国办发〔2019〕51号');
  });
});
