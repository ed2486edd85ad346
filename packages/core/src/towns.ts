/**
 * The county and its ten township-level units. Codes are the 9-digit statistical division codes
 * (统计用区划代码, 2023 edition) as verified in reference.md §1.13; rules.md §7.
 */

export const COUNTY = { code: '360322', name: '上栗县', nameEn: 'Shangli County' } as const;

export type TownKind = '镇' | '乡';

export type Town = { code: string; name: string; nameEn: string; kind: TownKind };

export const TOWNS: readonly Town[] = Object.freeze([
  { code: '360322101', name: '上栗镇', nameEn: 'Shangli Town', kind: '镇' },
  { code: '360322102', name: '桐木镇', nameEn: 'Tongmu Town', kind: '镇' },
  { code: '360322103', name: '金山镇', nameEn: 'Jinshan Town', kind: '镇' },
  { code: '360322104', name: '福田镇', nameEn: 'Futian Town', kind: '镇' },
  { code: '360322105', name: '彭高镇', nameEn: 'Penggao Town', kind: '镇' },
  { code: '360322106', name: '赤山镇', nameEn: 'Chishan Town', kind: '镇' },
  { code: '360322200', name: '鸡冠山乡', nameEn: 'Jiguanshan Township', kind: '乡' },
  { code: '360322201', name: '长平乡', nameEn: 'Changping Township', kind: '乡' },
  { code: '360322202', name: '东源乡', nameEn: 'Dongyuan Township', kind: '乡' },
  { code: '360322203', name: '杨岐乡', nameEn: 'Yangqi Township', kind: '乡' },
] satisfies Town[]);

export const TOWN_CODES: readonly string[] = TOWNS.map((t) => t.code);

const byCode = new Map(TOWNS.map((t) => [t.code, t]));

export function townByCode(code: string): Town | undefined {
  return byCode.get(code.trim());
}

export function isTownCode(code: string): boolean {
  return byCode.has(code);
}
