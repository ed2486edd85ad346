// Run by `npm start` before the server: builds the web app only when its sources changed since the
// last build (a content hash kept beside the build), so a restart does not spend half a minute of
// CPU rebuilding what is already there.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
export const STAMP = '.source-hash';

/** What the web build reads: its own sources and config, and core (which the web imports). */
export const WEB_INPUTS = [
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/web/package.json',
  'packages/web/src',
  'packages/web/public',
  'packages/core/src',
  'packages/core/package.json',
  'package-lock.json',
];

function files(root: string, rel: string): string[] {
  const p = path.join(root, rel);
  if (!fs.existsSync(p)) return [];
  if (!fs.statSync(p).isDirectory()) return [rel];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .filter((e) => !/\.test\.tsx?$/.test(e.name))
    .flatMap((e) => files(root, path.join(rel, e.name)));
}

/** Hash of every input's path and content, in a fixed order. */
export function webSourcesHash(root = ROOT, inputs = WEB_INPUTS): string {
  const h = createHash('sha256');
  for (const rel of inputs.flatMap((i) => files(root, i)).sort()) {
    h.update(rel.split(path.sep).join('/'));
    h.update('\0');
    h.update(fs.readFileSync(path.join(root, rel)));
    h.update('\0');
  }
  return h.digest('hex');
}

export function webBuildIsCurrent(distDir: string, hash: string): boolean {
  const stamp = path.join(distDir, STAMP);
  return (
    fs.existsSync(path.join(distDir, 'index.html')) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8').trim() === hash
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dist = path.join(ROOT, 'packages/web/dist');
  const hash = webSourcesHash();
  if (webBuildIsCurrent(dist, hash)) {
    console.log('网页已是最新，跳过构建 / web app up to date, not rebuilt');
  } else {
    const r = spawnSync('npm', ['run', 'build', '-w', 'packages/web'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
    fs.writeFileSync(path.join(dist, STAMP), `${hash}\n`);
  }
}
