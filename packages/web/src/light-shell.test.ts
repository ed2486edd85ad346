// Issue 8 §5: the public home must not pull the whole antd core. The bundler puts in the chunks a
// page loads exactly what its entry reaches through static imports (an `import()` starts a chunk
// of its own), so walking those imports from main.tsx and the home's lazy page tells, without a
// build, whether opening `/` would fetch antd.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;

/**
 * The files an eager `import.meta.glob('./dir/*\/name.tsx', { eager: true })` pulls in: Vite turns it
 * into static imports, so the walk must follow them (only a single `*` folder segment is used here).
 */
function eagerGlobImports(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/import\.meta\.glob[^(]*\(\s*'([^']+)'\s*,\s*\{[^}]*eager:\s*true/g)) {
    const [before, after] = (m[1] as string).split('/*/');
    if (before === undefined || after === undefined) throw new Error(`${file}: unsupported glob ${m[1]}`);
    const dir = path.resolve(path.dirname(file), before);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, after))) {
        out.push(`${before}/${entry.name}/${after}`);
      }
    }
  }
  return out;
}

/** The specifiers a module loads when it is evaluated: static imports and re-exports, not `import()` or types. */
function staticImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const out: string[] = eagerGlobImports(file, text);
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    }
    if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push(node.moduleSpecifier.text);
    }
  }
  return out;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The folder Node would load package `name` from, looking up from `fromDir` (nested copies first). */
function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** antd itself, or a package that brings it in through its own dependencies. */
function bringsAntd(name: string, fromDir: string, seen = new Set<string>()): boolean {
  if (name === 'antd') return true;
  const dir = packageDir(name, fromDir);
  // An optional peer that is not installed cannot be loaded either.
  if (!dir || seen.has(dir)) return false;
  seen.add(dir);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  return deps.some((d) => bringsAntd(d, dir, seen));
}

/** Every source module and npm package reached from `roots` through static imports, with the chain to it. */
function reach(roots: string[]): { modules: Map<string, string[]>; packages: Map<string, string[]> } {
  const modules = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const queue: [string, string[]][] = roots.map((r) => [path.resolve(SRC, r), [r]]);
  while (queue.length > 0) {
    const [file, chain] = queue.shift() as [string, string[]];
    if (modules.has(file)) continue;
    modules.set(file, chain);
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue; // CSS: no imports of its own
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        if (!fs.existsSync(target)) throw new Error(`${file} imports ${spec}, which does not exist`);
        queue.push([target, [...chain, path.relative(SRC, target)]]);
      } else if (!spec.startsWith('virtual:')) {
        const name = packageName(spec);
        if (!packages.has(name)) packages.set(name, [...chain, spec]);
      }
    }
  }
  return { modules, packages };
}

function antdChains(roots: string[]): string[] {
  const { packages } = reach(roots);
  return [...packages]
    .filter(([name]) => {
      if (!packageDir(name, SRC)) throw new Error(`package ${name} is not installed`);
      return bringsAntd(name, SRC);
    })
    .map(([, chain]) => chain.join(' → '));
}

describe('the public home loads no antd', () => {
  it('index.html’s entry and the home page reach no antd through static imports', () => {
    expect(antdChains(['main.tsx', 'pages/home/HomePage.tsx'])).toEqual([]);
  });

  it('the entry reaches the home’s frame and routes, so the walk above covers what `/` runs', () => {
    const { modules } = reach(['main.tsx']);
    const reached = [...modules.keys()].map((m) => path.relative(SRC, m));
    // and the features' route files, whose menu icons load with the entry
    expect(reached).toEqual(
      expect.arrayContaining(['App.tsx', 'layouts/LightLayout.tsx', 'routes.tsx', 'pages/enterprises/routes.tsx']),
    );
  });

  it('finds antd where it is imported, directly or through another module', () => {
    expect(antdChains(['layouts/PublicLayout.tsx'])).toEqual(['layouts/PublicLayout.tsx → antd']);
    // errors.ts imports antd's types only (skipped), and antd's message through feedback.tsx
    expect(antdChains(['api/errors.ts'])).toEqual(['api/errors.ts → components/feedback.tsx → antd']);
  });
});
