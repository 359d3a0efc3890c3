import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

const SRC = join(PROJECT_ROOT, 'src');

/** Every `.ts` and `.astro` file under `dir`, as absolute paths. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** A module's text without its comments (those that start a line), which may name anything. */
function withoutComments(text: string): string {
  return text.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '').replace(/^\s*\*.*$/gm, '');
}

/**
 * The relative modules a file imports: `import … from`, `export … from`, `import type`,
 * `import './x.ts'` and `import('./x.ts')`. Type-only imports count: a cycle of types is still
 * two modules that cannot be read one before the other. Comments are left out.
 * @example relativeImports("import { type A } from './a.ts';\nexport * from '../b.ts';") → ['./a.ts', '../b.ts']
 */
function relativeImports(text: string): string[] {
  const code = withoutComments(text);
  const patterns = [/\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1] ?? '')).filter((specifier) => specifier.startsWith('.'));
}

/** Each module of `src/` and the modules of `src/` it imports, paths relative to `src/`. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const targets = relativeImports(readFileSync(file, 'utf8'))
      .map((specifier) => resolve(dirname(file), specifier))
      .filter((target) => target.startsWith(SRC + '/'))
      .map((target) => relative(SRC, target));
    graph.set(relative(SRC, file), [...new Set(targets)].sort());
  }
  return graph;
}

/**
 * The cycles a depth-first walk meets: one per edge back to a module still on the walk's stack,
 * written `a → b → a`. An acyclic graph has none.
 */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (node: string) => {
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (onStack.has(next)) cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      else if (!done.has(next)) visit(next);
    }
    stack.pop();
    onStack.delete(node);
    done.add(node);
  };
  for (const node of [...graph.keys()].sort()) if (!done.has(node)) visit(node);
  return cycles;
}

it('reads every kind of relative import the codebase writes', () => {
  const text = [
    "import { a, type B } from './a.ts';",
    'import type {',
    '  C,',
    "} from '../c.ts';",
    "export { d } from './d.ts';",
    "export * from './e.ts';",
    "import './f.ts';",
    "const g = await import('./g.ts');",
    "import { h } from 'node:fs';",
    "// import { i } from './i.ts';",
  ].join('\n');
  expect(relativeImports(text).sort()).toEqual(['../c.ts', './a.ts', './d.ts', './e.ts', './f.ts', './g.ts']);
  expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual(['a → b → c → a']);
});

// A module that imports, even only a type, from a module that imports it back has no place in
// the data flow to be read in: move the shared part to the module it belongs to.
it('has no import cycles in src/', () => {
  const graph = importGraph();
  expect(graph.size).toBeGreaterThan(100);
  expect(findCycles(graph)).toEqual([]);
});

/**
 * What a module reads or does that only a command's entry point may: the environment, the
 * working directory, exiting, and state shared through `globalThis`.
 * @example hiddenState("const dir = process.cwd();") → ['process.cwd']
 */
function hiddenState(text: string): string[] {
  const code = withoutComments(text);
  return [/\bprocess\.env\b/g, /\bprocess\.cwd\b/g, /\bprocess\.exit\b/g, /\bglobalThis\b/g].flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[0]));
}

it('finds every kind of hidden state a module can reach for', () => {
  const text = ["const a = process.env['X'];", 'const b = process.cwd();', 'process.exit(1);', 'globalThis.x = 1;', '// process.env in a comment', ' * process.cwd() in a doc comment'].join('\n');
  expect(hiddenState(text)).toEqual(['process.env', 'process.cwd', 'process.exit', 'globalThis']);
});

// Only the entry points (scripts/, astro.config.mjs) read the environment and the working
// directory, and exit: everything in src/ takes an ErrataContext and throws. The pages get what
// the integration loaded through one virtual module, the one use of globalThis.
it('keeps src/ free of the environment, the working directory, exits and global state', () => {
  const found = sourceFiles(SRC).flatMap((file) => hiddenState(readFileSync(file, 'utf8')).map((use) => `${relative(SRC, file)}: ${use}`));
  expect(found).toEqual(['integrations/session-module.ts: globalThis', 'integrations/session-module.ts: globalThis']);
});

// Pure logic stays testable without Astro: nothing in src/lib imports Astro or the integration.
it('keeps Astro out of src/lib', () => {
  const libFiles = sourceFiles(join(SRC, 'lib'));
  expect(libFiles.length).toBeGreaterThan(100);
  const astro = libFiles.filter((file) => /\bfrom\s*['"]astro[/'"]/.test(withoutComments(readFileSync(file, 'utf8'))) || importGraph().get(relative(SRC, file))?.some((target) => !target.startsWith('lib/')));
  expect(astro.map((file) => relative(SRC, file))).toEqual([]);
});
