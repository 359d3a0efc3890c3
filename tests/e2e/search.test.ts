/**
 * The sample catalog, built for real and served on 127.0.0.1, searched in Chromium the way
 * readers and support links do.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  // About 45 s on an idle 2-core machine; generous, because CI machines are shared.
  it('finds every entry first by its error heading, in every locale (fallbacks included)', { timeout: 600_000 }, async () => {
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

describe('paste search', () => {
  const paste = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests/fixtures/pastes', name), 'utf8');

  /** Pastes into the search page's box as a reader does (one input event for the whole text). */
  async function pasteInto(segment: string, text: string): Promise<string[]> {
    await page.goto(`${served.url}/${segment}/search/`);
    await page.locator('[data-search-page][data-state="done"]').waitFor();
    // One input event for the whole text, as a paste gives (typing it would take minutes).
    await page.getByTestId('search-input').evaluate((input: HTMLTextAreaElement, value) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.has('q'))).toBe(true);
    return resultHrefs();
  }

  it('finds the entry for a whole chained traceback, in another locale, and shows the line that matched', async () => {
    const hrefs = await pasteInto('ja', paste('python3-chained.txt'));
    expect(hrefs[0]).toBe('/ja/python-ssl-certificate-verify-failed/');
    const first = page.locator('[data-testid="search-results"] li').first();
    expect(await first.locator('mark').allTextContents()).toContain('CERTIFICATE_VERIFY_FAILED');
    expect(await page.getByTestId('searched-for').isVisible()).toBe(true);
    expect(await page.getByTestId('searched-for').locator('code').textContent()).toContain('(_ssl.c:<n>)');
  });

  it('shows an untranslated entry for an English paste, marked as English', async () => {
    const hrefs = await pasteInto('ko', 'hint: see git help\nfatal: refusing to merge unrelated histories\n');
    expect(hrefs[0]).toBe('/ko/git-refusing-to-merge-unrelated-histories/');
    expect(await page.locator('[data-testid="search-results"] li').first().locator('.badge').textContent()).toBe('English');
  });

  it('keeps a long paste shareable by putting its normalised form in the URL', async () => {
    const long = `${'INFO still working on step\n'.repeat(120)}sqlite3.OperationalError: database is locked`;
    expect((await pasteInto('en', long))[0]).toBe('/en/sqlite-database-is-locked/');
    const shared = new URL(page.url());
    expect(shared.searchParams.get('q')).toBe('sqlite3.OperationalError: database is locked');
    expect(await page.locator('.link-note').isVisible()).toBe(true);
    await page.goto(shared.href);
    expect((await resultHrefs())[0]).toBe('/en/sqlite-database-is-locked/');
  });

  it('says plainly when nothing matches well, above the closest pages, and shows what was searched', async () => {
    const hrefs = await pasteInto('en', 'my python install is weird after reinstalling\nit just prints garbage');
    expect(await status().textContent()).toBe('No page matches this error well. The closest pages are below.');
    expect(await page.getByTestId('searched-for').isVisible()).toBe(true);
    // Candidates sharing a word ("python") come first; full-text results follow.
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => href.startsWith('/en/'))).toBe(true);
  });

  it('hands a traceback pasted into the header box to the search page with its lines', async () => {
    for (const [text, expected] of [
      [paste('python2.txt'), '/en/python-module-not-found/'],
      [`${'INFO working\n'.repeat(300)}sqlite3.OperationalError: database is locked`, '/en/sqlite-database-is-locked/'],
    ] as const) {
      await page.goto(`${served.url}/en/git-detected-dubious-ownership/`);
      await page.getByRole('searchbox').first().evaluate((input, value) => {
        const data = new DataTransfer();
        data.setData('text/plain', value);
        input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, text);
      await page.waitForURL(/\/en\/search\//);
      expect((await resultHrefs())[0]).toBe(expected);
      expect(await page.getByTestId('search-input').inputValue()).toBe(text);
    }
  });

  it('stays responsive with a megabyte paste', async () => {
    const huge = `${'x'.repeat(1000)}\n`.repeat(1000) + 'Error: listen EADDRINUSE: address already in use :::4000';
    const hrefs = await pasteInto('en', huge);
    expect(hrefs[0]).toBe('/en/node-listen-eaddrinuse-address-already-in-use/');
    expect(dialogs).toEqual([]);
  });
});

describe('lookup in the terminal', () => {
  const lookup = (args: string[], input: string) =>
    spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/lookup.ts'), '--dist', served.outDir, ...args], { cwd: PROJECT_ROOT, input, encoding: 'utf8' });

  it('prints the same first match as the page, with its URL and score', () => {
    const result = lookup(['--lang', 'ja'], readFileSync(join(PROJECT_ROOT, 'tests/fixtures/pastes/python3-chained.txt'), 'utf8'));
    expect(result.status).toBe(0);
    const first = result.stdout.split('\n').find((line) => /^\d\.\d\d {2}/.test(line));
    expect(first).toBe('1.00  https://errata.example.org/ja/python-ssl-certificate-verify-failed/');
    expect(result.stdout).toContain('matched line 14: urllib.error.URLError');
  });

  it('says so and exits 1 when nothing matches well', () => {
    const result = lookup([], 'the frobnicator exploded');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('No entry matches this error well.');
    expect(result.stdout).toContain('Searched for (en):\n  the frobnicator exploded');
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
