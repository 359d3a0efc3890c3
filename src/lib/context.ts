/**
 * Where an errata command works: the project, the content tree and its config, the output and
 * the JSON report. Each command's entry point (`scripts/*.ts`, `astro.config.mjs`) decides it
 * once, from its flags, the environment and package.json; everything else takes it as an
 * argument and reads neither the environment nor the working directory.
 *
 * The environment: `ERRATA_CONTENT_DIR` (the tree; `content/` by default), `ERRATA_CONFIG` (a
 * config outside the tree, as a migrated Jekyll site keeps `jekyll_config.yml` beside its docs;
 * `"errata": { "config": … }` in package.json does the same for every command), `ERRATA_OUT_DIR`
 * (`dist/` by default) and `ERRATA_REPORT` (`errata-report.json` beside the output folder).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

export interface ErrataContext {
  /** The project: package.json, the build caches, and what shown paths are relative to. */
  readonly rootDir: string;
  readonly contentDir: string;
  /** The config named outside the tree; undefined: `<contentDir>/_config.yml`. */
  readonly configFile: string | undefined;
  readonly outDir: string;
  readonly reportFile: string;
}

/** What a command's own flags set, before the environment is asked. */
export interface ContextFlags {
  readonly contentDir?: string | undefined;
  readonly configFile?: string | undefined;
  readonly reportFile?: string | undefined;
}

/** The context of a command started in `cwd` with `env` and `flags`. */
export function contextFromEnvironment(env: NodeJS.ProcessEnv, cwd: string, flags: ContextFlags = {}): ErrataContext {
  const at = (path: string) => resolve(cwd, path);
  const outDir = at(env['ERRATA_OUT_DIR'] || 'dist');
  const configFile = flags.configFile ?? (env['ERRATA_CONFIG'] || packageSetting(cwd));
  return {
    rootDir: resolve(cwd),
    contentDir: at(flags.contentDir ?? (env['ERRATA_CONTENT_DIR'] || 'content')),
    configFile: configFile ? at(configFile) : undefined,
    outDir,
    reportFile: at(flags.reportFile ?? (env['ERRATA_REPORT'] || join(dirname(outDir), 'errata-report.json'))),
  };
}

/** The site's config file: the one named, or the tree's own `_config.yml`. */
export function siteConfigPath(context: Pick<ErrataContext, 'contentDir' | 'configFile'>): string {
  return context.configFile ?? join(context.contentDir, '_config.yml');
}

function packageSetting(cwd: string): string | undefined {
  const path = join(cwd, 'package.json');
  if (!existsSync(path)) return undefined;
  try {
    const config = (JSON.parse(readFileSync(path, 'utf8')) as { errata?: { config?: unknown } }).errata?.config;
    return typeof config === 'string' && config.trim() !== '' ? config : undefined;
  } catch {
    // npm itself reports a broken package.json before any script runs.
    return undefined;
  }
}

/** A path as the terminal shows it: relative to `rootDir` when it is inside it. */
export function shownPath(path: string, rootDir: string): string {
  const shown = relative(rootDir, path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}
