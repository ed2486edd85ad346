import { describe, expect, it } from 'vitest';
import {
  COMMAND_CODES,
  commandInfo,
  DATA_FLAGS,
  dataFlagInfo,
  EXE_RTN,
  FACTOR_2005_AIR,
  FACTOR_2005_WATER,
  FACTORS,
  factorInfo,
  mapFactor2005,
  QN_RTN,
  SYSTEM_CODES,
  systemInfo,
} from '../src/tables/codes.ts';
import { itemMeaning } from '../src/tables/items.ts';

describe('code tables', () => {
  it('hold 表 B.1 and 表 B.2 with names, units and the 2005 code', () => {
    expect(FACTORS.size).toBe(184);
    expect(factorInfo('w01018')).toMatchObject({
      nameZh: '化学需氧量',
      code2005: '011',
      unit: 'mg/L',
      amountUnit: 'kg',
      dataType: 'N5.1',
      table: 'B.1',
    });
    expect(factorInfo('a21026')).toMatchObject({
      nameZh: '二氧化硫',
      nameEn: 'Sulphur dioxide (SO2)',
      code2005: '02',
      unit: 'mg/m³',
      table: 'B.2',
    });
    expect(factorInfo('a00000')?.unit).toBe('m³/s');
    for (const f of FACTORS.values()) {
      expect(f.code).toMatch(/^[wa]\d{5}$/);
      expect(f.nameEn.length).toBeGreaterThan(0);
    }
  });

  it('map 2005 codes to 2017 (表 B.1/B.2 原编码), water and air apart', () => {
    expect(mapFactor2005('011')).toBe('w01018');
    expect(mapFactor2005('060')).toBe('w21003');
    expect(mapFactor2005('B01')).toBe('w00000');
    expect(mapFactor2005('001')).toBe('w01001');
    expect(mapFactor2005('01')).toBe('a34013');
    expect(mapFactor2005('02')).toBe('a21026');
    expect(mapFactor2005('03')).toBe('a21002');
    expect(mapFactor2005('S01')).toBe('a19001');
    expect(mapFactor2005('S08')).toBe('a01013');
    expect(mapFactor2005('37')).toBe('a01010');
    expect(mapFactor2005('B00')).toBeUndefined();
    expect(FACTOR_2005_WATER.size).toBe(48);
    expect(FACTOR_2005_AIR.size).toBe(45);
  });

  it('describe system codes, commands, flags and result codes; unknown codes give undefined', () => {
    expect(systemInfo('32')?.zh).toBe('地表水体环境污染源');
    expect(systemInfo('101')).toBeUndefined();
    expect(Object.keys(SYSTEM_CODES)).toContain('91');
    expect(commandInfo('9014')).toMatchObject({ kind: 'reply', zh: '数据应答' });
    expect(commandInfo('1013')?.kind).toBe('notification');
    expect(commandInfo('8013')).toBeUndefined();
    expect(commandInfo('constructor')).toBeUndefined();
    expect(Object.keys(COMMAND_CODES).every((c) => /^\d{4}$/.test(c))).toBe(true);
    expect(Object.keys(DATA_FLAGS)).toEqual(['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B']);
    expect(dataFlagInfo('m')).toBeUndefined();
    expect(QN_RTN['9']?.en).toBe('CRC error');
    expect(EXE_RTN['100']?.en).toBe('No data');
  });

  it('say what a data-area item means: factor and suffix, flags and states read from their tables', () => {
    expect(itemMeaning('a34013-Rtd', '13.12')?.zh).toBe('烟尘 · 实时值');
    expect(itemMeaning('w01018-Avg')).toEqual({
      zh: '化学需氧量 · 平均值',
      en: 'Chemical oxygen demand (COD) · average',
    });
    expect(itemMeaning('w01018-Flag', 'D')?.zh).toBe('化学需氧量 · 数据标记：仪器仪表故障');
    expect(itemMeaning('a21026-Flag', 'N')?.zh).toBe('二氧化硫 · 数据标记：仪器仪表工作正常');
    expect(itemMeaning('SB1-RS', '3')?.zh).toBe('治理设施 SB1 · 运行状态：维护');
    expect(itemMeaning('DataTime', '20261206114546')?.zh).toBe('数据时间');
    expect(itemMeaning('ExeRtn', '100')?.zh).toBe('执行结果：没有数据');
    // a flag outside 表 8 is kept as sent, not explained
    expect(itemMeaning('w01018-Flag', 'Q')?.zh).toBe('化学需氧量 · 数据标记');
    // an unknown factor keeps its code; an unknown suffix or field explains nothing
    expect(itemMeaning('x99999-Rtd')?.zh).toBe('x99999 · 实时值');
    expect(itemMeaning('a34013-ValidNum')).toBeUndefined();
    expect(itemMeaning('Vendor')).toBeUndefined();
    expect(itemMeaning('-Rtd')).toBeUndefined();
    expect(itemMeaning('constructor')).toBeUndefined();
    expect(itemMeaning('a34013-constructor')).toBeUndefined();
    expect(itemMeaning('w01018-Flag', 'toString')?.zh).toBe('化学需氧量 · 数据标记');
  });
});
