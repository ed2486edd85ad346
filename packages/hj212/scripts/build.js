#!/usr/bin/env node
// Compiles src/ to dist/ (JavaScript + declarations) so that plain Node, without tsx, can use the package.
// Run by `npm ci`/`npm install` at the repository root through this package's `prepare` script.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // A production install (`npm ci --omit=dev`) has no TypeScript: say so plainly instead of failing the install.
  console.warn('@qingshan/hj212: TypeScript is not installed, dist/ was not built (install dev dependencies).');
  process.exit(0);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
process.exit(r.status ?? 1);
