import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STAMP, webBuildIsCurrent, webSourcesHash } from './build-web.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-build-web-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};

describe('npm start builds the web app only when its sources changed', () => {
  it('the hash follows content and names, not tests or untracked outputs', () => {
    const inputs = ['web/src', 'web/index.html', 'core/src'];
    write('web/src/App.tsx', 'a');
    write('web/index.html', '<html>');
    write('core/src/rules.ts', 'r');
    const first = webSourcesHash(root, inputs);
    expect(webSourcesHash(root, inputs)).toBe(first);
    write('web/src/App.test.tsx', 'a test');
    write('web/dist/index.html', 'built');
    expect(webSourcesHash(root, inputs)).toBe(first);
    write('core/src/rules.ts', 'r2');
    const second = webSourcesHash(root, inputs);
    expect(second).not.toBe(first);
    fs.renameSync(path.join(root, 'web/src/App.tsx'), path.join(root, 'web/src/Main.tsx'));
    expect(webSourcesHash(root, inputs)).not.toBe(second);
  });

  it('a build is current only with its index.html and the same stamp', () => {
    const dist = path.join(root, 'dist-check');
    fs.mkdirSync(dist, { recursive: true });
    expect(webBuildIsCurrent(dist, 'h1')).toBe(false);
    fs.writeFileSync(path.join(dist, STAMP), 'h1\n');
    expect(webBuildIsCurrent(dist, 'h1')).toBe(false);
    fs.writeFileSync(path.join(dist, 'index.html'), '<html>');
    expect(webBuildIsCurrent(dist, 'h1')).toBe(true);
    expect(webBuildIsCurrent(dist, 'h2')).toBe(false);
  });
});
