/**
 * The size of documentation pages as the tree grows: for each N, writes a documentation tree
 * of about N pages (`doc-tree.ts`: 10 sections of 10 parts, each section with a page of its
 * own) ordered by a `_data/toc.yml`, and the same tree ordered by its folders, builds each with
 * `npm run build`'s own script, and prints the HTML bytes of its documentation pages — the
 * largest and the median — and how much of them the sidebar takes, with the build's wall time
 * and the sidebar fragments written beside the pages.
 *
 *   npm run bench:docnav -- --sizes 1000,10000 [--keep]
 *
 * Not a test: it prints figures. Trees and builds go under .bench/ (git-ignored), inside the
 * project because Astro stages pages there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listFiles } from '../src/lib/build/list-files.ts';
import { writeDocTree } from './doc-tree.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' }, keep: { type: 'boolean', default: false } } });
const root = resolve('.bench/doc-nav');
const SECTIONS = 10;
const SUBSECTIONS = 10;

const median = (numbers: readonly number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The sidebar's markup in a page: its menu button and its `<nav>`. */
function sidebarBytes(html: string): number {
  const start = html.indexOf('<div class="sidebar-bar">');
  const end = html.indexOf('</nav>', html.indexOf('<nav id="doc-sidebar"'));
  return start === -1 || end === -1 ? 0 : Buffer.byteLength(html.slice(start, end + '</nav>'.length));
}

function build(content: string, out: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    env: { ...process.env, ERRATA_CONTENT_DIR: content, ERRATA_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  return (performance.now() - started) / 1000;
}

const rows: string[] = [
  '| documentation pages | order | build (wall) | page HTML, median | page HTML, max | sidebar, median (share) | sidebar, max | catalog home | fragments |',
  '|---|---|---|---|---|---|---|---|---|',
];
for (const size of values.sizes.split(',').map(Number)) {
  const pages = Math.max(1, Math.round((size - SECTIONS) / (SECTIONS * SUBSECTIONS)));
  for (const toc of [true, false]) {
    const work = join(root, `${size}-${toc ? 'toc' : 'folders'}`);
    const content = writeDocTree(work, { sections: SECTIONS, subsections: SUBSECTIONS, pages, toc });
    const out = join(work, 'dist');
    const seconds = build(content, out);
    const docPages = readdirSync(join(out, 'en')).filter((name) => /^(?:sec|page)-/.test(name));
    const sizes = docPages.map((name) => {
      const html = readFileSync(join(out, 'en', name, 'index.html'), 'utf8');
      return { page: Buffer.byteLength(html), sidebar: sidebarBytes(html) };
    });
    const fragments = existsSync(join(out, 'errata-nav')) ? listFiles(join(out, 'errata-nav')) : [];
    const fragmentBytes = fragments.reduce((sum, file) => sum + statSync(join(out, 'errata-nav', file)).size, 0);
    const pageMedian = median(sizes.map((entry) => entry.page));
    const sidebarMedian = median(sizes.map((entry) => entry.sidebar));
    rows.push(
      `| ${docPages.length.toLocaleString('en')} | ${toc ? 'toc.yml' : 'folders'} | ${seconds.toFixed(1)} s | ${kb(pageMedian)} | ${kb(Math.max(...sizes.map((entry) => entry.page)))} | ` +
        `${kb(sidebarMedian)} (${((100 * sidebarMedian) / pageMedian).toFixed(0)} %) | ${kb(Math.max(...sizes.map((entry) => entry.sidebar)))} | ` +
        `${kb(statSync(join(out, 'en', 'index.html')).size)} | ${fragments.length.toLocaleString('en')} files, ${kb(fragmentBytes)} |`,
    );
    console.log(rows.at(-1));
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
}
console.log(`\n${rows.join('\n')}`);
