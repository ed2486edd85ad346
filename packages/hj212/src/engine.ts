/**
 * Protocol engine for one device connection, on the platform side. Pure: it takes decoded frames and the time,
 * and says what to write back; it owns no socket and no timer.
 *
 * - Answers (§6.1, 表 9, 附录 C): an upload with A=1 gets 9014 with the same QN, `ST=91`, `Flag=4`,
 *   `CP=&&&&`; a notification 1013 gets 9013. Replies to 2005 devices use their dialect (QN inside CP,
 *   Flag=0); replies to 2025 devices carry version 2 (Flag=8). Frames that failed to decode get no answer
 *   (§6.3.1 "如果 CRC 错误，执行结束"): the device retransmits.
 * - Retransmits (same MN + CN + QN + PNO) are answered again — the device did not get the first answer — but
 *   flagged `duplicate` so their data is stored once.
 * - Split packets are reassembled (see {@link PacketAssembler}) and each part is acknowledged (表 C.50).
 * - Platform commands follow 请求命令 (§6.1): request → 9011 (QnRtn) → data → 9012 (ExeRtn), with the
 *   timeout and retries of 表 1 (10 s, 3 retries for GPRS/CDMA/LTE…; 5 s for ADSL) until the 9011 arrives.
 *
 * Write the returned replies after the data is stored durably: an acknowledged frame is not retransmitted.
 */
import { type AssembledMessage, type AssemblerOptions, PacketAssembler } from './assembler.ts';
import { ack9014, reply9013 } from './builders.ts';
import { encodeFrame, type FrameInput } from './encode.ts';
import type { Issue } from './issues.ts';
import { createQnGenerator } from './time.ts';
import type { DecodedFrame, Header } from './types.ts';

export interface EngineOptions {
  /** Clock in ms (default `Date.now`). */
  now?: () => number;
  /** Reply timeout of 表 1 in ms (default 10 000). */
  timeoutMs?: number;
  /** Retries of 表 1 (default 3). */
  retries?: number;
  /** How many recent frame keys to remember for retransmit detection (default 512). */
  dedupSize?: number;
  assembler?: AssemblerOptions;
  /** QN source for `send` when the request has none. */
  qn?: () => string;
}

/** What the platform should send back for one received frame (the ack table). */
export function replyFor(frame: DecodedFrame): FrameInput | null {
  if (!frame.ok) return null;
  const cn = frame.header.CN;
  // 9011–9014 are answers themselves and are never answered. Heartbeats (9015 in 2025, vendor 9021) fall under
  // the general rule: answered only when they ask for it.
  if (cn === undefined || cn === '9011' || cn === '9012' || cn === '9013' || cn === '9014') return null;
  // 2017 devices match answers by QN; without one there is nothing to echo. 2005 replies carry it in CP if any.
  if (frame.edition !== '2005' && frame.header.QN === undefined) return null;
  if (cn === '1013') return reply9013(frame);
  if (frame.flag?.ack === true) return ack9014(frame);
  return null;
}

export type CommandState = 'sent' | 'accepted' | 'rejected' | 'done' | 'timeout';

export interface CommandStatus {
  qn: string;
  cn: string;
  state: CommandState;
  /** Transmissions so far (1 + retries). */
  attempts: number;
  qnRtn?: string;
  exeRtn?: string;
  /** Data frames the device sent for this command (e.g. 1011 time, 2051 history). */
  data: DecodedFrame[];
}

export interface CommandEvent {
  type: 'accepted' | 'rejected' | 'data' | 'done' | 'timeout' | 'retry';
  command: CommandStatus;
  frame?: DecodedFrame;
}

export interface ReceiveResult {
  /** Frames to write back, in order (already encoded). */
  replies: Uint8Array[];
  /** The frame repeats one already received (same MN, CN, QN, PNO): answer it, do not store it again. */
  duplicate: boolean;
  /** A complete logical message (an unsplit frame, or the last missing part of a split one). */
  message?: AssembledMessage;
  /** An update of a command the platform sent. */
  command?: CommandEvent;
  issues: Issue[];
}

interface Tracked extends CommandStatus {
  bytes: Uint8Array;
  deadline: number;
  /** Notifications (2012, 2022) expect 9013 instead of 9011/9012. */
  notification: boolean;
}

const NOTIFICATIONS = new Set(['2012', '2022']);

/** The QN a reply refers to: in the header (2017, 2025) or inside CP (2005). */
function replyQn(frame: DecodedFrame): string | undefined {
  const inCp = frame.cp.QN;
  if (frame.edition === '2005' && typeof inCp === 'string') return inCp;
  return frame.header.QN ?? (typeof inCp === 'string' ? inCp : undefined);
}

/**
 * Identity of a transmission: a retransmit repeats MN, CN, QN, PNO and the data time. DataTime is part of it
 * because answers to one history request (2031/2051/2061) share the request's QN across many frames.
 */
function dedupKey(h: Header, frame: DecodedFrame): string | null {
  // Without a QN (2005 uploads) nothing identifies a transmission; such devices ask for no ack and do not retransmit.
  if (h.QN === undefined) return null;
  const dataTime = typeof frame.cp.DataTime === 'string' ? frame.cp.DataTime : '';
  return `${h.MN ?? ''}\u0000${h.CN ?? ''}\u0000${h.QN ?? ''}\u0000${h.PNO ?? ''}\u0000${dataTime}`;
}

export class ProtocolEngine {
  readonly timeoutMs: number;
  readonly retries: number;
  readonly assembler: PacketAssembler;
  #now: () => number;
  #qn: () => string;
  #dedupSize: number;
  #seen = new Set<string>();
  #commands = new Map<string, Tracked>();

  constructor(options: EngineOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 3;
    this.#dedupSize = options.dedupSize ?? 512;
    this.assembler = new PacketAssembler(options.assembler);
    this.#qn = options.qn ?? createQnGenerator(this.#now);
  }

  /** Handles one decoded frame from the device. */
  receive(frame: DecodedFrame): ReceiveResult {
    const now = this.#now();
    const issues: Issue[] = this.assembler.expire(now);
    const replies: Uint8Array[] = [];
    const reply = replyFor(frame);
    if (reply !== null) replies.push(encodeFrame(reply));
    if (!frame.ok) return { replies, duplicate: false, issues };

    const cn = frame.header.CN ?? '';
    const command = this.#track(frame, cn, now);
    if (command !== undefined && command.type !== 'data') return { replies, duplicate: false, command, issues };

    const key = dedupKey(frame.header, frame);
    if (key !== null) {
      if (this.#seen.has(key)) return { replies, duplicate: true, command, issues };
      this.#seen.add(key);
      if (this.#seen.size > this.#dedupSize) this.#seen.delete(this.#seen.values().next().value as string);
    }

    const assembled = this.assembler.add(frame, now);
    if (assembled.status === 'complete')
      return { replies, duplicate: false, message: assembled.message, command, issues };
    if (assembled.status === 'invalid') issues.push(...assembled.issues);
    return { replies, duplicate: assembled.status === 'duplicate', command, issues };
  }

  /**
   * Sends a platform command: returns the bytes to write and starts tracking it (9011 → data → 9012, or 9013
   * for notifications). Requests without the A bit are not tracked.
   */
  send(request: FrameInput): { bytes: Uint8Array; qn: string } {
    const qn = request.header.QN ?? this.#qn();
    const input: FrameInput = { ...request, header: { ...request.header, QN: qn } };
    const bytes = encodeFrame(input);
    const cn = request.header.CN;
    const notification = NOTIFICATIONS.has(cn);
    const ack = request.header.Flag === undefined ? false : (Number(request.header.Flag) & 1) === 1;
    if (ack || notification) {
      this.#commands.set(qn, {
        qn,
        cn,
        state: 'sent',
        attempts: 1,
        data: [],
        bytes,
        deadline: this.#now() + this.timeoutMs,
        notification,
      });
    }
    return { bytes, qn };
  }

  /**
   * Advances timers: requests not answered within the timeout are sent again (表 1 retries), then given up;
   * accepted commands whose 9012 does not come are given up without resending (the device may be executing).
   */
  poll(): { resend: Uint8Array[]; events: CommandEvent[]; issues: Issue[] } {
    const now = this.#now();
    const resend: Uint8Array[] = [];
    const events: CommandEvent[] = [];
    for (const c of this.#commands.values()) {
      if (now < c.deadline) continue;
      if (c.state === 'sent' && c.attempts <= this.retries) {
        c.attempts++;
        c.deadline = now + this.timeoutMs;
        resend.push(c.bytes);
        events.push({ type: 'retry', command: publicStatus(c) });
      } else {
        c.state = 'timeout';
        this.#commands.delete(c.qn);
        events.push({ type: 'timeout', command: publicStatus(c) });
      }
    }
    return { resend, events, issues: this.assembler.expire(now) };
  }

  /** Commands still waiting for an answer. */
  pending(): CommandStatus[] {
    return [...this.#commands.values()].map(publicStatus);
  }

  /** Earliest deadline of a pending command (to schedule the next `poll`), or `undefined`. */
  nextDeadline(): number | undefined {
    let min: number | undefined;
    for (const c of this.#commands.values()) if (min === undefined || c.deadline < min) min = c.deadline;
    return min;
  }

  #track(frame: DecodedFrame, cn: string, now: number): CommandEvent | undefined {
    const qn = replyQn(frame);
    if (qn === undefined) return undefined;
    const c = this.#commands.get(qn);
    if (c === undefined) return undefined;
    if (cn === '9011') {
      const rtn = frame.get('QnRtn') ?? '';
      c.qnRtn = rtn;
      if (rtn === '1') {
        c.state = 'accepted';
        c.deadline = now + this.timeoutMs;
        return { type: 'accepted', command: publicStatus(c), frame };
      }
      c.state = 'rejected';
      this.#commands.delete(qn);
      return { type: 'rejected', command: publicStatus(c), frame };
    }
    if (cn === '9012' || (cn === '9013' && c.notification)) {
      if (cn === '9012') c.exeRtn = frame.get('ExeRtn') ?? '';
      c.state = 'done';
      this.#commands.delete(qn);
      return { type: 'done', command: publicStatus(c), frame };
    }
    if (cn.startsWith('90')) return undefined;
    c.data.push(frame);
    if (c.state === 'sent') c.state = 'accepted';
    c.deadline = now + this.timeoutMs;
    return { type: 'data', command: publicStatus(c), frame };
  }
}

function publicStatus(c: Tracked): CommandStatus {
  const s: CommandStatus = { qn: c.qn, cn: c.cn, state: c.state, attempts: c.attempts, data: [...c.data] };
  if (c.qnRtn !== undefined) s.qnRtn = c.qnRtn;
  if (c.exeRtn !== undefined) s.exeRtn = c.exeRtn;
  return s;
}
