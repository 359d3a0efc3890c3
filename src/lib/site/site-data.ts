/**
 * The loaded site, shared by every page of one build. Loading reads and checks the whole
 * tree, so it happens once per process: the integration loads it before the build and the
 * pages reuse it (through `globalThis`, because Astro bundles pages apart from the config).
 */
import { configFile, contentDir } from '../content/content-dir.ts';
import type { Diagnostic } from '../content/diagnostic.ts';
import { readFileHistory, type FileHistory, type HistoryCache } from '../content/git-history.ts';
import { loadSite, type LoadOptions } from '../content/load-site.ts';
import type { Site } from '../content/page.ts';
import { Catalog } from './catalog.ts';

export interface SiteData {
  readonly site: Site;
  readonly catalog: Catalog;
  /** When each content file last changed: git history read once, file times as the fallback. */
  readonly history: FileHistory;
}

const CACHE = Symbol.for('errata.site-data');
type CacheHolder = { [CACHE]?: SiteData };

/** What earlier builds kept: loaded pages and the files' stamps, and the files' commit dates. */
export interface SiteCaches {
  readonly pages: NonNullable<LoadOptions['cache']>;
  readonly history: HistoryCache;
}

/** The content tree (see `contentDir`), loaded once; `caches` serve what earlier builds read. */
export function getSiteData(caches?: SiteCaches): SiteData {
  const holder = globalThis as CacheHolder;
  if (!holder[CACHE]) {
    const dir = contentDir();
    const site = loadSite({ contentDir: dir, configFile: configFile(), ...(caches ? { cache: caches.pages } : {}) });
    holder[CACHE] = {
      site,
      catalog: new Catalog(site.pages, site.sources.localeConfig, site.sources.categories),
      history: readFileHistory(dir, caches?.history),
    };
  }
  return holder[CACHE];
}

/** Forgets the loaded site, so that the next build (e.g. in `astro dev`) reads the files again. */
export function clearSiteData(): void {
  delete (globalThis as CacheHolder)[CACHE];
}

const PROBLEMS = Symbol.for('errata.site-data.problems');
type ProblemHolder = { [PROBLEMS]?: readonly Diagnostic[] };

/**
 * Under `npm run dev`, the problems of the last check (content and search), which every page
 * shows; undefined in a build, which stops on any error instead.
 */
export function checkProblems(): readonly Diagnostic[] | undefined {
  return (globalThis as ProblemHolder)[PROBLEMS];
}

export function setCheckProblems(problems: readonly Diagnostic[]): void {
  (globalThis as ProblemHolder)[PROBLEMS] = problems;
}

const VIEWS = Symbol.for('errata.site-data.views');
type ViewHolder = { [VIEWS]?: Map<string, unknown> };

/**
 * A value computed once per loaded site: the documentation navigation, which the build's
 * fingerprints and every page read, and what all pages of a listing share (its sorted rows).
 * Kept on the site data itself, because the integration and the bundled pages each have their
 * own copy of the view modules.
 */
export function memoView<T>(data: SiteData, key: string, compute: () => T): T {
  const holder = data as SiteData & ViewHolder;
  const views = (holder[VIEWS] ??= new Map());
  if (!views.has(key)) views.set(key, compute());
  return views.get(key) as T;
}
