/**
 * Runs Pagefind over the built site through its Node API. Each language's index comes in
 * parts (see `lib/search/index-parts.ts`), each built from a folder that holds the part's
 * pages at their output paths, so that a rebuild keeps every part none of whose pages
 * changed. Every page route must end up in its language's index; a page Pagefind skipped
 * fails the build.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchIndexPart } from '../lib/build/build-manifest.ts';
import type { OutputWriter } from '../lib/build/output-writer.ts';
import { PageMirror } from '../lib/build/page-mirror.ts';
import { type IndexPart, SEARCH_INDEX_FOLDER } from '../lib/search/index-parts.ts';
import { SEARCH_INCLUDE_CHARACTERS } from '../lib/search/indexing.ts';

/** Pages expected per Pagefind language key (lowercase BCP-47, e.g. `zh-cn`, also the URL segment). */
export type ExpectedPages = ReadonlyMap<string, number>;

/** Where each part of the index comes from (see `incremental-build.ts`). */
export interface SearchSources {
  /** The part's index in the previous output, when none of its pages changed (its files may be gone since). */
  kept(part: IndexPart): SearchIndexPart | undefined;
  /** The shared fields of the previous `pagefind-entry.json`. */
  readonly keptEntry: Readonly<Record<string, unknown>> | undefined;
  /** Gives Pagefind every page of the part, and no other. */
  addPages(index: pagefind.PagefindIndex, part: IndexPart): Promise<{ readonly errors: readonly string[] }>;
  /** What the part's pages were made from. */
  fingerprint(part: IndexPart): string;
  /** Removes what was made for this build alone. */
  dispose?(): void;
}

/** A page's name in a page mirror: the mirror's folder `<part>` holds the part's pages. */
export function mirrorName(part: IndexPart, file: string): string {
  return `${part.part}/${file}`;
}

/**
 * Gives Pagefind the part's pages from a page mirror, whose folder `<part>/<segment>/` holds
 * them as the output does (beside other languages' same-numbered parts); their links are made first.
 */
export function addMirroredPages(index: pagefind.PagefindIndex, mirror: PageMirror, part: IndexPart): Promise<{ errors: string[] }> {
  mirror.link(mirrorName(part, `${part.segment}/`));
  return index.addDirectory({ path: join(mirror.dir, String(part.part)), glob: `${part.segment}/**/*.html` });
}

/**
 * A plain `astro build`: every part is built, from a mirror of `pages` (output file → part)
 * in `outDir`, made in `mirrorDir` for this build and removed with `dispose`.
 */
export function freshSearchSources(outDir: string, mirrorDir: string, pages: ReadonlyMap<string, IndexPart>): SearchSources {
  const mirror = new PageMirror(mirrorDir);
  const sourceOf = new Map([...pages].map(([file, part]) => [mirrorName(part, file), join(outDir, file)]));
  const names = new Set(sourceOf.keys());
  mirror.sync(undefined, names, names, (name) => sourceOf.get(name) ?? '', (dir) => rmSync(dir, { recursive: true, force: true }));
  return {
    kept: () => undefined,
    keptEntry: undefined,
    addPages: (index, part) => addMirroredPages(index, mirror, part),
    fingerprint: () => '',
    dispose: () => mirror.remove(),
  };
}

interface PagefindEntry {
  version: string;
  languages: Record<string, { page_count: number }>;
  [key: string]: unknown;
}

const ENTRY_FILE = 'pagefind-entry.json';
/** What a part beside the first needs: its language's page list, word index, filters and page fragments. */
const PART_DATA = /\.pf_meta$|^(index|fragment|filter)\//;

export interface SearchIndexResult {
  readonly message: string;
  /** Each part's index, for the next build. */
  readonly parts: ReadonlyMap<string, SearchIndexPart>;
  /** The fields of `pagefind-entry.json` every language shares. */
  readonly entry: Readonly<Record<string, unknown>>;
}

/** Pagefind at work: it reads the pages in its own process while this one goes on. */
export interface SearchIndexing {
  /** Waits for the indexes, writes them, and checks that every page is in its language's. */
  finish(): Promise<SearchIndexResult>;
}

/**
 * Starts indexing every part that is not kept, and returns at once: Pagefind reads the pages in
 * its own process while this one writes the build's other files.
 */
export function startSearchIndex(out: OutputWriter, parts: readonly IndexPart[], expected: ExpectedPages, sources: SearchSources): SearchIndexing {
  // Pagefind's process answers one request at a time: a part's `createIndex` waits until the
  // pages of the part before are read. The parts are queued, so that nothing here waits for it.
  let queue: Promise<unknown> = Promise.resolve();
  const index = (part: IndexPart): Indexing => {
    const asked = queue.then(() => indexPart(sources, part));
    queue = asked.catch(() => undefined);
    const indexed = asked.then((indexing) => indexing.indexed);
    // Awaited in `finish`; until then a failure must not count as unhandled.
    indexed.catch(() => undefined);
    return { indexed };
  };
  // Each part: its kept index, or Pagefind at work on it. Parts with changed pages are started
  // first; a kept part whose files are no longer all there (deleted by hand) is indexed again.
  const started = new Map<IndexPart, SearchIndexPart | Indexing>();
  const keptParts = new Map(parts.map((part) => [part, sources.kept(part)]));
  for (const part of parts) if (!keptParts.get(part)) started.set(part, index(part));
  for (const [part, kept] of keptParts) if (kept) started.set(part, out.stillThere(kept.files.keys()) ? kept : index(part));
  // In the parts' order, which the entry files' language lists follow.
  const sourced = new Map(parts.map((part) => [part, started.get(part) as SearchIndexPart | Indexing]));
  let finished: Promise<SearchIndexResult> | undefined;
  return { finish: () => (finished ??= writeIndexes(out, expected, sources, sourced)) };
}

async function writeIndexes(out: OutputWriter, expected: ExpectedPages, sources: SearchSources, sourced: ReadonlyMap<IndexPart, SearchIndexPart | Indexing>): Promise<SearchIndexResult> {
  const parts = new Map<string, SearchIndexPart>();
  // Each folder's `pagefind-entry.json` lists the languages that have a part there.
  const entries = new Map<string, Record<string, unknown>>();
  let shared = sources.keptEntry;
  let kept = 0;
  try {
    for (const [part, source] of sourced) {
      let index: SearchIndexPart;
      if ('indexed' in source) {
        const built = await source.indexed;
        const first = part.folder === `${SEARCH_INDEX_FOLDER}/`;
        const files = new Map<string, string>();
        for (const [file, content] of built.files) {
          if (first || PART_DATA.test(file)) files.set(`${part.folder}${file}`, out.write(`${part.folder}${file}`, content));
        }
        const { languages: own, ...rest } = built.entry;
        shared = rest;
        index = { fingerprint: sources.fingerprint(part), files, entry: own[part.segment] };
      } else {
        index = source;
        for (const [file, stamp] of index.files) out.record(file, stamp);
        kept++;
      }
      let languages = entries.get(part.folder);
      if (!languages) entries.set(part.folder, (languages = {}));
      languages[part.segment] = index.entry;
      parts.set(part.key, index);
    }
  } finally {
    // Pagefind stops only once every part it works on has settled.
    await Promise.allSettled([...sourced.values()].map((source) => ('indexed' in source ? source.indexed : undefined)));
    await pagefind.close();
  }
  if (!shared) throw new Error('Pagefind indexed no language.');
  // Pagefind's own layout: `languages` between the version and the indexed characters.
  const { version, ...others } = shared;
  for (const [folder, languages] of entries) out.write(`${folder}${ENTRY_FILE}`, JSON.stringify({ version, languages, ...others }));

  const counts = new Map<string, number>();
  for (const languages of entries.values()) {
    for (const [language, entry] of Object.entries(languages)) {
      const pages = (entry as { page_count?: number } | undefined)?.page_count ?? 0;
      counts.set(language.toLowerCase(), (counts.get(language.toLowerCase()) ?? 0) + pages);
    }
  }
  const mismatches = [...expected]
    .filter(([language, pages]) => counts.get(language) !== pages)
    .map(([language, pages]) => `${language}: ${counts.get(language) ?? 0} indexed, ${pages} expected`);
  if (mismatches.length > 0) {
    throw new Error(`Pages are missing from the search index (${mismatches.join('; ')}).`);
  }
  const summary = [...counts].map(([language, pages]) => `${language} ${pages}`).join(', ');
  return {
    message: `Search index: ${summary} pages in ${sourced.size} parts${kept > 0 ? ` (${kept} unchanged)` : ''}`,
    parts,
    entry: shared,
  };
}

interface IndexedPart {
  readonly files: Map<string, Uint8Array>;
  readonly entry: PagefindEntry;
}

/** A part Pagefind was asked to index: `indexed` settles with its files. */
interface Indexing {
  readonly indexed: Promise<IndexedPart>;
}

/** Asks Pagefind to index the part's pages (file paths relative to the Pagefind folder). */
async function indexPart(sources: SearchSources, part: IndexPart): Promise<Indexing> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters: SEARCH_INCLUDE_CHARACTERS });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const adding = sources.addPages(index, part);
  const indexed = (async () => {
    const added = await adding;
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the pages of part ${part.key}: ${added.errors.join('; ')}`);
    const output = await index.getFiles();
    if (output.errors.length > 0) throw new Error(`Pagefind could not build its index: ${output.errors.join('; ')}`);
    await index.deleteIndex();
    const files = new Map<string, Uint8Array>();
    let entry: PagefindEntry | undefined;
    for (const file of output.files) {
      if (file.path === ENTRY_FILE) entry = JSON.parse(Buffer.from(file.content).toString('utf8')) as PagefindEntry;
      else files.set(file.path, file.content);
    }
    if (!entry) throw new Error(`Pagefind wrote no ${ENTRY_FILE} for ${part.key}.`);
    return { files, entry };
  })();
  // Adopted by the queue in `startSearchIndex`; a failure must not count as unhandled before.
  indexed.catch(() => undefined);
  return { indexed };
}
