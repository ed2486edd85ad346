/**
 * CRC of HJ 212-2017 附录 A and the CRC-16/MODBUS variants some devices send instead.
 *
 * 附录 A's reference code XORs the byte into the register's *high* byte after shifting it down
 * (`reg = (reg >> 8) ^ b`), then runs eight reflected rounds with 0xA001. Because the value entering
 * the eight rounds is at most 0xFF, those rounds collapse into one lookup in the CRC-16/ARC table:
 * `reg = T[(reg >> 8) ^ b]`. It is therefore *not* CRC-16/MODBUS (`reg = (reg >> 8) ^ T[(reg ^ b) & 0xFF]`),
 * and only 256 distinct HJ 212 CRC values exist.
 */

/** CRC-16/ARC table (reflected polynomial 0xA001): entry i is i after eight reflected rounds. */
export const CRC16_TABLE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i;
    for (let k = 0; k < 8; k++) r = r & 1 ? (r >>> 1) ^ 0xa001 : r >>> 1;
    t[i] = r;
  }
  return t;
})();

/**
 * HJ 212 CRC (附录 A) over `bytes[start, end)`: the data segment only, from `QN=` through the closing `&&`
 * (not `##`, not the length digits, not the trailer). Returns 0…0xFFFF; print it with {@link crcToHex}.
 */
export function crc16Hj212(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const t = CRC16_TABLE;
  let reg = 0xffff;
  for (let i = start; i < end; i++) reg = t[(reg >>> 8) ^ bytes[i]!]!;
  return reg;
}

/** The same CRC written the way 附录 A describes it, bit by bit. Used to cross-check the table; ~10× slower. */
export function crc16Hj212Bitwise(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let reg = 0xffff;
  for (let i = start; i < end; i++) {
    reg = (reg >>> 8) ^ bytes[i]!;
    for (let k = 0; k < 8; k++) reg = reg & 1 ? (reg >>> 1) ^ 0xa001 : reg >>> 1;
  }
  return reg;
}

/** CRC-16/MODBUS (init 0xFFFF, reflected 0xA001, no xorout) as a 16-bit register value. */
export function crc16Modbus(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const t = CRC16_TABLE;
  let reg = 0xffff;
  for (let i = start; i < end; i++) reg = (reg >>> 8) ^ t[(reg ^ bytes[i]!) & 0xff]!;
  return reg;
}

/** How the 4 CRC hex digits of a frame were produced. */
export type CrcMode = 'hj212' | 'modbus-be' | 'modbus-le' | 'none';

/**
 * The CRC value a device in `mode` prints for this segment: `modbus-be` prints the Modbus register high
 * byte first, `modbus-le` low byte first (the on-wire Modbus order, e.g. register 0x8106 sent as `0681`).
 */
export function crcForMode(mode: Exclude<CrcMode, 'none'>, bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (mode === 'hj212') return crc16Hj212(bytes, start, end);
  const m = crc16Modbus(bytes, start, end);
  return mode === 'modbus-be' ? m : ((m & 0xff) << 8) | (m >>> 8);
}

const HEX = '0123456789ABCDEF';

/** 4 upper-case hex digits, high byte first (附录 A: "校验码按照先高字节后低字节的顺序存放"). */
export function crcToHex(crc: number): string {
  return HEX[(crc >>> 12) & 15]! + HEX[(crc >>> 8) & 15]! + HEX[(crc >>> 4) & 15]! + HEX[crc & 15]!;
}

/** The 256 values the HJ 212 CRC can take (`T[x]` for every byte x). */
const HJ212_VALUES: Uint8Array = (() => {
  const seen = new Uint8Array(65536);
  for (let i = 0; i < 256; i++) seen[CRC16_TABLE[i]!] = 1;
  return seen;
})();

/**
 * Whether `crc` is a value the HJ 212 CRC can produce at all for a non-empty segment (the empty one gives FFFF). A received CRC outside this set (e.g. `FFFF`,
 * `8411`) was certainly not computed with 附录 A — usually a device using CRC-16/MODBUS or a placeholder.
 */
export function isPossibleHj212Crc(crc: number): boolean {
  return crc >= 0 && crc <= 0xffff && HJ212_VALUES[crc] === 1;
}
