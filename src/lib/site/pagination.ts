/**
 * Long listings (a category's entries, the A–Z list, the translation status) are split into
 * pages of a fixed number of items, so that no page grows with the catalog: a reader never
 * downloads megabytes of HTML, and a rebuild renders again only the pages whose items changed.
 * Page 1 keeps the listing's own URL; page n is at `<listing>/<n>/`.
 */

/** Items per page of each listing. */
export const PAGE_SIZE = {
  category: 100,
  az: 300,
  translations: 100,
} as const;

/** Where one page of a listing sits among the others. */
export interface PageOfListing {
  /** 1-based. */
  readonly page: number;
  readonly count: number;
}

/** How many pages `items` items take; at least one, so an empty listing still has its page. */
export function pageCount(items: number, size: number): number {
  return Math.max(1, Math.ceil(items / size));
}

/** The items of page `page` (1-based). */
export function pageItems<T>(items: readonly T[], size: number, page: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/**
 * The path of page `page` of the listing at `path`.
 * @example pagedPath('/en/a-z/', 1) === '/en/a-z/'
 * @example pagedPath('/en/a-z/', 3) === '/en/a-z/3/'
 */
export function pagedPath(path: string, page: number): string {
  return page <= 1 ? path : `${path}${page}/`;
}

/**
 * Page `page` of the same listing in another locale, or that locale's last page when its
 * listing is shorter (an A–Z list counts its own translations' messages): language links,
 * hreflang alternates and the sitemap never lead to a page that does not exist.
 * @example samePageIn('/ja/a-z/', 3, 2) === '/ja/a-z/2/'
 */
export function samePageIn(path: string, page: number, count: number): string {
  return pagedPath(path, Math.min(page, count));
}

/** The route parameter of page `page` (a rest parameter: none for page 1). */
export function pageParam(page: number): string | undefined {
  return page <= 1 ? undefined : String(page);
}

/**
 * The page numbers a pager links to: the first, the last, and two on each side of the current,
 * with `gap` where numbers are left out.
 * @example pagerItems({ page: 6, count: 20 }) // [1, 'gap', 4, 5, 6, 7, 8, 'gap', 20]
 */
export function pagerItems({ page, count }: PageOfListing): (number | 'gap')[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, count])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  return shown.flatMap((n, index) => (index > 0 && n - (shown[index - 1] ?? n) > 1 ? ['gap' as const, n] : [n]));
}
