/**
 * Search under `npm run dev`: the same two indexes the build writes — each language's Pagefind
 * index in its parts, and the error-signature index the paste matcher reads — made from the
 * current content when the browser first asks for one after a change, and served at the
 * paths the search page loads them from. Pagefind is given each page's text as a record (the
 * page's heading, the errors it covers and its body), not the rendered page: rendering every
 * page on each save would take longer than the save-to-screen time the dev server keeps.
 */
import { rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toString } from 'mdast-util-to-string';
import { OutputWriter } from '../lib/build/output-writer.ts';
import { SEARCH_INDEX_FOLDER } from '../lib/search/index-parts.ts';
import { buildLocaleIndexes, catalogSignatures } from '../lib/search/catalog-signatures.ts';
import { searchParts } from '../lib/site/search-parts.ts';
import type { SiteData } from '../lib/site/site-data.ts';
import { staticFiles } from '../server/static-server.ts';
import { startSearchIndex } from './search-index.ts';
import { writeSignatureIndexes } from './signature-files.ts';

/** URL prefixes of the files made here. */
const SIGNATURES_PREFIX = '/errata-search/';
const PAGEFIND_PREFIX = `/${SEARCH_INDEX_FOLDER}/`;

export class DevSearch {
  private readonly folder: string;
  /** The content the files in `folder` were made from, and the making. */
  private made: { data: SiteData; done: Promise<void> } | undefined;

  /** `folder` is this server's own: it is emptied whenever the indexes are made again. */
  constructor(folder: string) {
    this.folder = folder;
  }

  /**
   * A middleware (for Vite's server) that answers the search index paths from the indexes of
   * `current()`, made first when the content changed since they were.
   */
  middleware(current: () => SiteData): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
    const serve = staticFiles(this.folder);
    return (request, response, next) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (!path.startsWith(SIGNATURES_PREFIX) && !path.startsWith(PAGEFIND_PREFIX)) {
        next();
        return;
      }
      this.ready(current()).then(
        () => serve(request, response),
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          response.end(`The search index could not be made: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    };
  }

  /** The indexes of `data`, made once. */
  private ready(data: SiteData): Promise<void> {
    if (this.made?.data !== data) {
      // Made after the one in progress, which writes into the same folder.
      const before = this.made?.done.catch(() => undefined) ?? Promise.resolve();
      this.made = { data, done: before.then(() => this.make(data)) };
    }
    return this.made.done;
  }

  private async make(data: SiteData): Promise<void> {
    rmSync(this.folder, { recursive: true, force: true });
    const out = new OutputWriter(this.folder, undefined);
    const { catalog, site } = data;
    writeSignatureIndexes(out, site.sources.localeConfig.locales, buildLocaleIndexes(catalogSignatures(catalog)));
    const { parts, byPath } = searchParts(data);
    const routesOf = Map.groupBy(catalog.routes(), (route) => byPath.get(route.path));
    const indexing = startSearchIndex(out, parts, catalog.routeCountsBySegment(), {
      kept: () => undefined,
      keptEntry: undefined,
      fingerprint: () => '',
      addPages: async (index, part) => {
        const errors: string[] = [];
        for (const route of routesOf.get(part) ?? []) {
          const { page, locale } = route;
          const category = page.category === undefined ? undefined : catalog.categoryLabel(page.category, locale);
          const added = await index.addCustomRecord({
            url: route.path,
            content: [page.heading, ...page.errors, toString(page.tree)].join('\n'),
            // As Pagefind keys a page's `<html lang>`: lowercase.
            language: locale.bcp47.toLowerCase(),
            meta: { title: page.title, error: page.heading, errors: page.errors.join('\n'), source_lang: page.locale.bcp47 },
            ...(category ? { filters: { category: [category] } } : {}),
          });
          errors.push(...added.errors);
        }
        return { errors };
      },
    });
    await indexing.finish();
  }
}
