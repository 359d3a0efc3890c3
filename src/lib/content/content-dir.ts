/**
 * Where the content tree and its config are. The tree is `content/` in the working directory,
 * unless `ERRATA_CONTENT_DIR` names another folder (the tests build fixture trees this way).
 * Its config is `<tree>/_config.yml`, unless one is named outside the tree — a migrated
 * Jekyll site keeps it beside its docs folder (`jekyll_config.yml`) — by `ERRATA_CONFIG`
 * (which `--config` sets) or by `"errata": { "config": … }` in package.json, relative to the
 * working directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

export function contentDir(): string {
  return resolve(process.env['ERRATA_CONTENT_DIR'] ?? join(process.cwd(), 'content'));
}

/** The config file named outside the tree, if any; undefined: `<tree>/_config.yml`. */
export function configFile(): string | undefined {
  const named = process.env['ERRATA_CONFIG'] || packageSetting();
  return named ? resolve(named) : undefined;
}

function packageSetting(): string | undefined {
  const path = join(process.cwd(), 'package.json');
  if (!existsSync(path)) return undefined;
  try {
    const config = (JSON.parse(readFileSync(path, 'utf8')) as { errata?: { config?: unknown } }).errata?.config;
    return typeof config === 'string' && config.trim() !== '' ? config : undefined;
  } catch {
    // npm itself reports a broken package.json before any script runs.
    return undefined;
  }
}

/**
 * Where the JSON report of a check or build goes: `ERRATA_REPORT`, else `errata-report.json`
 * beside the output folder (`dist/`, or `ERRATA_OUT_DIR`), which is the working directory.
 */
export function reportFile(): string {
  return resolve(process.env['ERRATA_REPORT'] ?? join(dirname(resolve(process.env['ERRATA_OUT_DIR'] ?? 'dist')), 'errata-report.json'));
}

/** A path as the terminal shows it: relative to the working directory when it is inside it. */
export function shownPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}
