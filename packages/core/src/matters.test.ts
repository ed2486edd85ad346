import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_PROFILES } from './deadline.ts';
import {
  DECIDING_AUTHORITY_LABELS,
  MATERIAL_FORM_LABELS,
  MATTER_CHANNEL_LABELS,
  MATTER_NAMES_EN,
  matterContentSchema,
  matterEditBody,
  matterName,
  matterNameOfZh,
  matterProblems,
  matterSchema,
  SHIPPED_MATTERS,
} from './matters.ts';

const byCode = new Map(SHIPPED_MATTERS.map((m) => [m.code, m]));

describe('shipped matter catalogue', () => {
  it('is valid, with unique codes and a source on every field group', () => {
    expect(SHIPPED_MATTERS.flatMap(matterProblems)).toEqual([]);
    expect(byCode.size).toBe(SHIPPED_MATTERS.length);
    for (const m of SHIPPED_MATTERS) {
      for (const s of Object.values(m.sources)) expect(s.trim().length).toBeGreaterThan(0);
    }
  });

  it('ships the matters the issue names, with the authority that really decides (rules.md §0)', () => {
    expect(byCode.get('eia-report-form')?.decidingAuthority).toBe('bureau');
    expect(byCode.get('eia-report-form-commitment')?.decidingAuthority).toBe('bureau');
    expect(byCode.get('eia-report-book')?.decidingAuthority).toBe('city-bureau');
    expect(byCode.get('eia-registration-filing')?.decidingAuthority).toBe('national-system');
    expect(byCode.get('eia-exemption')?.decidingAuthority).toBe('bureau');
    expect(byCode.get('discharge-permit')?.decidingAuthority).toBe('city-bureau');
    expect(byCode.get('discharge-permit')?.externalSystem).toBe('全国排污许可证管理信息平台');
    expect(SHIPPED_MATTERS.length).toBeGreaterThanOrEqual(8);
  });

  it('refers only to clock profiles that exist, and their limits match the profiles', () => {
    const profiles = new Map(DEFAULT_CLOCK_PROFILES.map((p) => [p.key, p]));
    for (const m of SHIPPED_MATTERS) {
      const { statutoryProfile, promisedProfile, incompleteNoticeProfile } = m.timeLimits;
      for (const k of [statutoryProfile, promisedProfile, incompleteNoticeProfile]) {
        if (k !== null) expect(profiles.has(k), `${m.code}: ${k}`).toBe(true);
      }
    }
    expect(profiles.get(byCode.get('eia-report-form')!.timeLimits.promisedProfile!)?.length).toBe(7);
    expect(profiles.get(byCode.get('discharge-permit')!.timeLimits.incompleteNoticeProfile!)?.length).toBe(3);
  });

  it('charges no fee for EIA approval or filing (环评法第二十二条)', () => {
    for (const code of ['eia-report-form', 'eia-report-book', 'eia-registration-filing']) {
      expect(byCode.get(code)?.fees).toContain('不收费');
      expect(byCode.get(code)?.sources.fees).toContain('第二十二条');
    }
  });

  it('labels every enum value in Chinese', () => {
    for (const labels of [DECIDING_AUTHORITY_LABELS, MATTER_CHANNEL_LABELS, MATERIAL_FORM_LABELS]) {
      for (const l of Object.values(labels)) expect(l.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('matter schemas', () => {
  const base = SHIPPED_MATTERS[0]!;
  const { code: _code, ...content } = base;

  it('accepts a shipped matter as edit content and refuses an unknown clock profile', () => {
    expect(matterContentSchema.safeParse(content).success).toBe(true);
    const bad = { ...content, timeLimits: { ...content.timeLimits, statutoryProfile: 'eia.nonsense' } };
    expect(matterContentSchema.safeParse(bad).success).toBe(false);
  });

  it('requires a reason, a source on every group and at least one channel', () => {
    expect(matterEditBody.safeParse({ version: 1, content, reason: '' }).success).toBe(false);
    expect(matterEditBody.safeParse({ version: 1, content, reason: '更新材料清单' }).success).toBe(true);
    // the version the edit was made from, so a stale edit is refused rather than applied
    expect(matterEditBody.safeParse({ content, reason: '更新材料清单' }).success).toBe(false);
    expect(matterContentSchema.safeParse({ ...content, sources: { ...content.sources, fees: ' ' } }).success).toBe(
      false,
    );
    expect(matterContentSchema.safeParse({ ...content, channels: [] }).success).toBe(false);
    expect(matterContentSchema.safeParse({ ...content, extra: 1 }).success).toBe(false);
  });

  it('refuses codes that are not lower-case slugs', () => {
    expect(matterSchema.shape.code.safeParse('EIA 1').success).toBe(false);
    expect(matterSchema.shape.code.safeParse('eia-report-form').success).toBe(true);
  });
});

describe('matter names in English', () => {
  it('names every shipped matter in English, each once, and no code that is not shipped', () => {
    for (const m of SHIPPED_MATTERS) {
      const en = MATTER_NAMES_EN[m.code];
      expect(en, m.code).toMatch(/^[A-Z][\x20-\x7e]+$/);
      expect(matterName(m.code, m.name, 'en')).toBe(en);
      expect(matterName(m.code, m.name, 'zh')).toBe(m.name);
      expect(matterNameOfZh(m.name)).toBe(en);
    }
    expect(Object.keys(MATTER_NAMES_EN).sort()).toEqual(SHIPPED_MATTERS.map((m) => m.code).sort());
    expect(new Set(Object.values(MATTER_NAMES_EN)).size).toBe(SHIPPED_MATTERS.length);
    expect(MATTER_NAMES_EN['discharge-permit']).toBe('Issue of a pollutant discharge permit');
  });

  it('falls back to the stored Chinese name for an unknown or renamed matter', () => {
    expect(matterName('county-special', '县级特色事项', 'en')).toBe('县级特色事项');
    expect(matterName('discharge-permit', '排污许可证核发（重新申请）', 'en')).toBe('排污许可证核发（重新申请）');
    expect(matterNameOfZh('县级特色事项')).toBeNull();
  });
});
