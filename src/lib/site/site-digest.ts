/**
 * A hash of what the catalog-wide results of a build are made from: the code, the site's
 * sources, and every page but its body. Two loads with the same digest differ at most in the
 * pages' bodies and in when files last changed, so a result computed from the rest (an entry's
 * frame, the search retrieval check) can be reused from an earlier build.
 */
import { fingerprint } from '../build/fingerprint.ts';
import type { Page, Site } from '../content/load-site.ts';

/** Results of earlier builds, by a key made from a site digest. */
export interface ResultMemo<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

export function siteDigest(site: Site, codeVersion: string): string {
  return fingerprint(codeVersion, site.sourcesDigest, ...site.pages.map(pageOutline));
}

/**
 * Every field of a page but its body; its language by name (the languages are in the sources).
 * The body's tree is no own field of a loaded page (see `page-cache.ts`), and reading it would
 * parse it; its heading ids are read by the link check alone, which runs on every build.
 */
function pageOutline(page: Page): string {
  const { locale, anchors: _anchors, ...fields } = page;
  return JSON.stringify({ ...fields, locale: locale.name });
}
