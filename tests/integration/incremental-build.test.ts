/**
 * A second `npm run build` builds upon the first: only entry pages whose inputs changed are
 * rendered (with the render bundle the first build kept, without starting Astro), only changed
 * files are written, and the result is byte-identical to a full build of the same content.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolder } from '../../src/lib/build/cache-folder.ts';
import { folderDigest, makeWorkDir, PROJECT_ROOT } from '../helpers/build-site.ts';

const work = makeWorkDir('incremental-');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(work, 'content');
cpSync(join(PROJECT_ROOT, 'tests/fixtures/site-small/content'), content, { recursive: true });
// Each language's search index in parts of two pages or so, as a large catalog's (see lib/search/index-parts.ts).
appendFileSync(join(content, '_config.yml'), '  pages_per_search_index: 2\n');

function run(out: string) {
  return spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build.mjs')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ERRATA_CONTENT_DIR: content, ERRATA_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function build(out: string) {
  const result = run(out);
  expect(result.status, result.stdout + result.stderr).toBe(0);
  // Logs are coloured when the caller's environment asks for it (FORCE_COLOR in CI).
  return stripVTControlCharacters(result.stdout + result.stderr);
}

/** Replaces `from` with `to` in a content file. */
function edit(file: string, from: string, to: string) {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** `[kept, total]` from the build's "Search index: … pages in 12 parts (11 unchanged)" line. */
function searchParts(log: string): [number, number] {
  const match = /pages in (\d+) parts(?: \((\d+) unchanged\))?/.exec(log);
  expect(match, log).not.toBeNull();
  return [Number(match?.[2] ?? 0), Number(match?.[1])];
}

/** Whether the build rendered its pages with the kept render bundle, Astro not started at all. */
function withoutAstro(log: string): boolean {
  const kept = /\d+ pages rendered with the kept render bundle, without starting Astro/.test(log);
  // Astro's own build log starts so.
  expect(/\[build\] output: "static"/.test(log), log).toBe(!kept);
  return kept;
}

/** `[changed, total]` from the build's "Rebuild: 3 of 20 pages changed" line. */
function rebuilt(log: string): [number, number] | undefined {
  const match = /Rebuild: (\d+) of (\d+) pages changed/.exec(log);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

describe('npm run build after a first build', () => {
  const out = join(work, 'dist');

  it('renders nothing again when nothing changed, and writes the same output', () => {
    expect(withoutAstro(build(out))).toBe(false);
    const first = folderDigest(out);
    const log = build(out);
    expect(rebuilt(log)?.[0]).toBe(0);
    expect(withoutAstro(log)).toBe(true);
    const [kept, parts] = searchParts(log);
    expect(parts).toBeGreaterThanOrEqual(8);
    expect(kept).toBe(parts);
    expect(folderDigest(out)).toEqual(first);
  });

  it('writes again what was deleted from the output by hand', () => {
    const first = folderDigest(out);
    const deleted = ['ja/ssl-verify/index.html', 'sitemap.xml', Object.keys(first).find((file) => file.startsWith('pagefind/fragment/ko_')) ?? ''];
    for (const file of deleted) rmSync(join(out, file));
    let log = build(out);
    expect(rebuilt(log)?.[0]).toBe(1);
    expect(withoutAstro(log)).toBe(true);
    // Only the part the ko fragment was in is indexed again: ja/ssl-verify is rendered again as it was.
    const [kept, parts] = searchParts(log);
    expect(kept).toBe(parts - 1);
    expect(folderDigest(out)).toEqual(first);

    // A file of Astro's own (a stylesheet) is only written by Astro: the rebuild starts it.
    const stylesheet = Object.keys(first).find((file) => file.startsWith('_astro/') && file.endsWith('.css')) ?? '';
    rmSync(join(out, stylesheet));
    log = build(out);
    expect(withoutAstro(log)).toBe(false);
    expect(rebuilt(log)?.[0]).toBe(0);
    expect(folderDigest(out)).toEqual(first);
  });

  it('after an edit to one entry, leaves the other entries untouched, and matches a full build', () => {
    const permission = join(content, 'en/fs/permission.md');
    writeFileSync(permission, readFileSync(permission, 'utf8').replace('Give your user write access to the cache folder.', 'Make the cache folder writable by your user.'));
    const inode = (file: string) => statSync(join(out, file)).ino;
    const before = { other: inode('en/ssl-verify/index.html'), otherFallback: inode('ko/ssl-verify/index.html'), edited: inode('ko/permission/index.html') };
    const log = build(out);
    expect(withoutAstro(log)).toBe(true);
    const [changed = 0, total = 0] = rebuilt(log) ?? [];
    // Only the parts of the four languages that hold the entry are indexed again.
    const [kept, parts] = searchParts(log);
    expect(kept).toBe(parts - 4);
    // The entry in its own language and as the fallback of the three others, and the listings
    // that show its date; not the other entries.
    expect(changed).toBeGreaterThanOrEqual(4);
    expect(changed).toBeLessThan(total / 2);
    expect(inode('en/ssl-verify/index.html')).toBe(before.other);
    expect(inode('ko/ssl-verify/index.html')).toBe(before.otherFallback);
    expect(inode('ko/permission/index.html')).not.toBe(before.edited);
    expect(readFileSync(join(out, 'ko/permission/index.html'), 'utf8')).toContain('Make the cache folder writable');
    expect(folderDigest(out)).toEqual(folderDigest(fullBuild('full-1')));
  });

  it('after new, renamed and deleted pages, matches a full build of the same content', () => {
    const permission = join(content, 'en/fs/permission.md');
    writeFileSync(permission, readFileSync(permission, 'utf8').replace('title: "Permission denied writing the cache"', 'title: "Cache folder not writable"'));
    rmSync(join(content, 'ja/net/ssl-verify.md'));
    writeFileSync(
      join(content, 'en/fs/disk-full.md'),
      ['---', 'layout: default', 'title: "Disk full while writing the cache"', 'pagename: disk-full', 'lang: en', 'category: fs', '---', '', "# `OSError: [Errno 28] No space left on device`", '', '## Fix', '', 'Free some space.', ''].join('\n'),
    );
    const log = build(out);
    expect(rebuilt(log)?.[0]).toBeGreaterThan(0);
    expect(withoutAstro(log)).toBe(true);
    expect(readFileSync(join(out, 'en/permission/index.html'), 'utf8')).toContain('Cache folder not writable');
    expect(readFileSync(join(out, 'ja/disk-full/index.html'), 'utf8')).toContain('No space left on device');
    expect(folderDigest(out)).toEqual(folderDigest(fullBuild('full-2')));
  });

  it('renders every page again without Astro after a change to the site title, and matches a full build', () => {
    edit('_config.yml', 'title: Fixture Catalog', 'title: Fixture Error Catalog');
    const log = build(out);
    expect(withoutAstro(log)).toBe(true);
    const [changed = 0, total = 0] = rebuilt(log) ?? [];
    expect(changed).toBe(total);
    expect(readFileSync(join(out, 'ja/ssl-verify/index.html'), 'utf8')).toContain('Fixture Error Catalog');
    expect(folderDigest(out)).toEqual(folderDigest(fullBuild('full-title')));
  });

  it('starts Astro after a change to the site URL, which Astro itself is configured with', () => {
    edit('_config.yml', 'url: https://docs.example.test', 'url: https://errors.example.test');
    const log = build(out);
    expect(withoutAstro(log)).toBe(false);
    expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).toContain('https://errors.example.test/en/');
    expect(folderDigest(out)).toEqual(folderDigest(fullBuild('full-url')));
  });

  it('fails on a broken entry with its position, leaving the output as it was', () => {
    const before = folderDigest(out);
    edit('en/fs/permission.md', 'lang: en', 'lang: xx');
    const result = run(out);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/content\/en\/fs\/permission\.md:\d+:\d+/);
    expect(result.stderr).toContain('is unchanged');
    expect(folderDigest(out)).toEqual(before);
    edit('en/fs/permission.md', 'lang: xx', 'lang: en');
  });

  it('starts Astro when the kept render bundle is missing or broken, and still matches a full build', () => {
    const bundle = join(cacheFolder(PROJECT_ROOT, out, content), 'render-bundle');
    const entry = readdirSync(bundle).find((file) => file.startsWith('prerender-entry')) ?? '';
    writeFileSync(join(bundle, entry), 'export const app = {}; throw new Error("broken bundle");\n');
    const permission = join(content, 'en/fs/permission.md');
    writeFileSync(permission, readFileSync(permission, 'utf8').replace('Make the cache folder writable', 'Let your user write to the cache folder'));
    let log = build(out);
    expect(log).toContain('Rendering with Astro: the kept render bundle did not load (broken bundle)');
    expect(withoutAstro(log)).toBe(false);
    expect(readFileSync(join(out, 'ko/permission/index.html'), 'utf8')).toContain('Let your user write to the cache folder');
    expect(folderDigest(out)).toEqual(folderDigest(fullBuild('full-3')));

    // That build kept a new bundle; without any, Astro renders again.
    rmSync(bundle, { recursive: true });
    writeFileSync(permission, readFileSync(permission, 'utf8').replace('Let your user write to the cache folder', 'Make the cache folder writable'));
    log = build(out);
    expect(log).toContain('Rendering with Astro: no render bundle kept');
    expect(folderDigest(out)).toEqual(folderDigest(fullBuild('full-4')));
  });
});

/** A build of the same content into a new folder: always a full build. */
function fullBuild(name: string): string {
  const full = join(work, name);
  expect(rebuilt(build(full))).toBeUndefined();
  return full;
}
