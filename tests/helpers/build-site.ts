/**
 * Builds a content tree with the real `astro build` (in a child process, as `npm run build`
 * does) into its own output folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { listFiles } from '../../src/lib/build/list-files.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** The migrated Jekyll tree of tests/fixtures/jekyll-tree: its docs folder and its config beside it. */
export const JEKYLL_TREE = {
  contentDir: join(PROJECT_ROOT, 'tests/fixtures/jekyll-tree/content'),
  configFile: join(PROJECT_ROOT, 'tests/fixtures/jekyll-tree/jekyll_config.yml'),
} as const;

/**
 * A fresh folder for one suite's builds, under `tests/.tmp/` (git-ignored). Builds must write
 * inside the project: for an outDir elsewhere Astro stages pages in the shared `.astro/.prerender`,
 * and two builds at once (test files run in parallel) delete each other's chunks.
 */
export function makeWorkDir(prefix: string): string {
  const parent = join(PROJECT_ROOT, 'tests/.tmp');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, prefix));
}

export interface BuildResult {
  readonly status: number | null;
  readonly output: string;
  readonly outDir: string;
}

/** What a build may be told besides its folders. */
export interface BuildOptions {
  /** The site's config, when it is not `<contentDir>/_config.yml` (ERRATA_CONFIG). */
  readonly configFile?: string;
}

/** The JSON report of a build into `outDir` (written beside it). */
export function reportPath(outDir: string): string {
  return join(resolve(outDir), '..', 'errata-report.json');
}

export function buildSite(contentDir: string, outDir: string, options: BuildOptions = {}): BuildResult {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ERRATA_CONTENT_DIR: resolve(contentDir),
      ERRATA_OUT_DIR: resolve(outDir),
      ...(options.configFile ? { ERRATA_CONFIG: resolve(options.configFile) } : {}),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`), outDir: resolve(outDir) };
}

/** Every file under `dir` with the hash of its bytes: equal digests are byte-identical folders. */
export function folderDigest(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}
