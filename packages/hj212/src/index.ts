/**
 * @qingshan/hj212 — HJ 212 (HJ/T 212-2005, HJ 212-2017, HJ 212-2025) codec, deframer, protocol engine and
 * code tables. No runtime dependencies; runs in Node and browsers. The Node-only device simulator lives in
 * `@qingshan/hj212/simulator`.
 */
export {
  type AssembledMessage,
  type AssembleResult,
  type AssemblerOptions,
  mergeParts,
  PacketAssembler,
} from './assembler.ts';
export {
  ack9014,
  customRequest,
  type DeviceRef,
  exeRtn9012,
  getDeviceTime,
  getMinInterval,
  getRtdInterval,
  type HistoryCn,
  MIN_INTERVALS,
  qnRtn9011,
  type ReplyTarget,
  type RequestOptions,
  reply9013,
  requestHistory,
  setDeviceTime,
  setMinInterval,
  setPassword,
  setRtdInterval,
  setTimeoutRetry,
  startRealtime,
  stopRealtime,
} from './builders.ts';
export {
  CRC16_TABLE,
  type CrcMode,
  crc16Hj212,
  crc16Hj212Bitwise,
  crc16Modbus,
  crcForMode,
  crcToHex,
  isPossibleHj212Crc,
} from './crc.ts';
export { type DecodeOptions, decodeFrame, MAX_CP, MAX_SEGMENT } from './decode.ts';
export { Deframer, type DeframerEvent, type DeframerOptions, type DeframerStats } from './deframer.ts';
export {
  type CpFieldInput,
  type CpInput,
  type CpValue,
  EncodeError,
  type EncodeOptions,
  encodeFrame,
  encodeSegment,
  type FrameInput,
  formatNumber,
  frameSegment,
  type HeaderInput,
} from './encode.ts';
export {
  type CommandEvent,
  type CommandState,
  type CommandStatus,
  type EngineOptions,
  ProtocolEngine,
  type ReceiveResult,
  replyFor,
} from './engine.ts';
export { capIssues, ISSUE_CODES, type Issue, type IssueCode, type Severity, severityOf } from './issues.ts';
export { isTailJunk, MAX_ISSUES, MAX_TAIL_JUNK } from './limits.ts';
export { type DecodedStream, decodeStream, StreamDecoder, type StreamDecoderOptions } from './stream.ts';
export {
  COMMAND_CODES,
  type CodeInfo,
  type CommandInfo,
  type CommandKind,
  commandInfo,
  DATA_FLAGS,
  dataFlagInfo,
  EXE_RTN,
  FACILITY_STATES,
  FACTOR_2005_AIR,
  FACTOR_2005_WATER,
  FACTORS,
  type FactorInfo,
  factorInfo,
  mapFactor2005,
  NOISE_CODES,
  QN_RTN,
  SYSTEM_CODES,
  systemInfo,
} from './tables/codes.ts';
export { ITEM_FIELDS, ITEM_SUFFIXES, itemMeaning } from './tables/items.ts';
export { utf8Encode } from './text.ts';
export { CHINA_OFFSET_MINUTES, createQnGenerator, formatDataTime, formatQn, parseDataTime } from './time.ts';
export {
  type CpField,
  type CpMap,
  type CrcInfo,
  type DecodedFrame,
  type Edition,
  type FactorFields,
  type FlagInfo,
  HEADER_KEYS,
  type Header,
  type HeaderKey,
} from './types.ts';
