/**
 * A language's Pagefind index comes in parts of about `pagesPerPart` pages (as many parts as
 * that makes, the pages spread by a hash), each a Pagefind index of its own that the search
 * page merges (Pagefind's `mergeIndex`). A rebuild after one
 * page changed re-indexes only that page's part: indexing is most of a large rebuild, and it
 * grows with the pages indexed. Which part a page is in depends only on its path and the
 * number of parts, so it stays put from build to build.
 *
 * Shared by the build and the search page: no Node imports.
 */
import { stableBucket } from './stable-bucket.ts';

/** Pages per part unless the site says otherwise (`errata.pages_per_search_index`). */
export const DEFAULT_PAGES_PER_PART = 2000;

/** The folder of the search index in the output, and its URL path. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/** How many parts a language of `pages` pages is indexed in. */
export function partCount(pages: number, pagesPerPart: number): number {
  return Math.max(1, Math.ceil(pages / pagesPerPart));
}

/**
 * The part a page is in, from its URL path: a hash, so that parts are even and a page's part
 * does not change when other pages come and go.
 * @example partOf('/en/git-push-rejected/', 1) === 0
 */
export function partOf(path: string, parts: number): number {
  return parts <= 1 ? 0 : stableBucket(path, parts);
}

/**
 * A part's folder in the output: a language's first part is the index itself, beside
 * Pagefind's scripts, and `pagefind.js` finds it there; the others are merged from their own.
 * @example partFolder(2, false) === 'pagefind/part-2/'
 */
export function partFolder(part: number, first: boolean): string {
  return first ? `${SEARCH_INDEX_FOLDER}/` : `${SEARCH_INDEX_FOLDER}/part-${part}/`;
}

/** One part of one language's index. */
export interface IndexPart {
  /** The language's URL segment, also its Pagefind language key (`zh-cn`). */
  readonly segment: string;
  readonly part: number;
  /** `<segment>/<part>`: how the build and its manifest name the part. */
  readonly key: string;
  /** Where it is written (`partFolder`). */
  readonly folder: string;
}
