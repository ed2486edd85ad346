import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_STAGES,
  caseStageBody,
  checklistFor,
  completeInspectionBody,
  GENERAL_CHECKLIST,
  hasPersonalNumbers,
  INDUSTRY_CHECKLISTS,
  nextCaseStage,
  siteInspectionBody,
  visibleToEnterprise,
} from './site-inspections.ts';

const base = {
  kind: 'on-site',
  enterpriseId: '00000000-0000-4000-8000-000000000001',
  inspectedOn: '2020-03-12',
  inspectorNames: ['李强'],
};

describe('site inspections: checklists by industry', () => {
  it('gives every firm the general items, and a fireworks plant its own too', () => {
    const keys = checklistFor('2672').map((i) => i.key);
    expect(keys.slice(0, GENERAL_CHECKLIST.items.length)).toEqual(GENERAL_CHECKLIST.items.map((i) => i.key));
    expect(keys).toContain('explosive-waste');
    expect(checklistFor('3011').map((i) => i.key)).toContain('kiln-emissions');
    expect(checklistFor('0313').map((i) => i.key)).toContain('manure-facilities');
    expect(checklistFor('7000')).toHaveLength(GENERAL_CHECKLIST.items.length);
  });

  it('cites a legal source for every item, and no key is used twice', () => {
    const all = [GENERAL_CHECKLIST, ...INDUSTRY_CHECKLISTS].flatMap((c) => c.items);
    for (const i of all) expect(i.source, i.key).toMatch(/《.+》/);
    expect(new Set(all.map((i) => i.key)).size).toBe(all.length);
  });
});

describe('site inspections: request bodies', () => {
  it('wants both coordinates or neither, and an off-site source for an off-site check', () => {
    expect(siteInspectionBody.safeParse({ ...base, latitude: 27.8 }).success).toBe(false);
    expect(siteInspectionBody.safeParse({ ...base, latitude: 27.8, longitude: 113.8 }).success).toBe(true);
    expect(siteInspectionBody.safeParse({ ...base, kind: 'off-site' }).success).toBe(false);
    expect(siteInspectionBody.safeParse({ ...base, kind: 'off-site', offSiteSource: 'alarm' }).success).toBe(false);
    expect(
      siteInspectionBody.safeParse({
        ...base,
        kind: 'off-site',
        offSiteSource: 'alarm',
        alarmId: '00000000-0000-4000-8000-000000000002',
      }).success,
    ).toBe(true);
  });

  it('completes with a signature or a refusal with a witness, never both', () => {
    const png = 'A'.repeat(80);
    expect(completeInspectionBody.safeParse({ signerName: '张', signaturePng: png, version: 1 }).success).toBe(true);
    expect(completeInspectionBody.safeParse({ signerName: '张', version: 1 }).success).toBe(false);
    expect(completeInspectionBody.safeParse({ refusalReason: '不在', version: 1 }).success).toBe(false);
    expect(
      completeInspectionBody.safeParse({
        signerName: '张',
        signaturePng: png,
        refusalReason: 'x',
        witness: 'y',
        version: 1,
      }).success,
    ).toBe(false);
  });

  it('a decision needs its number, amount and what the public list publishes; no other stage takes them', () => {
    const decision = {
      stage: 'decision',
      decisionNumber: '上环罚〔2020〕12号',
      penaltyAmount: '20000',
      facts: '未按规定建立环境管理台账',
      legalBasis: '《排污许可管理条例》第三十七条',
      penaltyContent: '罚款人民币贰万元整',
      version: 1,
    };
    expect(caseStageBody.safeParse({ stage: 'decision', version: 1 }).success).toBe(false);
    expect(caseStageBody.safeParse(decision).success).toBe(true);
    for (const k of ['facts', 'legalBasis', 'penaltyContent'])
      expect(caseStageBody.safeParse({ ...decision, [k]: undefined }).success, k).toBe(false);
    expect(caseStageBody.safeParse({ stage: 'notice', facts: 'x', version: 1 }).success).toBe(false);
    expect(caseStageBody.safeParse({ stage: 'notice', penaltyAmount: '1', version: 1 }).success).toBe(false);
    expect(
      caseStageBody.safeParse({ stage: 'decision', decisionNumber: 'x', penaltyAmount: '-5', version: 1 }).success,
    ).toBe(false);
  });
});

describe('site inspections: what the penalty list publishes', () => {
  it('finds identity and mobile numbers of natural persons, not decision numbers, amounts or credit codes', () => {
    expect(hasPersonalNumbers('张某，身份证号 36030219800101123X')).toBe(true);
    expect(hasPersonalNumbers('身份证360302198001011234。')).toBe(true);
    expect(hasPersonalNumbers('联系电话13812345678')).toBe(true);
    expect(hasPersonalNumbers('上环罚〔2020〕12号，罚款 20000 元')).toBe(false);
    expect(hasPersonalNumbers('统一社会信用代码 91360322MA35XXXX1Q')).toBe(false);
    expect(hasPersonalNumbers('统一社会信用代码 913603220000000001')).toBe(false);
    expect(hasPersonalNumbers('2020年11月30日检查')).toBe(false);
  });
});

describe('site inspections: case stages', () => {
  it('go in order from 立案 to 执行, each once, and end there', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STAGES), (s) => {
        const next = nextCaseStage(s);
        const i = CASE_STAGES.indexOf(s);
        return next === (i === CASE_STAGES.length - 1 ? null : CASE_STAGES[i + 1]);
      }),
    );
    expect(nextCaseStage('execution')).toBeNull();
  });
});

describe('what the enterprise sees of its inspection records', () => {
  it('an on-site record once completed (signed or refused on site); never a draft or an off-site check', () => {
    expect(visibleToEnterprise({ kind: 'on-site', status: 'completed' })).toBe(true);
    expect(visibleToEnterprise({ kind: 'on-site', status: 'draft' })).toBe(false);
    expect(visibleToEnterprise({ kind: 'off-site', status: 'completed' })).toBe(false);
    expect(visibleToEnterprise({ kind: 'off-site', status: 'draft' })).toBe(false);
  });
});
