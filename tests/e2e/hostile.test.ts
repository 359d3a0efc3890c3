/**
 * Untrusted input stays inert: a site built from the hostile corpus (XSS vectors in every
 * field, polyglots, encoded variants, huge and deeply nested files, invalid UTF-8, NUL bytes)
 * is opened page by page in Chromium, and hostile queries are run on its search page. Any
 * dialog, any error thrown by page code, any Content-Security-Policy violation, or any element
 * or attribute that can run script fails the test.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/lib/validation/report.ts';
import { HOSTILE_QUERIES, writeHostileTree, writeTooDeepTree } from '../fixtures/hostile/corpus.ts';
import { launchBrowser, type Browser } from '../helpers/browser.ts';
import { buildSite, makeWorkDir, PROJECT_ROOT, reportPath } from '../helpers/build-site.ts';
import { buildAndServe, type ServedSite } from '../helpers/served-site.ts';

let served: ServedSite;
let browser: Browser;
let page: Page;
let inputs = 0;
const incidents: string[] = [];
const work = makeWorkDir('hostile-');

beforeAll(async () => {
  inputs = writeHostileTree(work);
  served = await buildAndServe(join(work, 'content'));
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('dialog', (dialog) => {
    incidents.push(`dialog on ${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.push(`page error on ${page.url()}: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    // Broken images (`<img src=x>` survives sanitising as a harmless image) 404; anything
    // else logged as an error — a CSP refusal above all — is an incident.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) incidents.push(`console error on ${page.url()}: ${message.text()}`);
  });
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Elements and attributes that could run script or load active content. */
async function activeContent(): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (tag === 'script') {
        const src = element.getAttribute('src') ?? '';
        // The site's own bundled modules only: external files from this origin.
        if (!src || !src.startsWith('/')) found.push(`inline or foreign script: ${element.outerHTML.slice(0, 80)}`);
      }
      if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'applet'].includes(tag)) found.push(`<${tag}>`);
      // Redirect pages refresh to a path on this site; anything else is not ours.
      if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh' && !/^\d+;\s*url=\/(?!\/)/i.test(element.getAttribute('content') ?? '')) {
        found.push(`meta refresh ${element.getAttribute('content')}`);
      }
      if (tag === 'style' || (tag === 'link' && element.getAttribute('rel') === 'stylesheet' && !element.getAttribute('href')?.startsWith('/'))) found.push(`<${tag}>`);
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${tag}[${attribute.name}]`);
        if (attribute.name === 'style') found.push(`${tag}[style]`);
        if (/^(?:href|src|action|formaction|data|xlink:href)$/i.test(attribute.name) && /^\s*(?:javascript|vbscript|data):/i.test(attribute.value)) {
          found.push(`${tag}[${attribute.name}=${attribute.value.slice(0, 40)}]`);
        }
      }
    }
    return found;
  });
}

/** Every page of the build, and whether it is a redirect (which navigates away by itself). */
function htmlPages(root: string): { path: string; redirect: boolean }[] {
  const pages: { path: string; redirect: boolean }[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.html')) {
        pages.push({ path: `/${relative(root, file).replace(/index\.html$/, '')}`, redirect: /http-equiv="refresh"/i.test(readFileSync(file, 'utf8').slice(0, 4000)) });
      }
    }
  };
  walk(root);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

describe('a site built from hostile content', () => {
  it('holds at least 40 hostile inputs', () => {
    expect(inputs).toBeGreaterThanOrEqual(40);
  });

  it('runs nothing and shows nothing active on any page', { timeout: 600_000 }, async () => {
    const pages = htmlPages(served.outDir);
    expect(pages.filter((p) => !p.redirect).length).toBeGreaterThan(90);
    const problems: string[] = [];
    // Other locales show the same entries as fallbacks; their own pages are visited.
    const visited = pages.filter(({ path }) => !path.startsWith('/ja/') || ['/ja/', '/ja/search/', '/ja/vector-1/'].includes(path));
    for (const { path, redirect } of visited) {
      // A redirect page is read without following it; every other page is opened and run.
      if (redirect) await page.setContent(readFileSync(join(served.outDir, path, path.endsWith('/') ? 'index.html' : ''), 'utf8'), { waitUntil: 'domcontentloaded' });
      else await page.goto(`${served.url}${path}`);
      for (const problem of await activeContent()) problems.push(`${path}: ${problem}`);
    }
    expect(problems).toEqual([]);
    expect(incidents).toEqual([]);
  });

  it('treats hostile queries as text, typed, pasted or in a shared link', async () => {
    for (const query of HOSTILE_QUERIES) {
      await page.goto(`${served.url}/en/search/?q=${encodeURIComponent(query)}`);
      await page.locator('[data-search-page][data-state="done"]').waitFor();
      expect(await activeContent(), query).toEqual([]);
      await page.getByTestId('search-input').evaluate((input: HTMLTextAreaElement, value) => {
        input.value = `Traceback (most recent call last):\n${value}\n${value}`;
        input.form?.requestSubmit();
      }, query);
      await page.locator('[data-search-page][data-state="done"]').waitFor();
      expect(await activeContent(), query).toEqual([]);
    }
    // A hash is never read as markup either.
    await page.goto(`${served.url}/en/search/?q=x#<img src=x onerror=alert(70)>`);
    await page.locator('[data-search-page][data-state="done"]').waitFor();
    expect(incidents).toEqual([]);
  });
});

describe('a site whose pages nest 2,000 and 20,000 levels deep', () => {
  it('is refused with a problem at each place the nesting goes too deep, not a crash', { timeout: 300_000 }, () => {
    const work = makeWorkDir('too-deep-');
    try {
      const expected = writeTooDeepTree(work);
      const build = buildSite(join(work, 'content'), join(work, 'dist'));
      expect(build.status).toBe(1);
      expect(build.output).not.toMatch(/RangeError|Maximum call stack/);
      // Messages name files from the project root, where the test's work folder is.
      const folder = `${relative(PROJECT_ROOT, work).split('\\').join('/')}/`;
      const report = JSON.parse(readFileSync(reportPath(build.outDir), 'utf8')) as ReportJson;
      const problems = report.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.rule}]`);
      expect(problems).toEqual(expected.map((problem) => folder + problem));
      for (const problem of problems) expect(build.output).toContain(`  ${problem}`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
