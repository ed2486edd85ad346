import type { StationCreateBody } from '@qingshan/core/monitoring';

/** A demo station: its registration, the enterprise it belongs to, and how its values move. */
export type DemoStation = {
  enterpriseName: string;
  st: string;
  body: Omit<StationCreateBody, 'enterpriseId'>;
  /** typical value and spread per factor; `over` makes one factor exceed its limit now and then, by `surge` */
  values: Record<string, { base: number; spread: number; over?: boolean; surge?: number }>;
};

const GB25464 = '《陶瓷工业污染物排放标准》GB 25464-2010 表 5';
const GB13271 = '《锅炉大气污染物排放标准》GB 13271-2014 表 2';
const GB8978 = '《污水综合排放标准》GB 8978-1996 表 4 一级';

export const DEMO_STATIONS: readonly DemoStation[] = [
  {
    enterpriseName: '上栗县金山特种陶瓷有限公司',
    st: '31',
    body: {
      name: '辊道窑废气排放口',
      mn: '888888800000000036032201',
      password: '123456',
      edition: '2017',
      outletKind: 'gas',
      outletCode: 'DA001',
      outletName: '1 号辊道窑排气筒',
      outletLocation: '窑炉车间北侧（东经 113.90°，北纬 27.93°）',
      rtdIntervalSeconds: 30,
      minIntervalMinutes: 10,
      crcModes: [],
      factors: [
        { code: 'a34013', upperLimit: 30, unit: 'mg/m³', standard: GB25464, rangeMax: 100 },
        { code: 'a21026', upperLimit: 50, unit: 'mg/m³', standard: GB25464, rangeMax: 200 },
        { code: 'a21002', upperLimit: 180, unit: 'mg/m³', standard: GB25464, rangeMax: 500 },
      ],
    },
    values: {
      a34013: { base: 12, spread: 4 },
      a21026: { base: 28, spread: 8 },
      a21002: { base: 150, spread: 30, over: true },
    },
  },
  {
    enterpriseName: '上栗县东源煤矸石综合利用有限公司',
    st: '31',
    body: {
      name: '燃煤锅炉废气排放口',
      mn: '36032200000002',
      password: '123456',
      edition: '2005',
      outletKind: 'gas',
      outletCode: 'DA002',
      outletName: '4 t/h 燃煤锅炉烟囱',
      rtdIntervalSeconds: 30,
      minIntervalMinutes: 10,
      crcModes: [],
      factors: [
        { code: '01', upperLimit: 50, unit: 'mg/m³', standard: GB13271, rangeMax: 200 },
        { code: '02', upperLimit: 300, unit: 'mg/m³', standard: GB13271, rangeMax: 1000 },
        { code: '03', upperLimit: 300, unit: 'mg/m³', standard: GB13271, rangeMax: 1000 },
      ],
    },
    values: { '01': { base: 25, spread: 6 }, '02': { base: 180, spread: 40 }, '03': { base: 210, spread: 35 } },
  },
  {
    enterpriseName: '上栗县金花烟花制造有限公司',
    st: '32',
    body: {
      name: '生产废水总排口',
      mn: '888888800000000036032203',
      password: '123456',
      edition: '2017',
      outletKind: 'water',
      outletCode: 'DW001',
      outletName: '厂区废水总排口',
      rtdIntervalSeconds: 60,
      minIntervalMinutes: 10,
      crcModes: [],
      factors: [
        { code: 'w01018', upperLimit: 100, unit: 'mg/L', standard: GB8978, rangeMax: 500 },
        { code: 'w21003', upperLimit: 15, unit: 'mg/L', standard: GB8978, rangeMax: 50 },
        { code: 'w01001', lowerLimit: 6, upperLimit: 9, standard: GB8978, rangeMax: 14 },
      ],
    },
    // COD surges past its 100 mg/L limit (62 − 15 + 55 > 100 at worst): the enterprise's own demo alarm
    values: {
      w01018: { base: 62, spread: 15, over: true, surge: 55 },
      w21003: { base: 6, spread: 2 },
      w01001: { base: 7.4, spread: 0.3 },
    },
  },
];

/** A logger nobody registered, so the quarantine page has something to decide. */
export const DEMO_UNKNOWN_MN = '888888800000000036032299';
