/**
 * Runs Pagefind over the built site through its Node API: one index per `<html lang>`.
 * Every page route must end up in its language's index; a page Pagefind skipped fails the build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_INCLUDE_CHARACTERS } from '../lib/search/indexing.ts';

/** Pages expected per Pagefind language key (lowercase BCP-47, e.g. `zh-cn`). */
export type ExpectedPages = ReadonlyMap<string, number>;

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

export async function writeSearchIndex(distDir: string, expected: ExpectedPages): Promise<string> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters: SEARCH_INCLUDE_CHARACTERS });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: distDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${distDir}: ${added.errors.join('; ')}`);
    const outputPath = join(distDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const entry = JSON.parse(readFileSync(join(distDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const counts = new Map(Object.entries(entry.languages).map(([language, { page_count }]) => [language.toLowerCase(), page_count]));
  const mismatches = [...expected]
    .filter(([language, pages]) => counts.get(language) !== pages)
    .map(([language, pages]) => `${language}: ${counts.get(language) ?? 0} indexed, ${pages} expected`);
  if (mismatches.length > 0) {
    throw new Error(`Pages are missing from the search index (${mismatches.join('; ')}).`);
  }
  return `Search index: ${[...counts].map(([language, pages]) => `${language} ${pages}`).join(', ')} pages`;
}
