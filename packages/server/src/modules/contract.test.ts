import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_CLOCK_PROFILES } from '@qingshan/core/clock-profiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/helpers.ts';
import { MODULES } from './index.ts';

// The module contract (docs/new-module.md), checked from the outside: what a new module must bring
// and what nothing else catches. A route missing from its module's access-matrix.ts is caught by
// access.test.ts.
const MODULES_DIR = path.dirname(fileURLToPath(import.meta.url));
const folders = fs
  .readdirSync(MODULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/**
 * Modules that non-staff callers can reach but that hold nobody's records, so there is nothing
 * for enterprise A to see of enterprise B. Each says why; a module with records does not belong here.
 */
const NO_RECORDS_OF_OTHERS: Record<string, string> = {
  health: 'answers whether the platform is up, nothing else',
  reference: 'towns and industries, the same for everyone',
  calendar: 'the State Council holiday calendar, public data',
  auth: 'signs the caller in and out and changes the caller’s own password; there is no other user’s record to ask for',
  'phone-codes':
    'sends a code to a phone; codes are never read back (the demo outbox exists only in demo mode without an SMS gateway)',
  rules: 'deadlines and limits with their sources, the same for everyone',
  'eia-classification':
    'the published EIA catalogue and a stateless classification of the facts sent; stores nobody’s records',
  matters: 'the published matter catalogue and its service guides, the same for everyone; no applicant’s records',
};

/**
 * Modules named by the describe blocks of an isolation case: in a module's own test files
 * (`modules/<m>/*.test.ts`, e.g. `describe('matters: A never reads B’s drafts', …)`) or in the shared
 * record-access.test.ts ("appointments", "clocks, worklist: …").
 */
function modulesWithIsolationCases(): Set<string> {
  // in the shared file every top-level block is a case; in a module's files, the `<module>: …` ones
  const files: [string, RegExp][] = [
    [path.join(MODULES_DIR, '..', 'record-access.test.ts'), /^describe\(\s*['"]([^'"]+)['"]/gm],
  ];
  for (const m of folders)
    for (const f of fs.readdirSync(path.join(MODULES_DIR, m)))
      if (f.endsWith('.test.ts')) files.push([path.join(MODULES_DIR, m, f), /^describe\(\s*['"]([^'"]+:[^'"]*)['"]/gm]);
  const out = new Set<string>();
  for (const [file, blocks] of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(blocks)) {
      for (const name of m[1]!.split(':')[0]!.split(',')) out.add(name.trim());
    }
  }
  return out;
}

describe('module contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every folder under modules/ declares itself in index.ts and keeps its wire shapes in schema.ts', () => {
    const missing = folders.flatMap((f) =>
      ['index.ts', 'schema.ts']
        .filter((file) => !fs.existsSync(path.join(MODULES_DIR, f, file)))
        .map((file) => `${f}/${file}`),
    );
    expect(missing).toEqual([]);
  });

  it('the module list holds every folder once, under its folder name', () => {
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
  });

  it('every module with routes keeps their expected access in access-matrix.ts, and no other module has one', () => {
    const withRoutes = new Set(t.app.routeTable.flatMap((r) => (r.module ? [r.module] : [])));
    const withMatrix = folders.filter((f) => fs.existsSync(path.join(MODULES_DIR, f, 'access-matrix.ts')));
    expect(withMatrix, 'add modules/<m>/access-matrix.ts (see access.test.ts)').toEqual([...withRoutes].sort());
  });

  it("core's list of shipped deadline profiles is the modules' own, so the web names each of them", () => {
    const registered = MODULES.flatMap((m) => (m.clockProfiles ?? []).map((p) => p.key)).sort();
    expect(SHIPPED_CLOCK_PROFILES.map((p) => p.key).sort()).toEqual(registered);
  });

  it('a module with tables.ts declares exactly those tables', async () => {
    for (const m of MODULES) {
      const file = path.join(MODULES_DIR, m.name, 'tables.ts');
      if (!fs.existsSync(file)) {
        expect(m.tables, `${m.name} declares tables but has no tables.ts`).toBeUndefined();
        continue;
      }
      const own = (await import(`./${m.name}/tables.ts`)) as Record<string, unknown>;
      expect(Object.keys(m.tables ?? {}).sort(), m.name).toEqual(Object.keys(own).sort());
    }
  });

  it('every /api route is declared by a module', () => {
    // the API's own description is the platform's, not a module's
    const platform = new Set(['/api/openapi.json']);
    const orphans = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && !platform.has(r.url) && !r.module,
    );
    expect(orphans.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('every module that enterprises, citizens or the public can reach has an enterprise-A-vs-B isolation case', () => {
    const outsideReach = new Set<string>();
    for (const r of t.app.routeTable) {
      if (!r.module || !r.access) continue;
      const open =
        r.access === 'public' ||
        r.access === 'authenticated' ||
        r.access.includes('enterprise') ||
        r.access.includes('citizen');
      if (open) outsideReach.add(r.module);
    }
    const cases = modulesWithIsolationCases();
    const lacking = [...outsideReach].filter((m) => !cases.has(m) && !Object.hasOwn(NO_RECORDS_OF_OTHERS, m)).sort();
    expect(
      lacking,
      'add a describe("<module>: …") A-vs-B block to a test file in the module (or record-access.test.ts)',
    ).toEqual([]);
    // an exemption for a module nobody outside can reach, or that has a case anyway, is stale
    const stale = Object.keys(NO_RECORDS_OF_OTHERS).filter((m) => !outsideReach.has(m) || cases.has(m));
    expect(stale).toEqual([]);
  });
});
