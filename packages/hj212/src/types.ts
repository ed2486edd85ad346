import type { CrcMode } from './crc.ts';
import type { Issue } from './issues.ts';

/** Edition of the standard a frame follows: HJ/T 212-2005, HJ 212-2017 or HJ 212-2025. */
export type Edition = '2005' | '2017' | '2025';

/** Header fields of the data segment (表 3), spelled as in the standard, values exactly as sent. */
export interface Header {
  QN?: string;
  ST?: string;
  CN?: string;
  PW?: string;
  MN?: string;
  Flag?: string;
  PNUM?: string;
  PNO?: string;
}

/** Header keys in the order of 表 3. */
export const HEADER_KEYS = ['QN', 'ST', 'CN', 'PW', 'MN', 'Flag', 'PNUM', 'PNO'] as const;
export type HeaderKey = (typeof HEADER_KEYS)[number];

/** The Flag byte split into its bits (表 3: `V5 V4 V3 V2 V1 V0 D A`). */
export interface FlagInfo {
  /** The whole byte, 0–255. */
  value: number;
  /** Bits 2–7: 0 = HJ/T 212-2005, 1 = HJ 212-2017, 2 = HJ 212-2025 numbering. */
  version: number;
  /** Bit 1 (D): the packet carries PNUM and PNO. */
  split: boolean;
  /** Bit 0 (A): the sender wants an answer. */
  ack: boolean;
}

/** Fields of one factor: `{ Rtd: '12.3', Flag: 'N' }`. */
export type FactorFields = Record<string, string>;

/**
 * CP as a map: fields without a factor prefix (`DataTime`, `QnRtn`, `PolId`…) map to their string; fields
 * named `<code>-<Name>` (§6.3.3, 表 4 suffixes) are grouped per code: `{ w01018: { Rtd: '12.3', Flag: 'N' } }`.
 */
export type CpMap = Record<string, string | FactorFields>;

/** One `key=value` of CP, in the order sent. */
export interface CpField {
  /** The key as sent (spaces removed): `w01018-Rtd`, `DataTime`. */
  key: string;
  /** Factor or device code before the first `-` (`w01018`, `SB1`), or `''` for plain fields. */
  code: string;
  /** Field name after the first `-` (`Rtd`), or the whole key for plain fields. */
  name: string;
  /** The value exactly as sent (`//…//` text markers kept). */
  value: string;
  /** The value as a number when it is a plain decimal (`-12.30` → -12.3), else `null`. */
  number: number | null;
  /** Index of the `;`-separated item this field belongs to (fields of one item are joined by `,`). */
  item: number;
}

/** How the frame's CRC was checked. */
export interface CrcInfo {
  /** The CRC text as received (may be lower case or short), `''` when absent. */
  received: string;
  /** The 附录 A CRC of the data segment, 4 upper-case hex digits. */
  computed: string;
  /** The mode the received CRC matched, or `null` when it matched none that was tried. */
  mode: CrcMode | null;
}

/** The result of decoding one frame. It never throws; problems are listed in `issues`. */
export interface DecodedFrame {
  /** No issue of severity `error` (see `issues`). */
  ok: boolean;
  /** Edition detected from the Flag version bits, or from the field style when Flag is absent. */
  edition: Edition | null;
  /**
   * The received CRC equals the 附录 A CRC of the bytes as received (case and leading zeros aside). A CRC that
   * matches only after a repair (spaces removed: CRC_WHITESPACE) or only a Modbus variant (CRC_VARIANT) leaves it
   * false.
   */
  crcValid: boolean;
  header: Header;
  /** Header keys the standard does not define, as sent (rare; `undefined` when none). */
  headerExtra: Record<string, string> | undefined;
  /** Parsed Flag, or `null` when Flag is absent or not an integer 0–255. */
  flag: FlagInfo | null;
  readonly cp: CpMap;
  /** CP fields in order (built on first access). */
  readonly fields: readonly CpField[];
  crc: CrcInfo;
  /** The 4-digit length field and the data segment's size in UTF-8 bytes. */
  length: { declared: number; bytes: number };
  trailer: 'CRLF' | 'LF' | 'none' | 'other';
  /** The data segment as text (from `QN=` to the closing `&&`). */
  segment: string;
  issues: readonly Issue[];
  /** The numeric value of `code-name` (or of plain field `code` when `name` is omitted); `undefined` when absent or not numeric. */
  number(code: string, name?: string): number | undefined;
  /** The string value of `code-name` (or of plain field `code`). */
  get(code: string, name?: string): string | undefined;
}
