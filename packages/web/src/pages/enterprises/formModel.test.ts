import { makeValidUscc } from '@qingshan/core/uscc';
import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../../api/types.ts';
import { changedPaths, checkPayload, createPayload, patchPayload, toBody, toFormValues } from './formModel.ts';

const valid = makeValidUscc('91360322MA35ABCDE');
const badCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
const opts = { includeContacts: true, latLngMessage: 'both' };

const base = {
  name: ' 上栗县示例花炮厂 ',
  uscc: valid.toLowerCase(),
  address: '上栗镇示例路1号',
  townCode: '360322101',
  industryCode: '2672',
  status: 'operating' as const,
  tags: ['key-polluter'],
  contacts: [
    { name: '李四', phone: '13800000000', role: '' },
    { name: '', phone: '', role: '' },
  ],
};

describe('enterprise form model', () => {
  it('builds a create body: trimmed, upper-cased, empty optionals left out', () => {
    const { body, errors } = toBody(base, opts);
    expect(errors).toEqual([]);
    expect(createPayload(body)).toEqual({
      name: '上栗县示例花炮厂',
      uscc: valid,
      address: '上栗镇示例路1号',
      townCode: '360322101',
      industryCode: '2672',
      status: 'operating',
      tags: ['key-polluter'],
      contacts: [{ name: '李四', phone: '13800000000' }],
    });
    expect(checkPayload(createPayload(body), 'create', 'zh')).toEqual({ errors: [], usccCheckFailed: false });
  });

  it('asks for both coordinates', () => {
    expect(toBody({ ...base, location: { lat: 27.8, lng: null } }, opts).errors).toEqual([
      { path: 'location.lng', message: 'both' },
    ]);
  });

  it('reports schema errors in the chosen language, by path', () => {
    const { body } = toBody({ ...base, name: 'A', townCode: '999', contacts: [{ name: '王五', phone: '123' }] }, opts);
    const zh = checkPayload(createPayload(body), 'create', 'zh')
      .errors.map((e) => e.path)
      .sort();
    expect(zh).toEqual(['contacts.0.phone', 'name', 'townCode']);
    const en = checkPayload(createPayload(body), 'create', 'en').errors.find((e) => e.path === 'name');
    expect(en?.message).toMatch(/2–100/);
  });

  it('offers manual acceptance only when the check character alone is wrong', () => {
    const wrong = checkPayload(createPayload(toBody({ ...base, uscc: badCheck }, opts).body), 'create', 'zh');
    expect(wrong.usccCheckFailed).toBe(true);
    expect(wrong.errors.map((e) => e.path)).toContain('uscc');

    const short = checkPayload(createPayload(toBody({ ...base, uscc: '9136' }, opts).body), 'create', 'zh');
    expect(short.usccCheckFailed).toBe(false);

    const accepted = toBody(
      { ...base, uscc: badCheck, usccOverride: true, usccOverrideReason: '已核对营业执照原件' },
      opts,
    );
    expect(accepted.body.usccOverrideReason).toBe('已核对营业执照原件');
    expect(checkPayload(createPayload(accepted.body), 'create', 'zh').errors).toEqual([]);

    // a valid code never carries a reason
    expect(
      toBody({ ...base, usccOverride: true, usccOverrideReason: 'x' }, opts).body.usccOverrideReason,
    ).toBeUndefined();
  });

  it('patches only what changed, and clears with empty values', () => {
    const e: Enterprise = {
      id: 'e1',
      name: '上栗县示例花炮厂',
      uscc: valid,
      usccValid: true,
      townCode: '360322101',
      townName: '上栗镇',
      industryCode: '2672',
      industryName: '焰火、鞭炮产品制造',
      status: 'operating',
      tags: ['key-polluter'],
      creditGrade: 'green',
      updatedAt: '2025-01-01T00:00:00Z',
      legalRepresentative: '张三',
      contacts: [{ name: '李四', phone: '138****0000' }],
      address: '上栗镇示例路1号',
      location: { lat: 27.88, lng: 113.8 },
      usccOverrideReason: null,
      createdAt: '2025-01-01T00:00:00Z',
      version: 1,
    };
    const noContacts = { includeContacts: false, latLngMessage: '' };
    const initial = toBody(toFormValues(e), noContacts).body;
    const values = {
      ...toFormValues(e),
      status: 'suspended' as const,
      legalRepresentative: '',
      creditGrade: null,
      location: { lat: null, lng: null },
    };
    const patch = patchPayload(initial, toBody(values, noContacts).body);
    // the grade is not the register's to edit: a changed grade in the form is never sent
    expect(patch).toEqual({ legalRepresentative: '', status: 'suspended', location: null });
    expect(checkPayload(patch, 'edit', 'zh').errors).toEqual([]);
    expect(patchPayload(initial, toBody(toFormValues(e), noContacts).body)).toEqual({});
  });
});

describe('changedPaths (which fields lose their stale errors)', () => {
  it('names nested fields and Form.List rows the user changed', () => {
    expect(changedPaths({ townCode: '360322101' })).toEqual([['townCode']]);
    expect(changedPaths({ location: { lat: 27.8 } })).toEqual([['location'], ['location', 'lat']]);
    expect(changedPaths({ contacts: [undefined, { phone: '1' }] })).toEqual([
      ['contacts'],
      ['contacts', 1],
      ['contacts', 1, 'phone'],
    ]);
    expect(changedPaths({ tags: ['a', 'b'] })).toEqual([['tags'], ['tags', 0], ['tags', 1]]);
  });

  it('asks plainly for the empty choices instead of listing code ranges', () => {
    const { errors } = checkPayload(
      createPayload(toBody({ ...base, townCode: '', industryCode: '' }, opts).body),
      'create',
      'zh',
    );
    expect(errors).toEqual([
      { path: 'townCode', message: '请选择乡镇' },
      { path: 'industryCode', message: '请选择行业' },
    ]);
  });
});
