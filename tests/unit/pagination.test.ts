/**
 * Long listings are split into pages of a bounded number of items: every item on exactly one
 * page, in the listing's order, and every page linking to the others.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileHistory } from '../../src/lib/content/git-history.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { azLetterId, azPath, categoryPath, translationsPath } from '../../src/lib/routing/routes.ts';
import { Catalog } from '../../src/lib/site/catalog.ts';
import {
  azPageCount,
  azView,
  categoryKeys,
  categoryPageCount,
  categoryPageView,
  translationsPageCount,
  translationsPagePages,
  translationsView,
} from '../../src/lib/site/catalog-pages.ts';
import { pagedPath, pagerItems } from '../../src/lib/site/pagination.ts';
import type { SiteData } from '../../src/lib/site/site-data.ts';
import { sitemapUrls } from '../../src/lib/site/sitemap.ts';
import { makeWorkDir, PROJECT_ROOT } from '../helpers/build-site.ts';

describe('page numbers', () => {
  it('keeps the first page at the listing path', () => {
    expect(pagedPath('/en/a-z/', 1)).toBe('/en/a-z/');
    expect(pagedPath('/en/a-z/', 12)).toBe('/en/a-z/12/');
  });

  it('links the first, the last and the pages around the current one', () => {
    expect(pagerItems({ page: 1, count: 1 })).toEqual([1]);
    expect(pagerItems({ page: 1, count: 4 })).toEqual([1, 2, 3, 4]);
    expect(pagerItems({ page: 6, count: 20 })).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 20]);
    expect(pagerItems({ page: 20, count: 20 })).toEqual([1, 'gap', 18, 19, 20]);
  });
});

describe('a catalog larger than a page', () => {
  const work = makeWorkDir('pagination-');
  const perLocale = 650;
  let data: SiteData;
  beforeAll(() => {
    const generated = spawnSync(process.execPath, ['bench/generate-catalog.ts', '--per-locale', String(perLocale), '--out', work], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    const contentDir = join(work, 'content');
    const site = loadSite({ contentDir, rootDir: PROJECT_ROOT });
    data = { site, catalog: new Catalog(site.pages, site.sources.localeConfig, site.sources.categories), history: readFileHistory(contentDir) };
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const locale = () => data.site.sources.localeConfig.locales.find((candidate) => candidate.name === 'ja') ?? data.site.sources.localeConfig.defaultLocale;

  it('splits the translation status: every page name once, the summary on the first page only', () => {
    const ja = locale();
    const count = translationsPageCount(data, ja);
    // 650 pages, 100 to a page.
    expect(count).toBe(7);
    const pages = Array.from({ length: count }, (_, index) => translationsView(data, ja, index + 1));
    const names = pages.flatMap((page) => page?.rows.map((row) => row.pagename) ?? []);
    expect(names).toHaveLength(perLocale);
    expect(new Set(names).size).toBe(perLocale);
    expect(pages.map((page) => page?.rows.length)).toEqual([100, 100, 100, 100, 100, 100, 50]);
    expect(pages[0]?.summary).toBeDefined();
    expect(pages.slice(1).every((page) => page?.summary === undefined)).toBe(true);
    expect(translationsView(data, ja, count + 1)).toBeUndefined();
    // The pages a page's dates come from are those of its rows.
    const second = pages[1];
    expect(new Set(translationsPagePages(data, ja, 2).map((page) => page.pagename))).toEqual(new Set(second?.rows.map((row) => row.pagename)));
    expect(second?.head.canonical.endsWith(pagedPath(translationsPath(ja), 2))).toBe(true);
    expect(second?.pager).toMatchObject({ page: 2, count });
    expect(second?.pager.paths[0]).toBe(translationsPath(ja));
  });

  it('splits each category in its order, and the A–Z list with letters that lead to their page', () => {
    const ja = locale();
    // The generated catalog's categories, 100 entries to a page.
    expect(Object.fromEntries(categoryKeys(data, ja).map((key) => [key, categoryPageCount(data, ja, key)]))).toEqual({ python: 2, pipeline: 2, licensing: 1, network: 2, windows: 1, server: 3 });
    for (const key of categoryKeys(data, ja)) {
      const count = categoryPageCount(data, ja, key);
      const pages = Array.from({ length: count }, (_, index) => categoryPageView(data, ja, key, index + 1));
      expect(pages.flatMap((page) => page?.items ?? [])).toEqual(pages[0]?.group.items);
      expect(pages.every((page) => (page?.items.length ?? 0) <= 100)).toBe(true);
      expect(pages.at(-1)?.head.canonical.endsWith(pagedPath(categoryPath(ja, key), count))).toBe(true);
    }

    // 650 error messages (the Japanese pages list no other errors), 300 to a page.
    const count = azPageCount(data, ja);
    expect(count).toBe(3);
    const pages = Array.from({ length: count }, (_, index) => azView(data, ja, index + 1));
    const messages = pages.flatMap((page) => page?.groups.flatMap((group) => group.items) ?? []);
    expect(messages).toHaveLength(650);
    expect(pages[0]?.count).toBe(650);
    for (const [index, page] of pages.entries()) {
      for (const letter of page?.letters ?? []) {
        const [path = '', id = ''] = letter.href.split('#');
        const targetIndex = path === '' ? index : Number(/\/(\d+)\/$/.exec(path)?.[1] ?? 1) - 1;
        // The link leads to the first page with the letter's messages, to its section.
        expect(id).toBe(azLetterId(letter.letter));
        expect(pages[targetIndex]?.groups.some((group) => group.letter === letter.letter)).toBe(true);
        expect(pages.slice(0, targetIndex).some((earlier) => earlier?.groups.some((group) => group.letter === letter.letter))).toBe(false);
      }
    }
    expect(pages.map((page) => (page ? page.groups.reduce((total, group) => total + group.items.length, 0) : 0))).toEqual([300, 300, 50]);
    expect(azView(data, ja, count + 1)).toBeUndefined();
    expect(pages[1]?.head.title).toContain(String(count));
    expect(azPath(ja)).toBe(pages[0]?.pager.paths[0]);
  });

  it('lists every page of every listing in the sitemap', () => {
    const locs = new Set(sitemapUrls(data).map((url) => url.loc));
    const ja = locale();
    const url = (path: string) => `${data.site.sources.siteUrl}${path}`;
    expect(locs.has(url(pagedPath(translationsPath(ja), translationsPageCount(data, ja))))).toBe(true);
    expect(locs.has(url(pagedPath(azPath(ja), azPageCount(data, ja))))).toBe(true);
    for (const key of categoryKeys(data, ja)) expect(locs.has(url(pagedPath(categoryPath(ja, key), categoryPageCount(data, ja, key))))).toBe(true);
  });
});

describe('a listing shorter in one locale than in another', () => {
  // 101 entries with two more messages each in English (303 A–Z messages, two pages), their
  // Japanese translations with none (101 messages, one page).
  const root = makeWorkDir('pagination-uneven-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string> = { '_config.yml': 'title: Uneven\nurl: https://uneven.example\nlanguages: [en, ja]\ndefault_lang: en\n' };
  for (let index = 0; index < 101; index++) {
    files[`en/e${index}.md`] = `---\ntitle: "Error ${index}"\npagename: e${index}\nlang: en\nerrors:\n  - "E${index}A: first"\n  - "E${index}B: second"\n---\n\n# \`E${index}: failed\`\n`;
    files[`ja/e${index}.md`] = `---\ntitle: "エラー ${index}"\npagename: e${index}\nlang: ja\n---\n\n# \`E${index}: failed\`\n`;
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  const site = loadSite({ contentDir: join(root, 'content'), rootDir: root });
  const data: SiteData = { site, catalog: new Catalog(site.pages, site.sources.localeConfig, site.sources.categories), history: readFileHistory(join(root, 'content')) };
  const [en, ja] = site.sources.localeConfig.locales;

  it('links each page to the same page in the other language, or to its last one', () => {
    expect(site.diagnostics).toEqual([]);
    if (!en || !ja) throw new Error('locales');
    expect([azPageCount(data, en), azPageCount(data, ja)]).toEqual([2, 1]);
    const second = azView(data, en, 2);
    expect(second?.languages.find((link) => link.locale === ja)?.href).toBe('/ja/a-z/');
    expect(second?.head.alternates.find((alternate) => alternate.hreflang === 'ja')?.href).toBe('https://uneven.example/ja/a-z/');
    expect(azView(data, ja, 1)?.languages.find((link) => link.locale === en)?.href).toBe('/en/a-z/');
  });

  it('lists in the sitemap each language\'s own pages, with alternates that exist', () => {
    const urls = sitemapUrls(data);
    const locs = new Set(urls.map((url) => url.loc));
    expect(locs.has('https://uneven.example/en/a-z/2/')).toBe(true);
    expect(locs.has('https://uneven.example/ja/a-z/2/')).toBe(false);
    for (const url of urls) for (const alternate of url.alternates) expect(locs, `${url.loc} → ${alternate.href}`).toContain(alternate.href);
  });
});
