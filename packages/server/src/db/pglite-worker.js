// The embedded database's own thread. PGlite runs every query on the thread that calls it, so on
// the main thread a heavy query stalled every request, even ones that never touch the database
// (stack.md pitfall 15). This worker owns the PGlite instance; db/pglite-proxy.ts sends it
// queries and gets rows back. Plain JavaScript so it loads the same way under `node --import
// tsx`, Vitest and plain node, none of which pass a TypeScript loader to a worker reliably.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {{ dataDir?: string, loadDataDir?: ArrayBuffer, timeZone: string }} */
const options = workerData;

/** the embedded database's buffer pool (see PGlite.create below); db/client.test.ts checks it */
const SHARED_BUFFERS = '32MB';

/** Open transactions by id: PGlite's transaction callback stays pending until the main thread ends it. */
const transactions = new Map();

function serialiseError(e) {
  if (!(e instanceof Error)) return { message: String(e), name: 'Error', props: {} };
  // A PostgreSQL error carries code, constraint, detail…: services read them (23505 → 409).
  const props = {};
  for (const [k, v] of Object.entries(e)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') props[k] = v;
  }
  return { message: e.message, name: e.name, props };
}

function reply(id, result, transfer) {
  parentPort.postMessage({ id, result }, transfer ?? []);
}

function fail(id, e) {
  parentPort.postMessage({ id, error: serialiseError(e) });
}

/** Query options across the thread boundary: parser functions stay on the main thread. */
function queryOptions(msg) {
  const o = {};
  if (msg.rowMode) o.rowMode = msg.rowMode;
  // Values of these types come back as the server's text; the main thread applies the caller's parser.
  if (msg.rawTypes?.length) o.parsers = Object.fromEntries(msg.rawTypes.map((t) => [t, (v) => v]));
  return o;
}

function target(msg) {
  if (msg.txId === undefined) return pg;
  const t = transactions.get(msg.txId);
  if (!t) throw new Error(`transaction ${msg.txId} is not open`);
  return t.tx;
}

function begin(msg) {
  let begun = false;
  let endId;
  let end;
  const ended = new Promise((resolve) => {
    end = resolve;
  });
  pg.transaction(async (tx) => {
    begun = true;
    transactions.set(msg.id, { tx, end });
    reply(msg.id, msg.id);
    const how = await ended;
    endId = how.id;
    transactions.delete(msg.id);
    if (!how.commit) await tx.rollback();
  }).then(
    () => reply(endId, null),
    (e) => {
      transactions.delete(msg.id);
      fail(begun ? endId : msg.id, e);
    },
  );
}

async function handle(msg) {
  switch (msg.op) {
    case 'query': {
      const r = await target(msg).query(msg.text, msg.params, queryOptions(msg));
      return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
    }
    case 'exec': {
      const rs = await target(msg).exec(msg.text);
      return rs.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case 'copy':
      await target(msg).query(msg.text, [], { blob: new Blob([msg.data]) });
      return null;
    case 'dump': {
      const blob = await pg.dumpDataDir(msg.compression ?? 'none');
      return await blob.arrayBuffer();
    }
    case 'close':
      await pg.close();
      return null;
    default:
      throw new Error(`unknown operation ${msg.op}`);
  }
}

const pg = await PGlite.create({
  dataDir: options.dataDir,
  loadDataDir: options.loadDataDir ? new Blob([options.loadDataDir]) : undefined,
  // PostgreSQL's default 128 MB of shared buffers is resident from the start here (PGlite sets up
  // its shared memory inside the WASM heap) and was a quarter of the platform process's RSS. The
  // data files sit in the OS page cache all the same, so a smaller pool costs a copy per page it
  // misses, not a disk read.
  startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
});
await pg.exec(`SET TIME ZONE '${options.timeZone}'`);

parentPort.on('message', (msg) => {
  if (msg.op === 'begin') return begin(msg);
  if (msg.op === 'end') {
    const t = transactions.get(msg.txId);
    if (!t) return fail(msg.id, new Error(`transaction ${msg.txId} is not open`));
    return t.end({ id: msg.id, commit: msg.commit });
  }
  handle(msg).then(
    (result) => reply(msg.id, result, result instanceof ArrayBuffer ? [result] : []),
    (e) => fail(msg.id, e),
  );
});
parentPort.postMessage({ ready: true });
