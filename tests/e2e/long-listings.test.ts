/**
 * A catalog longer than a page of its translation status (100 rows), built for real and read
 * in Chromium: the pager leads from page to page, every page name is on one page, the summary
 * is on the first, the pages pass axe-core, and no link of the site is broken. Its search
 * index comes in parts, as a large catalog's does, and one search finds pages in all of them.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_SOURCE, runAxe, WCAG_TAGS } from '../helpers/axe.ts';
import { launchBrowser, type Browser } from '../helpers/browser.ts';
import { partCount, partOf } from '../../src/lib/search/index-parts.ts';
import { makeWorkDir, PROJECT_ROOT } from '../helpers/build-site.ts';
import { buildAndServe, type ServedSite } from '../helpers/served-site.ts';
import { checkInternalLinks } from '../helpers/site-checks.ts';

const PER_LOCALE = 120;
const PAGES_PER_PART = 50;
const work = makeWorkDir('long-listings-');
let served: ServedSite;
let browser: Browser;
/** Part number → the English entry given a word of its own, `MARKERS[part]`. */
const marked = new Map<number, string>();
/** Made-up words, no one the start of another: Pagefind matches the last word of a query as a prefix. */
const MARKERS = ['quokkasaurid', 'xylophonetic', 'brontidexal'];

/** Each language's index in three parts; a word only one entry of each English part has. */
function markParts(content: string): void {
  appendFileSync(join(content, '_config.yml'), `errata:\n  pages_per_search_index: ${PAGES_PER_PART}\n`);
  const folder = join(content, 'en', 'errors');
  for (const file of readdirSync(folder)) {
    const pagename = /^pagename: (.+)$/m.exec(readFileSync(join(folder, file), 'utf8'))?.[1] ?? '';
    const part = partOf(`/en/${pagename}/`, partCount(PER_LOCALE, PAGES_PER_PART));
    if (marked.has(part)) continue;
    marked.set(part, pagename);
    appendFileSync(join(folder, file), `\nOnly this page says ${MARKERS[part]}.\n`);
  }
}

beforeAll(async () => {
  const generated = spawnSync(process.execPath, ['bench/generate-catalog.ts', '--per-locale', String(PER_LOCALE), '--out', work], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (generated.status !== 0) throw new Error(generated.stderr);
  markParts(join(work, 'content'));
  served = await buildAndServe(join(work, 'content'));
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(work, { recursive: true, force: true });
});

/** What a page of the translation status shows: its rows' page names, the summary, the pager. */
async function statusPage(page: Page) {
  return {
    pagenames: await page.locator('[data-testid="translation-status"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-pagename'))),
    summaries: await page.locator('[data-testid="translation-summary"]').count(),
    current: await page.locator('[data-testid="pager"] [aria-current="page"]').textContent(),
    title: await page.title(),
  };
}

describe('a listing longer than a page', () => {
  it('leads from page to page of the translation status, each page name on one of them', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${served.url}/ja/translations/`);
      const first = await statusPage(page);
      expect(first.pagenames).toHaveLength(100);
      expect(first.summaries).toBe(1);
      expect(first.current).toBe('1');

      await page.locator('[data-testid="pager"] a[rel="next"]').click();
      await page.waitForURL(`${served.url}/ja/translations/2/`);
      const second = await statusPage(page);
      expect(second.pagenames).toHaveLength(PER_LOCALE - 100);
      expect(second.summaries).toBe(0);
      expect(second.current).toBe('2');
      expect(second.title).toContain('2 ページ目');
      expect(new Set([...first.pagenames, ...second.pagenames]).size).toBe(PER_LOCALE);
      expect(await page.locator('[data-testid="pager"] a[rel="next"]').count()).toBe(0);

      await page.evaluate(AXE_SOURCE);
      expect(await page.evaluate(runAxe, WCAG_TAGS)).toEqual([]);

      await page.locator('[data-testid="pager"] a[rel="prev"]').click();
      await page.waitForURL(`${served.url}/ja/translations/`);
    } finally {
      await page.close();
    }
  });

  it('finds a page in any part of its language\'s search index, first', async () => {
    expect([...marked.keys()].sort()).toEqual([0, 1, 2]);
    const page = await browser.context.newPage();
    const partRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/part-')) partRequests.push(new URL(request.url()).pathname);
    });
    try {
      for (const [part, pagename] of marked) {
        await page.goto(`${served.url}/en/search/?q=${MARKERS[part]}`);
        await page.locator('[data-search-page][data-state="done"]').waitFor();
        const hrefs = await page.locator('[data-testid="search-results"] a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
        expect(hrefs, MARKERS[part]).toEqual([`/en/${pagename}/`]);
      }
      expect(new Set(partRequests.map((path) => path.split('/')[2]))).toEqual(new Set(['part-1', 'part-2']));
    } finally {
      await page.close();
    }
  });

  it('breaks no link of the site, the pagers\' and the sitemap\'s included', () => {
    const siteUrl = /^url:\s*"?([^"\n]+)"?/m.exec(readFileSync(join(work, 'content', '_config.yml'), 'utf8'))?.[1] ?? '';
    expect(siteUrl).toMatch(/^https?:\/\//);
    const { broken } = checkInternalLinks(served.outDir, siteUrl);
    expect(broken).toEqual([]);
    const sitemap = readFileSync(join(served.outDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`${siteUrl}/ko/translations/2/`);
  });
});
