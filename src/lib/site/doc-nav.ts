/**
 * The documentation navigation of a migrated tree: the tree of `_data/toc.yml` with its captions
 * in the reader's language (`_data/<lang>/toc_text.yml`), or, without a toc, the folder tree of
 * the content. The current page is marked and its sections are open.
 *
 * The whole tree, however large: it is the reading order (`doc-position.ts`) and the source of
 * the sidebar, which shows a bounded part of it on each page (`sidebar.ts`). Error entries are
 * browsed in the catalog; pages the toc leaves out are listed under "More pages", and the
 * catalog is linked whenever an entry is not in the toc, so every page stays reachable.
 *
 * A site without a toc and without documentation pages (a pure error catalog) has no such
 * navigation: the catalog is its navigation.
 */
import { isRecord } from '../content/settings.ts';
import type { Page } from '../content/page.ts';
import { PageFinder } from '../content/resolve-links.ts';
import { TOC_CHILD_KEYS, TOC_LABEL_KEYS, TOC_PAGE_KEYS, TOC_URL_KEYS, tocItems } from '../content/toc-data.ts';
import type { Locale } from '../i18n/locales.ts';
import { localeKey } from '../i18n/locales.ts';
import { uiText } from '../i18n/ui-strings.ts';
import { localeHomePath } from '../routing/routes.ts';
import type { Catalog, PageRoute } from './catalog.ts';
import { memoView, type SiteData } from './site-data.ts';

export interface NavItem {
  readonly label: string;
  /** A page of this site or an external URL; `undefined` for a caption that only groups. */
  readonly href: string | undefined;
  readonly external: boolean;
  /** The label's language, when it is not the page's (a fallback page's title). */
  readonly lang: string | undefined;
  /**
   * This item is its page's place in the reading order (previous/next, breadcrumbs): a page
   * the toc lists, or a documentation page. An error entry the toc does not list keeps its
   * place in the catalog.
   */
  readonly reading: boolean;
  readonly children: readonly NavItem[];
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
  /** The default language's captions, for a key the reader's language leaves out. */
  readonly fallbackCaptions: Readonly<Record<string, unknown>>;
  readonly finder: PageFinder<Page>;
  readonly catalog: Catalog;
  /** Page names the toc links, so the rest can be listed. */
  readonly linked: Set<string>;
}

function routeItem(route: PageRoute, reading: boolean, label?: string): NavItem {
  return {
    label: label ?? route.page.title,
    href: route.path,
    external: false,
    lang: label === undefined && route.isFallback ? route.page.locale.bcp47 : undefined,
    reading,
    children: [],
  };
}

const groupItem = (label: string, children: readonly NavItem[]): NavItem => ({ label, href: undefined, external: false, lang: undefined, reading: false, children });

/** URLs a toc may link: the web and mail, and paths; never `javascript:` or `data:`. */
const SAFE_URL = /^(?:https?:|mailto:|\/|\.{0,2}\/|#|[^:]*$)/i;

function tocItem(raw: unknown, state: BuildState): NavItem | undefined {
  if (typeof raw === 'string') raw = { page: raw };
  if (!isRecord(raw)) return undefined;
  const written = firstString(raw, TOC_LABEL_KEYS);
  const translated = written === undefined ? undefined : (state.captions[written] ?? state.fallbackCaptions[written]);
  const caption = typeof translated === 'string' || typeof translated === 'number' ? String(translated) : undefined;
  const children = TOC_CHILD_KEYS.flatMap((key) => (Array.isArray(raw[key]) ? raw[key] : [])).flatMap((child) => tocItem(child, state) ?? []);
  const pageValue = firstString(raw, TOC_PAGE_KEYS);
  if (pageValue) {
    const pagename = pagenameOf(pageValue, state.finder, state.catalog);
    const route = pagename ? state.catalog.route(state.locale, pagename) : undefined;
    if (route) {
      state.linked.add(route.pagename);
      // A caption key no language translates is not shown as it is written: the page's title is.
      return { ...routeItem(route, true, caption), children };
    }
  }
  const label = caption ?? (written === undefined ? undefined : captionLabel(written));
  const url = firstString(raw, TOC_URL_KEYS);
  if (url) {
    const external = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);
    return { label: label ?? url, href: SAFE_URL.test(url) ? url : undefined, external, lang: undefined, reading: false, children };
  }
  if (label === undefined && children.length === 0) return undefined;
  return groupItem(label ?? '', children);
}

/**
 * A caption as written in the toc, readable when it is a key no `toc_text.yml` translates.
 * @example captionLabel('getting-started') === 'Getting started'; captionLabel('Start here') === 'Start here'
 */
export function captionLabel(written: string): string {
  return /\s/.test(written) ? written : folderLabel(written);
}

function fromToc(items: readonly unknown[], source: NavSource, locale: Locale, finder: PageFinder<Page>): NavItem[] {
  const { defaultLocale } = source.catalog.localeConfig;
  const state: BuildState = {
    locale,
    captions: tocCaptions(source.data, locale),
    fallbackCaptions: locale === defaultLocale ? {} : tocCaptions(source.data, defaultLocale),
    finder,
    catalog: source.catalog,
    linked: new Set(),
  };
  const nav = items.flatMap((item) => tocItem(item, state) ?? []);
  const unlisted = source.catalog.pagenames.flatMap((pagename) => {
    const route = state.linked.has(pagename) ? undefined : source.catalog.route(locale, pagename);
    return route ? [route] : [];
  });
  const pages = unlisted.filter((route) => route.page.kind === 'page').sort(byOrderAndTitle(locale));
  const ui = (key: Parameters<typeof uiText>[1], values?: Record<string, string | number>) => uiText(locale.name, key, values);
  if (pages.length > 0) nav.push(groupItem(ui('docnav.other'), pages.map((route) => routeItem(route, true))));
  if (unlisted.some((route) => route.page.kind === 'entry')) {
    nav.push({ label: ui('docnav.entries', { count: source.catalog.entryCount }), href: localeHomePath(locale), external: false, lang: undefined, reading: false, children: [] });
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

  // Without a toc, entries keep their place in the catalog: only documentation pages are read in order.
  const item = (route: PageRoute) => routeItem(route, route.page.kind === 'page');
  const folderItems = (folder: Folder): NavItem[] => {
    const pages = [...folder.routes].sort(byOrderAndTitle(locale)).map(item);
    const subfolders = [...folder.folders.values()]
      .sort((a, b) => (a.index?.page.navOrder ?? Number.MAX_SAFE_INTEGER) - (b.index?.page.navOrder ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name))
      // A folder with an index page is labelled by that page's title; otherwise by its name, made readable.
      .map((child): NavItem => ({ ...(child.index ? item(child.index) : groupItem(folderLabel(child.name), [])), children: folderItems(child) }));
    return [...subfolders, ...pages];
  };
  return [...(root.index ? [item(root.index)] : []), ...folderItems(root)];
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
