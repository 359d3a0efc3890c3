/**
 * What each page is made from, as one hash. A rebuild renders again only the pages whose
 * fingerprint changed. The two pages at the root (the language chooser and the host's 404)
 * have no list of paths to leave them out of, and are always rendered.
 *
 * - An entry page: the code, the frame every page of its language shares (site title,
 *   documentation navigation), everything it shows around its body (`entryFrame`), and what the
 *   body renders from (the page digest). A change elsewhere renders only the entries it shows on.
 * - A page of a catalog listing (home, categories, A–Z, translation status), and a language's
 *   search and 404 pages: the site digest, which covers every page but its body; these show no
 *   page's body (the search page lists its language's index parts). The translation status
 *   also shows when pages last changed: the dates of its rows' pages, and on its first page,
 *   which sums them up, every page's. The other listings show no date.
 */
import { fingerprint } from '../build/fingerprint.ts';
import type { Locale } from '../i18n/locales.ts';
import { azPath, categoryPath, localeHomePath, notFoundPath, searchPath, translationsPath } from '../routing/routes.ts';
import type { Page } from '../content/page.ts';
import { azPageCount, categoryKeys, categoryPageCount, translationsPageCount, translationsPagePages } from './catalog-pages.ts';
import { siteNavigation } from './doc-nav.ts';
import { entryFrame } from './entry-view.ts';
import { pagedPath } from './pagination.ts';
import type { SiteData } from './site-data.ts';
import type { ResultMemo } from './site-digest.ts';

export interface PageFingerprints {
  /** Entry page path → fingerprint: the pages the search index is built from. */
  readonly entries: ReadonlyMap<string, string>;
  /** Catalog listing pages (home, categories, A–Z, translation status), search and 404 pages → fingerprint. */
  readonly listings: ReadonlyMap<string, string>;
}

export interface FingerprintInputs {
  /** The code version (see `build/code-version.ts`). */
  readonly codeVersion: string;
  /** `siteDigest` of this build. */
  readonly digest: string;
  /** Entry fingerprints of earlier builds, by their inputs under a site digest. */
  readonly prints?: ResultMemo<string>;
}

export function pageFingerprints(data: SiteData, { codeVersion, digest: siteDigest, prints }: FingerprintInputs): PageFingerprints {
  const { site, catalog, history } = data;
  const frames = new Map(
    site.sources.localeConfig.locales.map((locale) => [
      locale,
      fingerprint(codeVersion, String(site.sources.site['title'] ?? ''), JSON.stringify(siteNavigation(data, locale))),
    ]),
  );
  const frameOf = (locale: Locale) => frames.get(locale) ?? '';
  // Each page's date is read for its entry, the translation status and its summary: once is enough.
  const changes = new Map<string, string>();
  const changedAt = (contentPath: string) => {
    let date = changes.get(contentPath);
    if (date === undefined) changes.set(contentPath, (date = history.lastChange(contentPath)?.date.toISOString() ?? ''));
    return date;
  };

  const entries = new Map<string, string>();
  for (const route of catalog.routes()) {
    const digest = site.pageDigests.get(route.page) ?? '';
    // Besides the site digest, an entry's frame reads only its own page's last change: under
    // the same inputs, the fingerprint an earlier build computed is the one this build would.
    const key = prints && fingerprint(siteDigest, route.path, digest, changedAt(route.page.contentPath));
    let print = key === undefined ? undefined : prints?.get(key);
    if (print === undefined) {
      // An entry's frame holds text and links only, no pages: plain JSON will do.
      print = fingerprint(frameOf(route.locale), route.path, digest, JSON.stringify(entryFrame(route, data)));
      if (key !== undefined) prints?.set(key, print);
    }
    entries.set(route.path, print);
  }

  const listings = new Map<string, string>();
  const changedAtAll = (pages: readonly Page[]) => fingerprint(...pages.map((page) => changedAt(page.contentPath)));
  const everyChange = changedAtAll(site.pages);
  const pageNumbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
  for (const locale of site.sources.localeConfig.locales) {
    const paths = [
      localeHomePath(locale),
      searchPath(locale),
      notFoundPath(locale),
      ...pageNumbers(azPageCount(data, locale)).map((page) => pagedPath(azPath(locale), page)),
      ...categoryKeys(data, locale).flatMap((key) => pageNumbers(categoryPageCount(data, locale, key)).map((page) => pagedPath(categoryPath(locale, key), page))),
    ];
    for (const path of paths) listings.set(path, fingerprint(siteDigest, path));
    // The first page sums up every page's state; the others show their rows' pages.
    for (const page of pageNumbers(translationsPageCount(data, locale))) {
      const path = pagedPath(translationsPath(locale), page);
      listings.set(path, fingerprint(siteDigest, path, page === 1 ? everyChange : changedAtAll(translationsPagePages(data, locale, page))));
    }
  }
  return { entries, listings };
}
