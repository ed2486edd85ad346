import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../src/issues.ts';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** The README's "Issue codes" section. */
const section = readme.slice(
  readme.indexOf('## Issue codes'),
  readme.indexOf('\n## ', readme.indexOf('## Issue codes') + 1),
);

/** Codes listed in the README's issue table: rows starting with | `CODE` |. */
function readmeCodes(): string[] {
  // The formatter pads table cells, hence the \s*.
  return [...section.matchAll(/^\| `([A-Z_]+)`\s*\|/gm)].map((m) => m[1]!);
}

describe('documentation stays in step with the code', () => {
  it('lists every issue code in the README, and no other', () => {
    expect(readmeCodes().sort()).toEqual(Object.keys(ISSUE_CODES).sort());
  });

  it('documents every code the sources report', () => {
    const used = new Set<string>();
    for (const file of sources(join(root, 'src'))) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:add|makeIssue|skip|problem|note)\(\s*'([A-Z_]+)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/code: '([A-Z_]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(15);
    const documented = new Set(readmeCodes());
    for (const code of used) expect(documented.has(code), code).toBe(true);
  });

  it('gives the kind of each code in the README as in ISSUE_CODES', () => {
    for (const [code, { kind }] of Object.entries(ISSUE_CODES)) {
      const row = section.split('\n').find((l) => new RegExp(`^\\| \`${code}\`\\s*\\|`).test(l));
      expect(row, code).toMatch(new RegExp(`\\|\\s*${kind}\\s*\\|`));
    }
  });
});
