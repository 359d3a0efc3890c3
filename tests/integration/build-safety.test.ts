/**
 * `npm run build` never leaves a broken or half-written output: a failed build keeps the
 * previous one, a killed build leaves it untouched, and the same content builds to the same
 * bytes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolder, claimCacheFolder } from '../../src/lib/build/cache-folder.ts';
import { folderDigest as digest, makeWorkDir, PROJECT_ROOT } from '../helpers/build-site.ts';

const work = makeWorkDir('build-safety-');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const good = join(PROJECT_ROOT, 'tests/fixtures/site-small/content');
const broken = join(PROJECT_ROOT, 'tests/fixtures/validation/unknown-lang/content');
const buildScript = join(PROJECT_ROOT, 'scripts/build.mjs');
const env = (content: string, out: string) => ({ ...process.env, ERRATA_CONTENT_DIR: content, ERRATA_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' });

function build(content: string, out: string) {
  return spawnSync(process.execPath, [buildScript], { cwd: PROJECT_ROOT, env: env(content, out), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const siblings = (out: string) => readdirSync(work).filter((name) => name.startsWith(`${out.split('/').pop()}.`));

describe('npm run build', () => {
  const out = join(work, 'dist');
  let first: Record<string, string>;

  it('builds into place, and the old output is deleted in the background', async () => {
    const result = build(good, out);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    first = digest(out);
    expect(Object.keys(first)).toContain('en/ssl-verify/index.html');
    await expect.poll(() => siblings(out), { timeout: 30_000, interval: 100 }).toEqual([]);
  });

  it('keeps the previous output exactly when a build fails', async () => {
    const result = build(broken, out);
    expect(result.status).toBe(1);
    // The problems and their summary, then the verdict: no stack trace to scroll them away.
    expect(result.stderr).toContain('content/jp/unknown-lang.md:5:7: Unknown lang "jp"');
    expect(result.stderr.trim().split('\n').slice(-2)).toEqual([
      expect.stringMatching(/^✗ 1 error in \d+ files\. .* Full report: .*errata-report\.json$/),
      `Build failed; ${out} is unchanged.`,
    ]);
    expect(result.stderr).not.toMatch(/\bat \w+ \(|Stack trace|unhandled error/);
    expect(digest(out)).toEqual(first);
    await expect.poll(() => siblings(out), { timeout: 30_000, interval: 100 }).toEqual([]);
  });

  it('leaves the output untouched when killed mid-way, and the next build cleans up', async () => {
    const child = spawn(process.execPath, [buildScript], { cwd: PROJECT_ROOT, env: env(good, out), stdio: 'ignore' });
    // Kill it once it has started writing its staging folder.
    await expect.poll(() => siblings(out).length, { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    expect(digest(out)).toEqual(first);
    const result = build(good, out);
    expect(result.status).toBe(0);
    await expect.poll(() => siblings(out), { timeout: 30_000, interval: 100 }).toEqual([]);
  });

  it('refuses to start while another build is writing the same output', async () => {
    // A full build (nothing cached to build upon): a rebuild of unchanged content may be done
    // before the second build has started.
    rmSync(cacheFolder(PROJECT_ROOT, out, good), { recursive: true, force: true });
    const child = spawn(process.execPath, [buildScript], { cwd: PROJECT_ROOT, env: env(good, out), stdio: 'ignore' });
    const finished = new Promise<number | null>((done) => child.once('exit', done));
    await expect.poll(() => existsSync(`${out}.lock`), { timeout: 60_000, interval: 20 }).toBe(true);
    const second = build(good, out);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('Another build');
    expect(await finished).toBe(0);
    expect(digest(out)).toEqual(first);
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  it('removes the build cache of a content folder that is gone, and keeps its own', async () => {
    const gone = join(work, 'gone-content');
    mkdirSync(gone);
    const abandoned = claimCacheFolder(PROJECT_ROOT, join(work, 'gone-dist'), gone);
    rmSync(gone, { recursive: true });
    expect(build(good, out).status).toBe(0);
    await expect.poll(() => existsSync(abandoned), { timeout: 30_000, interval: 100 }).toBe(false);
    expect(existsSync(join(cacheFolder(PROJECT_ROOT, out, good), 'build-manifest.v8'))).toBe(true);
  });

  it('produces byte-identical output from the same content', () => {
    const second = join(work, 'again');
    expect(build(good, second).status).toBe(0);
    expect(digest(second)).toEqual(first);
    expect(existsSync(join(second, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });
});
