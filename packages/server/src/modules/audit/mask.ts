import { maskIdNumber, maskPhone } from '@qingshan/core';

const PHONE_KEYS = new Set(['phone', 'mobile', 'contactPhone']);
const ID_KEYS = new Set(['idNumber', 'idCard']);

/** A deep copy with phone and ID-number fields masked, wherever they sit in the value. */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (typeof v === 'string' && PHONE_KEYS.has(k)) return [k, maskPhone(v)];
        if (typeof v === 'string' && ID_KEYS.has(k)) return [k, maskIdNumber(v)];
        return [k, maskPersonalData(v)];
      }),
    );
  }
  return value;
}
