import { MAX_ISSUES } from './limits.ts';

/**
 * The single list of issue codes. Every problem the deframer, decoder, assembler or encoder reports is
 * one of these; the README's issue table is checked against this object by a test.
 *
 * `kind` decides the severity:
 * - `fatal`: an error in both modes — the frame cannot be trusted or understood.
 * - `quirk`: forbidden by the standard but seen in real devices — an error in strict mode, a warning in
 *   lenient mode (the frame is still usable).
 * - `notice`: a warning in both modes — worth knowing, never a reason to reject.
 */
export const ISSUE_CODES = {
  BAD_HEADER: {
    kind: 'fatal',
    doc: 'The frame does not start with `##` followed by 4 decimal digits (表 2), or is too short to hold a header, a CRC and a data segment.',
  },
  BAD_LENGTH: {
    kind: 'quirk',
    doc: 'The 4-digit length field (表 2) matches neither the byte count nor the character count of the data segment; the frame was delimited by its trailer and `&&` instead.',
  },
  LENGTH_CHARS: {
    kind: 'notice',
    doc: 'The length field counts characters, not UTF-8 bytes (the segment holds non-ASCII text). §6.3 counts 1 byte per character unit; both readings are accepted.',
  },
  CRC_MISMATCH: {
    kind: 'fatal',
    doc: 'The received CRC does not match the 附录 A CRC of the data segment (nor any CRC variant enabled for the device). §6.3.1: "如果 CRC 错误，执行结束". The message says when the received value matches CRC-16/MODBUS, or cannot be an HJ 212 CRC at all.',
  },
  CRC_LOWERCASE: {
    kind: 'quirk',
    doc: 'The CRC is correct but written in lower-case hex.',
  },
  CRC_SHORT: {
    kind: 'quirk',
    doc: 'The CRC is correct but written with fewer than 4 hex digits (leading zeros dropped).',
  },
  CRC_WHITESPACE: {
    kind: 'quirk',
    doc: 'The CRC matches the data segment only after its spaces are removed: a lenient repair (an error in strict mode). `crcValid` stays false, since it means the CRC matched the bytes as received.',
  },
  CRC_VARIANT: {
    kind: 'quirk',
    doc: 'The CRC matches a variant enabled for this device (`modbus-be`, `modbus-le`) or CRC checking is disabled (`none`), not the 附录 A CRC.',
  },
  BAD_TRAILER: {
    kind: 'quirk',
    doc: 'The frame does not end with `<CR><LF>` (表 2): bare LF, no trailer, or at most `MAX_TAIL_JUNK` (8) extra bytes without `; = , & #` (e.g. a vendor `**`) between the CRC and the end.',
  },
  TOO_LONG: {
    kind: 'quirk',
    doc: 'The data segment is longer than 1024 bytes or CP longer than 950 (表 2, 表 3). In the deframer: a declared length above the configured maximum. decodeFrame also refuses inputs over 65 535 bytes, which no frame can reach.',
  },
  BAD_FIELD: {
    kind: 'quirk',
    doc: 'A header field or CP item is malformed: no `=`, empty item, stray separator, unknown header key, Flag not an integer 0–255 or of an unknown version, PNUM/PNO not positive integers, or a key or unquoted value holding a byte the encoder refuses (`=`, `&`, spaces inside, control characters; `//…//` text is exempt).',
  },
  MISSING_FIELD: {
    kind: 'quirk',
    doc: 'A header field the edition requires (表 3) is absent: QN, PW, MN, Flag in 2017/2025. A missing ST, CN or CP is always fatal and reported as BAD_STRUCTURE.',
  },
  BAD_STRUCTURE: {
    kind: 'fatal',
    doc: 'The data segment has no `CP=&&` area, or lacks ST or CN, so it cannot be interpreted (表 3); or it does not start with a header key, has a line break before CP, or is followed by more than `MAX_TAIL_JUNK` bytes (or by `; = , & #`) after the CRC — shapes the deframer does not take for a frame either.',
  },
  BAD_CP: {
    kind: 'quirk',
    doc: 'The CP area is not closed by `&&` at the end of the data segment (§6.3.3).',
  },
  WHITESPACE: {
    kind: 'quirk',
    doc: 'Spaces around header keys, around values or inside CP keys were removed.',
  },
  KEY_CASE: {
    kind: 'quirk',
    doc: 'A header key in the wrong case (`FLAG=`, `qn=`). Header keys are matched case-insensitively; §6.3.3 says field names are case-sensitive.',
  },
  DUPLICATE_KEY: {
    kind: 'quirk',
    doc: 'The same header key or CP key appears twice. All occurrences are kept in `fields`; the map keeps the first.',
  },
  BAD_SPLIT: {
    kind: 'quirk',
    doc: 'Split-packet fields are inconsistent (§6.3.2): D bit set without PNUM/PNO, PNUM/PNO without the D bit, PNO outside 1…PNUM, or parts of one message disagreeing on PNUM.',
  },
  SPLIT_TIMEOUT: {
    kind: 'notice',
    doc: 'A split message (PNUM/PNO) was dropped by the assembler before all its parts arrived (timeout or capacity).',
  },
  BAD_ENCODING: {
    kind: 'quirk',
    doc: 'The data segment is not valid UTF-8 (§6.3); it was decoded as GB18030.',
  },
  GARBAGE: {
    kind: 'notice',
    doc: 'Bytes that are not part of any frame (Modbus-TCP traffic, DTU heartbeats, noise) were skipped by the deframer.',
  },
  TRUNCATED: {
    kind: 'notice',
    doc: 'The deframer dropped an incomplete frame: a new `##dddd` started, the buffer limit was reached, or the stream ended before it was complete.',
  },
  TOO_MANY_ISSUES: {
    kind: 'notice',
    doc: 'More issues than `MAX_ISSUES` (32) were found on one frame; the list ends with this one, whose `count` says how many were left out. Its severity is `error` when any of those was an error (the verdict `ok` counts them all).',
  },
} as const satisfies Record<string, { kind: 'fatal' | 'quirk' | 'notice'; doc: string }>;

/** One of the stable issue codes. */
export type IssueCode = keyof typeof ISSUE_CODES;

/** `error` makes a frame `ok: false`; `warning` does not. */
export type Severity = 'error' | 'warning';

/** A problem found in untrusted input. Nothing in this package throws on untrusted bytes; it reports these. */
export interface Issue {
  code: IssueCode;
  message: string;
  severity: Severity;
  /** TOO_MANY_ISSUES only: how many issues were left out of the list. */
  count?: number;
}

/** Severity of `code` in strict or lenient mode. */
export function severityOf(code: IssueCode, lenient: boolean): Severity {
  const kind = ISSUE_CODES[code].kind;
  if (kind === 'fatal') return 'error';
  if (kind === 'notice') return 'warning';
  return lenient ? 'warning' : 'error';
}

export function makeIssue(code: IssueCode, message: string, lenient: boolean): Issue {
  return { code, message, severity: severityOf(code, lenient) };
}

/** The issue that closes a list capped at {@link MAX_ISSUES}: `count` issues were left out. */
export function tooManyIssues(count: number, anyError: boolean): Issue {
  return {
    code: 'TOO_MANY_ISSUES',
    message: `${count} more issue(s) not listed (at most ${MAX_ISSUES} are listed per frame)${anyError ? ', errors among them' : ''}`,
    severity: anyError ? 'error' : 'warning',
    count,
  };
}

/** `list` capped at {@link MAX_ISSUES}: the first ones, then one TOO_MANY_ISSUES counting the rest. */
export function capIssues(list: readonly Issue[]): readonly Issue[] {
  if (list.length <= MAX_ISSUES) return list;
  const kept = list.slice(0, MAX_ISSUES - 1);
  let count = 0;
  let anyError = false;
  for (let i = MAX_ISSUES - 1; i < list.length; i++) {
    const issue = list[i]!;
    count += issue.count ?? 1;
    if (issue.severity === 'error') anyError = true;
  }
  kept.push(tooManyIssues(count, anyError));
  return kept;
}
