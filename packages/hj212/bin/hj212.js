#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build -w packages/hj212`, which `npm ci` runs). In a checkout
// where dist/ has not been built, falls back to the TypeScript sources through tsx (a dev dependency).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
