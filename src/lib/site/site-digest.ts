/**
 * A hash of what the catalog-wide results of a build are made from: the code, the site's
 * sources, and every page but its body's text (its links and heading ids are in). Two loads
 * with the same digest differ at most in the pages' body text and in when files last changed,
 * so a result computed from the rest (an entry's frame, a catalog listing, the search
 * retrieval check, the redirect pages) can be reused from an earlier build.
 */
import { fingerprint } from '../build/fingerprint.ts';
import type { Site } from '../content/page.ts';

/** Results of earlier builds, by a key made from a site digest. */
export interface ResultMemo<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

export function siteDigest(site: Site, codeVersion: string): string {
  return fingerprint(codeVersion, site.outlineDigest);
}
