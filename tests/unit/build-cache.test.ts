/**
 * The pieces an incremental build stands on: the on-disk cache, loading pages from it, the
 * manifest's validity rules and the journal that finishes an interrupted commit.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readManifest, saveManifest } from '../../src/lib/build/build-manifest.ts';
import { abandonedCacheFolders, cacheRoot, claimCacheFolder } from '../../src/lib/build/cache-folder.ts';
import { CacheStore } from '../../src/lib/build/cache-store.ts';
import { fingerprint } from '../../src/lib/build/fingerprint.ts';
import { OutputWriter } from '../../src/lib/build/output-writer.ts';
import { PageMirror } from '../../src/lib/build/page-mirror.ts';
import { ContentReader, type FileStamps, type StampCache } from '../../src/lib/content/content-reader.ts';
import { DiagnosticSink } from '../../src/lib/validation/diagnostic.ts';
import { loadPages } from '../../src/lib/content/load-pages.ts';
import { createPageLoader } from '../../src/lib/content/load-page.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { Catalog } from '../../src/lib/site/catalog.ts';
import { entryView } from '../../src/lib/site/entry-view.ts';
import type { SiteData } from '../../src/lib/site/site-data.ts';
import { readFileHistory } from '../../src/lib/content/git-history.ts';
import { commitChanges, removeStaleBuilds } from '../../src/lib/build/atomic-output.ts';
import { makeWorkDir, PROJECT_ROOT } from '../helpers/build-site.ts';

const work = makeWorkDir('build-cache-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('cache folders', () => {
  it('are abandoned once their content folder is gone, and only caches that record their owner count', () => {
    const project = join(work, 'project');
    const content = (name: string) => {
      const dir = join(work, name);
      mkdirSync(dir, { recursive: true });
      return dir;
    };
    const kept = claimCacheFolder(project, join(work, 'dist-a'), content('content-a'));
    const gone = claimCacheFolder(project, join(work, 'dist-b'), content('content-b'));
    expect(kept).not.toBe(gone);
    rmSync(join(work, 'content-b'), { recursive: true });
    // A cache from before owners were recorded, and Node's compile cache beside them.
    mkdirSync(join(cacheRoot(project), '0123456789abcdef'), { recursive: true });
    mkdirSync(join(cacheRoot(project), 'compiled-code'), { recursive: true });
    expect(abandonedCacheFolders(project)).toEqual([gone]);
  });
});

describe('reading content files', () => {
  const folder = join(work, 'stamped');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'a.md');
  let kept: FileStamps | undefined;
  const cache: StampCache = { read: () => kept, write: (stamps) => (kept = stamps) };

  it('reads a file again only when its stamp changed', () => {
    writeFileSync(file, 'first text');
    // Settled at once (0 ms): the stamp is kept although the file was just written.
    const first = new ContentReader(cache, 0);
    expect(first.read(file, 'a.md')).toEqual({ hash: fingerprint('first text'), source: 'first text' });
    first.save();
    expect(kept?.get('a.md')?.hash).toBe(fingerprint('first text'));

    // Unchanged: the hash comes from the stamp, the file is not read.
    expect(new ContentReader(cache, 0).read(file, 'a.md')).toEqual({ hash: fingerprint('first text') });

    // Same size, other text: the times differ, so it is read again.
    writeFileSync(file, 'other text');
    utimesSync(file, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    expect(new ContentReader(cache, 0).read(file, 'a.md')).toEqual({ hash: fingerprint('other text'), source: 'other text' });
  });

  it('does not stamp a file changed just before it was read, nor use stamps without a cache', () => {
    writeFileSync(file, 'fresh text');
    const reader = new ContentReader(cache);
    expect(reader.read(file, 'a.md').source).toBe('fresh text');
    reader.save();
    expect(kept?.has('a.md')).toBe(false);
    expect(new ContentReader(undefined).read(file, 'a.md')).toEqual({ hash: fingerprint('fresh text'), source: 'fresh text' });
  });
});

describe('fingerprints', () => {
  it('hash text in one call and bytes part by part to the same digest, each part kept apart', () => {
    // sha1 of "2:ab1:c" and of the Japanese path's parts, as written by hand.
    expect(fingerprint('ab', 'c')).toBe(createHash('sha1').update('2:ab1:c').digest('hex'));
    expect(fingerprint('/ja/エラー/', '')).toBe(createHash('sha1').update('8:/ja/エラー/0:').digest('hex'));
    expect(fingerprint('ab', new Uint8Array([99]))).toBe(fingerprint('ab', 'c'));
    expect(fingerprint('a', 'bc')).not.toBe(fingerprint('ab', 'c'));
  });
});

describe('CacheStore', () => {
  it('keeps values between builds and drops those no build asked for', () => {
    const folder = join(work, 'store');
    const first = new CacheStore<string>(folder, 'pages');
    first.set('a1', 'one');
    first.set('b2', 'two');
    first.save();
    const second = new CacheStore<string>(folder, 'pages');
    expect(second.get('a1')).toBe('one');
    second.save(); // b2 was not used by this build: its shard is rewritten without it
    const third = new CacheStore<string>(folder, 'pages');
    expect(third.get('a1')).toBe('one');
    expect(third.get('b2')).toBeUndefined();
  });

  it('treats an unreadable shard as empty', () => {
    const folder = join(work, 'broken');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'pages-a.v8'), 'not v8');
    expect(new CacheStore<string>(folder, 'pages').get('a1')).toBeUndefined();
  });
});

describe('loading pages from the cache', () => {
  const contentDir = join(PROJECT_ROOT, 'tests/fixtures/site-small/content');
  const data = (cache: Map<string, string>): SiteData => {
    const site = loadSite({ contentDir, rootDir: PROJECT_ROOT, cache: { pages: cache, version: 'test' } });
    return { site, catalog: new Catalog(site.pages, site.sources.localeConfig, site.sources.categories), history: readFileHistory(contentDir) };
  };

  it('renders every page exactly as a fresh load does', () => {
    const cache = new Map<string, string>();
    const fresh = data(cache);
    expect(cache.size).toBe(fresh.site.pages.length);
    const cached = data(cache);
    const views = (site: SiteData) => site.catalog.routes().map((route) => entryView(route, site));
    expect(views(cached)).toEqual(views(fresh));
    expect([...cached.site.pageDigests.values()]).toEqual([...fresh.site.pageDigests.values()]);
    expect(cached.site.diagnostics).toEqual(fresh.site.diagnostics);
  });

  it('does not reuse a page under another version of the code', () => {
    const cache = new Map<string, string>();
    loadSite({ contentDir, rootDir: PROJECT_ROOT, cache: { pages: cache, version: 'one' } });
    const keys = [...cache.keys()];
    loadSite({ contentDir, rootDir: PROJECT_ROOT, cache: { pages: cache, version: 'two' } });
    expect(cache.size).toBe(keys.length * 2);
  });
});

describe('the build manifest', () => {
  it('describes only the output folder it was saved for, under the same code', () => {
    const cacheDir = join(work, 'manifest-cache');
    const output = join(work, 'manifest-out');
    mkdirSync(output, { recursive: true });
    const manifest = { buildId: 'b1', codeVersion: 'v1', files: new Map([['index.html', 'x']]), searchParts: new Map(), searchEntry: undefined, groups: new Map() };
    saveManifest(cacheDir, output, manifest);
    expect(readManifest(cacheDir, output, 'v1')?.files.get('index.html')).toBe('x');
    expect(readManifest(cacheDir, output, 'v2')).toBeUndefined();
    // Another folder (say, an output someone replaced by a copy) is not the one described.
    const replaced = join(work, 'manifest-replaced');
    mkdirSync(replaced);
    expect(readManifest(cacheDir, replaced, 'v1')).toBeUndefined();
  });

  it('writes only files whose bytes changed, and lists the ones that are gone', () => {
    const staging = join(work, 'writer');
    const output = join(work, 'writer-output');
    const first = new OutputWriter(output, undefined);
    const manifest = { buildId: 'b1', codeVersion: 'v1', files: new Map([['gone.txt', first.write('gone.txt', 'gone')]]), searchParts: new Map(), searchEntry: undefined, groups: new Map() };
    for (const file of ['same.txt', 'deleted-by-hand.txt']) manifest.files.set(file, first.write(file, 'unchanged'));
    rmSync(join(output, 'deleted-by-hand.txt'));

    const writer = new OutputWriter(staging, { dir: output, manifest });
    writer.write('/same.txt', 'unchanged');
    writer.write('deleted-by-hand.txt', 'unchanged');
    writer.write('/new.txt', 'new');
    expect(existsSync(join(staging, 'same.txt'))).toBe(false);
    expect(readFileSync(join(staging, 'deleted-by-hand.txt'), 'utf8')).toBe('unchanged');
    expect(readFileSync(join(staging, 'new.txt'), 'utf8')).toBe('new');
    expect(writer.deletedFiles()).toEqual(['gone.txt']);
  });

  it('keeps a group of files made from the same inputs, and makes it again otherwise', () => {
    const output = join(work, 'group-output');
    const first = new OutputWriter(output, undefined);
    const make = (writer: OutputWriter, text: string) => () => {
      writer.write('old/a/index.html', text);
      writer.write('old/b/index.html', text);
      return `2 pages: ${text}`;
    };
    expect(first.group('redirects', 'inputs-1', make(first, 'one'))).toBe('2 pages: one');
    first.write('sitemap.xml', 'not in the group');
    const manifest = { buildId: 'b1', codeVersion: 'v1', files: first.files, searchParts: new Map(), searchEntry: undefined, groups: first.groups };
    expect(manifest.groups.get('redirects')?.files).toEqual(['old/a/index.html', 'old/b/index.html']);

    const kept = new OutputWriter(join(work, 'group-staging-1'), { dir: output, manifest });
    let made = false;
    expect(kept.group('redirects', 'inputs-1', () => ((made = true), ''))).toBe('2 pages: one');
    expect(made).toBe(false);
    expect(kept.files.get('old/b/index.html')).toBe(manifest.files.get('old/b/index.html'));
    expect(kept.deletedFiles()).toEqual(['sitemap.xml']);

    const remade = new OutputWriter(join(work, 'group-staging-2'), { dir: output, manifest });
    expect(remade.group('redirects', 'inputs-2', make(remade, 'two'))).toBe('2 pages: two');
    expect(readFileSync(join(work, 'group-staging-2', 'old/a/index.html'), 'utf8')).toBe('two');

    // A file of the group deleted from the output by hand: the group is made again.
    rmSync(join(output, 'old/a/index.html'));
    const restored = new OutputWriter(join(work, 'group-staging-3'), { dir: output, manifest });
    restored.group('redirects', 'inputs-1', make(restored, 'one'));
    expect(readFileSync(join(work, 'group-staging-3', 'old/a/index.html'), 'utf8')).toBe('one');
    expect(existsSync(join(work, 'group-staging-3', 'old/b/index.html'))).toBe(false);
  });
});

describe('committing a rebuild over the output', () => {
  const setUp = (name: string) => {
    const target = join(work, name);
    mkdirSync(join(target, 'en/old'), { recursive: true });
    writeFileSync(join(target, 'en/old/index.html'), 'old page');
    writeFileSync(join(target, 'index.html'), 'old home');
    writeFileSync(join(target, 'kept.html'), 'kept');
    return target;
  };

  it('moves the changed files in and deletes the gone ones, folders included', () => {
    const target = setUp('commit');
    const staging = `${target}.partial-${process.pid}`;
    mkdirSync(join(staging, 'en/new'), { recursive: true });
    writeFileSync(join(staging, 'en/new/index.html'), 'new page');
    writeFileSync(join(staging, 'index.html'), 'new home');
    commitChanges(staging, target, ['en/old/index.html']);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new home');
    expect(readFileSync(join(target, 'en/new/index.html'), 'utf8')).toBe('new page');
    expect(readFileSync(join(target, 'kept.html'), 'utf8')).toBe('kept');
    expect(existsSync(join(target, 'en/old'))).toBe(false);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(`${target}.commit-${process.pid}.json`)).toBe(false);
  });

  it('finishes a commit that a killed build left half-done, before anything else', () => {
    const target = setUp('interrupted');
    // A process that has exited: its pid names the leftovers of a killed build.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const staging = `${target}.partial-${dead}`;
    mkdirSync(staging, { recursive: true });
    // It had moved index.html already, and not yet a.html.
    writeFileSync(join(target, 'index.html'), 'new home');
    writeFileSync(join(staging, 'a.html'), 'new a');
    writeFileSync(`${target}.commit-${dead}.json`, JSON.stringify({ staging, moved: ['index.html', 'a.html'], deleted: ['en/old/index.html'] }));
    removeStaleBuilds(target);
    expect(readFileSync(join(target, 'a.html'), 'utf8')).toBe('new a');
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new home');
    expect(existsSync(join(target, 'en/old/index.html'))).toBe(false);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(`${target}.commit-${dead}.json`)).toBe(false);
  });
});

describe('loading a large tree on two threads', () => {
  it('reports problems of the files the worker loaded exactly as those of this thread', () => {
    const contentDir = join(work, 'large', 'content');
    mkdirSync(join(contentDir, 'en'), { recursive: true });
    writeFileSync(join(contentDir, '_config.yml'), 'title: Large\nlanguages: [en]\n');
    const entry = (n: number) =>
      ['---', 'layout: default', `title: "Error number ${n}"`, `pagename: error-${n}`, 'lang: en', '---', '', `# \`E${n}: something failed\``, '', 'Fix it.', ''].join('\n');
    // Enough files for a worker; the worker takes the first 45% (in path order), this thread the rest.
    const names = Array.from({ length: 400 }, (_, n) => `e${String(n).padStart(3, '0')}.md`);
    names.forEach((name, n) => writeFileSync(join(contentDir, 'en', name), entry(n)));
    for (const name of [names[0], names.at(-1)] as string[]) {
      writeFileSync(join(contentDir, 'en', name), readFileSync(join(contentDir, 'en', name), 'utf8').replace('lang: en', 'lang: en\ntitel: typo'));
    }
    const site = loadSite({ contentDir, rootDir: work });
    expect(site.pages).toHaveLength(398);
    const errors = site.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map(({ file, line, column, ruleId }) => `${file}:${line}:${column} ${ruleId}`)).toEqual([
      'large/content/en/e000.md:6:1 front-matter-unknown-key',
      'large/content/en/e399.md:6:1 front-matter-unknown-key',
    ]);
    expect(errors[0]?.message).toBe(errors[1]?.message);

    // And the worker did load its share.
    const sink = new DiagnosticSink();
    const loader = createPageLoader(contentDir, work, sink);
    const jobs = names.map((name) => ({ contentPath: `en/${name}`, file: name, source: readFileSync(join(contentDir, 'en', name), 'utf8') }));
    const results = loadPages(loader, { contentDir, rootDir: work }, jobs);
    const byWorker = names.filter((name) => results.get(`en/${name}`)?.byWorker);
    expect(byWorker.length).toBe(Math.floor(names.length * 0.45));
    expect(results.get('en/e000.md')?.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['front-matter-unknown-key']);
  });
});

describe('the page mirror Pagefind reads', () => {
  it('relinks only what changed while it shows the previous build, and starts over otherwise', () => {
    const output = join(work, 'mirror-output');
    mkdirSync(join(output, 'en/a'), { recursive: true });
    mkdirSync(join(output, 'en/b'), { recursive: true });
    writeFileSync(join(output, 'en/a/index.html'), 'a1');
    writeFileSync(join(output, 'en/b/index.html'), 'b1');
    const mirror = new PageMirror(join(work, 'mirror'));
    const discarded: string[] = [];
    const discard = (dir: string) => {
      discarded.push(dir);
      rmSync(dir, { recursive: true, force: true });
    };
    const read = (file: string) => readFileSync(join(mirror.dir, file), 'utf8');
    const from = (dir: string) => (file: string) => join(dir, file);

    mirror.sync(undefined, new Set(['en/a/index.html', 'en/b/index.html']), new Set(), from(output), discard);
    mirror.markAs('build-1');
    expect([read('en/a/index.html'), read('en/b/index.html')]).toEqual(['a1', 'b1']);

    // A rebuild: a changed, b gone, c new; a and c are in its staging folder.
    const staging = join(work, 'mirror-staging');
    mkdirSync(join(staging, 'en/a'), { recursive: true });
    mkdirSync(join(staging, 'en/c'), { recursive: true });
    writeFileSync(join(staging, 'en/a/index.html'), 'a2');
    writeFileSync(join(staging, 'en/c/index.html'), 'c1');
    mirror.sync('build-1', new Set(['en/a/index.html', 'en/c/index.html']), new Set(['en/a/index.html', 'en/c/index.html']), from(staging), discard);
    mirror.markAs('build-2');
    expect([read('en/a/index.html'), read('en/c/index.html')]).toEqual(['a2', 'c1']);
    expect(existsSync(join(mirror.dir, 'en/b/index.html'))).toBe(false);
    expect(discarded).toEqual([]);

    // Built upon some other output (its manifest names another build): made again from scratch,
    // each folder's links when it is asked for.
    mirror.sync('build-9', new Set(['en/a/index.html', 'en/b/index.html']), new Set(), from(output), discard);
    expect(existsSync(join(mirror.dir, 'en/c/index.html'))).toBe(false);
    mirror.link('en/a/');
    expect(read('en/a/index.html')).toBe('a1');
    expect(existsSync(join(mirror.dir, 'en/b/index.html'))).toBe(false);
    mirror.markAs('build-10');
    expect([read('en/a/index.html'), read('en/b/index.html')]).toEqual(['a1', 'b1']);
    expect(existsSync(join(mirror.dir, 'en/c/index.html'))).toBe(false);
    expect(discarded).toHaveLength(1);
  });
});
