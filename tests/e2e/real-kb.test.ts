/**
 * The development catalog shaped like a real knowledge base (`tests/fixtures/real-kb`), built
 * for real and served on 127.0.0.1, browsed and searched in Chromium: its catalog lists the
 * error pages written as plain text, and pastes find translated, generic and specific pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { buildAndServe, type ServedSite } from '../helpers/served-site.ts';

const fixture = join(PROJECT_ROOT, 'tests/fixtures/real-kb');
const errorPages = readdirSync(join(fixture, 'manifest')).flatMap((name) => (JSON.parse(readFileSync(join(fixture, 'manifest', name), 'utf8')) as { errorPages: string[] }).errorPages);

let served: ServedSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await buildAndServe(join(fixture, 'content'));
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Pastes `text` into the search page of `segment` and returns the result links, best first. */
async function pasteInto(segment: string, text: string): Promise<string[]> {
  await page.goto(`${served.url}/${segment}/search/`);
  await page.locator('[data-search-page][data-state="done"]').waitFor();
  await page.getByTestId('search-input').fill(text);
  await page.getByTestId('search-input').press('Enter');
  await page.locator('[data-search-page][data-state="done"]').waitFor();
  return page.locator('[data-testid="search-results"] a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

describe('the catalog of a real-shaped tree', () => {
  it.each(['en', 'ja', 'ko', 'zh-cn'])('lists nine in ten error pages or more in the %s A–Z list', async (segment) => {
    const listed = new Set<string>();
    for (let next: string | undefined = `${served.url}/${segment}/a-z/`; next; ) {
      await page.goto(next);
      for (const href of await page.locator('[data-testid="az-list"] a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) listed.add(href);
      const more = page.locator('[data-testid="pager"] a[rel="next"]');
      next = (await more.count()) > 0 ? new URL((await more.getAttribute('href')) ?? '', page.url()).href : undefined;
    }
    const found = errorPages.filter((pagename) => listed.has(`/${segment}/${pagename}/`));
    expect(found.length / errorPages.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('pastes on a real-shaped tree', () => {
  it('finds a Korean page whose H1 was translated by the English error its original carries', async () => {
    const hrefs = await pasteInto('ko', [
      '2026-02-03 11:02:44,120 [ERROR publish_step] PipelineError: Could not create the folder on disk',
      'Traceback (most recent call last):',
      '  File "C:\\Users\\hyun\\AppData\\Roaming\\Lumen\\core\\folders.py", line 57, in create',
    ].join('\n'));
    expect(hrefs[0]).toBe('/ko/pipeline-folder-create-failed/');
    // The page shown is the Korean one, whose H1 is in Korean.
    await page.goto(`${served.url}${hrefs[0]}`);
    expect(await page.locator('h1').textContent()).toContain('디스크에 폴더를 만들 수 없습니다');
  });

  it('ranks the generic page first for a bare line, and the specific page first for a paste with its context', async () => {
    const bare = await pasteInto('en', "PermissionError: [WinError 5] Access is denied: 'D:\\\\render\\\\frame_0001.exr'");
    expect(bare[0]).toBe('/en/python-permissionerror-winerror-5/');
    expect(bare).toContain('/en/python-cache-cleanup-access-denied/');
    const specific = await pasteInto('en', [
      '2026-01-09 08:00:01,002 [lumen.cache] INFO Removing stale thumbnails older than 30 days',
      'Traceback (most recent call last):',
      '  File "C:\\Program Files\\Lumen Studio\\python\\lumen\\cache\\cleanup.py", line 91, in purge',
      '    os.remove(path)',
      "PermissionError: [WinError 5] Access is denied: 'C:\\\\Users\\\\jkim\\\\AppData\\\\Roaming\\\\Lumen\\\\cache\\\\thumbs\\\\b.jpg'",
    ].join('\n'));
    expect(specific[0]).toBe('/en/python-cache-cleanup-access-denied/');
    expect(specific).toContain('/en/python-permissionerror-winerror-5/');
  });

  it('matches part of a localized Windows message on the Japanese site', async () => {
    const hrefs = await pasteInto('ja', 'アクセスが拒否されました');
    expect(hrefs[0]).toBe('/ja/python-permissionerror-winerror-5/');
  });

  it('shows the best candidates under "no good match" rather than nothing', async () => {
    const hrefs = await pasteInto('en', 'lumen-sync frobnicated the widget\nand then it stopped');
    expect(await page.getByTestId('search-status').textContent()).toBe('No page matches this error well. The closest pages are below.');
    expect(hrefs[0]).toBe('/en/net-lumen-sync-connection-timed-out/');
  });
});
