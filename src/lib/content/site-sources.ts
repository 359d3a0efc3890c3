/**
 * Reads what a Jekyll-style tree keeps beside its pages: its config (`_config.yml`, or a file
 * named outside the tree, as Jekyll's `--config`), `_data/*.yml` (site data, as `site.data.NAME`)
 * and `_includes/NAME` (Liquid includes).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isNode, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { DEFAULT_LOCALE_NAMES, makeLocaleConfig, type LocaleConfig } from '../i18n/locales.ts';
import { type DiagnosticSink, START } from '../validation/diagnostic.ts';
import { normaliseSource } from './front-matter.ts';
import { UNCATEGORIZED_KEY } from '../routing/routes.ts';
import { CATEGORY_PATTERN } from '../validation/front-matter-schema.ts';
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
  /**
   * `edit_url_base` (or Jekyll themes' `github_editme_path`): the URL of `content/` in the
   * repository's web editor, ending in `/`.
   */
  readonly editUrlBase: string | undefined;
  /** The config file read, as messages show it. */
  readonly configFile: string;
  /** Config keys left out of `site` because they hold the old theme's HTML. */
  readonly themeHtmlKeys: readonly string[];
  /** Jekyll's `exclude:`: content paths that are neither pages nor files of the site (see `exclude.ts`). */
  readonly exclude: readonly string[];
  /** The `errata:` block: broken-link levels, layout names, extra front-matter fields. */
  readonly settings: ErrataSettings;
}

const DEFAULT_SITE_URL = 'http://localhost:4321';

/** Parses a YAML file, reporting syntax errors at their position. */
export function readYamlFile(path: string, file: string, sink: DiagnosticSink): unknown {
  return readYamlWithPositions(path, file, sink).value;
}

/**
 * A YAML file's value, and where each of its keys or items is written (1:1 when unknown). A key
 * written twice in one mapping is a warning naming both lines; the last one wins, as in Jekyll.
 */
export function readYamlWithPositions(path: string, file: string, sink: DiagnosticSink): { value: unknown; positionOf: PositionOf } {
  const lineCounter = new LineCounter();
  const document = parseDocument(normaliseSource(readFileSync(path, 'utf8')), { lineCounter, prettyErrors: false, uniqueKeys: false });
  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    sink.error(file, { line, column: col }, 'data-yaml', `YAML syntax error: ${error.message.split('\n')[0]}.`);
  }
  visit(document, {
    Map(_key, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const name = String(pair.key.value);
        const { line, col } = lineCounter.linePos(pair.key.range[0]);
        const first = seen.get(name);
        if (first !== undefined) {
          sink.warning(file, { line, column: col }, 'data-duplicate-key', `The key "${name}" is written twice in this mapping: on line ${first} and on line ${line}. The value on line ${line} is used, as Jekyll does; delete the other one.`);
        }
        seen.set(name, line);
      }
    },
  });
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

/**
 * Config keys of Jekyll themes that hold raw HTML for the old theme's pages (`custom_pre_content`
 * and the like). They mean nothing here, and no page may print them: raw HTML from a config
 * would reach every page unchecked.
 */
const THEME_HTML_KEYS = new Set(['additional_head_html', 'additional_body_html', 'custom_pre_content', 'custom_post_content', 'custom_head', 'custom_footer', 'head_custom', 'footer_content']);
/** Keys errata reads itself: never taken for theme HTML. */
const OWN_KEYS = new Set(['title', 'description', 'url', 'languages', 'default_lang', 'exclude', 'og_image', 'edit_url_base', 'github_editme_path', 'liquid', 'errata']);
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/i;

function isThemeHtml(key: string, value: unknown): boolean {
  if (OWN_KEYS.has(key)) return false;
  return THEME_HTML_KEYS.has(key) || key.endsWith('_html') || (typeof value === 'string' && HTML_TAG.test(value));
}

/**
 * The sources of the tree in `contentDir`. `configPath` names its config when it is not
 * `contentDir/_config.yml` (a migrated tree's `jekyll_config.yml`, kept outside the tree).
 */
export function loadSiteSources(contentDir: string, rootDir: string, sink: DiagnosticSink, configPath = join(contentDir, '_config.yml')): SiteSources {
  const display = (path: string) => relative(rootDir, path).split('\\').join('/');

  const treeConfig = join(contentDir, '_config.yml');
  const ownConfig = resolve(configPath) === resolve(treeConfig);
  if (!ownConfig && existsSync(treeConfig)) {
    sink.note(display(treeConfig), START, 'config-not-read', `This file is not read: the site's config is ${display(configPath)}. Move what it sets there.`);
  }
  if (!ownConfig && !existsSync(configPath)) {
    sink.error(display(configPath), START, 'config-invalid', `The config file ${display(configPath)} does not exist. Name an existing file, or leave the setting out to read ${display(treeConfig)}.`);
  }
  const { value: config, positionOf } = existsSync(configPath)
    ? readYamlWithPositions(configPath, display(configPath), sink)
    : { value: {}, positionOf: () => START };
  const settings: Record<string, unknown> = isRecord(config) ? { ...config } : {};
  if (config !== undefined && config !== null && !isRecord(config)) {
    sink.error(display(configPath), START, 'config-invalid', `${display(configPath)} must be a set of "key: value" settings.`);
  }
  const themeKeys = Object.keys(settings).filter((key) => isThemeHtml(key, settings[key]));
  if (themeKeys.length > 0) {
    for (const key of themeKeys) delete settings[key];
    sink.note(
      display(configPath),
      positionOf([themeKeys[0] ?? '']),
      'config-theme-html',
      `${themeKeys.join(', ')} ${themeKeys.length === 1 ? 'holds' : 'hold'} HTML for the old theme: errata ignores ${themeKeys.length === 1 ? 'it' : 'them'}, and pages cannot print ${themeKeys.length === 1 ? 'it' : 'them'}.`,
    );
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
  const editUrl = readUrlSetting(settings, 'edit_url_base', siteUrl, display(configPath), sink) ?? githubEditUrl(settings['github_editme_path']);
  const editUrlBase = editUrl === undefined || editUrl.endsWith('/') ? editUrl : `${editUrl}/`;

  const errata = readErrataSettings(settings, display(configPath), positionOf, sink);
  const exclude = readExclude(settings['exclude'], display(configPath), positionOf, sink);

  return { site: { ...settings, data }, localeConfig, siteUrl, includes, categories, ogImage, editUrlBase, configFile: display(configPath), themeHtmlKeys: themeKeys, exclude, settings: errata };
}

/**
 * Jekyll documentation themes' edit link: `github_editme_path` is `owner/repo/edit/branch/docs/`
 * on GitHub, to which the page's path is appended.
 */
function githubEditUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const path = value.trim();
  return /^https?:\/\//i.test(path) ? path : `https://github.com/${path.replace(/^\/+/, '')}`;
}

function readExclude(value: unknown, file: string, positionOf: PositionOf, sink: DiagnosticSink): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  sink.error(file, positionOf(['exclude']), 'config-value', '"exclude" must be a list of paths or patterns, e.g. [README.md, drafts/, "*.sh"].');
  return [];
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
