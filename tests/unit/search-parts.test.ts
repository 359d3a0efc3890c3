/**
 * A language's search index comes in parts: every page in exactly one, parts of about the
 * configured size, and a page's part fixed by its path, so that a rebuild after one page
 * changed re-indexes one part.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/validation/diagnostic.ts';
import { readFileHistory } from '../../src/lib/content/git-history.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { partCount, partFolder, partOf } from '../../src/lib/search/index-parts.ts';
import { Catalog } from '../../src/lib/site/catalog.ts';
import { mergedPartPaths, searchPageFiles, searchParts } from '../../src/lib/site/search-parts.ts';
import type { SiteData } from '../../src/lib/site/site-data.ts';

describe('index parts', () => {
  it('are as many as the configured part size needs', () => {
    expect(partCount(0, 2000)).toBe(1);
    expect(partCount(2000, 2000)).toBe(1);
    expect(partCount(2001, 2000)).toBe(2);
    expect(partCount(10_000, 2000)).toBe(5);
  });

  it('grow as the square root of the pages by default: part sizes and part counts alike', () => {
    const counts = [0, 1, 400, 401, 1000, 1600, 1601, 5000, 10_000, 10_001, 40_000].map((pages) => partCount(pages, undefined));
    expect(counts).toEqual([1, 1, 1, 2, 2, 2, 3, 4, 5, 6, 10]);
  });

  it('take each page by its path alone, the same in every build and runtime', () => {
    expect(partOf('/en/anything/', 1)).toBe(0);
    // FNV-1a of the path (0x1497315b, 0x9cfb072d, 0x9517adae by a reference implementation)
    // modulo 7: a change to the hash would move the pages of every site indexed in parts.
    expect([partOf('/en/git-push-rejected/', 7), partOf('/ja/git-push-rejected/', 7), partOf('/en/a/', 7)]).toEqual([0, 3, 4]);
  });

  it('are even: 20,000 page paths in 10 parts, each within 10% of 2,000', () => {
    const sizes = new Array<number>(10).fill(0);
    for (let index = 0; index < 20_000; index++) {
      const part = partOf(`/en/entry-${index.toString(36)}-${(index * 7919) % 1000}/`, 10);
      sizes[part] = (sizes[part] ?? 0) + 1;
    }
    for (const size of sizes) expect(Math.abs(size - 2000)).toBeLessThan(200);
  });

  it('are written in the index folder, the first one being the index itself', () => {
    expect(partFolder(0, true)).toBe('pagefind/');
    expect(partFolder(3, true)).toBe('pagefind/');
    expect(partFolder(3, false)).toBe('pagefind/part-3/');
  });
});

const trees: string[] = [];
afterAll(() => {
  for (const tree of trees) rmSync(tree, { recursive: true, force: true });
});

/** A site of `count` entries per language, with `errata:` settings appended to its config. */
function site(count: number, errata: string) {
  const root = mkdtempSync(join(tmpdir(), 'errata-parts-'));
  trees.push(root);
  const files: Record<string, string> = {
    '_config.yml': `title: Parts\nlanguages: [en, ja]\ndefault_lang: en\nerrata:\n${errata}\n`,
  };
  for (let index = 0; index < count; index++) {
    files[`en/e${index}.md`] = `---\ntitle: "Error ${index}"\npagename: e${index}\nlang: en\n---\n\n# \`E${index}: failed\`\n\nText.\n`;
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  const contentDir = join(root, 'content');
  const loaded = loadSite({ rootDir: root, contentDir });
  const data: SiteData = { site: loaded, catalog: new Catalog(loaded.pages, loaded.sources.localeConfig, loaded.sources.categories), history: readFileHistory(contentDir) };
  return { data, diagnostics: loaded.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic)) };
}

describe('a site indexed in parts', () => {
  it('puts every page of every language in one part of its language, and each language has its first part', () => {
    const { data, diagnostics } = site(40, '  pages_per_search_index: 10');
    expect(diagnostics).toEqual([]);
    const { byPath, parts } = searchParts(data);
    const routes = data.catalog.routes();
    expect(byPath.size).toBe(routes.length);
    for (const route of routes) expect(byPath.get(route.path)?.segment).toBe(route.locale.segment);
    for (const segment of ['en', 'ja']) {
      const own = parts.filter((part) => part.segment === segment);
      // 40 pages, 10 a part: four parts, each holding some pages.
      expect(own.map((part) => part.part)).toEqual([0, 1, 2, 3]);
      expect(own.filter((part) => part.folder === 'pagefind/')).toHaveLength(1);
      for (const part of own) expect([...byPath.values()].filter((other) => other === part).length).toBeGreaterThan(0);
    }
    const en = data.site.sources.localeConfig.defaultLocale;
    expect(mergedPartPaths(data, en)).toEqual(['/pagefind/part-1/', '/pagefind/part-2/', '/pagefind/part-3/']);
    expect(searchPageFiles(data).get('ja/e7/index.html')).toBe(byPath.get('/ja/e7/'));
  });

  it('names a language\'s lowest part its first when no page hashed to part 0', () => {
    const { data } = site(3, '  pages_per_search_index: 1');
    for (const segment of ['en', 'ja']) {
      const own = searchParts(data).parts.filter((part) => part.segment === segment);
      expect(own[0]?.folder).toBe('pagefind/');
      expect(own.slice(1).every((part) => part.folder === `pagefind/part-${part.part}/`)).toBe(true);
    }
  });

  it('indexes a small language in one part unless the site asks for smaller ones', () => {
    const { data } = site(40, '  on_broken_links: error');
    expect(data.site.sources.settings.pagesPerSearchIndex).toBeUndefined();
    expect(searchParts(data).parts.map((part) => part.key)).toEqual(['en/0', 'ja/0']);
    expect(mergedPartPaths(data, data.site.sources.localeConfig.defaultLocale)).toEqual([]);
  });

  it('reports a part size that is not a whole number of pages at its position', () => {
    expect(site(1, '  pages_per_search_index: 0').diagnostics).toEqual([
      'content/_config.yml:5:27: "errata.pages_per_search_index" must be a whole number of pages, at least 1, but it is 0. Leave it out for the default: ⌈√pages / 20⌉ parts per language. [config-value]',
    ]);
    expect(site(1, '  pages_per_search_index: many').diagnostics[0]).toContain('but it is "many". Leave it out');
  });
});
