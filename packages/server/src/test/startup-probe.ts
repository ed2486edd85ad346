// Run by platform/startup-modules.test.ts in a process of its own: starts the platform as main.ts
// does (its imports, the database, migrations, default rules, shipped data, the first-start seed,
// the app, listening with the modules' services) and prints the npm packages the process loaded,
// as one line `loaded <JSON array>`, before closing. The database comes from the test:
// PROBE_PGLITE_TARBALL (a migrated template) or DATABASE_URL (a database of its own).
//
// Packages are seen two ways: an ES module resolve hook (every `import` of a package, ESM or
// CommonJS, from this process's modules) and require.cache (what CommonJS packages require in turn).
// Only dynamic imports below: a static one would load before the hook is registered.
import fs from 'node:fs';
import { createRequire, register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';

const HOOK = `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  port.postMessage(r.url);
  return r;
}`;
const { port1, port2 } = new MessageChannel();
register(`data:text/javascript,${encodeURIComponent(HOOK)}`, import.meta.url, {
  data: { port: port2 },
  transferList: [port2],
});

/** `exceljs` of …/node_modules/exceljs/excel.js, `@fastify/static` of …/node_modules/@fastify/static/… */
function packageOf(file: string): string | null {
  const i = file.lastIndexOf('/node_modules/');
  if (i < 0) return null;
  const [a, b] = file.slice(i + '/node_modules/'.length).split('/');
  return a?.startsWith('@') ? `${a}/${b}` : (a ?? null);
}

// main.ts's own imports, read from its source so a module it starts importing is loaded here too
const mainTs = new URL('../main.ts', import.meta.url);
const mainImports = [...fs.readFileSync(mainTs, 'utf8').matchAll(/^import (?!type )[^;]*? from '([^']+)';$/gms)];
if (mainImports.length < 5) throw new Error(`read only ${mainImports.length} imports from main.ts`);
for (const [, spec] of mainImports) await import(new URL(spec!, mainTs).href);
const { buildApp } = await import('../app.ts');
const { loadConfig } = await import('../config.ts');
const { openPglite, openPostgres } = await import('../db/client.ts');
const { MODULES } = await import('../modules/index.ts');
const { failInterruptedJobs } = await import('../modules/jobs/service.ts');
const { seedDefaultRules } = await import('../modules/rules/service.ts');
const { installModules } = await import('../platform/registry.ts');
const { loadShippedData } = await import('../platform/shipped.ts');
const { seedIfEmpty } = await import('../seed/seed.ts');

const config = loadConfig();
const tarball = process.env.PROBE_PGLITE_TARBALL;
const database = tarball
  ? await openPglite({ loadDataDir: new Blob([fs.readFileSync(tarball)]) })
  : await openPostgres(config.databaseUrl!);
installModules(MODULES);
await database.migrate();
await failInterruptedJobs(database.db);
await seedDefaultRules(database.db);
await loadShippedData(database.db);
await seedIfEmpty(database, config, () => {});
const app = await buildApp({ config, database, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
// a request through the whole stack (auth, validation, a module's service and the database)
const health = await app.inject({ method: 'GET', url: '/api/health' });
if (health.statusCode !== 200) throw new Error(`health answered ${health.statusCode}`);

const loaded = new Set<string>();
for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
  const url = m.message as string;
  const name = url.startsWith('file:') ? packageOf(fileURLToPath(url)) : null;
  if (name) loaded.add(name);
}
for (const file of Object.keys(createRequire(import.meta.url).cache)) {
  const name = packageOf(file);
  if (name) loaded.add(name);
}
console.log(`loaded ${JSON.stringify([...loaded].sort())}`);
await app.close();
await database.close();
process.exit(0);
