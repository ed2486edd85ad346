/**
 * Reassembly of split packets (§6.3.2, 附录 C 表 C.49/C.50). Each sub-packet has its own QN, so parts are
 * grouped by MN + CN + DataTime + PNUM, never by QN. Bounded: at most `maxOpen` messages in progress, each
 * dropped after `timeoutMs` without completing.
 */
import { type Issue, makeIssue } from './issues.ts';
import type { CpField, CpMap, DecodedFrame, Edition, FactorFields, Header } from './types.ts';

/** A logical message: one unsplit frame, or all parts of a split one in PNO order. */
export interface AssembledMessage {
  /** Header of the first part, without PNUM/PNO. */
  header: Header;
  edition: Edition | null;
  /** CP of all parts merged (the first occurrence of a key wins). */
  cp: CpMap;
  /** CP fields of all parts in PNO order; `item` numbers continue across parts. */
  fields: CpField[];
  /** The frames it was built from, in PNO order. */
  parts: DecodedFrame[];
}

export type AssembleResult =
  | { status: 'complete'; message: AssembledMessage }
  | { status: 'partial'; received: number; total: number }
  | { status: 'duplicate'; received: number; total: number }
  | { status: 'invalid'; issues: Issue[] };

export interface AssemblerOptions {
  /** Drop an incomplete message this long after its first part (default 120 s). */
  timeoutMs?: number;
  /** Most messages in progress at once; the oldest is dropped beyond (default 64). */
  maxOpen?: number;
  /** Largest PNUM accepted (default 256). */
  maxParts?: number;
}

interface Pending {
  total: number;
  parts: (DecodedFrame | undefined)[];
  received: number;
  started: number;
}

function parseCount(s: string | undefined): number {
  if (s === undefined || !/^\d{1,4}$/.test(s)) return -1;
  return Number(s);
}

/** Merges the CP of several frames (first occurrence wins, as in the decoder). */
export function mergeParts(parts: readonly DecodedFrame[]): AssembledMessage {
  const first = parts[0]!;
  const { PNUM: _pnum, PNO: _pno, ...header } = first.header;
  const cp: CpMap = {};
  const fields: CpField[] = [];
  let itemBase = 0;
  for (const part of parts) {
    let maxItem = -1;
    for (const f of part.fields) {
      fields.push({ ...f, item: f.item + itemBase });
      if (f.item > maxItem) maxItem = f.item;
    }
    itemBase += maxItem + 1;
    for (const [k, v] of Object.entries(part.cp)) {
      const existing = Object.hasOwn(cp, k) ? cp[k] : undefined;
      if (existing === undefined) {
        define(cp, k, typeof v === 'string' ? v : { ...v });
      } else if (typeof existing === 'object' && typeof v === 'object') {
        for (const [name, value] of Object.entries(v))
          if (!Object.hasOwn(existing, name)) define(existing, name, value);
      }
    }
  }
  return { header, edition: first.edition, cp, fields, parts: [...parts] };
}

function define(o: CpMap | FactorFields, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

export class PacketAssembler {
  readonly timeoutMs: number;
  readonly maxOpen: number;
  readonly maxParts: number;
  #open = new Map<string, Pending>();
  #dropped: Issue[] = [];

  constructor(options: AssemblerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.maxOpen = options.maxOpen ?? 64;
    this.maxParts = options.maxParts ?? 256;
  }

  /** Number of split messages waiting for parts. */
  get open(): number {
    return this.#open.size;
  }

  /**
   * Adds a decoded frame. Unsplit frames complete at once. Returns `invalid` for inconsistent packet numbers,
   * `duplicate` for a part already held (a retransmit).
   */
  add(frame: DecodedFrame, now: number = Date.now()): AssembleResult {
    const { PNUM, PNO } = frame.header;
    if (PNUM === undefined && PNO === undefined) return { status: 'complete', message: mergeParts([frame]) };
    const total = parseCount(PNUM);
    const index = parseCount(PNO);
    if (total < 1 || index < 1 || index > total || total > this.maxParts) {
      return {
        status: 'invalid',
        issues: [makeIssue('BAD_SPLIT', `cannot reassemble PNUM "${PNUM ?? ''}" PNO "${PNO ?? ''}"`, false)],
      };
    }
    if (total === 1) return { status: 'complete', message: mergeParts([frame]) };
    const dataTime = typeof frame.cp.DataTime === 'string' ? frame.cp.DataTime : '';
    const key = `${frame.header.MN ?? ''}\u0000${frame.header.CN ?? ''}\u0000${dataTime}\u0000${total}`;
    let p = this.#open.get(key);
    if (p === undefined) {
      p = { total, parts: new Array(total).fill(undefined), received: 0, started: now };
      this.#open.set(key, p);
      this.#evict();
    }
    if (p.parts[index - 1] !== undefined) return { status: 'duplicate', received: p.received, total };
    p.parts[index - 1] = frame;
    p.received++;
    if (p.received === total) {
      this.#open.delete(key);
      return { status: 'complete', message: mergeParts(p.parts as DecodedFrame[]) };
    }
    return { status: 'partial', received: p.received, total };
  }

  /**
   * Drops messages older than the timeout; returns an issue per message dropped since the last call (including
   * those evicted by `add` beyond `maxOpen`).
   */
  expire(now: number = Date.now()): Issue[] {
    const dropped = this.#dropped;
    this.#dropped = [];
    for (const [key, p] of this.#open) {
      if (now - p.started >= this.timeoutMs) {
        this.#open.delete(key);
        dropped.push(this.#dropIssue(key, p, 'timed out'));
      }
    }
    return dropped;
  }

  #evict(): void {
    while (this.#open.size > this.maxOpen) {
      const [key, p] = this.#open.entries().next().value as [string, Pending];
      this.#open.delete(key);
      if (this.#dropped.length < 1000)
        this.#dropped.push(this.#dropIssue(key, p, 'evicted (too many open split messages)'));
    }
  }

  #dropIssue(key: string, p: Pending, why: string): Issue {
    const [mn, cn, dataTime] = key.split('\u0000');
    return makeIssue(
      'SPLIT_TIMEOUT',
      `split message MN=${mn} CN=${cn} DataTime=${dataTime} ${why} with ${p.received} of ${p.total} parts`,
      false,
    );
  }
}
