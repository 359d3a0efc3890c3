/**
 * The documentation navigation of a migrated tree: the tree of `_data/toc.yml` with its captions
 * in the reader's language (`_data/<lang>/toc_text.yml`), or, without a toc, the folder tree of
 * the content. The current page is marked and its sections are open.
 *
 * Bounded, because every page carries it: the toc is as large as its authors made it, and the
 * folder tree lists at most `FOLDER_LIMIT` items per folder — a larger folder links to its index
 * page or to the catalog instead. Error entries are browsed in the catalog; pages the toc leaves
 * out are listed under "More pages" (bounded the same way), and the catalog is linked whenever
 * an entry is not in the toc, so every page stays reachable.
 *
 * A site without a toc and without documentation pages (a pure error catalog) has no such
 * navigation: the catalog is its navigation.
 */
import { isRecord } from '../content/settings.ts';
import type { Page } from '../content/load-site.ts';
import { PageFinder } from '../content/resolve-links.ts';
import { TOC_CHILD_KEYS, TOC_LABEL_KEYS, TOC_PAGE_KEYS, TOC_URL_KEYS, tocItems } from '../content/toc-data.ts';
import type { Locale } from '../i18n/locales.ts';
import { localeKey } from '../i18n/locales.ts';
import { uiText } from '../i18n/ui-strings.ts';
import { localeHomePath } from '../routing/routes.ts';
import type { Catalog, PageRoute } from './catalog.ts';
import { memoView, type SiteData } from './site-data.ts';

/** At most this many items per folder of the folder tree, and under "More pages". */
export const FOLDER_LIMIT = 25;

export interface NavItem {
  readonly label: string;
  /** A page of this site or an external URL; `undefined` for a caption that only groups. */
  readonly href: string | undefined;
  readonly external: boolean;
  /** The label's language, when it is not the page's (a fallback page's title). */
  readonly lang: string | undefined;
  readonly children: readonly NavItem[];
}

/** An item as one page shows it. */
export interface MarkedNavItem extends Omit<NavItem, 'children'> {
  /** The link to the page being shown. */
  readonly current: boolean;
  /** The current page is this item or below it: its section is shown open. */
  readonly open: boolean;
  readonly children: readonly MarkedNavItem[];
}

const firstString = (item: Record<string, unknown>, keys: readonly string[]): string | undefined => {
  for (const key of keys) {
    const value = item[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return undefined;
};

/**
 * A locale's captions: `_data/<lang>/toc_text.yml` (as `site.data.<lang>.toc_text`), the
 * language folder spelled any way (`zh_CN`, `zh-cn`).
 */
export function tocCaptions(data: Readonly<Record<string, unknown>>, locale: Locale): Readonly<Record<string, unknown>> {
  for (const [key, value] of Object.entries(data)) {
    if (localeKey(key) === localeKey(locale.name) && isRecord(value) && isRecord(value['toc_text'])) return value['toc_text'];
  }
  const flat = data[`toc_text_${locale.name}`] ?? data[`toc_text.${locale.name}`];
  return isRecord(flat) ? flat : {};
}

export interface NavSource {
  readonly catalog: Catalog;
  /** `site.data`: `toc` and the captions per language. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** What a toc item's `page:` names: a page name, or a Markdown file (`guides/x.md`). */
function pagenameOf(value: string, finder: PageFinder<Page>, catalog: Catalog): string | undefined {
  if (catalog.translations(value).length > 0) return value;
  const byPath = finder.pageAt(value.replace(/^\/+/, ''));
  return byPath?.pagename;
}

interface BuildState {
  readonly locale: Locale;
  readonly captions: Readonly<Record<string, unknown>>;
  readonly finder: PageFinder<Page>;
  readonly catalog: Catalog;
  /** Page names the toc links, so the rest can be listed. */
  readonly linked: Set<string>;
}

function routeItem(route: PageRoute, label?: string): NavItem {
  return {
    label: label ?? route.page.title,
    href: route.path,
    external: false,
    lang: label === undefined && route.isFallback ? route.page.locale.bcp47 : undefined,
    children: [],
  };
}

function tocItem(raw: unknown, state: BuildState): NavItem | undefined {
  if (typeof raw === 'string') raw = { page: raw };
  if (!isRecord(raw)) return undefined;
  const written = firstString(raw, TOC_LABEL_KEYS);
  const caption = written === undefined ? undefined : typeof state.captions[written] === 'string' ? String(state.captions[written]) : written;
  const children = TOC_CHILD_KEYS.flatMap((key) => (Array.isArray(raw[key]) ? raw[key] : [])).flatMap((child) => tocItem(child, state) ?? []);
  const pageValue = firstString(raw, TOC_PAGE_KEYS);
  if (pageValue) {
    const pagename = pagenameOf(pageValue, state.finder, state.catalog);
    const route = pagename ? state.catalog.route(state.locale, pagename) : undefined;
    if (route) {
      state.linked.add(route.pagename);
      return { ...routeItem(route, caption), children };
    }
  }
  const url = firstString(raw, TOC_URL_KEYS);
  if (url) {
    const external = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);
    return { label: caption ?? url, href: url, external, lang: undefined, children };
  }
  if (caption === undefined && children.length === 0) return undefined;
  return { label: caption ?? '', href: undefined, external: false, lang: undefined, children };
}

/** Up to `FOLDER_LIMIT` routes as items; for more, a link to `moreHref` saying how many there are. */
function bounded(routes: readonly PageRoute[], moreLabel: (count: number) => string, moreHref: string): NavItem[] {
  if (routes.length <= FOLDER_LIMIT) return routes.map((route) => routeItem(route));
  return [
    ...routes.slice(0, FOLDER_LIMIT - 1).map((route) => routeItem(route)),
    { label: moreLabel(routes.length), href: moreHref, external: false, lang: undefined, children: [] },
  ];
}

function fromToc(items: readonly unknown[], source: NavSource, locale: Locale, finder: PageFinder<Page>): NavItem[] {
  const state: BuildState = { locale, captions: tocCaptions(source.data, locale), finder, catalog: source.catalog, linked: new Set() };
  const nav = items.flatMap((item) => tocItem(item, state) ?? []);
  const unlisted = source.catalog.pagenames.flatMap((pagename) => {
    const route = state.linked.has(pagename) ? undefined : source.catalog.route(locale, pagename);
    return route ? [route] : [];
  });
  const pages = unlisted.filter((route) => route.page.kind === 'page').sort(byOrderAndTitle(locale));
  const ui = (key: Parameters<typeof uiText>[1], values?: Record<string, string | number>) => uiText(locale.name, key, values);
  if (pages.length > 0) {
    nav.push({
      label: ui('docnav.other'),
      href: undefined,
      external: false,
      lang: undefined,
      children: bounded(pages, (count) => ui('docnav.more', { count, folder: ui('docnav.other') }), localeHomePath(locale)),
    });
  }
  if (unlisted.some((route) => route.page.kind === 'entry')) {
    nav.push({ label: ui('docnav.entries', { count: source.catalog.entryCount }), href: localeHomePath(locale), external: false, lang: undefined, children: [] });
  }
  return nav;
}

const byOrderAndTitle = (locale: Locale) => (a: PageRoute, b: PageRoute) =>
  (a.page.navOrder ?? Number.MAX_SAFE_INTEGER) - (b.page.navOrder ?? Number.MAX_SAFE_INTEGER) ||
  (a.page.kind === b.page.kind ? 0 : a.page.kind === 'page' ? -1 : 1) ||
  a.page.title.localeCompare(b.page.title, locale.bcp47);

interface Folder {
  readonly name: string;
  index: PageRoute | undefined;
  readonly routes: PageRoute[];
  readonly folders: Map<string, Folder>;
}

const newFolder = (name: string): Folder => ({ name, index: undefined, routes: [], folders: new Map() });

/** A folder's name as a label: `getting_started` → `Getting started`. */
export function folderLabel(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fromFolders(source: NavSource, locale: Locale, finder: PageFinder<Page>): NavItem[] {
  const root = newFolder('');
  for (const pagename of source.catalog.pagenames) {
    const route = source.catalog.route(locale, pagename);
    if (!route) continue;
    const parts = finder.neutralPath(route.page.contentPath).replace(/\.md$/i, '').split('/');
    const name = parts.pop() ?? '';
    let folder = root;
    for (const part of parts) {
      let next = folder.folders.get(part);
      if (!next) folder.folders.set(part, (next = newFolder(part)));
      folder = next;
    }
    if (name === 'index' || name.toLowerCase() === 'readme') folder.index ??= route;
    else folder.routes.push(route);
  }
  // `troubleshooting.md` beside `troubleshooting/` is that folder's index page.
  const adopt = (folder: Folder) => {
    for (const [name, child] of folder.folders) {
      const sibling = folder.routes.findIndex((route) => finder.neutralPath(route.page.contentPath).replace(/\.md$/i, '').split('/').pop() === name);
      const found = folder.routes[sibling];
      if (found && !child.index) {
        child.index = found;
        folder.routes.splice(sibling, 1);
      }
      adopt(child);
    }
  };
  adopt(root);

  const ui = (key: Parameters<typeof uiText>[1], values?: Record<string, string | number>) => uiText(locale.name, key, values);
  const folderItems = (folder: Folder): NavItem[] => {
    const label = folder.index?.page.title ?? folderLabel(folder.name);
    const more = folder.index?.path ?? localeHomePath(locale);
    const pages = bounded([...folder.routes].sort(byOrderAndTitle(locale)), (count) => ui('docnav.more', { count, folder: label }), more);
    const subfolders = [...folder.folders.values()]
      .sort((a, b) => (a.index?.page.navOrder ?? Number.MAX_SAFE_INTEGER) - (b.index?.page.navOrder ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name))
      .map((child): NavItem => ({ ...(child.index ? routeItem(child.index) : { label: folderLabel(child.name), href: undefined, external: false, lang: undefined }), children: folderItems(child) }));
    return [...subfolders, ...pages];
  };
  return [...(root.index ? [routeItem(root.index)] : []), ...folderItems(root)];
}

const cache = new WeakMap<Catalog, Map<string, NavItem[]>>();

/**
 * The navigation of a locale, the same for every page of it (computed once per locale).
 * Empty for a site that has neither a toc nor documentation pages.
 */
export function docNavigation(source: NavSource, locale: Locale): readonly NavItem[] {
  let perLocale = cache.get(source.catalog);
  if (!perLocale) cache.set(source.catalog, (perLocale = new Map()));
  let nav = perLocale.get(locale.name);
  if (!nav) {
    const items = tocItems(source.data['toc']);
    const hasPages = source.catalog.pages.some((page) => page.kind === 'page');
    // A pure catalog has no navigation: finding its pages would only cost time.
    const finder = () => new PageFinder(source.catalog.pages, source.catalog.localeConfig);
    nav = items ? fromToc(items, source, locale, finder()) : hasPages ? fromFolders(source, locale, finder()) : [];
    perLocale.set(locale.name, nav);
  }
  return nav;
}

/**
 * The navigation of a locale of the loaded site. Kept on the site data, so that the build's
 * fingerprints and the bundled pages (which have their own copy of this module) compute it once.
 */
export function siteNavigation(data: SiteData, locale: Locale): readonly NavItem[] {
  return memoView(data, `doc-nav:${locale.name}`, () => docNavigation({ catalog: data.catalog, data: (data.site.sources.site['data'] ?? {}) as Record<string, unknown> }, locale));
}

/**
 * The navigation as the page at `pathname` shows it: its link current, its sections open.
 * @example markCurrent(nav, '/en/intro/').some((item) => item.current || item.open)
 */
export function markCurrent(items: readonly NavItem[], pathname: string): MarkedNavItem[] {
  return items.map((item) => {
    const children = markCurrent(item.children, pathname);
    const current = !item.external && item.href === pathname;
    return { ...item, current, open: current || children.some((child) => child.open), children };
  });
}

