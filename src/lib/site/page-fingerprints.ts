/**
 * What each page is made from, as one hash: the code, the frame every page of its language
 * shares (site title, documentation navigation), and its view — for an entry page, everything
 * it shows around its body (`entryFrame`) plus what the body renders from (the page digest).
 * A rebuild renders again only the pages whose fingerprint changed. Pages not listed here
 * (search, 404, the language chooser) are small and always rendered.
 */
import { fingerprint } from '../build/fingerprint.ts';
import type { Locale } from '../i18n/locales.ts';
import { azPath, categoryPath, localeHomePath, translationsPath } from '../routing/routes.ts';
import { azView, categoryKeys, categoryPageView, homeView, translationsView } from './catalog-pages.ts';
import { siteNavigation } from './doc-nav.ts';
import { entryFrame } from './entry-view.ts';
import type { SiteData } from './site-data.ts';
import type { ResultMemo } from './site-digest.ts';

export interface PageFingerprints {
  /** Entry page path → fingerprint: the pages the search index is built from. */
  readonly entries: ReadonlyMap<string, string>;
  /** Catalog listing pages (home, categories, A–Z, translation status) → fingerprint. */
  readonly listings: ReadonlyMap<string, string>;
}

/** What earlier builds computed: page fingerprints, by their inputs under a site digest. */
export interface FingerprintReuse {
  /** `siteDigest` of this build. */
  readonly digest: string;
  readonly prints: ResultMemo<string>;
}

export function pageFingerprints(data: SiteData, codeVersion: string, reuse?: FingerprintReuse): PageFingerprints {
  const { site, catalog, history } = data;
  const frames = new Map(
    site.sources.localeConfig.locales.map((locale) => [
      locale,
      fingerprint(codeVersion, String(site.sources.site['title'] ?? ''), JSON.stringify(siteNavigation(data, locale))),
    ]),
  );
  const frameOf = (locale: Locale) => frames.get(locale) ?? '';
  // A listing's view holds whole pages (its routes): a page is written as its digest, which
  // stands for all of it — and its tree, cached without source positions, is left out.
  const { pageDigests } = site;
  const json = (view: unknown) => JSON.stringify(view, (_key, value: unknown) => (typeof value === 'object' && value !== null ? (pageDigests.get(value as never) ?? value) : value));

  /** The fingerprint an earlier build computed under `key`, else a new one. */
  const reused = (key: string | undefined, compute: () => string): string => {
    let print = key === undefined ? undefined : reuse?.prints.get(key);
    if (print === undefined) {
      print = compute();
      if (key !== undefined) reuse?.prints.set(key, print);
    }
    return print;
  };

  const entries = new Map<string, string>();
  for (const route of catalog.routes()) {
    const digest = site.pageDigests.get(route.page) ?? '';
    // Besides the site digest, an entry's frame reads only its own page's last change: under
    // the same inputs, the fingerprint an earlier build computed is the one this build would.
    const key = reuse && fingerprint(reuse.digest, route.path, digest, history.lastChange(route.page.contentPath)?.date.toISOString() ?? '');
    // An entry's frame holds text and links only, no pages: plain JSON will do, and is faster.
    entries.set(route.path, reused(key, () => fingerprint(frameOf(route.locale), route.path, digest, JSON.stringify(entryFrame(route, data)))));
  }

  const listings = new Map<string, string>();
  const add = (locale: Locale, path: string, view: () => unknown, key?: string) => listings.set(path, reused(key, () => fingerprint(frameOf(locale), path, json(view()))));
  for (const locale of site.sources.localeConfig.locales) {
    add(locale, localeHomePath(locale), () => homeView(data, locale));
    // The A–Z list shows messages, titles and links: it reads no page's body or date.
    add(locale, azPath(locale), () => azView(data, locale), reuse && fingerprint(reuse.digest, azPath(locale)));
    add(locale, translationsPath(locale), () => translationsView(data, locale));
    for (const key of categoryKeys(data, locale)) add(locale, categoryPath(locale, key), () => categoryPageView(data, locale, key));
  }
  return { entries, listings };
}
