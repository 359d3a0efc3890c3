/**
 * `npm run dev` as a writer uses it: a page open in Chromium shows an edit without a reload by
 * hand; a broken entry's problem is shown on the page (file and line) while the server keeps
 * answering, and goes when the file is fixed; a new entry is in the catalog and a paste of its
 * error finds it. Each test puts back what it changed.
 */
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../helpers/browser.ts';
import { makeWorkDir, PROJECT_ROOT } from '../helpers/build-site.ts';
import { type DevServer, startDevServer } from '../helpers/dev-server.ts';
import { CONTENT_VERSION_PATH } from '../../src/lib/site/dev-reload.ts';

const work = makeWorkDir('dev-');
let server: DevServer;
let browser: Browser;
let page: Page;
/** How long a change may take to show: generous, because the machine is shared; the speed itself is benchmarked in bench/dev-server.ts. */
const SHOWN = { timeout: 30_000 };

beforeAll(async () => {
  server = await startDevServer(join(PROJECT_ROOT, 'tests/fixtures/site-small/content'), work);
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Which load of the content the server shows now (see `src/client/dev-reload.ts`). */
async function serverVersion(): Promise<number> {
  return Number(await (await fetch(`${server.url}${CONTENT_VERSION_PATH}`)).text());
}

/** Which load of the content the open page was rendered from; NaN while it is between documents. */
async function pageVersion(): Promise<number> {
  return Number(await page.evaluate(() => document.documentElement.dataset['contentVersion']).catch(() => Number.NaN));
}

/**
 * Writes (or, with `undefined`, deletes) a file of the served tree, and waits until the server
 * has loaded the change and the open page shows it, reloaded by the server, so that nothing
 * after it races the reload.
 */
async function save(path: string, text: string | undefined): Promise<void> {
  const before = await serverVersion();
  if (text === undefined) unlinkSync(join(server.contentDir, path));
  else writeFileSync(join(server.contentDir, path), text);
  await expect.poll(serverVersion, SHOWN).toBeGreaterThan(before);
  await expect.poll(async () => (await pageVersion()) === (await serverVersion()), SHOWN).toBe(true);
  await page.waitForLoadState('load');
}

/** Changes a file of the served tree for the length of `test`, then puts it back. */
async function withFile(path: string, change: (text: string) => string, test: () => Promise<void>): Promise<void> {
  const original = readFileSync(join(server.contentDir, path), 'utf8');
  await save(path, change(original));
  try {
    await test();
  } finally {
    await save(path, original);
  }
}

describe('npm run dev', () => {
  it('shows an edit in the open page, without a reload by hand', async () => {
    await page.goto(`${server.url}/en/permission/`);
    expect(await page.locator('main').textContent()).not.toContain('Or run the tool as the owner');
    // A reload by hand would reset this mark; the server's own reload is what makes the text appear.
    await withFile('en/fs/permission.md', (text) => `${text}\nOr run the tool as the owner of the cache folder.\n`, async () => {
      await page.locator('main').getByText('Or run the tool as the owner of the cache folder.').waitFor(SHOWN);
    });
    expect(server.output()).toContain('Content reloaded in');
  });

  it('shows a changed include and a changed _data file in the pages that use them', async () => {
    await page.goto(`${server.url}/en/ssl-verify/`);
    await withFile('_includes/product', () => 'Renamed Tool', async () => {
      expect(await page.locator('main').textContent()).toContain('When Renamed Tool connects');
    });
    await page.goto(`${server.url}/en/`);
    await withFile('_data/categories.yml', (text) => text.replace('en: Networking', 'en: Networks and proxies'), async () => {
      expect(await page.locator('main').textContent()).toContain('Networks and proxies');
    });
  });

  it('shows a broken entry\'s problem on every page while it is broken, keeps answering, and clears it once fixed', async () => {
    await page.goto(`${server.url}/en/`);
    await withFile('en/net/ssl-verify.md', (text) => text.replace(/^lang: en$/m, 'lang: english'), async () => {
      const banner = page.getByTestId('dev-problems');
      await banner.waitFor(SHOWN);
      expect(await banner.textContent()).toContain('en/net/ssl-verify.md:5:7');
      expect(await banner.textContent()).toContain('Unknown lang "english"');
      // The rest of the site is still served, with the problem on it.
      const response = await page.goto(`${server.url}/en/permission/`);
      expect(response?.status()).toBe(200);
      expect(await page.getByTestId('dev-problems').textContent()).toContain('ssl-verify.md:5:7');
      expect(server.output()).toMatch(/ssl-verify\.md:5:7: Unknown lang "english"\. .*\[front-matter-lang\]/);
    });
    // The fixture's own warning stays listed; the fixed file's problem goes.
    await page.getByTestId('dev-problems').getByText('ssl-verify.md').waitFor({ state: 'detached', ...SHOWN });
    expect(await page.getByTestId('dev-problems').textContent()).toContain('hostile.md');
  });

  it('shows what the search check finds, once it has run beside the server', async () => {
    await page.goto(`${server.url}/en/`);
    const twin = ['---', 'layout: default', 'title: "The same permission error"', 'pagename: permission-twin', 'lang: en', 'category: fs', '---', '', "# `PermissionError: [Errno 13] Permission denied: '/var/cache/fixture'`", '', '## Fix', '', 'Another page about the same error.', ''].join('\n');
    await save('en/fs/permission-twin.md', twin);
    try {
      // The check runs in its own thread; when it is done, the page reloads with its findings.
      await page.getByTestId('dev-problems').getByText('permission-twin.md').first().waitFor(SHOWN);
      expect(await page.getByTestId('dev-problems').textContent()).toMatch(/\[search-(indistinguishable|not-first)\]/);
    } finally {
      await save('en/fs/permission-twin.md', undefined);
    }
  });

  it('reloads a page that missed the server\'s message because it was loading when the change was made', async () => {
    await page.goto('about:blank');
    const path = join(server.contentDir, 'en/fs/read-only.md');
    const before = await serverVersion();
    // The page's request is answered from the content before the change; the change is then
    // loaded, and the server's reload message sent, before the page has opened its socket.
    await page.route(
      `${server.url}/en/`,
      async (route) => {
        const response = await route.fetch();
        writeFileSync(path, ['---', 'layout: default', 'title: "Read-only file system"', 'pagename: read-only', 'lang: en', 'category: fs', '---', '', "# `OSError: [Errno 30] Read-only file system: '/mnt/cache'`", '', '## Fix', '', 'Mount the cache volume writable.', ''].join('\n'));
        await expect.poll(serverVersion, SHOWN).toBeGreaterThan(before);
        await route.fulfill({ response });
      },
      { times: 1 },
    );
    try {
      await page.goto(`${server.url}/en/`);
      await page.locator('main a[href="/en/read-only/"]').first().waitFor(SHOWN);
    } finally {
      await save('en/fs/read-only.md', undefined);
    }
  });

  it('lists a new entry in the catalog, and a paste of its error finds it first', async () => {
    await page.goto(`${server.url}/en/`);
    await save(
      'en/fs/disk-quota.md',
      ['---', 'layout: default', 'title: "Disk quota exceeded while writing the render cache"', 'pagename: disk-quota', 'lang: en', 'category: fs', '---', '', '# `OSError: [Errno 122] Disk quota exceeded: \'/srv/render/cache/frame_0042.exr\'`', '', '## Fix', '', 'Free space in your quota, or point the render cache at a larger volume.', ''].join('\n'),
    );
    try {
      await page.locator('main a[href="/en/disk-quota/"]').first().waitFor(SHOWN);
      await page.goto(`${server.url}/en/search/`);
      await page.locator('[data-search-page][data-state="done"]').waitFor(SHOWN);
      await page.getByTestId('search-input').fill("Traceback (most recent call last):\n  File \"/home/ana/tools/render.py\", line 88, in save\nOSError: [Errno 122] Disk quota exceeded: '/srv/render/cache/frame_0917.exr'");
      await page.getByTestId('search-input').press('Enter');
      await page.locator('[data-search-page][data-state="done"]').waitFor(SHOWN);
      const first = await page.locator('[data-testid="search-results"] a').first().getAttribute('href');
      expect(first).toBe('/en/disk-quota/');
    } finally {
      await page.goto(`${server.url}/en/`);
      await save('en/fs/disk-quota.md', undefined);
    }
    // Removed: gone from the catalog.
    expect(await page.locator('main a[href="/en/disk-quota/"]').count()).toBe(0);
  });
});
