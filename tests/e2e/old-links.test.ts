/**
 * The migrated Jekyll tree, built and served on 127.0.0.1, followed in Chromium the way old
 * links in support threads are: an old UID permalink with its `?title=…`, a `redirect_from`
 * path, and a relative link with an anchor that must land on its heading.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageUid } from '../../src/lib/routing/redirects.ts';
import { launchBrowser, type Browser } from '../helpers/browser.ts';
import { JEKYLL_TREE } from '../helpers/build-site.ts';
import { buildAndServe, type ServedSite } from '../helpers/served-site.ts';

let served: ServedSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await buildAndServe(JEKYLL_TREE.contentDir, JEKYLL_TREE);
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const uid = pageUid('license-server-unreachable');
const errorHeading = 'LumenLicenseError: license server lumen-lic.example:27000 unreachable (LM-5012)';

describe('old links', () => {
  it('follow a UID permalink with ?title= to the page, query kept', async () => {
    await page.goto(`${served.url}/${uid}/?title=License+server+unreachable`);
    await page.waitForURL(/\/en\/license-server-unreachable\//);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/en/license-server-unreachable/?title=License+server+unreachable');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(errorHeading);
  });

  it('follow a UID permalink in the zh_CN spelling, keeping its #fragment', async () => {
    await page.goto(`${served.url}/zh_CN/${uid}/?title=x#${encodeURIComponent('解决方法')}`);
    await page.waitForURL(/\/zh-cn\/license-server-unreachable\//);
    const url = new URL(page.url());
    expect(decodeURIComponent(url.hash)).toBe('#解决方法');
    expect(url.search).toBe('?title=x');
  });

  it('follow a redirect_from path, in the default language and under a language folder', async () => {
    await page.goto(`${served.url}/old/configure/`);
    await page.waitForURL(/\/en\/configure-pipeline\/$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Configuring the pipeline');
    await page.goto(`${served.url}/ja/old/configure`);
    await page.waitForURL(/\/ja\/configure-pipeline\/$/);
  });

  it('follow a relative link with an anchor to its heading in the same language', async () => {
    await page.goto(`${served.url}/en/installation-guide/`);
    const note = page.getByRole('note', { name: 'Note' });
    await note.getByRole('link', { name: 'the licence error' }).click();
    await page.waitForURL(/\/en\/license-server-unreachable\/#fix$/);
    const heading = page.getByRole('heading', { level: 2, name: 'Fix' });
    await expect(heading.getAttribute('id')).resolves.toBe('fix');
    // The browser scrolled the heading into view.
    const box = await heading.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y >= 0 && box.y < viewport.height).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it('show images copied from the tree', async () => {
    await page.goto(`${served.url}/ko/installation-guide/`);
    const image = page.getByRole('figure').first().getByRole('img');
    await image.scrollIntoViewIfNeeded();
    await expect(image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(64);
  });
});
