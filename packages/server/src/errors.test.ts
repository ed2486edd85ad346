import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.ts';
import { MODULES } from './modules/index.ts';
import { buildRegistry } from './platform/registry.ts';

// platform codes (errors.ts) and the codes each module declares in its own errors.ts
const ALL_CODES: Record<string, { status: number }> = {
  ...ERROR_CODES,
  ...Object.fromEntries(buildRegistry(MODULES).errors),
};

// docs/errors.md is the contract clients read; this keeps it and the code in step both ways
// (cells may be padded: the formatter aligns Markdown tables).
describe('error code documentation', () => {
  const doc = fs.readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const documented = new Map(
    [...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [m[1]!, Number(m[2])] as const),
  );

  it('documents every code with its status', () => {
    for (const [code, entry] of Object.entries(ALL_CODES)) {
      expect(documented.get(code), code).toBe(entry.status);
    }
  });

  it('documents no code that does not exist', () => {
    for (const code of documented.keys()) expect(Object.keys(ALL_CODES)).toContain(code);
  });

  it('uses only documented codes in the source', () => {
    const src = fs.readdirSync(new URL('.', import.meta.url), { recursive: true, encoding: 'utf8' });
    for (const file of src.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = fs.readFileSync(new URL(file, import.meta.url), 'utf8');
      for (const m of text.matchAll(/new AppError\('([A-Z_]+)'/g))
        expect(documented.has(m[1]!), `${file}: ${m[1]}`).toBe(true);
    }
  });
});
