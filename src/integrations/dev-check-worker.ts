/**
 * The search check of `npm run dev`, in a thread of its own (see `dev-content.ts`): it reads
 * every entry's signatures and pastes each entry's error against them, which takes seconds at a
 * thousand entries per language and a minute at ten thousand; in the server's thread it would
 * hold back every page meanwhile. The thread loads the tree itself — from the pages the server
 * keeps on disk, so it parses nothing the server has parsed — and posts every problem found.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { CacheStore } from '../lib/build/cache-store.ts';
import { ValueFile } from '../lib/build/value-file.ts';
import { isFileStamps } from '../lib/content/content-reader.ts';
import { loadSite } from '../lib/content/load-site.ts';
import { Catalog } from '../lib/site/catalog.ts';
import { checkSite } from '../lib/validation/check-site.ts';

export interface DevCheckInput {
  readonly contentDir: string;
  readonly rootDir: string;
  readonly configFile: string | undefined;
  /** The server's cache folder and code version: its loaded pages, read here and never written. */
  readonly cacheDir: string;
  readonly version: string;
}

const input = workerData as DevCheckInput;
const stamps = new ValueFile(join(input.cacheDir, 'file-stamps.v8'), isFileStamps);
const site = loadSite({
  contentDir: input.contentDir,
  rootDir: input.rootDir,
  configFile: input.configFile,
  cache: { pages: new CacheStore<string>(join(input.cacheDir, 'pages'), 'pages'), version: input.version, stamps: { read: () => stamps.read(), write: () => undefined } },
});
const { diagnostics } = await checkSite({ site, catalog: new Catalog(site.pages, site.sources.localeConfig, site.sources.categories) });
parentPort?.postMessage(diagnostics);
