import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ENTERPRISE_LABEL_SETS,
  ENTERPRISE_TAG_LABELS,
  ENTERPRISE_TAGS,
  enterpriseCreateSchema,
  enterpriseLabel,
  enterpriseLabels,
  enterprisePatchSchema,
  isChinesePhone,
  parseEnterpriseLabel,
  parseEnterpriseTags,
  TAG_SEPARATOR,
  validateEnterpriseUscc,
} from './enterprise.ts';
import { localizeIssues, translate } from './messages.ts';

const valid = {
  name: '  上栗县金花烟花制造有限公司 ',
  uscc: '91360322ma35k7t26c',
  address: '上栗县金山镇金花村',
  townCode: '360322103',
  industryCode: '2672',
};

function messages(input: unknown, schema: z.ZodType = enterpriseCreateSchema) {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
}

describe('enterpriseCreateSchema', () => {
  it('accepts a minimal enterprise, trims and applies defaults', () => {
    const r = enterpriseCreateSchema.parse(valid);
    expect(r).toEqual({
      name: '上栗县金花烟花制造有限公司',
      uscc: '91360322MA35K7T26C',
      address: '上栗县金山镇金花村',
      townCode: '360322103',
      industryCode: '2672',
      status: 'operating',
      tags: [],
    });
  });

  it('accepts a full enterprise', () => {
    const r = enterpriseCreateSchema.safeParse({
      ...valid,
      usccOverrideReason: '营业执照原件如此，已核对',
      legalRepresentative: '张三',
      contacts: [
        { name: '李四', phone: '13812345678', role: '安全环保负责人' },
        { name: '王五', phone: '0799-3612345' },
      ],
      location: { lat: 27.88, lng: 113.8 },
      status: 'suspended',
      tags: ['key-polluter', 'positive-list'],
      creditGrade: 'blue',
    });
    expect(r.success).toBe(true);
  });

  it('gives message keys for every field rule', () => {
    expect(messages({ ...valid, name: ' 厂 ' })).toEqual(['name:enterprise.name.length']);
    expect(messages({ ...valid, townCode: '360322107' })).toEqual(['townCode:enterprise.townCode.unknown']);
    expect(messages({ ...valid, industryCode: '267' })).toEqual(['industryCode:enterprise.industryCode.notClass']);
    expect(messages({ ...valid, industryCode: '2679' })).toEqual(['industryCode:enterprise.industryCode.notClass']);
    expect(messages({ ...valid, location: { lat: 39.9, lng: 116.4 } })).toEqual([
      'location:enterprise.location.outsideCounty',
    ]);
    // swapped coordinates: both the range and the county message help
    expect(messages({ ...valid, location: { lat: 113.8, lng: 27.88 } })).toEqual([
      'location.lat:enterprise.location.lat',
      'location:enterprise.location.outsideCounty',
    ]);
    expect(messages({ ...valid, location: { lat: 100, lng: 27.88 } })).toContain(
      'location.lat:enterprise.location.lat',
    );
    expect(messages({ ...valid, tags: ['major-project', 'major-project'] })).toEqual([
      'tags:enterprise.tags.duplicate',
    ]);
    expect(messages({ ...valid, tags: ['vip'] })).toEqual(['tags.0:enterprise.tags.unknown']);
    expect(messages({ ...valid, contacts: [{ name: '李四', phone: '12345' }] })).toEqual([
      'contacts.0.phone:contact.phone.invalid',
    ]);
    expect(messages({ ...valid, usccOverrideReason: '短' })).toEqual(['usccOverrideReason:uscc.overrideReason.length']);
    expect(messages({ ...valid, creditGrade: 'purple' })).toEqual(['creditGrade:enterprise.creditGrade.unknown']);
    expect(
      messages({ ...valid, contacts: Array.from({ length: 11 }, () => ({ name: 'a', phone: '13812345678' })) }),
    ).toEqual(['contacts:enterprise.contacts.max']);
  });

  it('reports missing required fields with their own keys', () => {
    expect(messages({})).toEqual([
      'name:enterprise.name.required',
      'uscc:enterprise.uscc.required',
      'address:enterprise.address.required',
      'townCode:enterprise.townCode.required',
      'industryCode:enterprise.industryCode.required',
    ]);
  });

  it('asks plainly for an empty choice instead of listing code ranges', () => {
    const empty = { ...valid, name: ' ', address: '', townCode: '', industryCode: '' };
    expect(messages(empty)).toEqual([
      'name:enterprise.name.required',
      'address:enterprise.address.required',
      'townCode:enterprise.townCode.required',
      'industryCode:enterprise.industryCode.required',
    ]);
    expect(translate('enterprise.townCode.required')).toBe('请选择乡镇');
    // a wrong, non-empty code still names the allowed range
    expect(messages({ ...valid, townCode: '360322999' })).toEqual(['townCode:enterprise.townCode.unknown']);
  });

  it('rejects unknown fields (strict)', () => {
    const r = enterpriseCreateSchema.safeParse({ ...valid, isAdmin: true });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(localizeIssues(r.error.issues, 'zh')).toEqual([{ path: '', message: '不允许的字段：isAdmin' }]);
  });

  it('accepts null location and credit grade (cleared)', () => {
    expect(enterpriseCreateSchema.safeParse({ ...valid, location: null, creditGrade: null }).success).toBe(true);
  });

  it('does not validate the USCC check character itself', () => {
    expect(enterpriseCreateSchema.safeParse({ ...valid, uscc: '91350203M0001QAY9B' }).success).toBe(true);
  });
});

describe('enterprisePatchSchema', () => {
  it('accepts an empty patch without adding defaults', () => {
    expect(enterprisePatchSchema.parse({})).toEqual({});
    expect(enterprisePatchSchema.parse({ name: '新名称有限公司' })).toEqual({ name: '新名称有限公司' });
  });

  it('keeps the field rules and strictness', () => {
    expect(messages({ townCode: 'x' }, enterprisePatchSchema)).toEqual(['townCode:enterprise.townCode.unknown']);
    expect(enterprisePatchSchema.safeParse({ id: 1 }).success).toBe(false);
  });
});

describe('phones', () => {
  it('knows mobile and landline forms', () => {
    for (const p of ['13812345678', '19912345678', '0799-1234567', '07991234567', '010-12345678', '0799-1234567-801']) {
      expect(isChinesePhone(p), p).toBe(true);
    }
    for (const p of ['12812345678', '1381234567', '799-1234567', '0799-123456', '+8613812345678', '']) {
      expect(isChinesePhone(p), p).toBe(false);
    }
  });
});

describe('tags', () => {
  it('has zh and en labels for every tag', () => {
    for (const t of ENTERPRISE_TAGS) {
      expect(ENTERPRISE_TAG_LABELS[t].zh.length).toBeGreaterThan(0);
      expect(ENTERPRISE_TAG_LABELS[t].en.length).toBeGreaterThan(0);
    }
    expect(ENTERPRISE_TAG_LABELS['key-polluter'].zh).toBe('重点排污单位');
  });
});

describe('validateEnterpriseUscc', () => {
  it('passes a valid code whatever the override', () => {
    expect(validateEnterpriseUscc({ uscc: ' 91360322ma35k7t26c' }, { canOverride: false })).toEqual({
      ok: true,
      uscc: '91360322MA35K7T26C',
      usccValid: true,
    });
  });

  it('rejects a failing check without the right to override', () => {
    const r = validateEnterpriseUscc({ uscc: '91350203M0001QAY9B' }, { canOverride: false });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          path: ['uscc'],
          code: 'uscc.check',
          message: '第18位校验码应为 9，实际为 B',
          messageEn: 'check character should be 9, got B',
        },
      ],
    });
    const withReason = validateEnterpriseUscc(
      { uscc: '91350203M0001QAY9B', usccOverrideReason: '执照上就是这样写的' },
      { canOverride: false },
    );
    expect(withReason.ok).toBe(false);
    if (!withReason.ok)
      expect(withReason.errors.map((e) => e.code)).toEqual(['uscc.check', 'uscc.overrideReason.forbidden']);
  });

  it('asks for a reason when the user may override', () => {
    const r = validateEnterpriseUscc({ uscc: '91350203M0001QAY9B', usccOverrideReason: ' ' }, { canOverride: true });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => [e.path[0], e.code])).toEqual([
        ['uscc', 'uscc.check'],
        ['usccOverrideReason', 'uscc.overrideReason.required'],
      ]);
    const short = validateEnterpriseUscc(
      { uscc: '91350203M0001QAY9B', usccOverrideReason: '原因' },
      { canOverride: true },
    );
    if (!short.ok) expect(short.errors[1]?.code).toBe('uscc.overrideReason.length');
  });

  it('accepts an override with a reason, flagged as not valid', () => {
    expect(
      validateEnterpriseUscc(
        { uscc: '91350203M0001QAY9B', usccOverrideReason: ' 与营业执照原件核对一致 ' },
        { canOverride: true },
      ),
    ).toEqual({ ok: true, uscc: '91350203M0001QAY9B', usccValid: false, overrideReason: '与营业执照原件核对一致' });
  });

  it('never overrides length or alphabet faults', () => {
    for (const uscc of ['9136032', '91360322MA35K7I26C', '']) {
      const r = validateEnterpriseUscc({ uscc, usccOverrideReason: '我确认这个代码没有问题' }, { canOverride: true });
      expect(r.ok, uscc).toBe(false);
      if (!r.ok) expect(r.errors).toHaveLength(1);
    }
  });
});

describe('one set of labels for the form, the export and the import', () => {
  it('reads back every label it writes, in both languages, and the key itself', () => {
    for (const kind of ['status', 'creditGrade', 'tag'] as const) {
      for (const key of Object.keys(ENTERPRISE_LABEL_SETS[kind])) {
        expect(parseEnterpriseLabel(kind, enterpriseLabel(kind, key, 'zh'))).toBe(key);
        expect(parseEnterpriseLabel(kind, enterpriseLabel(kind, key, 'en'))).toBe(key);
        expect(parseEnterpriseLabel(kind, key)).toBe(key);
      }
    }
  });

  it('shows the UI label 在营 and still reads the old spellings', () => {
    expect(enterpriseLabel('status', 'operating')).toBe('在营');
    expect(parseEnterpriseLabel('status', '在营')).toBe('operating');
    expect(parseEnterpriseLabel('status', '正常生产')).toBe('operating');
    expect(parseEnterpriseLabel('creditGrade', '绿牌')).toBe('green');
    expect(parseEnterpriseLabel('creditGrade', '环保诚信企业(绿牌)')).toBe('green');
    expect(parseEnterpriseLabel('status', '营运中')).toBeUndefined();
    expect(parseEnterpriseLabel('status', '绿牌')).toBeUndefined();
    expect(enterpriseLabels('status')).toEqual(['在营', '停产', '关闭']);
  });

  it('splits a tags cell, keeping a label that itself contains 、', () => {
    const all = ENTERPRISE_TAGS.map((t) => enterpriseLabel('tag', t)).join(TAG_SEPARATOR);
    expect(parseEnterpriseTags(all)).toEqual({ tags: [...ENTERPRISE_TAGS], unknown: [] });
    expect(parseEnterpriseTags('重点排污单位、正面清单, key-polluter')).toEqual({
      tags: ['key-polluter', 'positive-list'],
      unknown: [],
    });
    expect(parseEnterpriseTags('重点排污单位，贵宾')).toEqual({ tags: ['key-polluter'], unknown: ['贵宾'] });
  });
});
