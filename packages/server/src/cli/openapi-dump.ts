// Writes the OpenAPI document the server serves at /api/openapi.json to packages/web/src/api/,
// from which openapi-typescript generates the web's typed client (CI fails if it is stale).
import fs from 'node:fs';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openPglite } from '../db/client.ts';

const out = new URL('../../../web/src/api/openapi.json', import.meta.url);
// Routes are all that is needed: an empty in-memory database, never queried.
const database = await openPglite({});
const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false });
await app.ready();
const doc = app.swagger();
fs.mkdirSync(new URL('.', out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
await app.close();
await database.close();
console.log(`OpenAPI written to ${out.pathname} (${Object.keys(doc.paths ?? {}).length} paths)`);
