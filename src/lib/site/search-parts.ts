/**
 * Which part of its language's search index each page is in (see `search/index-parts.ts`),
 * worked out once per loaded site: the build indexes by it, and each search page lists the
 * parts of its language for the browser to merge.
 */
import type { Locale } from '../i18n/locales.ts';
import { pageFile } from '../routing/routes.ts';
import { type IndexPart, partCount, partFolder, partOf } from '../search/index-parts.ts';
import { memoView, type SiteData } from './site-data.ts';

export interface SearchParts {
  /** Each searchable page's path → its part. */
  readonly byPath: ReadonlyMap<string, IndexPart>;
  /** The parts that hold pages, by language and number. */
  readonly parts: readonly IndexPart[];
}

export function searchParts(data: SiteData): SearchParts {
  return memoView(data, 'search-parts', () => {
    const { catalog, site } = data;
    const perPart = site.sources.settings.pagesPerSearchIndex;
    const counts = new Map([...catalog.routeCountsBySegment()].map(([segment, pages]) => [segment, partCount(pages, perPart)]));
    const numbers = new Map<string, { segment: string; part: number }>();
    for (const { path, locale } of catalog.routes()) numbers.set(path, { segment: locale.segment, part: partOf(path, counts.get(locale.segment) ?? 1) });
    // Only parts that some page hashed to exist; a language's lowest one is its first.
    const parts = new Map<string, IndexPart>();
    for (const { segment, part } of [...numbers.values()].sort((a, b) => a.part - b.part)) {
      const key = `${segment}/${part}`;
      if (parts.has(key)) continue;
      const first = ![...parts.values()].some((other) => other.segment === segment);
      parts.set(key, { segment, part, key, folder: partFolder(part, first) });
    }
    const byPath = new Map([...numbers].map(([path, { segment, part }]) => [path, parts.get(`${segment}/${part}`)!]));
    return { byPath, parts: [...parts.values()].sort((a, b) => a.segment.localeCompare(b.segment) || a.part - b.part) };
  });
}

/** Each searchable page's output file → its part. */
export function searchPageFiles(data: SiteData): Map<string, IndexPart> {
  return new Map([...searchParts(data).byPath].map(([path, part]) => [pageFile(path), part]));
}

/** URL paths of the parts a locale's search page merges into the first, which `pagefind.js` loads itself. */
export function mergedPartPaths(data: SiteData, locale: Locale): string[] {
  return searchParts(data)
    .parts.filter((part) => part.segment === locale.segment && part.folder !== partFolder(part.part, true))
    .map((part) => `/${part.folder}`);
}
