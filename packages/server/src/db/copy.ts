import type { Readable } from 'node:stream';
import type { Tx } from './client.ts';
import type { ProxyConnection } from './pglite-proxy.ts';

// Bulk rows by COPY inside a Drizzle transaction, on either engine: the ingest path's frames and
// readings (issue 11, P3). COPY loads rows about twice as fast as INSERT … SELECT unnest(…) (stack.md:
// 143 k against 68 k rows/s on PostgreSQL, client included), and the rows travel as one text in
// COPY's own format instead of one array literal per column bound as parameters.
// COPY has no ON CONFLICT: a row that breaks a unique index fails the statement, and with it the
// transaction, as a plain INSERT would.

/**
 * Rows in COPY's text format, written straight into bytes: fields separated by tabs, rows ended by
 * newlines, `\N` for null, backslash, tab, newline and carriage return escaped. Ingest builds a
 * batch's thousands of readings with it; as template strings joined, the same text cost the
 * writer's thread about 6 kB of short-lived strings a frame, then a pass to encode them.
 */
export class CopyText {
  #buf: Buffer;
  #len = 0;
  #lineStart = true;

  constructor(capacity = 64 * 1024) {
    this.#buf = Buffer.allocUnsafe(Math.max(16, capacity));
  }

  #room(n: number): void {
    if (this.#len + n <= this.#buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#len + n));
    this.#buf.copy(next, 0, 0, this.#len);
    this.#buf = next;
  }

  #separate(): void {
    if (this.#lineStart) this.#lineStart = false;
    else {
      this.#room(1);
      this.#buf[this.#len++] = 9;
    }
  }

  /** A text field; null or undefined is SQL null. */
  text(x: string | null | undefined): this {
    this.#separate();
    if (x === null || x === undefined) return this.#null();
    // A long text with nothing to escape (an archived frame: ~900 characters) in one native write,
    // a third of the byte loop's time; a short one is faster by the loop than by the call.
    if (x.length >= NATIVE_FROM && !NEEDS_ESCAPE_OR_UTF8.test(x)) {
      this.#room(x.length);
      this.#len += this.#buf.write(x, this.#len, 'latin1');
      return this;
    }
    // ASCII byte by byte (uuids, codes, instants, frames: nearly everything), at most 2 bytes a character
    this.#room(x.length * 2);
    const b = this.#buf;
    let o = this.#len;
    for (let i = 0; i < x.length; i++) {
      const c = x.charCodeAt(i);
      if (c >= 128) {
        // the rest as UTF-8 (lone surrogates become U+FFFD, as Buffer.from would make them)
        this.#len = o;
        this.#utf8(x.slice(i));
        return this;
      }
      if (c === 92 || c === 9 || c === 10 || c === 13) {
        b[o++] = 92;
        b[o++] = c === 92 ? 92 : c === 9 ? 116 : c === 10 ? 110 : 114;
      } else b[o++] = c;
    }
    this.#len = o;
    return this;
  }

  #utf8(rest: string): void {
    const escaped = rest.replace(/[\\\t\n\r]/g, escapeChar);
    this.#room(Buffer.byteLength(escaped, 'utf8'));
    this.#len += this.#buf.write(escaped, this.#len, 'utf8');
  }

  #null(): this {
    this.#room(2);
    this.#buf[this.#len++] = 92;
    this.#buf[this.#len++] = 78;
    return this;
  }

  /** A float8 or integer field: a finite number, or null; a non-finite one is refused, it is no value this platform stores. */
  number(x: number | null | undefined): this {
    if (x === null || x === undefined) {
      this.#separate();
      return this.#null();
    }
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    // a number's text is ASCII with nothing to escape
    const s = String(x);
    this.#separate();
    this.#room(s.length);
    const b = this.#buf;
    let o = this.#len;
    for (let i = 0; i < s.length; i++) b[o++] = s.charCodeAt(i);
    this.#len = o;
    return this;
  }

  /**
   * Starts a row with the fields written between `start` and `end` of this builder (byteLength
   * taken before and after them): rows that share their first fields, such as a frame's readings
   * (station, data time, command), encode them once.
   */
  repeat(start: number, end: number): this {
    if (!this.#lineStart || start < 0 || end < start || end > this.#len)
      throw new RangeError('repeat: not a span of this builder at a row start');
    this.#room(end - start);
    this.#buf.copyWithin(this.#len, start, end);
    this.#len += end - start;
    this.#lineStart = end === start;
    return this;
  }

  /** A boolean field. */
  boolean(x: boolean): this {
    this.#separate();
    this.#room(1);
    this.#buf[this.#len++] = x ? 116 : 102;
    return this;
  }

  /** Ends the row. */
  end(): this {
    this.#room(1);
    this.#buf[this.#len++] = 10;
    this.#lineStart = true;
    return this;
  }

  get byteLength(): number {
    return this.#len;
  }

  /** The rows so far: a view of this builder's memory, valid until it is written to again. */
  bytes(): Buffer {
    return this.#buf.subarray(0, this.#len);
  }
}

const NATIVE_FROM = 48;
const NEEDS_ESCAPE_OR_UTF8 = /[\\\t\n\r\u0080-\uffff]/;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeChar = (c: string) => ESCAPES[c]!;

// node-postgres' COPY stream, loaded on the first COPY (PGlite never needs it)
let copyFromStdin: typeof import('pg-copy-streams').from | undefined;

type PgClient = { query(stream: unknown): Readable & NodeJS.WritableStream };

/** The connection under a Drizzle transaction: node-postgres' client, or the PGlite proxy's transaction. */
function connectionOf(tx: Tx): PgClient | ProxyConnection {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error('copyRows: no connection under this transaction');
  return client as PgClient | ProxyConnection;
}

/**
 * Appends `rows` to `table`'s `columns`, inside `tx`. Table and column names are the caller's
 * constants, never input.
 */
export async function copyRows(tx: Tx, table: string, columns: readonly string[], rows: CopyText): Promise<void> {
  const data = rows.bytes();
  if (data.length === 0) return;
  const conn = connectionOf(tx);
  const target = `${table} (${columns.join(', ')})`;
  if ('copyFrom' in conn) {
    // its own copy of the bytes: the message to PGlite's thread clones the whole buffer under a view
    await conn.copyFrom(`copy ${target} from '/dev/blob'`, new Uint8Array(data));
    return;
  }
  copyFromStdin ??= (await import('pg-copy-streams')).from;
  const stream = conn.query(copyFromStdin(`copy ${target} from stdin`));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(data);
  });
}
