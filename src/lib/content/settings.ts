/**
 * The `errata:` block of `_config.yml`: the settings a migrated Jekyll tree may need, each
 * with a default that suits a tree written for errata. Read once per site; every bad value is
 * reported at its position and replaced by its default, so one run shows every problem.
 *
 * ```yaml
 * errata:
 *   on_broken_links: warn      # a link to a missing page or file: error (default), warn, ignore
 *   on_broken_images: error    # a missing image; defaults to on_broken_links
 *   on_broken_anchors: warn    # a #fragment no heading has: warn (default), error, ignore
 *   layouts:                   # layout names of the old theme, and what they render as
 *     tutorial: page           # entry, page, or auto (decided by the page's H1)
 *   ignore_front_matter: [author]  # more front-matter fields to accept without a meaning here
 *   redirects:                 # old paths of pages that no longer exist, and where they go now
 *     /old/removed-page/: /en/new-page/     # a page's URL, or a file: en/guides/new.md
 *   pages_per_search_index: 2000  # a language's search index in parts of about this many pages
 *                                 # (default: ⌈√pages / 20⌉ parts, see search/index-parts.ts)
 *   entry_folders: [troubleshooting]  # folders whose pages are error entries (below a language
 *                                     # folder or not); `kind: page` still keeps one out
 *   levels:                    # other rules' levels (see rules.ts): error, warn, ignore
 *     toc-page-missing: ignore
 * liquid:
 *   strict_variables: true     # Jekyll's own key: an unknown {{ variable }} is an error, not a
 *                              # warning and empty text (Jekyll's default, false)
 * ```
 */
import type { DiagnosticSink, Position, RuleLevel } from '../validation/diagnostic.ts';
import { levelRuleIds, ruleOf } from '../validation/rules.ts';

/** What happens to a rule's problems (a broken link, …): the build fails, prints a warning, or says nothing. */
export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warn', 'ignore'];

/**
 * What a layout renders as. `auto`: an error entry when its H1 is written as code (or it has
 * `errors:`), a documentation page otherwise — Jekyll trees use one layout for both.
 */
export type LayoutKind = 'entry' | 'page' | 'auto';
export const LAYOUT_KINDS: readonly LayoutKind[] = ['entry', 'page', 'auto'];

/** Layout names known without configuration: errata's own and those of common Jekyll themes. */
export const DEFAULT_LAYOUTS: Readonly<Record<string, LayoutKind>> = {
  /** Jekyll's usual name, used for error pages and guides alike. */
  default: 'auto',
  /** An error entry, named for what it is. */
  entry: 'entry',
  /** A documentation page, never listed in the catalog. */
  page: 'page',
  /** A theme's landing page (a language's start page, a product overview). */
  landing_page: 'page',
  /** Jekyll's home layout. */
  home: 'page',
};

export interface ErrataSettings {
  readonly onBrokenLinks: RuleLevel;
  readonly onBrokenImages: RuleLevel;
  readonly onBrokenAnchors: RuleLevel;
  /** Every layout name a page may use, the defaults and the configured ones. */
  readonly layouts: Readonly<Record<string, LayoutKind>>;
  /** Front-matter fields accepted in addition to the built-in Jekyll ones (see schema). */
  readonly ignoredFields: readonly string[];
  /** Old paths that redirect to a page, for pages that no longer exist to carry `redirect_from`. */
  readonly redirects: readonly ConfiguredRedirect[];
  /** About how many pages one part of a language's search index holds; undefined: the default number of parts (see `search/index-parts.ts`). */
  readonly pagesPerSearchIndex: number | undefined;
  /**
   * Folders (relative to `content/` or to a language's folder, `/`-separated) whose pages are
   * error entries without having to look like one: for trees that keep their error pages apart.
   */
  readonly entryFolders: readonly string[];
  /** Rule id → level, from `errata.levels`. */
  readonly levels: ReadonlyMap<string, RuleLevel>;
  /** Jekyll's `liquid: strict_variables`: an unknown variable is an error, not a warning. */
  readonly strictVariables: boolean;
}

export interface ConfiguredRedirect {
  readonly from: string;
  /** A page URL (`/en/foo/`, `#anchor` allowed) or a file under `content/` (`en/foo.md`). */
  readonly to: string;
  readonly at: Position;
}

export const DEFAULT_SETTINGS: ErrataSettings = {
  onBrokenLinks: 'error',
  onBrokenImages: 'error',
  onBrokenAnchors: 'warn',
  layouts: DEFAULT_LAYOUTS,
  ignoredFields: [],
  redirects: [],
  pagesPerSearchIndex: undefined,
  entryFolders: [],
  levels: new Map(),
  strictVariables: false,
};

/** A YAML mapping (not a list, not a scalar). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Where a key of `_config.yml` is written, by its path (`['errata', 'layouts']`). */
export type PositionOf = (path: readonly (string | number)[]) => Position;

/**
 * Reads `errata:` from the parsed `_config.yml`. Unknown keys and bad values are errors
 * (`config-value`) at their position.
 * @example readErrataSettings({ errata: { on_broken_anchors: 'ignore' } }, …).onBrokenAnchors === 'ignore'
 */
export function readErrataSettings(config: Readonly<Record<string, unknown>>, file: string, positionOf: PositionOf, sink: DiagnosticSink): ErrataSettings {
  const strictVariables = readStrictVariables(config['liquid'], file, positionOf, sink);
  const block = config['errata'];
  if (block === undefined || block === null) return { ...DEFAULT_SETTINGS, strictVariables };
  if (!isRecord(block)) {
    sink.error(file, positionOf(['errata']), 'config-value', '"errata" must be a set of "key: value" settings, such as "on_broken_links: warn".');
    return { ...DEFAULT_SETTINGS, strictVariables };
  }
  const level = (key: string, fallback: RuleLevel): RuleLevel => {
    const value = block[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value)) return value as RuleLevel;
    sink.error(file, positionOf(['errata', key]), 'config-value', `"errata.${key}" must be one of ${RULE_LEVELS.join(', ')}, but it is ${JSON.stringify(value)}.`);
    return fallback;
  };
  const known = ['on_broken_links', 'on_broken_images', 'on_broken_anchors', 'layouts', 'ignore_front_matter', 'redirects', 'pages_per_search_index', 'entry_folders', 'levels'];
  for (const key of Object.keys(block)) {
    if (!known.includes(key)) {
      sink.error(file, positionOf(['errata', key]), 'config-value', `Unknown setting "errata.${key}". Known settings: ${known.join(', ')}.`);
    }
  }
  const onBrokenLinks = level('on_broken_links', DEFAULT_SETTINGS.onBrokenLinks);
  return {
    onBrokenLinks,
    onBrokenImages: level('on_broken_images', onBrokenLinks),
    onBrokenAnchors: level('on_broken_anchors', DEFAULT_SETTINGS.onBrokenAnchors),
    layouts: { ...DEFAULT_LAYOUTS, ...readLayouts(block['layouts'], file, positionOf, sink) },
    ignoredFields: readNames(block['ignore_front_matter'], 'ignore_front_matter', '[author, nav_order]', file, positionOf, sink),
    entryFolders: readNames(block['entry_folders'], 'entry_folders', '[troubleshooting, errors/windows]', file, positionOf, sink).map((folder) => folder.replace(/^\/+|\/+$/g, '')).filter(Boolean),
    redirects: readRedirects(block['redirects'], file, positionOf, sink),
    pagesPerSearchIndex: readPagesPerSearchIndex(block['pages_per_search_index'], file, positionOf, sink),
    levels: readLevels(block['levels'], file, positionOf, sink),
    strictVariables,
  };
}

/** `liquid: { strict_variables: true }`, as Jekyll reads it; other `liquid:` keys mean nothing here. */
function readStrictVariables(value: unknown, file: string, positionOf: PositionOf, sink: DiagnosticSink): boolean {
  if (!isRecord(value)) return false;
  const strict = value['strict_variables'];
  if (strict === undefined || strict === null || typeof strict === 'boolean') return strict === true;
  sink.error(file, positionOf(['liquid', 'strict_variables']), 'config-value', `"liquid.strict_variables" must be true or false, but it is ${JSON.stringify(strict)}.`);
  return false;
}

function readLevels(value: unknown, file: string, positionOf: PositionOf, sink: DiagnosticSink): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>();
  if (value === undefined || value === null) return levels;
  if (!isRecord(value)) {
    sink.error(file, positionOf(['errata', 'levels']), 'config-value', '"errata.levels" must map rule ids to error, warn or ignore, e.g. "toc-page-missing: ignore".');
    return levels;
  }
  const adjustable = levelRuleIds();
  for (const [id, level] of Object.entries(value)) {
    const at = positionOf(['errata', 'levels', id]);
    if (!adjustable.includes(id)) {
      const setting = ruleOf(id)?.setting;
      const how =
        setting?.kind === 'broken'
          ? `Set "errata.${setting.key}" instead.`
          : setting?.kind === 'strict-variables'
            ? 'Set "liquid: { strict_variables: … }" instead.'
            : `Its problems leave a page or setting that cannot be built, so they stay errors. Rules "errata.levels" can set: ${adjustable.join(', ')}.`;
      sink.error(file, at, 'config-value', `"errata.levels" cannot set "${id}". ${how}`);
    } else if (typeof level === 'string' && (RULE_LEVELS as readonly string[]).includes(level)) {
      levels.set(id, level as RuleLevel);
    } else {
      sink.error(file, at, 'config-value', `The level of "${id}" must be one of ${RULE_LEVELS.join(', ')}, but it is ${JSON.stringify(level)}.`);
    }
  }
  return levels;
}

function readPagesPerSearchIndex(value: unknown, file: string, positionOf: PositionOf, sink: DiagnosticSink): number | undefined {
  if (value === undefined || value === null) return DEFAULT_SETTINGS.pagesPerSearchIndex;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  sink.error(
    file,
    positionOf(['errata', 'pages_per_search_index']),
    'config-value',
    `"errata.pages_per_search_index" must be a whole number of pages, at least 1, but it is ${JSON.stringify(value)}. Leave it out for the default: ⌈√pages / 20⌉ parts per language.`,
  );
  return DEFAULT_SETTINGS.pagesPerSearchIndex;
}

function readRedirects(value: unknown, file: string, positionOf: PositionOf, sink: DiagnosticSink): ConfiguredRedirect[] {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) {
    sink.error(file, positionOf(['errata', 'redirects']), 'config-value', '"errata.redirects" must map old paths to pages, e.g. "/old/path/: /en/new-page/".');
    return [];
  }
  return Object.entries(value).flatMap(([from, to]) => {
    const at = positionOf(['errata', 'redirects', from]);
    if (typeof to === 'string' && to.trim() !== '') return [{ from, to: to.trim(), at }];
    sink.error(file, at, 'config-value', `The redirect from "${from}" must name a page, such as /en/new-page/ or en/new-page.md.`);
    return [];
  });
}

function readLayouts(value: unknown, file: string, positionOf: PositionOf, sink: DiagnosticSink): Record<string, LayoutKind> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    sink.error(file, positionOf(['errata', 'layouts']), 'config-value', '"errata.layouts" must map layout names to entry, page or auto, e.g. "tutorial: page".');
    return {};
  }
  const layouts: Record<string, LayoutKind> = {};
  for (const [name, kind] of Object.entries(value)) {
    if (typeof kind === 'string' && (LAYOUT_KINDS as readonly string[]).includes(kind)) layouts[name] = kind as LayoutKind;
    else sink.error(file, positionOf(['errata', 'layouts', name]), 'config-value', `Layout "${name}" must render as one of ${LAYOUT_KINDS.join(', ')}, but it is ${JSON.stringify(kind)}.`);
  }
  return layouts;
}

function readNames(value: unknown, key: string, example: string, file: string, positionOf: PositionOf, sink: DiagnosticSink): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  sink.error(file, positionOf(['errata', key]), 'config-value', `"errata.${key}" must be a list of names, e.g. ${example}.`);
  return [];
}
