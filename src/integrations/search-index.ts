/**
 * Runs Pagefind over the built site through its Node API: one index per language, each built
 * from the pages under its `/<segment>/`, so that a rebuild keeps the index of a language none
 * of whose pages changed. Every page route must end up in its language's index; a page
 * Pagefind skipped fails the build.
 */
import * as pagefind from 'pagefind';
import type { SearchLanguage } from '../lib/build/build-manifest.ts';
import type { OutputWriter } from '../lib/build/output-writer.ts';
import { SEARCH_INCLUDE_CHARACTERS } from '../lib/search/indexing.ts';

/** Pages expected per Pagefind language key (lowercase BCP-47, e.g. `zh-cn`, also the URL segment). */
export type ExpectedPages = ReadonlyMap<string, number>;

/** Where each language's index comes from (see `incremental-build.ts`). */
export interface SearchSources {
  /** The language's index in the previous output, when none of its pages changed. */
  kept(segment: string): SearchLanguage | undefined;
  /** The shared fields of the previous `pagefind-entry.json`. */
  readonly keptEntry: Readonly<Record<string, unknown>> | undefined;
  /** A folder that holds every page of the language as the new output has it. */
  pagesFolder(segment: string): string;
  /** What the language's pages were made from. */
  fingerprint(segment: string): string;
}

/** A full build: every index is built from the staging folder. */
export function freshSearchSources(outDir: string): SearchSources {
  return { kept: () => undefined, keptEntry: undefined, pagesFolder: () => outDir, fingerprint: () => '' };
}

interface PagefindEntry {
  version: string;
  languages: Record<string, { page_count: number }>;
  [key: string]: unknown;
}

const FOLDER = 'pagefind';
const ENTRY_FILE = 'pagefind-entry.json';

export interface SearchIndexResult {
  readonly message: string;
  /** Each language's index, for the next build. */
  readonly languages: ReadonlyMap<string, SearchLanguage>;
  /** The fields of `pagefind-entry.json` every language shares. */
  readonly entry: Readonly<Record<string, unknown>>;
}

/** Pagefind at work: it reads the pages in its own process while this one goes on. */
export interface SearchIndexing {
  /** Waits for the indexes, writes them, and checks that every page is in its language's. */
  finish(): Promise<SearchIndexResult>;
}

/**
 * Starts indexing every language whose index is not kept. Resolves once Pagefind has been
 * asked to read all of them, so that work done before `finish` overlaps with its own.
 */
export async function startSearchIndex(out: OutputWriter, expected: ExpectedPages, sources: SearchSources): Promise<SearchIndexing> {
  // Each language: its kept index, or Pagefind at work on it.
  const sourced = new Map<string, SearchLanguage | Indexing>();
  try {
    for (const segment of [...expected.keys()].sort()) {
      sourced.set(segment, sources.kept(segment) ?? (await indexLanguage(sources.pagesFolder(segment), segment)));
    }
  } catch (error) {
    await pagefind.close();
    throw error;
  }
  let finished: Promise<SearchIndexResult> | undefined;
  return { finish: () => (finished ??= writeIndexes(out, expected, sources, sourced)) };
}

async function writeIndexes(out: OutputWriter, expected: ExpectedPages, sources: SearchSources, sourced: ReadonlyMap<string, SearchLanguage | Indexing>): Promise<SearchIndexResult> {
  const languages = new Map<string, SearchLanguage>();
  const entries: Record<string, { page_count: number }> = {};
  let shared = sources.keptEntry;
  const kept: string[] = [];
  try {
    for (const [segment, source] of sourced) {
      let language: SearchLanguage;
      if ('indexed' in source) {
        const built = await source.indexed;
        const files = new Map<string, string>();
        for (const [file, content] of built.files) files.set(`${FOLDER}/${file}`, out.write(`${FOLDER}/${file}`, content));
        const { languages: own, ...rest } = built.entry;
        shared = rest;
        language = { fingerprint: sources.fingerprint(segment), files, entry: own[segment] };
      } else {
        language = source;
        for (const [file, stamp] of language.files) out.record(file, stamp);
        kept.push(segment);
      }
      entries[segment] = language.entry as { page_count: number };
      languages.set(segment, language);
    }
  } finally {
    // Pagefind stops only once every language it works on has settled.
    await Promise.allSettled([...sourced.values()].map((source) => ('indexed' in source ? source.indexed : undefined)));
    await pagefind.close();
  }
  if (!shared) throw new Error('Pagefind indexed no language.');
  // Pagefind's own layout: `languages` between the version and the indexed characters.
  const { version, ...others } = shared;
  out.write(`${FOLDER}/${ENTRY_FILE}`, JSON.stringify({ version, languages: entries, ...others }));

  const counts = new Map(Object.entries(entries).map(([language, { page_count }]) => [language.toLowerCase(), page_count]));
  const mismatches = [...expected]
    .filter(([language, pages]) => counts.get(language) !== pages)
    .map(([language, pages]) => `${language}: ${counts.get(language) ?? 0} indexed, ${pages} expected`);
  if (mismatches.length > 0) {
    throw new Error(`Pages are missing from the search index (${mismatches.join('; ')}).`);
  }
  const summary = [...counts].map(([language, pages]) => `${language} ${pages}`).join(', ');
  return {
    message: `Search index: ${summary} pages${kept.length > 0 ? ` (${kept.join(', ')} unchanged)` : ''}`,
    languages,
    entry: shared,
  };
}

interface IndexedLanguage {
  readonly files: Map<string, Uint8Array>;
  readonly entry: PagefindEntry;
}

/** A language Pagefind was asked to index: `indexed` settles with its files. */
interface Indexing {
  readonly indexed: Promise<IndexedLanguage>;
}

/** Asks Pagefind to index the pages under `/<segment>/` (file paths relative to the Pagefind folder). */
async function indexLanguage(folder: string, segment: string): Promise<Indexing> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters: SEARCH_INCLUDE_CHARACTERS });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const adding = index.addDirectory({ path: folder, glob: `${segment}/**/*.html` });
  const indexed = (async () => {
    const added = await adding;
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${folder}/${segment}: ${added.errors.join('; ')}`);
    const output = await index.getFiles();
    if (output.errors.length > 0) throw new Error(`Pagefind could not build its index: ${output.errors.join('; ')}`);
    await index.deleteIndex();
    const files = new Map<string, Uint8Array>();
    let entry: PagefindEntry | undefined;
    for (const file of output.files) {
      if (file.path === ENTRY_FILE) entry = JSON.parse(Buffer.from(file.content).toString('utf8')) as PagefindEntry;
      else files.set(file.path, file.content);
    }
    if (!entry) throw new Error(`Pagefind wrote no ${ENTRY_FILE} for ${segment}.`);
    return { files, entry };
  })();
  // Awaited in `finish`; until then a failure must not count as unhandled.
  indexed.catch(() => undefined);
  return { indexed };
}
