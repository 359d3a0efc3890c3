/**
 * `sitemap.xml` (with hreflang alternates, as search engines read them) and `robots.txt`.
 * The sitemap lists every page that is its own canonical page: each locale's browsing pages and
 * every real translation. Fallback copies (canonical elsewhere) and noindex pages (search, 404)
 * are left out, as search engines ask. Above 50,000 URLs it becomes an index of several files.
 */
import { escapeMarkup } from '../markup/escape.ts';
import { absoluteUrl, azPath, categoryPath, entryPath, localeHomePath, ROOT_PATH, SITEMAP_PATH, translationsPath } from '../routing/routes.ts';
import type { Locale } from '../i18n/locales.ts';
import { azPageCount, categoryKeys, categoryPageCount, translationsPageCount } from './catalog-pages.ts';
import { samePageIn } from './pagination.ts';
import { localeAlternates, translationAlternates, type Alternate } from './head.ts';
import type { SiteData } from './site-data.ts';

export interface SitemapUrl {
  /** Absolute URL. */
  readonly loc: string;
  /** Every language version, itself included, and `x-default`. */
  readonly alternates: readonly Alternate[];
  /** ISO 8601 date of the last change, when known. */
  readonly lastmod: string | undefined;
}

export interface SiteFile {
  /** Root-relative path, e.g. `/sitemap.xml`. */
  readonly path: string;
  readonly content: string;
}

/** The sitemap protocol's limit of URLs per file. */
export const MAX_URLS_PER_SITEMAP = 50_000;

/** Every URL the sitemap lists, in a stable order. */
export function sitemapUrls(data: SiteData): SitemapUrl[] {
  const { site, catalog, history } = data;
  const { localeConfig, siteUrl } = site.sources;
  const everyLocale = (pathOf: (locale: Locale) => string): SitemapUrl[] =>
    localeConfig.locales.map((locale) => ({
      loc: absoluteUrl(siteUrl, pathOf(locale)),
      alternates: localeAlternates(localeConfig, siteUrl, pathOf),
      lastmod: undefined,
    }));
  const defaultLocale = localeConfig.defaultLocale;
  // Every page of a listing in each locale, with the alternates the page itself has: a locale's
  // listing can be shorter than another's (an A–Z list counts its own translations' messages).
  const everyPage = (listingOf: (locale: Locale) => string, countOf: (locale: Locale) => number): SitemapUrl[] =>
    localeConfig.locales.flatMap((locale) =>
      Array.from({ length: countOf(locale) }, (_, index) => {
        const pathOf = (target: Locale) => samePageIn(listingOf(target), index + 1, countOf(target));
        return { loc: absoluteUrl(siteUrl, pathOf(locale)), alternates: localeAlternates(localeConfig, siteUrl, pathOf), lastmod: undefined };
      }),
    );
  const urls: SitemapUrl[] = [
    { loc: absoluteUrl(siteUrl, ROOT_PATH), alternates: [], lastmod: undefined },
    ...everyLocale(localeHomePath),
    ...categoryKeys(data, defaultLocale).flatMap((key) => everyPage((locale) => categoryPath(locale, key), (locale) => categoryPageCount(data, locale, key))),
    ...everyPage(azPath, (locale) => azPageCount(data, locale)),
    ...everyPage(translationsPath, (locale) => translationsPageCount(data, locale)),
  ];
  for (const pagename of catalog.pagenames) {
    const translations = catalog.translations(pagename);
    const alternates = translationAlternates(translations, localeConfig, siteUrl);
    for (const page of translations) {
      urls.push({
        loc: absoluteUrl(siteUrl, entryPath(page.locale, page.pagename)),
        alternates,
        lastmod: history.lastChange(page.contentPath)?.date.toISOString(),
      });
    }
  }
  return urls;
}

function urlElement(url: SitemapUrl): string {
  const lines = [`  <url>`, `    <loc>${escapeMarkup(url.loc)}</loc>`];
  if (url.lastmod) lines.push(`    <lastmod>${escapeMarkup(url.lastmod)}</lastmod>`);
  for (const alternate of url.alternates) {
    lines.push(`    <xhtml:link rel="alternate" hreflang="${escapeMarkup(alternate.hreflang)}" href="${escapeMarkup(alternate.href)}"/>`);
  }
  lines.push('  </url>');
  return lines.join('\n');
}

/** One `<urlset>` document. */
export function renderUrlset(urls: readonly SitemapUrl[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls.map(urlElement),
    '</urlset>',
    '',
  ].join('\n');
}

/**
 * The sitemap files: `/sitemap.xml` alone, or, above `maxUrls`, `/sitemap.xml` as an index of
 * `/sitemap-1.xml`, `/sitemap-2.xml`, ….
 */
export function sitemapFiles(urls: readonly SitemapUrl[], siteUrl: string, maxUrls = MAX_URLS_PER_SITEMAP): SiteFile[] {
  if (urls.length <= maxUrls) return [{ path: SITEMAP_PATH, content: renderUrlset(urls) }];
  const parts: SiteFile[] = [];
  for (let start = 0; start < urls.length; start += maxUrls) {
    parts.push({ path: `/sitemap-${parts.length + 1}.xml`, content: renderUrlset(urls.slice(start, start + maxUrls)) });
  }
  const index = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map((part) => `  <sitemap><loc>${escapeMarkup(absoluteUrl(siteUrl, part.path))}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
  return [{ path: SITEMAP_PATH, content: index }, ...parts];
}

/** `robots.txt`: everything may be crawled; the sitemap is named by its absolute URL. */
export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(siteUrl, SITEMAP_PATH)}\n`;
}
