/**
 * `npm run bench:dev -- [--tree content] [--edits 10] [--start-only]`: how fast `npm run dev`
 * serves a writer. Starts the dev server over a copy of the tree, then prints:
 *
 * - start: from starting the process to the first page answered, and the server's memory (RSS)
 *   then and after every language's catalog was rendered once. The tree is copied into
 *   `.bench/dev-server/`, the same folder every run: a first run parses every file, a second one
 *   reads the pages the first kept, as a writer's second `npm run dev` does;
 * - save → shown (unless --start-only): an entry open in Chromium, its file saved with a new
 *   sentence `--edits` times; the time from the save to the sentence being on screen, as the
 *   reader sees it (the page reloaded by the server, the text painted). Median and worst.
 *
 *   node bench/dev-server.ts --tree content
 *   node bench/generate-catalog.ts --per-locale 1000 --out .bench/dev-1k && node bench/dev-server.ts --tree .bench/dev-1k/content
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSite } from '../src/lib/content/load-site.ts';
import { entryPath } from '../src/lib/routing/routes.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { PROJECT_ROOT } from '../tests/helpers/build-site.ts';
import { startDevServer } from '../tests/helpers/dev-server.ts';

const { values } = parseArgs({ options: { tree: { type: 'string', default: 'content' }, edits: { type: 'string', default: '10' }, 'start-only': { type: 'boolean', default: false } } });
const tree = resolve(values.tree);
const edits = Number(values.edits);

/** Resident memory of a process, in MiB (Linux). */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

const site = loadSite({ contentDir: tree, rootDir: process.cwd() });
const entry = site.pages.find((page) => page.kind === 'entry' && page.locale === site.sources.localeConfig.defaultLocale);
if (!entry) throw new Error(`${tree} has no entry in its default language.`);
// One work folder per tree, so that a second run finds the pages the first one kept (as a
// writer's second `npm run dev` does): the cache belongs to the content folder's path.
const work = join(PROJECT_ROOT, '.bench/dev-server', createHash('sha256').update(tree).digest('hex').slice(0, 12));
rmSync(join(work, 'content'), { recursive: true, force: true });
const server = await startDevServer(tree, work, { timeoutMs: 30 * 60_000 });
const startMs = server.startMs;
const rssStarted = rssMiB(server.pid);
for (const locale of site.sources.localeConfig.locales) await fetch(`${server.url}/${locale.segment}/`);
const rssBrowsed = rssMiB(server.pid);
console.log(`${site.pages.length} pages (${site.pages.filter((page) => page.kind === 'entry').length} entries): started in ${(startMs / 1000).toFixed(1)} s, ${rssStarted.toFixed(0)} MiB; ${rssBrowsed.toFixed(0)} MiB after each language's catalog`);

if (!values['start-only']) {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  const url = `${server.url}${entryPath(entry.locale, entry.pagename)}`;
  await page.goto(url);
  const file = join(server.contentDir, entry.contentPath);
  const original = readFileSync(file, 'utf8');
  const times: number[] = [];
  for (let edit = 1; edit <= edits; edit += 1) {
    const sentence = `Edit number ${edit} of the dev server benchmark.`;
    const saved = performance.now();
    writeFileSync(file, `${original}\n${sentence}\n`);
    // Shown: in the page and painted (the next animation frame after it is in the DOM).
    await page.waitForFunction((text) => document.querySelector('main')?.textContent?.includes(text) && new Promise((done) => requestAnimationFrame(() => done(true))), sentence, { timeout: 120_000, polling: 'raf' });
    times.push(performance.now() - saved);
  }
  writeFileSync(file, original);
  await browser.close();
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  console.log(`save → shown over ${edits} edits: median ${Math.round(median)} ms, worst ${Math.round(sorted.at(-1) ?? 0)} ms (${times.map(Math.round).join(', ')})`);
}
await server.close();
