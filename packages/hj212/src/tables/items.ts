/**
 * What a data-area item means in words, for people reading a frame (表 4 suffixes and fields, 附录 B
 * factor names, 表 8 flags, 表 4 facility states, 表 6/7 result codes): `a34013-Rtd` → 烟尘 · 实时值,
 * `w01018-Flag` with `D` → 化学需氧量 · 数据标记：仪器仪表故障. Unknown codes give `undefined`, never
 * an error; vendor suffixes are left unexplained rather than guessed.
 */
import { type CodeInfo, codeEntry, DATA_FLAGS, EXE_RTN, FACILITY_STATES, factorInfo, QN_RTN } from './codes.ts';

/** Item suffixes of 表 4 (`<factor>-<suffix>`). */
export const ITEM_SUFFIXES: Readonly<Record<string, CodeInfo>> = {
  Rtd: { zh: '实时值', en: 'real-time value' },
  Min: { zh: '最小值', en: 'minimum' },
  Avg: { zh: '平均值', en: 'average' },
  Max: { zh: '最大值', en: 'maximum' },
  ZsRtd: { zh: '折算实时值', en: 'converted real-time value' },
  ZsMin: { zh: '折算最小值', en: 'converted minimum' },
  ZsAvg: { zh: '折算平均值', en: 'converted average' },
  ZsMax: { zh: '折算最大值', en: 'converted maximum' },
  Cou: { zh: '累计值（排放量）', en: 'cumulative amount' },
  Flag: { zh: '数据标记', en: 'data flag' },
  EFlag: { zh: '设备扩展标记', en: 'instrument extended flag' },
  SampleTime: { zh: '采样时间', en: 'sampling time' },
  SN: { zh: '设备唯一标识', en: 'instrument id' },
  Info: { zh: '现场信息', en: 'field information' },
  RS: { zh: '运行状态', en: 'running state' },
  RT: { zh: '运行时长（小时）', en: 'running hours' },
  Data: { zh: '监测值', en: 'value' },
  DayData: { zh: '昼间值', en: 'day value' },
  NightData: { zh: '夜间值', en: 'night value' },
};

/** Plain fields of 表 4 (no factor in front). */
export const ITEM_FIELDS: Readonly<Record<string, CodeInfo>> = {
  DataTime: { zh: '数据时间', en: 'data time' },
  SystemTime: { zh: '系统时间', en: 'system time' },
  QnRtn: { zh: '请求应答', en: 'request answer' },
  ExeRtn: { zh: '执行结果', en: 'execution result' },
  RtdInterval: { zh: '实时数据上报间隔（秒）', en: 'real-time upload interval (s)' },
  MinInterval: { zh: '分钟数据上报间隔（分钟）', en: 'minute-data interval (min)' },
  RestartTime: { zh: '数采仪开机时间', en: 'data logger start time' },
  PolId: { zh: '污染因子编码', en: 'factor code' },
  BeginTime: { zh: '起始时间', en: 'begin time' },
  EndTime: { zh: '截止时间', en: 'end time' },
  NewPW: { zh: '新密码', en: 'new password' },
  OverTime: { zh: '超时时间（秒）', en: 'timeout (s)' },
  ReCount: { zh: '重发次数', en: 'retries' },
  VaseNo: { zh: '采样瓶编号', en: 'sample bottle' },
  CstartTime: { zh: '采样起始时间', en: 'sampling start' },
  Ctime: { zh: '采样周期（小时）', en: 'sampling period (h)' },
  Stime: { zh: '出样时间（分钟）', en: 'sample-out time (min)' },
  InfoId: { zh: '现场信息编码', en: 'field information code' },
};

/** The code tables a value of these items is read in. */
const VALUE_TABLES: Readonly<Record<string, Readonly<Record<string, CodeInfo>>>> = {
  Flag: DATA_FLAGS,
  RS: FACILITY_STATES,
  QnRtn: QN_RTN,
  ExeRtn: EXE_RTN,
};

/** What `key=value` of a data area means, or `undefined` when its code is not one of the standard's. */
export function itemMeaning(key: string, value = ''): CodeInfo | undefined {
  const field = codeEntry(ITEM_FIELDS, key);
  if (field) return withValue(field, codeEntry(VALUE_TABLES, key), value);
  const dash = key.lastIndexOf('-');
  if (dash <= 0) return undefined;
  const code = key.slice(0, dash);
  const suffixName = key.slice(dash + 1);
  const suffix = codeEntry(ITEM_SUFFIXES, suffixName);
  if (!suffix) return undefined;
  const factor = factorInfo(code);
  // SBxxx: a treatment facility by its number (表 4, 2021/2041)
  const facility = /^SB\w+$/.test(code) ? { zh: `治理设施 ${code}`, en: `treatment facility ${code}` } : undefined;
  const subject = factor ? { zh: factor.nameZh, en: factor.nameEn } : (facility ?? { zh: code, en: code });
  return withValue(
    { zh: `${subject.zh} · ${suffix.zh}`, en: `${subject.en} · ${suffix.en}` },
    codeEntry(VALUE_TABLES, suffixName),
    value,
  );
}

function withValue(item: CodeInfo, table: Readonly<Record<string, CodeInfo>> | undefined, value: string): CodeInfo {
  const v = table ? codeEntry(table, value.trim()) : undefined;
  return v ? { zh: `${item.zh}：${v.zh}`, en: `${item.en}: ${v.en}` } : item;
}
