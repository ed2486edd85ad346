import { Worker } from 'node:worker_threads';

/** The shape of a PGlite result that crosses the thread boundary. */
export type ProxyResults<T = Record<string, unknown>> = {
  rows: T[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
};

export type ProxyQueryOptions = {
  rowMode?: 'array' | 'object';
  /** type OID → parser of the server's text; applied here, on the calling thread */
  parsers?: Record<number, (value: string, typeId: number) => unknown>;
};

/** What Drizzle's pglite driver and our tools call on a connection or a transaction. */
export type ProxyConnection = {
  query<T = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    options?: ProxyQueryOptions,
  ): Promise<ProxyResults<T>>;
  exec(text: string): Promise<ProxyResults[]>;
  /** `COPY … FROM '/dev/blob'` with `data` as the blob: a bulk load in one call (db/copy.ts) */
  copyFrom(text: string, data: Uint8Array): Promise<void>;
};

export type ProxyTransaction = ProxyConnection & {
  /** Ends the transaction without committing; the callback's result is still returned. */
  rollback(): Promise<void>;
  readonly closed: boolean;
};

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Reply = {
  id: number;
  result?: unknown;
  error?: { message: string; name: string; props: Record<string, unknown> };
};

const WORKER_URL = new URL('./pglite-worker.js', import.meta.url);

/**
 * PGlite in its own worker thread, behind the subset of PGlite's API the app uses: query (with
 * rowMode and parsers, as Drizzle passes them), exec, transaction (queries and savepoints inside
 * it go to the same logical connection; PGlite itself queues other queries until it ends),
 * dumpDataDir and close. Heavy queries then cost the worker, not the event loop that serves
 * requests.
 */
export class PgliteProxy implements ProxyConnection {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #closed = false;
  #failure: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (m: Reply) => this.#settle(m));
    worker.on('error', (e) => this.#abort(e));
    worker.on('exit', (code) => this.#abort(new Error(`the database worker stopped (exit code ${code})`)));
    // An idle database must not keep the process alive, just as an in-thread PGlite would not.
    worker.unref();
  }

  static async create(options: { dataDir?: string | undefined; loadDataDir?: Blob | undefined; timeZone: string }) {
    const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
    const worker = new Worker(WORKER_URL, {
      workerData: { dataDir: options.dataDir, loadDataDir, timeZone: options.timeZone },
      transferList: loadDataDir ? [loadDataDir] : [],
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        cleanup();
        resolve();
      };
      const onError = (e: Error) => {
        cleanup();
        reject(e);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`the database worker stopped while opening the database (exit code ${code})`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
    return new PgliteProxy(worker);
  }

  #settle(m: Reply): void {
    const p = this.#pending.get(m.id);
    if (!p) return;
    this.#pending.delete(m.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (m.error) {
      const e = Object.assign(new Error(m.error.message), m.error.props);
      e.name = m.error.name;
      p.reject(e);
    } else {
      p.resolve(m.result);
    }
  }

  #abort(e: Error): void {
    this.#failure ??= e;
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
  }

  #call<T>(msg: Record<string, unknown>): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed) return Promise.reject(new Error('the database is closed'));
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      // Work in flight keeps the process alive until its answer arrives.
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#worker.postMessage({ ...msg, id });
    });
  }

  async #query<T>(
    txId: number | undefined,
    text: string,
    params: unknown[] | undefined,
    options: ProxyQueryOptions | undefined,
  ): Promise<ProxyResults<T>> {
    const parsers = options?.parsers;
    const rawTypes = parsers ? Object.keys(parsers).map(Number) : [];
    const r = await this.#call<ProxyResults<T>>({
      op: 'query',
      txId,
      text,
      params: params ?? [],
      rowMode: options?.rowMode,
      rawTypes,
    });
    if (parsers && rawTypes.length) applyParsers(r, parsers, options?.rowMode === 'array');
    return r;
  }

  query<T = Record<string, unknown>>(text: string, params?: unknown[], options?: ProxyQueryOptions) {
    return this.#query<T>(undefined, text, params, options);
  }

  exec(text: string): Promise<ProxyResults[]> {
    return this.#call({ op: 'exec', text });
  }

  copyFrom(text: string, data: Uint8Array): Promise<void> {
    return this.#call({ op: 'copy', text, data });
  }

  async transaction<T>(fn: (tx: ProxyTransaction) => Promise<T>): Promise<T> {
    const txId = await this.#call<number>({ op: 'begin' });
    let closed = false;
    const end = async (commit: boolean) => {
      if (closed) return;
      closed = true;
      await this.#call({ op: 'end', txId, commit });
    };
    const tx: ProxyTransaction = {
      query: <R = Record<string, unknown>>(text: string, params?: unknown[], options?: ProxyQueryOptions) => {
        if (closed) return Promise.reject(new Error('the transaction is closed'));
        return this.#query<R>(txId, text, params, options);
      },
      exec: (text: string) => {
        if (closed) return Promise.reject(new Error('the transaction is closed'));
        return this.#call<ProxyResults[]>({ op: 'exec', txId, text });
      },
      copyFrom: (text: string, data: Uint8Array) => {
        if (closed) return Promise.reject(new Error('the transaction is closed'));
        return this.#call<void>({ op: 'copy', txId, text, data });
      },
      rollback: () => end(false),
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (e) {
      await end(false).catch(() => {});
      throw e;
    }
    await end(true);
    return result;
  }

  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'none'): Promise<Blob> {
    const buf = await this.#call<ArrayBuffer>({ op: 'dump', compression });
    return new Blob([buf], { type: 'application/x-tar' });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      if (!this.#failure) await this.#call({ op: 'close' });
    } finally {
      this.#closed = true;
      this.#worker.removeAllListeners('exit');
      await this.#worker.terminate();
    }
  }
}

function applyParsers(
  r: ProxyResults<unknown>,
  parsers: NonNullable<ProxyQueryOptions['parsers']>,
  arrayMode: boolean,
): void {
  const columns = r.fields
    .map((f, i) => ({ i, name: f.name, type: f.dataTypeID, parse: parsers[f.dataTypeID] }))
    .filter((c) => c.parse);
  if (!columns.length) return;
  for (const row of r.rows as Record<string | number, unknown>[]) {
    for (const c of columns) {
      const key = arrayMode ? c.i : c.name;
      const v = row[key];
      if (typeof v === 'string') row[key] = c.parse!(v, c.type);
    }
  }
}
