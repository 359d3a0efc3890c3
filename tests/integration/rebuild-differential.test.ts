/**
 * Rebuilds against full builds, on random edits: a tree is built once, then edited at random —
 * entries' text and titles, new, renamed and deleted entries, translations, the include, the
 * categories' labels, the site's title, and a broken entry later fixed — and after every edit
 * `npm run build` builds upon the output before, which must be byte for byte what a full build
 * of the same content writes. The edits come from a seeded generator: a failure names its seed
 * and step, and `ERRATA_DIFF_SEED=<seed>` repeats it (`ERRATA_DIFF_STEPS` sets how many steps).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolder } from '../../src/lib/build/cache-folder.ts';
import { folderDigest, makeWorkDir, PROJECT_ROOT } from '../helpers/build-site.ts';

const SEED = Number(process.env['ERRATA_DIFF_SEED'] ?? 20261203);
const STEPS = Number(process.env['ERRATA_DIFF_STEPS'] ?? 50);

const work = makeWorkDir('differential-');
const content = join(work, 'content');
const out = join(work, 'dist');
afterAll(() => {
  rmSync(cacheFolder(PROJECT_ROOT, out, content), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** mulberry32: a small seeded generator, so that a failing sequence can be run again. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function build(target: string): { status: number | null; log: string } {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build.mjs')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ERRATA_CONTENT_DIR: content, ERRATA_OUT_DIR: target, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, log: stripVTControlCharacters(result.stdout + result.stderr) };
}

/** A full build of the content as it is now, into a folder of its own, then forgotten. */
function fullBuildDigest(step: number): Record<string, string> {
  const target = join(work, `full-${step}`);
  const { status, log } = build(target);
  expect(status, log).toBe(0);
  expect(log).not.toContain('Rebuild:');
  const digest = folderDigest(target);
  rmSync(target, { recursive: true, force: true });
  rmSync(cacheFolder(PROJECT_ROOT, target, content), { recursive: true, force: true });
  return digest;
}

const read = (path: string) => readFileSync(join(content, path), 'utf8');
const write = (path: string, text: string) => writeFileSync(join(content, path), text);
const entry = (pagename: string, lang: string, title: string, error: string, category: string) =>
  ['---', 'layout: default', `title: "${title}"`, `pagename: ${pagename}`, `lang: ${lang}`, `category: ${category}`, '---', '', `# \`${error}\``, '', '## Fix', '', `Step ${pagename}: check the ${category} settings.`, ''].join('\n');

describe('rebuilds after random edits', () => {
  it(`write what a full build writes, at every one of ${STEPS} steps (seed ${SEED})`, { timeout: 60 * 60_000 }, () => {
    cpSync(join(PROJECT_ROOT, 'tests/fixtures/site-small/content'), content, { recursive: true });
    const first = build(out);
    expect(first.status, first.log).toBe(0);

    const random = generator(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    /** Entries this test added, by file, so that it renames and deletes only its own. */
    const added: string[] = [];
    let counter = 0;
    const edits: Record<string, () => string> = {
      body: () => {
        const file = pick(['en/fs/permission.md', 'en/net/ssl-verify.md', ...added]);
        write(file, `${read(file)}\nNote ${++counter}: seen again on a build server.\n`);
        return `body of ${file}`;
      },
      title: () => {
        const file = pick(['en/fs/permission.md', ...added]);
        write(file, read(file).replace(/^title: .*$/m, `title: "Title number ${++counter}"`));
        return `title of ${file}`;
      },
      add: () => {
        const name = `random-${++counter}`;
        const file = `en/fs/${name}.md`;
        write(file, entry(name, 'en', `Random failure ${counter}`, `RandomError${counter}: step ${counter} of the random edits failed`, pick(['fs', 'net'])));
        added.push(file);
        return `added ${file}`;
      },
      translate: () => {
        const file = added.find((path) => !existsSync(join(content, path.replace(/^en\//, 'ja/'))));
        if (!file) return 'no entry to translate';
        const name = file.split('/').pop()?.replace(/\.md$/, '') ?? '';
        const error = /^# `(.*)`$/m.exec(read(file))?.[1] ?? 'RandomError: x';
        write(file.replace(/^en\//, 'ja/'), entry(name, 'ja', `ランダムな失敗 ${++counter}`, error, 'fs'));
        return `translated ${file}`;
      },
      rename: () => {
        const file = added.pop();
        if (!file) return 'no entry to rename';
        const moved = file.replace('/fs/', '/net/');
        renameSync(join(content, file), join(content, moved));
        added.push(moved);
        return `renamed ${file} to ${moved}`;
      },
      delete: () => {
        const file = added.shift();
        if (!file) return 'no entry to delete';
        unlinkSync(join(content, file));
        for (const translation of [file.replace(/^en\//, 'ja/')]) if (existsSync(join(content, translation))) unlinkSync(join(content, translation));
        return `deleted ${file}`;
      },
      include: () => {
        write('_includes/product', `Fixture Tool ${++counter}`);
        return 'the include';
      },
      categories: () => {
        write('_data/categories.yml', read('_data/categories.yml').replace(/^ {2}en: .*$/m, `  en: Networking ${++counter}`));
        return 'a category label';
      },
      config: () => {
        write('_config.yml', read('_config.yml').replace(/^title: .*$/m, `title: Fixture Catalog ${++counter}`));
        return 'the site title';
      },
      broken: () => {
        // A build of a broken entry fails and leaves the output as it was; the fix then builds.
        const file = 'en/fs/permission.md';
        const text = read(file);
        write(file, text.replace(/^lang: en$/m, 'lang: xx'));
        const failed = build(out);
        expect(failed.status, failed.log).toBe(1);
        write(file, text);
        return 'a broken entry, then fixed';
      },
    };

    const kinds = Object.keys(edits);
    for (let step = 1; step <= STEPS; step += 1) {
      const done = edits[pick(kinds)]?.() ?? '';
      const rebuild = build(out);
      expect(rebuild.status, `step ${step} (${done}), seed ${SEED}:\n${rebuild.log}`).toBe(0);
      expect(folderDigest(out), `step ${step} (${done}), seed ${SEED}`).toEqual(fullBuildDigest(step));
    }
  });
});
