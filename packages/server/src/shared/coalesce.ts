/**
 * Identical read requests that arrive together share one computation, without ever answering from
 * a snapshot older than the request: a request that arrives while a computation for its key is
 * running does not join it (it began before the request, so a write acknowledged just before the
 * request might be missing), but waits for the next one, which every request arriving meanwhile
 * shares. So a reader sees every write acknowledged before it asked, and under N concurrent identical
 * requests the database runs at most two computations per key at a time instead of N.
 */
export function coalescing<T>(): (key: string, compute: () => Promise<T>) => Promise<T> {
  type Flight = { promise: Promise<T>; start: () => void };
  const running = new Map<string, Promise<T>>();
  const next = new Map<string, Flight>();

  const launch = (key: string, compute: () => Promise<T>): Promise<T> => {
    const p = compute();
    running.set(key, p);
    const done = () => {
      if (running.get(key) === p) running.delete(key);
      const queued = next.get(key);
      if (queued) {
        next.delete(key);
        queued.start();
      }
    };
    p.then(done, done);
    return p;
  };

  return (key, compute) => {
    if (!running.has(key)) return launch(key, compute);
    const queued = next.get(key);
    if (queued) return queued.promise;
    let start!: () => void;
    const promise = new Promise<T>((resolve, reject) => {
      start = () => launch(key, compute).then(resolve, reject);
    });
    next.set(key, { promise, start });
    return promise;
  };
}
