/**
 * Build time at scale: for each N, generates a synthetic catalog of N entries per locale over
 * the four default locales (bench/synthetic-entries.ts), then runs `npm run build`'s own build
 * script on it twice — a full build, then a rebuild after one entry's text changed — and prints
 * wall time, CPU time, peak memory, dist/ size, search index size, time per HTML file and, for
 * the rebuild, how many pages it rendered again.
 *
 * The catalog is a git repository with a history of `--git-commits` edits (1,500 by default),
 * from which the build reads each entry's last change; `--git-commits 0` leaves git out.
 *
 *   npm run bench:build -- --sizes 1000,10000 [--git-commits 1500] [--keep]
 *
 * Not a test: it prints figures. Work folders go under .bench/ (git-ignored), inside the
 * project because Astro stages pages there.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { listFiles } from '../src/lib/build/list-files.ts';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheFolder } from '../src/lib/build/cache-folder.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000' }, 'git-commits': { type: 'string', default: '1500' }, keep: { type: 'boolean', default: false } },
});
const root = resolve('.bench');
console.log(`Each catalog's git history: ${Number(values['git-commits']) > 0 ? `${values['git-commits']} edits after the first commit` : 'none'}.`);
mkdirSync(root, { recursive: true });

const folderBytes = (path: string) => listFiles(path).reduce((total, file) => total + statSync(join(path, file)).size, 0);
const countPages = (path: string) => listFiles(path).filter((file) => file.endsWith('.html')).length;

interface Run {
  wall: number;
  cpu: number;
  peakMiB: number;
  /** "3 of 4,036" on a rebuild: pages rendered again, of all fingerprinted pages. */
  rendered: string;
}

/** One build under GNU time, for CPU time and peak memory (children included). */
function timedBuild(content: string, out: string): Run {
  // The disk's write-back of what came before (the generated catalog, the previous build's
  // output) finishes first, so that it is not timed as part of this build.
  spawnSync('sync');
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, 'scripts/build.mjs'], {
    env: { ...process.env, ERRATA_CONTENT_DIR: content, ERRATA_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const match = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !match) throw new Error(`build failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  const rebuilt = /Rebuild: (\d+) of (\d+) pages changed/.exec(result.stdout + result.stderr);
  return {
    wall: Number(match[1]),
    cpu: Number(match[2]) + Number(match[3]),
    peakMiB: Number(match[4]) / 1024,
    rendered: rebuilt ? `${Number(rebuilt[1]).toLocaleString('en')} of ${Number(rebuilt[2]).toLocaleString('en')}` : 'all',
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const rows: string[] = [];
for (const size of values.sizes.split(',').map(Number)) {
  const work = join(root, `synthetic-${size}`);
  rmSync(work, { recursive: true, force: true });
  const generated = spawnSync(process.execPath, ['bench/generate-catalog.ts', '--per-locale', String(size), '--out', work, '--git-commits', values['git-commits']], { encoding: 'utf8' });
  if (generated.status !== 0) throw new Error(generated.stderr);
  const content = join(work, 'content');
  const out = join(work, 'dist');
  // A full build from cold: no pages cached by an earlier run of this benchmark.
  rmSync(cacheFolder(process.cwd(), out, content), { recursive: true, force: true });

  const full = timedBuild(content, out);
  const pages = countPages(out);
  const distBytes = folderBytes(out);
  const indexBytes = folderBytes(join(out, 'pagefind')) + folderBytes(join(out, 'errata-search'));

  // Change one entry, then build again.
  const changed = join(content, 'en', 'errors', readdirSync(join(content, 'en', 'errors'))[0] ?? '');
  appendFileSync(changed, '\nOne more sentence, changed for the rebuild benchmark.\n');
  const rebuild = timedBuild(content, out);

  const line = (label: string, run: Run) =>
    `| ${size.toLocaleString('en')} | ${label} | ${pages.toLocaleString('en')} | ${run.rendered} | ${run.wall.toFixed(1)} s | ${run.cpu.toFixed(1)} s | ${run.peakMiB.toFixed(0)} MiB | ${mib(distBytes)} | ${mib(indexBytes)} | ${((run.wall * 1000) / pages).toFixed(1)} ms |`;
  rows.push(line('full build', full), line('one entry changed', rebuild));
  console.log(rows.at(-2));
  console.log(rows.at(-1));
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
console.log('\n| entries per locale | build | HTML files | pages rendered | wall | CPU | peak memory | dist/ | search indexes | wall per HTML file |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
