import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The package is published as compiled JavaScript (dist/, built by `npm run build`, which `npm ci` runs through
// the `prepare` script): plain Node must be able to import it, without tsx. Built here from the current sources.
const pkg = join(import.meta.dirname, '..');
const repo = join(pkg, '..', '..');
/** The environment of a plain `node`: no loader that could compile TypeScript behind our back. */
const env = { ...process.env, NODE_OPTIONS: '' };

function node(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, args, { cwd, env, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('compiled package (dist/) under plain node', () => {
  beforeAll(() => {
    // tsc straight into dist/ (what `npm run build` runs, minus its clean-up), so that nothing importing dist/
    // at the same time finds it missing.
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const r = node([tsc, '-p', join(pkg, 'tsconfig.build.json')], pkg);
    expect(r.err + r.out).not.toMatch(/error TS/);
    expect(r.code).toBe(0);
  }, 240_000);

  it('node -e "import(\'@qingshan/hj212\')" works from the repository root', () => {
    const r = node(['-e', "import('@qingshan/hj212').then((m) => console.log(typeof m.decodeFrame))"], repo);
    expect(r.err).toBe('');
    expect(r.out.trim()).toBe('function');
  });

  it('an ESM script imports the package and its simulator entry, resolved to dist/', () => {
    const r = node([join(pkg, 'test', 'fixtures', 'plain-node.mjs')], pkg);
    expect(r.err).toBe('');
    const out = JSON.parse(r.out);
    expect(out.resolved).toMatch(/\/packages\/hj212\/dist\/index\.js$/);
    expect(out).toMatchObject({ ok: true, cn: '2051', streamed: [true] });
  });

  it('the hj212 command runs from dist/', () => {
    const frame =
      '##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n';
    const r = node([join(pkg, 'bin', 'hj212.js'), 'decode'], pkg, frame);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, header: { CN: '1062' } });
  });
});
