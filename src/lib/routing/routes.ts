/**
 * Every path the site has is decided here, from locales and page names; templates never
 * build URL strings themselves. Paths are root-relative and end in `/`.
 */
import type { Locale } from '../i18n/locales.ts';

/**
 * The site's own pages under `/<locale>/`; page names may not take these (see schema).
 * `category` holds one page per category (`/<locale>/category/<key>/`).
 */
export const SITE_SECTIONS = ['search', '404', 'category', 'a-z', 'translations'] as const;

/** Files the build writes at the site root besides pages. */
export const SITEMAP_PATH = '/sitemap.xml';
export const ROBOTS_PATH = '/robots.txt';

/**
 * The category key that stands for entries without a `category:`; `categories.yml` may not
 * define it (see site-sources), so it never names two categories.
 */
export const UNCATEGORIZED_KEY = 'other';

/** `/` — the language chooser. */
export const ROOT_PATH = '/';

/** @example localeHomePath(zhCN) === '/zh-cn/' */
export function localeHomePath(locale: Locale): string {
  return `/${locale.segment}/`;
}

/** @example entryPath(ja, 'git-push-rejected') === '/ja/git-push-rejected/' */
export function entryPath(locale: Locale, pagename: string): string {
  return `/${locale.segment}/${encodeURIComponent(pagename)}/`;
}

/**
 * The file the build writes for a page's path.
 * @example pageFile('/ja/git-push-rejected/') === 'ja/git-push-rejected/index.html'
 */
export function pageFile(path: string): string {
  return `${path.slice(1).split('/').map(decodeURIComponent).join('/')}index.html`;
}

/** @example searchPath(en, 'EACCES') === '/en/search/?q=EACCES' */
export function searchPath(locale: Locale, query?: string): string {
  const path = `/${locale.segment}/search/`;
  return query ? `${path}?${new URLSearchParams({ q: query })}` : path;
}

/** The id of a category's section on the locale home. */
export function categoryAnchorId(key: string | undefined): string {
  return `category-${key ?? UNCATEGORIZED_KEY}`;
}

/**
 * A category's own page, listing all its entries; entries without a category are under `other`.
 * @example categoryPath(ja, 'python') === '/ja/category/python/'
 */
export function categoryPath(locale: Locale, key: string | undefined): string {
  return `/${locale.segment}/category/${encodeURIComponent(key ?? UNCATEGORIZED_KEY)}/`;
}

/**
 * Every error message of the catalog (headings and `errors:` items), alphabetically.
 * @example azPath(en) === '/en/a-z/'
 */
export function azPath(locale: Locale): string {
  return `/${locale.segment}/a-z/`;
}

/**
 * The id of a letter's section on the A–Z page: `A`–`Z`, the digits group, or the rest.
 * @example azLetterId('S') === 'letter-s'
 */
export function azLetterId(letter: string): string {
  if (/^[A-Za-z]$/.test(letter)) return `letter-${letter.toLowerCase()}`;
  return /^\d/.test(letter) ? 'letter-digits' : 'letter-other';
}

/**
 * Which entries each locale has, lacks, or has older than the source.
 * @example translationsPath(ko) === '/ko/translations/'
 */
export function translationsPath(locale: Locale): string {
  return `/${locale.segment}/translations/`;
}

/** Each locale's "page not found" page; hosts route unknown paths under the locale to it. */
export function notFoundPath(locale: Locale): string {
  return `/${locale.segment}/404/`;
}

/** Folder of a locale's error-signature index files (see `search/signature-index.ts`). */
export function signatureIndexPath(locale: Locale): string {
  return `/errata-search/${locale.segment}/`;
}

/**
 * One section of a locale's documentation sidebar, loaded when the reader opens it (see
 * `site/sidebar.ts`). Beside the pages, like the signature index: no page name can take it.
 * @example sidebarFragmentPath(en, '2.0') === '/errata-nav/en/2.0.json'
 */
export function sidebarFragmentPath(locale: Locale, id: string): string {
  return `/errata-nav/${locale.segment}/${id}.json`;
}

/** The URL a reader's browser needs, for canonical links, hreflang and previews. */
export function absoluteUrl(siteUrl: string, path: string): string {
  // A build makes a few of these per page; a path the URL parser would leave as it is (one
  // leading slash, only characters URLs allow as they are, no `.` or `..` segment) is joined
  // to the site's origin without parsing it.
  if (PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path)) return originOf(siteUrl) + path;
  return new URL(path, `${siteUrl}/`).href;
}
const PLAIN_PATH = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
const DOT_SEGMENT = /\/\.{1,2}(\/|$)/;
const origins = new Map<string, string>();
function originOf(siteUrl: string): string {
  let origin = origins.get(siteUrl);
  if (origin === undefined) origins.set(siteUrl, (origin = new URL(`${siteUrl}/`).origin));
  return origin;
}

export interface SitePathParts {
  readonly locale: Locale;
  /** The second segment: a page name or a site section; `undefined` on the locale home. */
  readonly name: string | undefined;
}

/**
 * Reads a root-relative site path back into locale and page name.
 * @example parseSitePath(locales, '/zh-cn/foo/#x')?.name === 'foo'
 */
export function parseSitePath(locales: readonly Locale[], path: string): SitePathParts | undefined {
  const [pathname = ''] = path.split(/[?#]/);
  const [, segment, name, ...rest] = pathname.split('/');
  const locale = locales.find((candidate) => candidate.segment === segment?.toLowerCase());
  if (!locale || rest.some((part) => part !== '')) return undefined;
  return { locale, name: name ? decodeURIComponent(name) : undefined };
}
