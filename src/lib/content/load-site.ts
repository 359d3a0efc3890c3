/**
 * Loads the whole content tree: every `*.md` outside `_` folders becomes a page or a reported
 * problem, never nothing. Runs every per-file and catalog-wide rule and returns all problems
 * at once, so one run of `npm run check` shows everything there is to fix.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fingerprint } from '../build/fingerprint.ts';
import type { Locale } from '../i18n/locales.ts';
import { redirectIndex } from '../routing/redirects.ts';
import { DiagnosticSink, type Position, sortDiagnostics, START } from '../validation/diagnostic.ts';
import type { PageKind } from '../validation/front-matter-schema.ts';
import { checkDuplicatePagenames } from '../validation/page-checks.ts';
import { ContentReader, type StampCache } from './content-reader.ts';
import { excludedBy } from './exclude.ts';
import { findMarkdownFiles } from './find-files.ts';
import { createPageLoader } from './load-page.ts';
import { type LoadJob, loadPages } from './load-pages.ts';
import { loadRedirects } from './load-redirects.ts';
import { type PageCache, restorePage, sourcesFingerprint } from './page-cache.ts';
import type { Page, Site } from './page.ts';
import { PageFinder, type PendingLink, resolveLinks } from './resolve-links.ts';
import { checkToc } from './toc-data.ts';

export interface LoadOptions {
  /** Folder holding the pages. */
  readonly contentDir: string;
  /** The site's config file, when it is not `<contentDir>/_config.yml` (see `site-sources.ts`). */
  readonly configFile?: string | undefined;
  /** Folder that displayed paths are relative to: the project's. */
  readonly rootDir: string;
  /**
   * Pages loaded by earlier builds (see `page-cache.ts`), valid under this code `version` only,
   * and the stamps of the files they read (see `content-reader.ts`).
   */
  readonly cache?: { readonly pages: PageCache; readonly version: string; readonly stamps?: StampCache };
}

/**
 * The path of a content file as messages show it: relative to the project root, `/`-separated.
 * Made for thousands of files: the content folder's part is worked out once.
 */
function displayPaths(rootDir: string, contentDir: string): (contentPath: string) => string {
  const folder = relative(rootDir, contentDir).split('\\').join('/');
  return (contentPath) => (folder ? `${folder}/${contentPath}` : contentPath);
}

export function loadSite(options: LoadOptions): Site {
  const rootDir = resolve(options.rootDir);
  const contentDir = resolve(options.contentDir);
  const sink = new DiagnosticSink();
  const loader = createPageLoader(contentDir, rootDir, sink, options.configFile);
  const { sources } = loader;

  const files = findMarkdownFiles(contentDir, excludedBy(sources.exclude));
  const sourcesDigest = sourcesFingerprint(sources);
  const cacheContext = fingerprint(options.cache?.version ?? '', sourcesDigest);
  const displayPath = displayPaths(rootDir, contentDir);
  const reader = new ContentReader(options.cache?.stamps);
  const jobs: LoadJob[] = [];
  const inputs = files.map((contentPath) => {
    const path = join(contentDir, contentPath);
    const read = reader.read(path, contentPath);
    const key = fingerprint(cacheContext, contentPath, read.hash);
    const cached = options.cache?.pages.get(key);
    const file = displayPath(contentPath);
    if (cached === undefined) jobs.push({ contentPath, file, source: read.source ?? readFileSync(path, 'utf8') });
    return { contentPath, file, key, cached };
  });
  reader.save();
  const fresh = loadPages(loader, { contentDir, rootDir, configFile: options.configFile }, jobs);

  const pages: Page[] = [];
  const links: PendingLink<Page>[] = [];
  const pagenamePositions = new Map<Page, Position>();
  const sourceKeys = new Map<Page, string>();
  const outlines: string[] = [];
  const linkUrls = new Map<Page, string[]>();
  for (const { contentPath, file, key, cached } of inputs) {
    let stored = cached;
    if (stored === undefined) {
      const result = fresh.get(contentPath);
      sink.diagnostics.push(...(result?.diagnostics ?? []));
      stored = result?.stored;
      // Only a page without problems is kept: a cached page reports nothing when reused.
      if (stored !== undefined && result?.diagnostics.length === 0) options.cache?.pages.set(key, stored);
    }
    const loaded = stored === undefined ? undefined : restorePage(stored, file, contentPath, sources.localeConfig.locales);
    if (!loaded) continue;
    const { page } = loaded;
    pages.push(page);
    outlines.push(file, contentPath, loaded.outline);
    pagenamePositions.set(page, loaded.pagenameAt);
    sourceKeys.set(page, key);
    const urls = loaded.links.map((link) => link.url);
    linkUrls.set(page, urls);
    loaded.links.forEach((link, index) => {
      // Remember where each link resolves to: it is part of what the body renders.
      const set = (url: string) => {
        loaded.setLink(index, url);
        urls[index] = url;
      };
      links.push({ page, ref: { ...link, at: loaded.linkAt[index] ?? START, set }, at: loaded.linkAt[index] ?? START });
    });
  }

  followOriginalKinds(pages, sources.localeConfig.defaultLocale);
  checkDuplicatePagenames(pages, pagenamePositions, sink);
  const finder = new PageFinder(pages, sources.localeConfig);
  const redirects = loadRedirects(pages, finder, pagenamePositions, sources, sources.configFile, sink);
  checkToc(contentDir, rootDir, (value) => pages.some((page) => page.pagename === value) || finder.pageAt(value.replace(/^\/+/, '')) !== undefined, sink);
  const assets = resolveLinks(
    { finder, localeConfig: sources.localeConfig, contentDir, settings: sources.settings, excluded: excludedBy(sources.exclude), redirectOf: redirectIndex(redirects), sink },
    links,
  );

  const pageDigests = new Map(pages.map((page) => [page, fingerprint(sourceKeys.get(page) ?? '', ...(linkUrls.get(page) ?? []))]));
  const outlineDigest = fingerprint(sourcesDigest, ...outlines);
  return { sources, pages, diagnostics: sortDiagnostics(sink.diagnostics), fileCount: files.length, redirects, assets, pageDigests, outlineDigest };
}

/**
 * A translation is an error page when its original is: a Korean H1 that translates the message
 * may no longer read as an error, but the page is about the same one. Only kinds read from the
 * content change; `kind:` and layouts stay as written.
 */
function followOriginalKinds(pages: readonly Page[], defaultLocale: Locale): void {
  const originals = new Map(pages.filter((page) => page.locale === defaultLocale && page.kind === 'entry').map((page) => [page.pagename, page]));
  for (const page of pages) {
    if (page.kind === 'page' && page.kindInferred && originals.has(page.pagename)) (page as { kind: PageKind }).kind = 'entry';
  }
}

