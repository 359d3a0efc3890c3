/**
 * A language's Pagefind index comes in parts (the pages spread by a hash), each a Pagefind
 * index of its own that the search page merges (Pagefind's `mergeIndex`). A rebuild after one
 * page changed re-indexes only that page's part: indexing is most of a rebuild, and it grows
 * with the pages indexed. A search merges every part: each makes the first search of a page
 * slower (by a tenth of a second, at 1,000 pages a language). Which part a page is in depends
 * only on its path and the number of parts, so it stays put from build to build.
 *
 * Shared by the build and the search page: no Node imports.
 */
import { stableBucket } from './stable-bucket.ts';

/**
 * How many parts a language of `pages` pages is indexed in, unless the site sets a part size
 * (`errata.pages_per_search_index`): ⌈√pages / 20⌉. The pages a rebuild re-indexes and the parts
 * a search merges then both grow as the square root of the catalog: up to 400 pages in one part,
 * 1,000 in two of 500, 10,000 in five of 2,000, 40,000 in ten of 4,000.
 */
export function defaultPartCount(pages: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(pages) / 20));
}

/** How many parts a language of `pages` pages is indexed in: parts of `pagesPerPart`, or the default. */
export function partCount(pages: number, pagesPerPart: number | undefined): number {
  return pagesPerPart === undefined ? defaultPartCount(pages) : Math.max(1, Math.ceil(pages / pagesPerPart));
}

/** The folder of the search index in the output, and its URL path. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

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
