/**
 * The sample catalog, built for real and served on 127.0.0.1, searched in Chromium the way
 * readers and support links do.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { Catalog } from '../../src/lib/site/catalog.ts';
import { launchBrowser, type Browser } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { buildAndServe, type ServedSite } from '../helpers/served-site.ts';

const contentDir = join(PROJECT_ROOT, 'content');
const site = loadSite({ contentDir, rootDir: PROJECT_ROOT });
const catalog = new Catalog(site.pages, site.sources.localeConfig, site.sources.categories);
const entryRoutes = catalog.routes().filter((route) => route.page.kind === 'entry');

let served: ServedSite;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  served = await buildAndServe(contentDir);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const results = () => page.locator('[data-testid="search-results"] a');
const status = () => page.locator('[data-testid="search-status"]');

/** Hrefs of the results once the search has finished. */
async function resultHrefs(): Promise<string[]> {
  await page.locator('[data-search-page][data-state="done"]').waitFor();
  return results().evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

describe('search', () => {
  it('finds every entry first by its error heading, in every locale (fallbacks included)', async () => {
    expect(entryRoutes.length).toBeGreaterThanOrEqual(24 * 4);
    const misses: string[] = [];
    for (const route of entryRoutes) {
      await page.goto(`${served.url}/${route.locale.segment}/search/?q=${encodeURIComponent(route.page.heading)}`);
      const hrefs = await resultHrefs();
      if (hrefs[0] !== route.path) misses.push(`${route.path}: got ${hrefs.slice(0, 3).join(', ') || 'nothing'}`);
    }
    expect(misses).toEqual([]);
  });

  it('finds identifiers that Pagefind would drop by default', async () => {
    const cases: [string, string][] = [
      ['CERTIFICATE_VERIFY_FAILED', '/en/python-ssl-certificate-verify-failed/'],
      ['_ssl.c:1006', '/en/python-ssl-certificate-verify-failed/'],
      ['ssl.SSLCertVerificationError', '/en/python-ssl-certificate-verify-failed/'],
      ['0x80070005', '/en/windows-update-0x80070005/'],
      ['[WinError 5]', '/en/windows-winerror-5-access-denied/'],
      ['ERR_MODULE_NOT_FOUND', '/en/node-err-module-not-found-cannot-find-package/'],
      ['EADDRINUSE', '/en/node-listen-eaddrinuse-address-already-in-use/'],
    ];
    for (const [query, expected] of cases) {
      await page.goto(`${served.url}/en/search/?q=${encodeURIComponent(query)}`);
      expect((await resultHrefs())[0], query).toBe(expected);
    }
  });

  it('runs from the header search box on any page and keeps the query in the URL', async () => {
    await page.goto(`${served.url}/ja/git-detected-dubious-ownership/`);
    await page.getByRole('searchbox').first().fill('database is locked');
    await page.getByRole('searchbox').first().press('Enter');
    await page.waitForURL(/\/ja\/search\/\?q=database\+is\+locked$/);
    expect((await resultHrefs())[0]).toBe('/ja/sqlite-database-is-locked/');
  });

  it('searches as the reader types and updates the shareable URL', async () => {
    await page.goto(`${served.url}/ko/search/`);
    await expect.poll(() => status().textContent()).toBe('오류 메시지를 입력하거나 붙여 넣으세요.');
    await page.getByTestId('search-input').pressSequentially('exec format error', { delay: 20 });
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('exec format error');
    expect((await resultHrefs())[0]).toBe('/ko/docker-exec-format-error/');
  });

  it('treats a hostile query as text', async () => {
    const query = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    await page.goto(`${served.url}/en/search/?q=${encodeURIComponent(query)}`);
    await resultHrefs();
    expect(await status().textContent()).toContain(query);
    expect(await page.getByTestId('search-input').inputValue()).toBe(query);
    expect(await page.locator('main img, main script:not([type="module"]):not([src])').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

describe('reading', () => {
  it('switches an entry to another language', async () => {
    await page.goto(`${served.url}/en/python-module-not-found/`);
    const switcher = page.getByTestId('language-switcher');
    expect(await switcher.getByRole('link').allTextContents()).toEqual(['English', '日本語', '한국어', '简体中文']);
    await switcher.getByRole('link', { name: '日本語' }).click();
    await page.waitForURL(`${served.url}/ja/python-module-not-found/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('h1 code').textContent()).toBe("ModuleNotFoundError: No module named 'requests'");
  });

  it('shows an untranslated entry in the reader\'s locale, marked as English', async () => {
    await page.goto(`${served.url}/ja/`);
    const item = page.getByRole('listitem').filter({ has: page.locator('a[href="/ja/git-refusing-to-merge-unrelated-histories/"]') });
    expect(await item.locator('.badge').textContent()).toBe('English');
    await item.getByRole('link').click();
    expect(await page.getByTestId('fallback-notice').textContent()).toContain('日本語に翻訳されていません');
  });

  it('answers an unknown address with the locale\'s 404 page', async () => {
    const response = await page.goto(`${served.url}/ko/no-such-entry/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('페이지를 찾을 수 없습니다');
    await page.getByTestId('not-found').getByRole('link').first().click();
    await page.waitForURL(`${served.url}/ko/`);
  });
});
