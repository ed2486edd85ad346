/**
 * Code tables of HJ 212 as data. Unknown codes are never an error: callers keep them verbatim and these
 * lookups return `undefined`.
 */
import { FACTOR_ROWS } from './factor-rows.ts';

export interface FactorInfo {
  code: string;
  nameZh: string;
  nameEn: string;
  /** HJ/T 212-2005 code (原编码 column), `''` when the factor had none. */
  code2005: string;
  /** Default concentration unit as printed in the standard, and as a symbol (`''` = dimensionless). */
  unitZh: string;
  unit: string;
  /** Default unit of the emission amount (`-Cou`), when the factor has one. */
  amountUnitZh: string;
  amountUnit: string;
  /** Default data type (§6.3.3 notation, e.g. `N5.1`). */
  dataType: string;
  /** 表 B.1 (water) or 表 B.2 (air). */
  table: 'B.1' | 'B.2';
}

/** 表 B.1 and 表 B.2, keyed by 2017 code. */
export const FACTORS: ReadonlyMap<string, FactorInfo> = new Map(
  FACTOR_ROWS.map(([code, nameZh, nameEn, code2005, unitZh, unit, amountUnitZh, amountUnit, dataType]) => [
    code,
    {
      code,
      nameZh,
      nameEn,
      code2005,
      unitZh,
      unit,
      amountUnitZh,
      amountUnit,
      dataType,
      table: code.startsWith('w') ? 'B.1' : 'B.2',
    },
  ]),
);

/**
 * 2005 → 2017 factor codes from the 原编码 column of 表 B.1/B.2, split by medium because 2005 water codes
 * (3 digits, `001` pH) and air codes (2 digits, `01` smoke dust) differ only in length.
 */
export const FACTOR_2005_WATER: ReadonlyMap<string, string> = new Map(
  FACTOR_ROWS.filter((r) => r[0].startsWith('w') && r[3] !== '').map((r) => [r[3], r[0]]),
);
export const FACTOR_2005_AIR: ReadonlyMap<string, string> = new Map(
  FACTOR_ROWS.filter((r) => r[0].startsWith('a') && r[3] !== '').map((r) => [r[3], r[0]]),
);

/** Facts about a 2017 factor code, or `undefined` for codes outside 表 B.1/B.2 (vendor codes, e/g/i codes…). */
export function factorInfo(code: string): FactorInfo | undefined {
  return FACTORS.get(code);
}

/**
 * The 2017 code of a 2005 factor code (`011` → `w01018`, `B02` → `a00000`, `02` → `a21026`), or `undefined`
 * when the code is not in the 原编码 column. The code's length tells water (3) from air (2), and `B01`/`B02`
 * and `S0x` are unambiguous.
 */
export function mapFactor2005(code: string): string | undefined {
  return FACTOR_2005_WATER.get(code) ?? FACTOR_2005_AIR.get(code);
}

/** Noise factors of 表 B.3 (dB, N3.1). */
export const NOISE_CODES: Readonly<Record<string, string>> = {
  LA: 'A-weighted sound level',
  L5: 'L5 percentile level',
  L10: 'L10 percentile level',
  L50: 'L50 percentile level',
  L90: 'L90 percentile level',
  L95: 'L95 percentile level',
  Leq: 'Equivalent continuous sound level',
  Ldn: 'Day-night level',
  Ld: 'Day level',
  Ln: 'Night level',
  LMx: 'Maximum sound level',
  LMn: 'Minimum sound level',
};

export interface CodeInfo {
  zh: string;
  en: string;
}

/** System codes ST (表 5; ranges of §6.6.1.1: 10–29 quality, 30–49 sources, 50–69 process, 91–99 system). */
export const SYSTEM_CODES: Readonly<Record<string, CodeInfo>> = {
  '21': { zh: '地表水质量监测', en: 'Surface water quality monitoring' },
  '22': { zh: '空气质量监测', en: 'Ambient air quality monitoring' },
  '23': { zh: '声环境质量监测', en: 'Acoustic environment quality monitoring' },
  '24': { zh: '地下水质量监测', en: 'Groundwater quality monitoring' },
  '25': { zh: '土壤质量监测', en: 'Soil quality monitoring' },
  '26': { zh: '海水质量监测', en: 'Seawater quality monitoring' },
  '27': { zh: '挥发性有机物监测', en: 'VOC monitoring' },
  '31': { zh: '大气环境污染源', en: 'Air pollution source' },
  '32': { zh: '地表水体环境污染源', en: 'Surface-water pollution source' },
  '33': { zh: '地下水体环境污染源', en: 'Groundwater pollution source' },
  '34': { zh: '海洋环境污染源', en: 'Marine pollution source' },
  '35': { zh: '土壤环境污染源', en: 'Soil pollution source' },
  '36': { zh: '声环境污染源', en: 'Noise pollution source' },
  '37': { zh: '振动环境污染源', en: 'Vibration pollution source' },
  '38': { zh: '放射性环境污染源', en: 'Radioactive pollution source' },
  '39': { zh: '工地扬尘污染源', en: 'Construction-site dust source' },
  '41': { zh: '电磁环境污染源', en: 'Electromagnetic pollution source' },
  '51': { zh: '烟气排放过程监控', en: 'Flue-gas emission process monitoring' },
  '52': { zh: '污水排放过程监控', en: 'Wastewater discharge process monitoring' },
  '91': { zh: '系统交互', en: 'System interaction (replies)' },
};

/** Kind of exchange a command belongs to (§6.1, 表 9). */
export type CommandKind = 'request' | 'upload' | 'notification' | 'reply';

export interface CommandInfo extends CodeInfo {
  kind: CommandKind;
  /** P = platform (上位机), D = device (现场机 / data logger). */
  direction: 'P→D' | 'D→P' | 'both';
  /** Editions that define the code with this meaning. */
  editions: readonly ('2005' | '2017' | '2025')[];
}

const E17 = ['2017', '2025'] as const;
const E05 = ['2005', '2017', '2025'] as const;

/**
 * Command codes CN of 表 9 (2017), with 2005-only codes (from 2005-era implementations, not the 2005 text) and
 * 2025 additions (as implemented in caoyiliang/HJ212 `Enum.cs`; not checked against the 2025 text).
 */
export const COMMAND_CODES: Readonly<Record<string, CommandInfo>> = {
  '1000': {
    zh: '设置超时时间及重发次数',
    en: 'Set timeout and retries',
    kind: 'request',
    direction: 'P→D',
    editions: E05,
  },
  '1001': {
    zh: '上传数采仪硬件序号',
    en: 'Upload data-logger hardware serial (2025)',
    kind: 'upload',
    direction: 'D→P',
    editions: ['2025'],
  },
  '1002': {
    zh: '设置数采仪MN编码',
    en: 'Set data-logger MN (2025)',
    kind: 'request',
    direction: 'P→D',
    editions: ['2025'],
  },
  '1011': {
    zh: '提取/上传现场机时间',
    en: 'Get / upload device time',
    kind: 'request',
    direction: 'both',
    editions: E05,
  },
  '1012': { zh: '设置现场机时间', en: 'Set device time', kind: 'request', direction: 'P→D', editions: E05 },
  '1013': {
    zh: '现场机时间校准请求',
    en: 'Device time calibration request',
    kind: 'notification',
    direction: 'D→P',
    editions: E17,
  },
  '1014': {
    zh: '密钥获取/下发',
    en: 'Key request / new key (2025)',
    kind: 'request',
    direction: 'both',
    editions: ['2025'],
  },
  '1021': {
    zh: '提取污染物报警门限值',
    en: 'Get alarm limits (2005)',
    kind: 'request',
    direction: 'P→D',
    editions: ['2005'],
  },
  '1022': {
    zh: '设置污染物报警门限值',
    en: 'Set alarm limits (2005)',
    kind: 'request',
    direction: 'P→D',
    editions: ['2005'],
  },
  '1031': {
    zh: '提取上位机地址',
    en: 'Get upper-computer address (2005)',
    kind: 'request',
    direction: 'P→D',
    editions: ['2005'],
  },
  '1032': {
    zh: '设置上位机地址',
    en: 'Set upper-computer address (2005)',
    kind: 'request',
    direction: 'P→D',
    editions: ['2005'],
  },
  '1041': {
    zh: '提取数据上报时间',
    en: 'Get data report time (2005)',
    kind: 'request',
    direction: 'P→D',
    editions: ['2005'],
  },
  '1042': {
    zh: '设置数据上报时间',
    en: 'Set data report time (2005)',
    kind: 'request',
    direction: 'P→D',
    editions: ['2005'],
  },
  '1061': {
    zh: '提取实时数据间隔',
    en: 'Get realtime data interval',
    kind: 'request',
    direction: 'P→D',
    editions: E05,
  },
  '1062': {
    zh: '设置实时数据间隔',
    en: 'Set realtime data interval',
    kind: 'request',
    direction: 'P→D',
    editions: E05,
  },
  '1063': { zh: '提取分钟数据间隔', en: 'Get minute data interval', kind: 'request', direction: 'P→D', editions: E17 },
  '1064': { zh: '设置分钟数据间隔', en: 'Set minute data interval', kind: 'request', direction: 'P→D', editions: E17 },
  '1072': { zh: '设置现场机访问密码', en: 'Set device password', kind: 'request', direction: 'P→D', editions: E05 },
  '2011': {
    zh: '取/上传污染物实时数据',
    en: 'Get / upload realtime data',
    kind: 'upload',
    direction: 'both',
    editions: E05,
  },
  '2012': {
    zh: '停止察看污染物实时数据',
    en: 'Stop realtime data',
    kind: 'notification',
    direction: 'P→D',
    editions: E05,
  },
  '2013': {
    zh: '取/上传原始监测数据',
    en: 'Get / upload raw monitoring data (2025)',
    kind: 'upload',
    direction: 'both',
    editions: ['2025'],
  },
  '2021': {
    zh: '取/上传设备运行状态数据',
    en: 'Get / upload facility running state',
    kind: 'upload',
    direction: 'both',
    editions: E05,
  },
  '2022': {
    zh: '停止察看设备运行状态',
    en: 'Stop facility running state',
    kind: 'notification',
    direction: 'P→D',
    editions: E05,
  },
  '2031': {
    zh: '取/上传污染物日历史数据',
    en: 'Get / upload daily data',
    kind: 'upload',
    direction: 'both',
    editions: E05,
  },
  '2041': {
    zh: '取/上传设备运行时间日历史数据',
    en: 'Get / upload daily facility running time',
    kind: 'upload',
    direction: 'both',
    editions: E05,
  },
  '2051': {
    zh: '取/上传污染物分钟数据',
    en: 'Get / upload minute data',
    kind: 'upload',
    direction: 'both',
    editions: E05,
  },
  '2052': {
    zh: '取/上传噪声单次测量数据',
    en: 'Get / upload single noise measurement (2025)',
    kind: 'upload',
    direction: 'both',
    editions: ['2025'],
  },
  '2061': {
    zh: '取/上传污染物小时数据',
    en: 'Get / upload hourly data',
    kind: 'upload',
    direction: 'both',
    editions: E05,
  },
  '2062': {
    zh: '取/上传自动标样核查校准数据',
    en: 'Get / upload standard-sample check data (2025)',
    kind: 'upload',
    direction: 'both',
    editions: ['2025'],
  },
  '2071': {
    zh: '取污染物报警记录',
    en: 'Get alarm records (2005)',
    kind: 'upload',
    direction: 'both',
    editions: ['2005'],
  },
  '2072': {
    zh: '上传污染物报警事件',
    en: 'Upload alarm event (2005)',
    kind: 'upload',
    direction: 'D→P',
    editions: ['2005'],
  },
  '2081': {
    zh: '上传数采仪开机时间',
    en: 'Upload data-logger power-on time',
    kind: 'upload',
    direction: 'D→P',
    editions: E17,
  },
  '2111': {
    zh: '上传炉膛温度5min均值',
    en: 'Upload 5-min furnace temperature mean (2025)',
    kind: 'upload',
    direction: 'D→P',
    editions: ['2025'],
  },
  '3011': { zh: '零点校准量程校准', en: 'Zero / span calibration', kind: 'request', direction: 'P→D', editions: E17 },
  '3012': { zh: '即时采样', en: 'Immediate sampling', kind: 'request', direction: 'P→D', editions: E17 },
  '3013': { zh: '启动清洗/反吹', en: 'Start cleaning / blowback', kind: 'request', direction: 'P→D', editions: E17 },
  '3014': { zh: '比对采样', en: 'Comparison sampling', kind: 'request', direction: 'P→D', editions: E17 },
  '3015': { zh: '超标留样', en: 'Keep sample on exceedance', kind: 'request', direction: 'both', editions: E17 },
  '3016': { zh: '设置采样时间周期', en: 'Set sampling period', kind: 'request', direction: 'P→D', editions: E17 },
  '3017': { zh: '提取采样时间周期', en: 'Get sampling period', kind: 'request', direction: 'both', editions: E17 },
  '3018': { zh: '提取出样时间', en: 'Get sample-out time', kind: 'request', direction: 'both', editions: E17 },
  '3019': {
    zh: '提取设备唯一标识',
    en: 'Get / upload instrument id (SN)',
    kind: 'upload',
    direction: 'both',
    editions: E17,
  },
  '3020': {
    zh: '提取/上传现场机信息',
    en: 'Get / upload device information (logs, states, parameters)',
    kind: 'upload',
    direction: 'both',
    editions: E17,
  },
  '3021': { zh: '设置现场机参数', en: 'Set device parameter', kind: 'request', direction: 'P→D', editions: E17 },
  '3022': {
    zh: '下发即时留样任务',
    en: 'Immediate sample-keeping task (2025)',
    kind: 'request',
    direction: 'P→D',
    editions: ['2025'],
  },
  '3024': {
    zh: '启动标样核查',
    en: 'Start standard-sample check (2025)',
    kind: 'request',
    direction: 'P→D',
    editions: ['2025'],
  },
  '9011': { zh: '请求应答', en: 'Request answer (QnRtn)', kind: 'reply', direction: 'D→P', editions: E05 },
  '9012': { zh: '执行结果', en: 'Execution result (ExeRtn)', kind: 'reply', direction: 'D→P', editions: E05 },
  '9013': { zh: '通知应答', en: 'Notification answer', kind: 'reply', direction: 'both', editions: E05 },
  '9014': { zh: '数据应答', en: 'Data answer', kind: 'reply', direction: 'both', editions: E05 },
  '9015': { zh: '心跳包', en: 'Heartbeat (2025)', kind: 'upload', direction: 'D→P', editions: ['2025'] },
};

/** Data flags of 表 8 (实时数据标记, 2017). */
export const DATA_FLAGS: Readonly<Record<string, CodeInfo>> = {
  N: { zh: '仪器仪表工作正常', en: 'Normal' },
  F: { zh: '仪器仪表停运', en: 'Instrument stopped' },
  M: { zh: '维护期间产生的数据', en: 'Maintenance' },
  S: { zh: '手工输入的设定值', en: 'Manually entered value' },
  D: { zh: '仪器仪表故障', en: 'Instrument fault' },
  C: { zh: '校准状态', en: 'Calibration' },
  T: { zh: '采样数值超过测量上限', en: 'Above measuring range' },
  B: { zh: '与数采仪通讯异常', en: 'Instrument–logger communication failure' },
};

/** QnRtn request-answer codes (表 7). */
export const QN_RTN: Readonly<Record<string, CodeInfo>> = {
  '1': { zh: '准备执行请求', en: 'Ready to execute' },
  '2': { zh: '请求被拒绝', en: 'Request rejected' },
  '3': { zh: 'PW 错误', en: 'Wrong password' },
  '4': { zh: 'MN 错误', en: 'Wrong MN' },
  '5': { zh: 'ST 错误', en: 'Wrong ST' },
  '6': { zh: 'Flag 错误', en: 'Wrong Flag' },
  '7': { zh: 'QN 错误', en: 'Wrong QN' },
  '8': { zh: 'CN 错误', en: 'Wrong CN' },
  '9': { zh: 'CRC 校验错误', en: 'CRC error' },
  '100': { zh: '未知错误', en: 'Unknown error' },
};

/** ExeRtn execution-result codes (表 6). */
export const EXE_RTN: Readonly<Record<string, CodeInfo>> = {
  '1': { zh: '执行成功', en: 'Success' },
  '2': { zh: '执行失败，但不知道原因', en: 'Failed, reason unknown' },
  '3': { zh: '命令请求条件错误', en: 'Request condition error' },
  '4': { zh: '通讯超时', en: 'Communication timeout' },
  '5': { zh: '系统繁忙不能执行', en: 'System busy' },
  '6': { zh: '系统故障', en: 'System fault' },
  '100': { zh: '没有数据', en: 'No data' },
};

/** Facility running states of `SBxxx-RS` (表 4). */
export const FACILITY_STATES: Readonly<Record<string, CodeInfo>> = {
  '0': { zh: '关闭', en: 'Off' },
  '1': { zh: '运行', en: 'Running' },
  '2': { zh: '校准', en: 'Calibration' },
  '3': { zh: '维护', en: 'Maintenance' },
  '4': { zh: '报警', en: 'Alarm' },
  '5': { zh: '反吹', en: 'Blowback' },
};

/** A table's own entry for a code, never an inherited property (`constructor`, `toString`). */
export function codeEntry<T>(table: Readonly<Record<string, T>>, code: string): T | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

/** Lookup helpers returning `undefined` for unknown codes (which callers keep verbatim). */
export function commandInfo(cn: string): CommandInfo | undefined {
  return codeEntry(COMMAND_CODES, cn);
}
export function systemInfo(st: string): CodeInfo | undefined {
  return codeEntry(SYSTEM_CODES, st);
}
export function dataFlagInfo(flag: string): CodeInfo | undefined {
  return codeEntry(DATA_FLAGS, flag);
}
