/**
 * Reads what a Jekyll-style tree keeps beside its pages: `_config.yml` (site settings and
 * locales), `_data/*.yml` (site data, as `site.data.NAME`) and `_includes/NAME` (Liquid includes).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { DEFAULT_LOCALE_NAMES, makeLocaleConfig, type LocaleConfig } from '../i18n/locales.ts';
import { type DiagnosticSink, START } from './diagnostic.ts';
import { normaliseSource } from './front-matter.ts';
import { UNCATEGORIZED_KEY } from '../routing/routes.ts';
import { CATEGORY_PATTERN } from './schema.ts';
import { type ErrataSettings, type PositionOf, readErrataSettings } from './settings.ts';

export interface SiteSources {
  /** `_config.yml` merged with `data`: what `{{ site.* }}` sees. */
  readonly site: Readonly<Record<string, unknown>>;
  readonly localeConfig: LocaleConfig;
  /** Absolute URL the site is served from, without a trailing slash. */
  readonly siteUrl: string;
  readonly includes: ReadonlyMap<string, string>;
  /** Category keys and their labels per locale, from `_data/categories.yml`, if present. */
  readonly categories: ReadonlyMap<string, Readonly<Record<string, string>>> | undefined;
  /** `og_image`: the default link-preview image, as an absolute URL. */
  readonly ogImage: string | undefined;
  /** `edit_url_base`: the URL of `content/` in the repository's web editor, ending in `/`. */
  readonly editUrlBase: string | undefined;
  /** The `errata:` block: broken-link levels, layout names, extra front-matter fields. */
  readonly settings: ErrataSettings;
}

const DEFAULT_SITE_URL = 'http://localhost:4321';

/** Parses a YAML file, reporting syntax errors at their position. */
export function readYamlFile(path: string, file: string, sink: DiagnosticSink): unknown {
  return readYamlWithPositions(path, file, sink).value;
}

/** A YAML file's value, and where each of its keys or items is written (1:1 when unknown). */
export function readYamlWithPositions(path: string, file: string, sink: DiagnosticSink): { value: unknown; positionOf: PositionOf } {
  const lineCounter = new LineCounter();
  const document = parseDocument(normaliseSource(readFileSync(path, 'utf8')), { lineCounter, prettyErrors: false });
  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    sink.error(file, { line, column: col }, 'data-yaml', `YAML syntax error: ${error.message.split('\n')[0]}.`);
  }
  const positionOf: PositionOf = (keys) => {
    const node = document.getIn(keys, true);
    const range = isNode(node) ? node.range : undefined;
    if (!range) return START;
    const { line, col } = lineCounter.linePos(range[0]);
    return { line, column: col };
  };
  return { value: document.errors.length > 0 ? undefined : document.toJS({ maxAliasCount: 50 }), positionOf };
}

/**
 * `_data/` as Jekyll reads it: `NAME.yml` is `site.data.NAME`, and a folder is a nested key,
 * so `_data/ja/toc_text.yml` is `site.data.ja.toc_text`.
 */
function readDataFolder(dir: string, display: (path: string) => string, sink: DiagnosticSink): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) {
      const nested = readDataFolder(path, display, sink);
      const existing = data[name];
      data[name] = isRecord(existing) ? { ...existing, ...nested } : nested;
      continue;
    }
    const match = /^(.+)\.ya?ml$/.exec(name);
    if (!match?.[1]) continue;
    const value = readYamlFile(path, display(path), sink);
    const existing = data[match[1]];
    data[match[1]] = isRecord(existing) && isRecord(value) ? { ...value, ...existing } : value;
  }
  return data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function loadSiteSources(contentDir: string, rootDir: string, sink: DiagnosticSink): SiteSources {
  const display = (path: string) => relative(rootDir, path).split('\\').join('/');

  const configPath = join(contentDir, '_config.yml');
  const { value: config, positionOf } = existsSync(configPath)
    ? readYamlWithPositions(configPath, display(configPath), sink)
    : { value: {}, positionOf: () => START };
  const settings: Record<string, unknown> = isRecord(config) ? { ...config } : {};
  if (config !== undefined && !isRecord(config)) {
    sink.error(display(configPath), START, 'config-invalid', '_config.yml must be a set of "key: value" settings.');
  }

  const dataDir = join(contentDir, '_data');
  const data = existsSync(dataDir) ? readDataFolder(dataDir, display, sink) : {};

  const includes = new Map<string, string>();
  const includesDir = join(contentDir, '_includes');
  if (existsSync(includesDir)) {
    for (const name of readdirSync(includesDir).sort()) {
      const path = join(includesDir, name);
      if (statSync(path).isFile()) includes.set(name, normaliseSource(readFileSync(path, 'utf8')));
    }
  }

  const localeConfig = readLocaleConfig(settings, display(configPath), sink);
  const categories = readCategories(data['categories'], display(join(dataDir, 'categories.yml')), sink);
  const siteUrl = String(settings['url'] ?? DEFAULT_SITE_URL).replace(/\/+$/, '');
  const ogImage = readUrlSetting(settings, 'og_image', siteUrl, display(configPath), sink);
  const editUrl = readUrlSetting(settings, 'edit_url_base', siteUrl, display(configPath), sink);
  const editUrlBase = editUrl === undefined || editUrl.endsWith('/') ? editUrl : `${editUrl}/`;

  const errata = readErrataSettings(settings, display(configPath), positionOf, sink);

  return { site: { ...settings, data }, localeConfig, siteUrl, includes, categories, ogImage, editUrlBase, settings: errata };
}

/**
 * A setting that holds a URL: absolute (`https://…`) or a path on this site (`/og.png`),
 * returned absolute. Anything else is reported and ignored.
 */
function readUrlSetting(settings: Record<string, unknown>, key: string, siteUrl: string, file: string, sink: DiagnosticSink): string | undefined {
  const value = settings[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && /^(https?:\/\/|\/)/i.test(value)) {
    try {
      return new URL(value, `${siteUrl}/`).href;
    } catch {
      // Reported below, as any other value that is not a URL.
    }
  }
  sink.error(file, START, 'config-value', `"${key}" must be an absolute URL (https://…) or a path on this site (/…), but it is ${JSON.stringify(value)}.`);
  return undefined;
}

function readLocaleConfig(settings: Record<string, unknown>, file: string, sink: DiagnosticSink): LocaleConfig {
  const languages = settings['languages'] ?? DEFAULT_LOCALE_NAMES;
  const defaultLang = settings['default_lang'] ?? (Array.isArray(languages) ? languages[0] : undefined) ?? 'en';
  if (!Array.isArray(languages) || languages.length === 0 || !languages.every((name) => typeof name === 'string' && /^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/.test(name))) {
    sink.error(file, START, 'config-languages', '"languages" must be a list of locale names such as ["en", "ja", "zh_CN"].');
    return makeLocaleConfig(DEFAULT_LOCALE_NAMES, 'en');
  }
  try {
    return makeLocaleConfig(languages as string[], String(defaultLang));
  } catch (error) {
    sink.error(file, START, 'config-default-lang', `${(error as Error).message}. Set "default_lang" to one of them.`);
    return makeLocaleConfig(languages as string[], String(languages[0]));
  }
}

function readCategories(
  value: unknown,
  file: string,
  sink: DiagnosticSink,
): ReadonlyMap<string, Readonly<Record<string, string>>> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    sink.error(file, START, 'categories-invalid', 'categories.yml must map each category key to its labels per locale, e.g. "python: { en: Python }".');
    return undefined;
  }
  const categories = new Map<string, Record<string, string>>();
  for (const [key, labels] of Object.entries(value)) {
    // Keys become URL segments (`/<locale>/category/<key>/`); `other` is the uncategorised page's.
    if (!CATEGORY_PATTERN.test(key) || key === UNCATEGORIZED_KEY) {
      sink.error(
        file,
        START,
        'categories-invalid',
        key === UNCATEGORIZED_KEY
          ? `The category key "${key}" is reserved for entries without a category. Choose another key.`
          : `Invalid category key "${key}": use lowercase letters, digits, ".", "_" and "-" only, such as "python".`,
      );
      continue;
    }
    const labelMap: Record<string, string> = {};
    if (isRecord(labels)) {
      for (const [locale, label] of Object.entries(labels)) labelMap[locale] = String(label);
    } else if (typeof labels === 'string') {
      labelMap['*'] = labels;
    }
    categories.set(key, labelMap);
  }
  return categories;
}
