import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { lockDataDir } from './lock.ts';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-lock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('data folder lock (PGlite has none of its own)', () => {
  it('refuses a second process on the same folder with a clear message, and frees it on release', async () => {
    const release = lockDataDir(dir);
    const script = `import { lockDataDir } from ${JSON.stringify(path.resolve(import.meta.dirname, 'lock.ts'))}; lockDataDir(${JSON.stringify(dir)}); console.log('locked');`;
    const second = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]).catch(
      (e) => e,
    );
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('正被进程');
    expect(second.stderr).toContain(String(process.pid));
    release();
    const third = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect(third.stdout).toContain('locked');
  });

  it('takes over a stale lock left by a dead process', () => {
    fs.writeFileSync(path.join(dir, 'qingshan.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'qingshan.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});

describe('configuration', () => {
  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', QINGSHAN_DEMO: 'yes' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('QINGSHAN_DEMO');
    }
  });
});
