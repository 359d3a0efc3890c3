/**
 * The loaded site: the checked tree, its catalog and its files' history. A build loads it once,
 * before anything is rendered, and hands it to the pages (see `page-session.ts`); the dev server
 * loads it again after every change.
 */
import type { ErrataContext } from '../context.ts';
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

/** What earlier builds kept: loaded pages and the files' stamps, and the files' commit dates. */
export interface SiteCaches {
  readonly pages: NonNullable<LoadOptions['cache']>;
  readonly history: HistoryCache;
}

/** Loads the context's tree; `caches` serve what earlier builds read. */
export function loadSiteData(context: ErrataContext, caches?: SiteCaches): SiteData {
  const { contentDir, rootDir, configFile } = context;
  const site = loadSite({ contentDir, rootDir, configFile, ...(caches ? { cache: caches.pages } : {}) });
  return {
    site,
    catalog: new Catalog(site.pages, site.sources.localeConfig, site.sources.categories),
    history: readFileHistory(contentDir, caches?.history),
  };
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
