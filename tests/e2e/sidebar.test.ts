/**
 * The documentation sidebar in Chromium, on real builds served on 127.0.0.1: the Jekyll tree
 * (a small toc, shown whole) and a generated tree too large for that (its closed sections load
 * their items on demand). Beside the content at 1280 px with the current page marked and its
 * sections open; behind the menu button at 360 px, which the keyboard opens and Escape closes;
 * reached by Tab; previous/next in the toc's reading order; without JavaScript, after the content.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocTree } from '../../bench/doc-tree.ts';
import { launchBrowser, type Browser } from '../helpers/browser.ts';
import { JEKYLL_TREE, makeWorkDir } from '../helpers/build-site.ts';
import { buildAndServe, type ServedSite } from '../helpers/served-site.ts';

const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

const work = makeWorkDir('sidebar-');
let jekyll: ServedSite;
let large: ServedSite;
let browser: Browser;

beforeAll(async () => {
  // 3 sections of 2 parts of 30 pages: 189 items, more than a page shows whole.
  const content = writeDocTree(join(work, 'large'), { sections: 3, subsections: 2, pages: 30, toc: true });
  [jekyll, large] = await Promise.all([buildAndServe(JEKYLL_TREE.contentDir, JEKYLL_TREE), buildAndServe(content)]);
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await jekyll?.close();
  await large?.close();
  rmSync(work, { recursive: true, force: true });
});

async function withPage<T>(viewport: { width: number; height: number }, use: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize(viewport);
    return await use(page);
  } finally {
    await page.close();
  }
}

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Documentation', exact: true });
const menuButton = (page: Page) => page.getByRole('button', { name: 'Menu' });
/** The names of the sidebar's open and closed sections. */
const sections = (page: Page) =>
  sidebar(page).locator('details').evaluateAll((all) => all.map((details) => `${(details as HTMLDetailsElement).open ? 'open' : 'closed'} ${details.querySelector('summary')?.textContent}`));
/** The element that has the focus: where it is, and its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return { inSidebar: Boolean(element?.closest('[data-sidebar]')), inMain: Boolean(element?.closest('main')), text: element?.textContent?.trim() ?? '', tag: element?.tagName ?? '' };
  });

describe('the sidebar on a wide screen', () => {
  it('sits beside the content, the current page marked and only its sections open', async () => {
    await withPage(WIDE, async (page) => {
      await page.goto(`${jekyll.url}/en/configure-pipeline/`);
      const nav = sidebar(page);
      expect(await nav.isVisible()).toBe(true);
      expect(await menuButton(page).isVisible()).toBe(false);
      const navBox = await nav.boundingBox();
      const mainBox = await page.locator('main').boundingBox();
      expect(navBox && mainBox && navBox.x + navBox.width <= mainBox.x && navBox.y < mainBox.y + 100).toBe(true);
      const current = nav.locator('[aria-current="page"]');
      expect(await current.count()).toBe(1);
      expect(await current.textContent()).toBe('Configuring the pipeline');
      expect(await current.isVisible()).toBe(true);
      expect(await sections(page)).toEqual(['closed Start here', 'open Guides', 'open Advanced', 'closed Troubleshooting', 'closed Community', 'closed More pages']);
      // It stays in view while the page scrolls.
      await page.mouse.wheel(0, 2000);
      await page.waitForFunction(() => window.scrollY > 0);
      expect(await nav.isVisible()).toBe(true);
      expect((await nav.boundingBox())?.y).toBeLessThanOrEqual(1);
    });
  });

  it('is reached by Tab before the content, and its sections open from the keyboard', async () => {
    await withPage(WIDE, async (page) => {
      await page.goto(`${jekyll.url}/en/installation-guide/`);
      const stops: Awaited<ReturnType<typeof focused>>[] = [];
      for (let press = 0; press < 40; press += 1) {
        await page.keyboard.press('Tab');
        const stop = await focused(page);
        stops.push(stop);
        if (stop.inMain) break;
      }
      const firstInSidebar = stops.findIndex((stop) => stop.inSidebar);
      expect(firstInSidebar).toBeGreaterThan(0);
      expect(stops.findIndex((stop) => stop.inMain)).toBeGreaterThan(firstInSidebar);
      expect(stops.filter((stop) => stop.inSidebar).map((stop) => stop.text)).toEqual(
        expect.arrayContaining(['Start here', 'Guides', 'Installing the plugins', 'Troubleshooting', 'More pages', 'All 5 error entries']),
      );
      // A closed section: Enter on its summary opens it, and Tab reaches its links.
      const troubleshooting = sidebar(page).locator('summary', { hasText: 'Troubleshooting' });
      await troubleshooting.focus();
      await page.keyboard.press('Enter');
      expect(await sections(page)).toContain('open Troubleshooting');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ inSidebar: true, tag: 'A', text: 'Troubleshooting' });
      await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe('License server unreachable (LM-5012)');
    });
  });

  it('shows each level of a large tree in part, and loads the rest on demand', async () => {
    await withPage(WIDE, async (page) => {
      await page.goto(`${large.url}/en/page-1-0-20/`);
      // Open on the way to the page; a window of its 30 siblings around it, then the rest on demand.
      expect(await sections(page)).toEqual(['closed Section 0', 'open Section 1', 'open Part 1.0', 'closed Part 1.1', 'closed Section 2']);
      const part = sidebar(page).locator('details:has(> summary:text-is("Part 1.0"))').locator(':scope > ul > li');
      expect(await part.count()).toBe(22);
      const more = sidebar(page).getByRole('link', { name: 'All 30 pages in “Part 1.0”' });
      await more.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('[data-sidebar] details[open] details[open] > ul > li').length === 30);
      expect(page.url()).toBe(`${large.url}/en/page-1-0-20/`);
      expect(await part.locator('a').allTextContents()).toEqual(Array.from({ length: 30 }, (_, index) => `Topic 1.0.${index}`));
      expect(await part.locator('[aria-current="page"]').textContent()).toBe('Topic 1.0.20');
      // The focus moved to the first page that was not shown.
      expect((await focused(page)).text).toBe('Topic 1.0.0');
      // A closed section holds its page's link until it opens; then its parts, from its fragment.
      const section = sidebar(page).locator('details:has(> summary:text-is("Section 2"))');
      expect(await section.locator('a').allTextContents()).toEqual(['Section 2']);
      await section.locator('summary').focus();
      await page.keyboard.press('Enter');
      await section.locator('summary', { hasText: 'Part 2.1' }).waitFor();
      expect(await section.locator(':scope > ul > li').allTextContents()).toEqual(['Section 2', 'Part 2.0Topic 2.0.0', 'Part 2.1Topic 2.1.0']);
      await section.locator('summary', { hasText: 'Part 2.1' }).click();
      await page.waitForFunction(() => [...document.querySelectorAll('[data-sidebar] a')].some((link) => link.textContent === 'Topic 2.1.29'));
    });
  });
});

describe('the sidebar on a phone', () => {
  it('hides behind the menu button, which opens it from the keyboard; Escape closes it and returns the focus', async () => {
    await withPage(PHONE, async (page) => {
      await page.goto(`${jekyll.url}/ja/installation-guide/`);
      const button = page.getByRole('button', { name: 'メニュー' });
      // Hidden, it is out of the accessibility tree: found by its test id, its name checked.
      const nav = page.getByTestId('doc-nav');
      expect(await nav.getAttribute('aria-label')).toBe('ドキュメント');
      expect(await button.isVisible()).toBe(true);
      expect(await nav.isVisible()).toBe(false);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await button.getAttribute('aria-controls')).toBe(await nav.getAttribute('id'));

      await button.focus();
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      expect(await nav.isVisible()).toBe(true);
      expect(await nav.locator('[aria-current="page"]').textContent()).toBe('プラグインのインストール');
      // The sidebar comes next in the Tab order, above the content.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ inSidebar: true, text: 'はじめに' });
      await page.keyboard.press('Escape');
      expect(await nav.isVisible()).toBe(false);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-sidebar-toggle'))).toBe(true);
      // Space opens it too, and the button closes it again.
      await page.keyboard.press('Space');
      expect(await nav.isVisible()).toBe(true);
      await page.keyboard.press('Space');
      expect(await nav.isVisible()).toBe(false);
      // Nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    });
  });

  it('follows the content without JavaScript', async () => {
    const own = await launchBrowser({ javaScriptEnabled: false, viewport: PHONE });
    try {
      const page = await own.context.newPage();
      await page.goto(`${jekyll.url}/en/installation-guide/`);
      const nav = sidebar(page);
      expect(await nav.isVisible()).toBe(true);
      const navBox = await nav.boundingBox();
      const mainBox = await page.locator('main').boundingBox();
      expect(navBox && mainBox && navBox.y >= mainBox.y + mainBox.height).toBe(true);
      expect(await page.locator('[data-sidebar-toggle]').isVisible()).toBe(false);
      expect(await nav.locator('[aria-current="page"]').textContent()).toBe('Installing the plugins');
    } finally {
      await own.close();
    }
  });
});

describe('previous and next', () => {
  /** The toc's pages in reading order, and the pages it leaves out ("More pages") after them. */
  const READING_ORDER = ['index', 'getting-started', 'guides', 'installation-guide', 'configure-pipeline', 'troubleshooting', 'license-server-unreachable', 'ssl-certificate-rejected', 'cli-reference', 'release-notes'];

  it('follow the toc\'s reading order, forwards and back, in the reader\'s language', async () => {
    await withPage(WIDE, async (page) => {
      const walk = async (start: string, rel: 'next' | 'prev') => {
        const visited: string[] = [];
        await page.goto(`${jekyll.url}${start}`);
        for (;;) {
          visited.push(new URL(page.url()).pathname);
          const link = page.locator(`[data-testid="pagination"] a[rel="${rel}"]`);
          if ((await link.count()) === 0) break;
          await Promise.all([page.waitForURL((url) => !visited.includes(url.pathname)), link.click()]);
        }
        return visited;
      };
      expect(await walk('/ko/index/', 'next')).toEqual(READING_ORDER.map((name) => `/ko/${name}/`));
      expect(await walk('/ko/release-notes/', 'prev')).toEqual(READING_ORDER.map((name) => `/ko/${name}/`).reverse());
      // Breadcrumbs follow the sections.
      await page.goto(`${jekyll.url}/ko/configure-pipeline/`);
      expect(await page.getByRole('navigation', { name: '이동 경로' }).locator('li').allTextContents()).toEqual(['홈', '가이드', 'Advanced', '파이프라인 구성']);
    });
  });

  it('keep a documentation page\'s HTML small in a large tree', () => {
    const html = readFileSync(join(large.outDir, 'en/page-1-0-20/index.html'), 'utf8');
    const nav = html.slice(html.indexOf('<nav id="doc-sidebar"'), html.indexOf('</nav>', html.indexOf('<nav id="doc-sidebar"')));
    expect(nav.length).toBeGreaterThan(1000);
    expect(nav.length).toBeLessThan(8000);
  });
});
