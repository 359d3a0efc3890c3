/**
 * A second `npm run build` builds upon the first: only entry pages whose inputs changed are
 * rendered (with the render bundle the first build kept, without starting Astro), only changed
 * files are written, and the result is byte-identical to a full build of the same content.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest, saveManifest } from '../../src/lib/build/build-manifest.ts';
import { cacheFolder, claimCacheFolder } from '../../src/lib/build/cache-folder.ts';
import { codeVersion } from '../../src/lib/build/code-version.ts';
import { folderDigest, makeWorkDir, PROJECT_ROOT } from '../helpers/build-site.ts';

const work = makeWorkDir('incremental-');

/** A content folder and the output folder it is built into. */
interface Site {
  readonly content: string;
  readonly out: string;
}

const sites: Site[] = [];
afterAll(() => {
  for (const site of sites) rmSync(cacheFolder(PROJECT_ROOT, site.out, site.content), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/**
 * The fixture tree, built once: each test builds upon a copy of its output. Pages name their
 * source file by its path, so every build reads the content from this one folder, which each
 * test restores first (with its files' dates, which pages show).
 */
const content = join(work, 'content');
const baseline: Site = { content, out: join(work, 'baseline') };
const pristine = join(work, 'content-as-built');
sites.push(baseline);
beforeAll(() => {
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/site-small/content'), content, { recursive: true });
  // Each language's search index in parts of two pages or so, as a large catalog's (see lib/search/index-parts.ts).
  appendFileSync(join(content, '_config.yml'), '  pages_per_search_index: 2\n');
  const log = build(baseline);
  expect(rebuilt(log)).toBeUndefined();
  expect(withoutAstro(log)).toBe(false);
  cpSync(content, pristine, { recursive: true, preserveTimestamps: true });
}, 300_000);

/**
 * The content as the baseline was built from, and a copy of the baseline's output, with its
 * build cache, in a folder of its own. The cache's manifest names the output folder it
 * describes, so it is saved again for the copy.
 */
function copyOfBaseline(name: string): Site {
  rmSync(content, { recursive: true, force: true });
  cpSync(pristine, content, { recursive: true, preserveTimestamps: true });
  const site: Site = { content, out: join(work, name) };
  sites.push(site);
  cpSync(baseline.out, site.out, { recursive: true, preserveTimestamps: true });
  cpSync(cacheFolder(PROJECT_ROOT, baseline.out, content), cacheFolder(PROJECT_ROOT, site.out, content), { recursive: true, preserveTimestamps: true });
  const cache = claimCacheFolder(PROJECT_ROOT, site.out, content);
  const manifest = readManifest(cache, baseline.out, codeVersion(PROJECT_ROOT));
  expect(manifest).toBeDefined();
  if (manifest) saveManifest(cache, site.out, manifest);
  return site;
}

function run({ content, out }: Site) {
  return spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build.mjs')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ERRATA_CONTENT_DIR: content, ERRATA_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function build(site: Site) {
  const result = run(site);
  expect(result.status, result.stdout + result.stderr).toBe(0);
  // Logs are coloured when the caller's environment asks for it (FORCE_COLOR in CI).
  return stripVTControlCharacters(result.stdout + result.stderr);
}

/** Replaces `from` with `to` in a content file of `site`. */
function edit(site: Site, file: string, from: string, to: string) {
  const path = join(site.content, file);
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
  it('renders nothing again when nothing changed, and writes the same output', () => {
    const site = copyOfBaseline('unchanged');
    const first = folderDigest(site.out);
    const log = build(site);
    expect(rebuilt(log)).toEqual([0, 52]);
    expect(withoutAstro(log)).toBe(true);
    expect(searchParts(log)).toEqual([10, 10]);
    expect(folderDigest(site.out)).toEqual(first);
  });

  it('writes again what was deleted from the output by hand', () => {
    const site = copyOfBaseline('deleted');
    const first = folderDigest(site.out);
    const deleted = ['ja/ssl-verify/index.html', 'sitemap.xml', Object.keys(first).find((file) => file.startsWith('pagefind/fragment/ko_')) ?? ''];
    for (const file of deleted) rmSync(join(site.out, file));
    let log = build(site);
    expect(rebuilt(log)).toEqual([1, 52]);
    expect(withoutAstro(log)).toBe(true);
    // Only the part the ko fragment was in is indexed again: ja/ssl-verify is rendered again as it was.
    expect(searchParts(log)).toEqual([9, 10]);
    expect(folderDigest(site.out)).toEqual(first);

    // A file of Astro's own (a stylesheet) is only written by Astro: the rebuild starts it.
    const stylesheet = Object.keys(first).find((file) => file.startsWith('_astro/') && file.endsWith('.css')) ?? '';
    rmSync(join(site.out, stylesheet));
    log = build(site);
    expect(withoutAstro(log)).toBe(false);
    expect(rebuilt(log)).toEqual([0, 52]);
    expect(folderDigest(site.out)).toEqual(first);
  });

  it('after an edit to one entry, leaves the other entries untouched, and matches a full build', () => {
    const site = copyOfBaseline('edited');
    edit(site, 'en/fs/permission.md', 'Give your user write access to the cache folder.', 'Make the cache folder writable by your user.');
    const inode = (file: string) => statSync(join(site.out, file)).ino;
    const before = { other: inode('en/ssl-verify/index.html'), otherFallback: inode('ko/ssl-verify/index.html'), edited: inode('ko/permission/index.html') };
    const log = build(site);
    expect(withoutAstro(log)).toBe(true);
    // The entry in its own language and as the fallback of the three others, and the four
    // translation status pages, which show its date; not the other entries.
    expect(rebuilt(log)).toEqual([8, 52]);
    // Only the parts of the four languages that hold the entry are indexed again.
    expect(searchParts(log)).toEqual([6, 10]);
    expect(inode('en/ssl-verify/index.html')).toBe(before.other);
    expect(inode('ko/ssl-verify/index.html')).toBe(before.otherFallback);
    expect(inode('ko/permission/index.html')).not.toBe(before.edited);
    expect(readFileSync(join(site.out, 'ko/permission/index.html'), 'utf8')).toContain('Make the cache folder writable');
    expect(folderDigest(site.out)).toEqual(folderDigest(fullBuild(site, 'edited-full')));
  });

  it('after new, renamed and deleted pages, matches a full build of the same content', () => {
    const site = copyOfBaseline('pages-changed');
    edit(site, 'en/fs/permission.md', 'title: "Permission denied writing the cache"', 'title: "Cache folder not writable"');
    rmSync(join(site.content, 'ja/net/ssl-verify.md'));
    writeFileSync(
      join(site.content, 'en/fs/disk-full.md'),
      ['---', 'layout: default', 'title: "Disk full while writing the cache"', 'pagename: disk-full', 'lang: en', 'category: fs', '---', '', "# `OSError: [Errno 28] No space left on device`", '', '## Fix', '', 'Free some space.', ''].join('\n'),
    );
    const log = build(site);
    // A title shows in every listing and in the neighbours' links: every page is rendered
    // again, the 52 and disk-full in four languages (ja/ssl-verify is now a fallback).
    expect(rebuilt(log)).toEqual([56, 56]);
    expect(withoutAstro(log)).toBe(true);
    expect(readFileSync(join(site.out, 'en/permission/index.html'), 'utf8')).toContain('Cache folder not writable');
    expect(readFileSync(join(site.out, 'ja/disk-full/index.html'), 'utf8')).toContain('No space left on device');
    expect(folderDigest(site.out)).toEqual(folderDigest(fullBuild(site, 'pages-changed-full')));
  });

  it('renders every page again without Astro after a change to the site title, and matches a full build', () => {
    const site = copyOfBaseline('title');
    edit(site, '_config.yml', 'title: Fixture Catalog', 'title: Fixture Error Catalog');
    const log = build(site);
    expect(withoutAstro(log)).toBe(true);
    expect(rebuilt(log)).toEqual([52, 52]);
    expect(readFileSync(join(site.out, 'ja/ssl-verify/index.html'), 'utf8')).toContain('Fixture Error Catalog');
    expect(folderDigest(site.out)).toEqual(folderDigest(fullBuild(site, 'title-full')));
  });

  it('starts Astro after a change to the site URL, which Astro itself is configured with', () => {
    const site = copyOfBaseline('url');
    edit(site, '_config.yml', 'url: https://docs.example.test', 'url: https://errors.example.test');
    const log = build(site);
    expect(withoutAstro(log)).toBe(false);
    expect(readFileSync(join(site.out, 'sitemap.xml'), 'utf8')).toContain('https://errors.example.test/en/');
    expect(folderDigest(site.out)).toEqual(folderDigest(fullBuild(site, 'url-full')));
  });

  it('fails on a broken entry with its position, leaving the output as it was', () => {
    const site = copyOfBaseline('broken');
    const before = folderDigest(site.out);
    edit(site, 'en/fs/permission.md', 'lang: en', 'lang: xx');
    const result = run(site);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/content\/en\/fs\/permission\.md:5:7/);
    expect(result.stderr).toContain('is unchanged');
    expect(folderDigest(site.out)).toEqual(before);
  });

  it('starts Astro when the kept render bundle is missing or broken, and still matches a full build', () => {
    const site = copyOfBaseline('bundle');
    const { bundle, entry } = keptBundle(site);
    writeFileSync(join(bundle, entry), 'export const app = {}; throw new Error("broken bundle");\n');
    edit(site, 'en/fs/permission.md', 'Give your user write access to the cache folder.', 'Let your user write to the cache folder.');
    let log = build(site);
    expect(log).toContain('Rendering with Astro: the kept render bundle did not load (broken bundle)');
    expect(withoutAstro(log)).toBe(false);
    expect(rebuilt(log)).toEqual([8, 52]);
    expect(readFileSync(join(site.out, 'ko/permission/index.html'), 'utf8')).toContain('Let your user write to the cache folder');
    expect(folderDigest(site.out)).toEqual(folderDigest(fullBuild(site, 'bundle-full-1')));

    // That build kept a new bundle; without any, Astro renders again.
    rmSync(bundle, { recursive: true });
    edit(site, 'en/fs/permission.md', 'Let your user write to the cache folder.', 'Make the cache folder writable by your user.');
    log = build(site);
    expect(log).toContain('Rendering with Astro: no render bundle kept');
    expect(rebuilt(log)).toEqual([8, 52]);
    expect(folderDigest(site.out)).toEqual(folderDigest(fullBuild(site, 'bundle-full-2')));
  });

  it('starts Astro when the kept render bundle fails to render, discards it, and still matches a full build', () => {
    const site = copyOfBaseline('render-fails');
    const { bundle, entry } = keptBundle(site);
    // The bundle loads and lists its pages, then fails on the first page it renders.
    appendFileSync(join(bundle, entry), '\napp.render = async () => { throw new Error("render broke"); };\n');
    edit(site, 'en/fs/permission.md', 'Give your user write access to the cache folder.', 'Let your user write to the cache folder.');
    const log = build(site);
    expect(log).toContain('Rendering with Astro: the kept render bundle failed (render broke); it is discarded.');
    expect(withoutAstro(log)).toBe(false);
    expect(rebuilt(log)).toEqual([8, 52]);
    expect(folderDigest(site.out)).toEqual(folderDigest(fullBuild(site, 'render-fails-full')));
    // Astro kept a new bundle in its place, which renders the next rebuild.
    expect(readFileSync(join(bundle, keptBundle(site).entry), 'utf8')).not.toContain('render broke');
  });
});

/** The render bundle kept for `site`'s builds: its folder, and its entry module's file name. */
function keptBundle(site: Site): { bundle: string; entry: string } {
  const bundle = join(cacheFolder(PROJECT_ROOT, site.out, site.content), 'render-bundle');
  return { bundle, entry: readdirSync(bundle).find((file) => file.startsWith('prerender-entry')) ?? '' };
}

/** A build of the site's content into a new folder: always a full build. */
function fullBuild(site: Site, name: string): string {
  const full: Site = { content: site.content, out: join(work, name) };
  sites.push(full);
  expect(rebuilt(build(full))).toBeUndefined();
  return full.out;
}
