/**
 * Loads the whole content tree: every `*.md` outside `_` folders becomes a page or a reported
 * problem, never nothing. Runs every per-file and catalog-wide rule and returns all problems
 * at once, so one run of `npm run check` shows everything there is to fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { distance } from 'fastest-levenshtein';
import type { Locale } from '../i18n/locales.ts';
import { findLocale } from '../i18n/locales.ts';
import { uiText } from '../i18n/ui-strings.ts';
import { CALLOUT_KINDS } from '../liquid/builtin-includes.ts';
import { createLiquidRenderer, type LiquidRenderer } from '../liquid/render-liquid.ts';
import { collectLinks, findErrorHeading, parseMarkdown, removeNode } from '../markdown/parse-markdown.ts';
import { MAX_NESTING } from '../markdown/nesting.ts';
import { collectCodeText, openingCodeBlock } from '../markdown/code-text.ts';
import { inEntryFolder, looksLikeErrorPage } from './error-page.ts';
import { excludedBy } from './exclude.ts';
import { computeRedirects, type ConfiguredTarget, type Redirect, type RedirectPage, redirectIndex } from '../routing/redirects.ts';
import { parseSitePath } from '../routing/routes.ts';
import { DiagnosticSink, type Position, sortDiagnostics, START } from './diagnostic.ts';
import { parseFrontMatter, type ParsedFile } from './front-matter.ts';
import { fingerprint } from '../build/fingerprint.ts';
import { ContentReader, type StampCache } from './content-reader.ts';
import { type LoadJob, loadPages, type PageLoader } from './load-pages.ts';
import { type LoadedPage, type PageCache, restorePage } from './page-cache.ts';
import type { Page, Site } from './page.ts';
import { headingIds } from '../markdown/anchor-ids.ts';
import { RESERVED_IDS } from '../site/page-ids.ts';
import { PageFinder, type PendingLink, resolveLinks } from './resolve-links.ts';
import { checkToc } from './toc-data.ts';
import { JEKYLL_IGNORED_FIELDS, KNOWN_FIELDS, makeFrontMatterSchema, type FrontMatterSchema, type PageKind } from './schema.ts';
import { loadSiteSources, type SiteSources } from './site-sources.ts';

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

/** Folders skipped entirely: Jekyll's `_includes`, `_data` and the like, and hidden folders. */
function isSkippedFolder(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

/**
 * Every `.md` file under `dir`, as paths relative to it with `/` separators, in a stable order;
 * `excluded` paths (Jekyll's `exclude:`) are left out, folders with all they hold.
 */
export function findMarkdownFiles(dir: string, excluded: (path: string) => boolean = () => false): string[] {
  const found: string[] = [];
  const walk = (relativeDir: string) => {
    for (const entry of readdirSync(join(dir, relativeDir), { withFileTypes: true })) {
      const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (excluded(path)) continue;
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) walk(path);
      } else if (entry.name.toLowerCase().endsWith('.md')) {
        found.push(path);
      }
    }
  };
  walk('');
  return found.sort();
}

/**
 * Reads the site's sources (config, data, includes), reporting their problems to `sink`, which
 * from then on keeps problems at the levels the config sets.
 */
export function createPageLoader(contentDir: string, rootDir: string, sink: DiagnosticSink, configFile?: string): PageLoader {
  const sources = loadSiteSources(contentDir, rootDir, sink, configFile);
  sink.levels = sources.settings.levels;
  const schema = makeFrontMatterSchema({
    locales: sources.localeConfig.locales,
    categories: sources.categories ? [...sources.categories.keys()] : undefined,
    layouts: sources.settings.layouts,
  });
  const liquid = createLiquidRenderer(sources.includes, { siteUrl: sources.siteUrl, strictVariables: sources.settings.strictVariables, configFile: sources.configFile, themeHtmlKeys: sources.themeHtmlKeys });
  const knownFields = [...KNOWN_FIELDS, ...JEKYLL_IGNORED_FIELDS, ...sources.settings.ignoredFields];
  return {
    sources,
    load: (file, contentPath, source, pageSink) => loadPage({ file, contentPath, source, sources, schema, liquid, sink: pageSink, knownFields }),
  };
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

/** Old paths of every page and of `errata: redirects:`, their conflicts reported. */
function loadRedirects(pages: readonly Page[], finder: PageFinder<Page>, pagenamePositions: ReadonlyMap<Page, Position>, sources: SiteSources, configFile: string, sink: DiagnosticSink): Redirect[] {
  const configured: ConfiguredTarget[] = sources.settings.redirects.map(({ from, to, at }) => {
    const [path = '', hash = ''] = to.split('#');
    const site = path.startsWith('/') ? parseSitePath(sources.localeConfig.locales, path) : undefined;
    const page = site?.name ? finder.shownAt(site.locale, site.name) : path.startsWith('/') ? undefined : finder.pageAt(posix.normalize(path));
    const locale = site?.locale ?? page?.locale;
    return {
      from,
      file: configFile,
      at,
      written: to,
      target: page && locale ? { locale, pagename: page.pagename, title: page.title, hash: hash ? `#${hash}` : '' } : undefined,
    };
  });
  const { redirects, problems } = computeRedirects(
    pages.map((page): RedirectPage => ({ file: page.file, locale: page.locale, pagename: page.pagename, title: page.title, oldPaths: page.oldPaths, pagenameAt: pagenamePositions.get(page) ?? START })),
    sources.localeConfig,
    configured,
  );
  for (const problem of problems) sink.error(problem.file, problem.at, problem.ruleId, problem.message);
  return redirects;
}

interface PageInput {
  readonly file: string;
  readonly contentPath: string;
  readonly source: string;
  readonly sources: SiteSources;
  readonly schema: FrontMatterSchema;
  readonly liquid: LiquidRenderer;
  readonly sink: DiagnosticSink;
  /** Front-matter fields that are not unknown: the schema's, Jekyll's, and configured ones. */
  readonly knownFields: readonly string[];
}

/** Labels of the built-in callouts, per language, for Liquid (`errata_ui.warning`). */
const calloutLabelCache = new Map<string, Record<string, string>>();
function calloutLabels(localeName: string): Record<string, string> {
  let labels = calloutLabelCache.get(localeName);
  if (!labels) {
    labels = Object.fromEntries(CALLOUT_KINDS.map((kind) => [kind, uiText(localeName, `callout.${kind}`)]));
    calloutLabelCache.set(localeName, labels);
  }
  return labels;
}

function loadPage(input: PageInput): LoadedPage | undefined {
  const { file, contentPath, sink } = input;
  const parsed = parseFrontMatter(input.source, file, sink);
  if (!parsed) return undefined;
  const errorsBefore = sink.errorCount;

  reportUnknownKeys(parsed, file, input.knownFields, sink);
  const result = input.schema.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [field, index] = issue.path;
      const positions = typeof field === 'string' ? parsed.fields.get(field) : undefined;
      const at = positions ? positions.value : START;
      // Items of a list sit on their own lines; point at the item when YAML told us where.
      const itemAt = typeof index === 'number' ? listItemPosition(parsed, String(field), index) : undefined;
      sink.error(file, itemAt ?? at, `front-matter-${String(field ?? 'invalid')}`, issue.message);
    }
  }

  const lang = parsed.data['lang'];
  const locale = typeof lang === 'string' ? findLocale(input.sources.localeConfig.locales, lang) : undefined;
  if (locale) checkFolderLocale(contentPath, locale, parsed, input, sink);

  const { output, problems, toSource } = input.liquid.render(
    parsed.body,
    { site: input.sources.site, page: parsed.data, ui: calloutLabels((locale ?? input.sources.localeConfig.defaultLocale).name) },
    { line: parsed.bodyLine, column: 1 },
  );
  for (const problem of problems) (problem.severity === 'error' ? sink.error : sink.warning).call(sink, file, problem.at, problem.ruleId, problem.message);

  const tree = parseMarkdown(output);
  const toFile = (at: Position): Position => toSource(at.line, at.column);
  if (tree.data?.tooDeep) {
    sink.error(
      file,
      toFile(tree.data.tooDeep),
      'markdown-too-deep',
      `The text nests more than ${MAX_NESTING} levels deep here (lists, block quotes, emphasis, links or HTML elements inside one another); a page this deep cannot be built. Nest fewer levels: split the list or the quote, or put the text in a fenced code block to show it as written.`,
    );
  }
  const heading = findErrorHeading(tree);
  const parsedCode = collectCodeText(tree);
  const code = { ...parsedCode, at: parsedCode.at.map((at) => toSource(at.line, at.column)) };
  const looksLikeError = () =>
    inEntryFolder(contentPath, input.sources.settings.entryFolders) ||
    looksLikeErrorPage({ heading: heading?.text, title: result.data?.title ?? '', openingCode: openingCodeBlock(tree), codeBlocks: code.blocks, contentPath });
  const kind: PageKind = result.success ? pageKind(result.data, heading?.isCode ?? false, looksLikeError) : 'entry';
  if (kind === 'entry' && !heading) {
    sink.error(
      file,
      { line: parsed.bodyLine, column: 1 },
      'entry-heading-missing',
      'An error entry needs a level-1 heading with the error message in backticks, e.g. "# `ModuleNotFoundError: No module named \'requests\'`". Add it before the first section.',
    );
  }
  if (heading) removeNode(tree, heading.node);

  if (!result.success || sink.errorCount > errorsBefore) return undefined;
  const data = result.data;
  const page: Page = {
    file,
    contentPath,
    kind,
    kindInferred: !data.kind && data.layout === 'auto',
    locale: data.lang,
    pagename: data.pagename,
    title: data.title,
    description: data.description,
    category: data.category,
    heading: heading?.text ?? data.title,
    headingIsCode: heading?.isCode ?? false,
    errors: data.errors,
    code,
    signaturePositions: [
      heading?.node.position ? toFile({ line: heading.node.position.start.line, column: heading.node.position.start.column }) : START,
      ...data.errors.map((_, index) => listItemPosition(parsed, 'errors', index) ?? START),
    ],
    tree,
    anchors: headingIds(tree, RESERVED_IDS),
    oldPaths: [
      ...(data.redirect_from ?? []).map((path, index) => ({
        path,
        at: (Array.isArray(parsed.data['redirect_from']) ? listItemPosition(parsed, 'redirect_from', index) : undefined) ?? parsed.fields.get('redirect_from')?.value ?? START,
      })),
      // A permalink with placeholders (`/:title/`) names no one path.
      ...(data.permalink && !data.permalink.includes(':') ? [{ path: data.permalink, at: parsed.fields.get('permalink')?.value ?? START }] : []),
    ],
    navOrder: typeof parsed.data['nav_order'] === 'number' ? parsed.data['nav_order'] : undefined,
  };
  const pagenameAt = parsed.fields.get('pagename')?.value ?? START;
  return { page, pagenameAt, linkAt: collectLinks(tree).map((ref) => toFile(ref.at)) };
}

/**
 * What a page is: its `kind:` when it has one, else what its layout renders as; a layout that
 * leaves it open (`default`) makes it an error entry when its H1 is written as code, it lists
 * `errors:`, or it otherwise looks like an error page (`looksLikeError`: see `error-page.ts`,
 * and `errata.entry_folders`), and a documentation page otherwise.
 * @example pageKind({ layout: 'auto', errors: [] }, true, () => false) === 'entry'
 */
export function pageKind(
  data: { readonly kind?: PageKind | undefined; readonly layout: 'entry' | 'page' | 'auto'; readonly errors: readonly string[] },
  headingIsCode: boolean,
  looksLikeError: () => boolean,
): PageKind {
  if (data.kind) return data.kind;
  if (data.layout !== 'auto') return data.layout;
  return headingIsCode || data.errors.length > 0 || looksLikeError() ? 'entry' : 'page';
}

function listItemPosition(parsed: ParsedFile, field: string, index: number): Position | undefined {
  const at = parsed.fields.get(field)?.value;
  // Block lists put one item per line after the key; the first item is where the value starts.
  return at ? { line: at.line + index, column: at.column } : undefined;
}

function reportUnknownKeys(parsed: ParsedFile, file: string, knownFields: readonly string[], sink: DiagnosticSink): void {
  for (const [key, positions] of parsed.fields) {
    if (knownFields.includes(key)) continue;
    const closest = KNOWN_FIELDS.map((known) => ({ known, cost: distance(key.toLowerCase(), known) })).sort((a, b) => a.cost - b.cost)[0];
    const hint = closest && closest.cost <= 2 ? `Did you mean "${closest.known}"?` : `Known fields: ${KNOWN_FIELDS.join(', ')}.`;
    sink.error(file, positions.key, 'front-matter-unknown-key', `Unknown front-matter field "${key}". ${hint}`);
  }
}

/** A folder named after a locale (`ja/`, `zh_CN/`) holds pages of that locale only. */
function checkFolderLocale(contentPath: string, locale: Locale, parsed: ParsedFile, input: PageInput, sink: DiagnosticSink): void {
  const folders = contentPath.split('/').slice(0, -1);
  for (const folder of folders) {
    const folderLocale = findLocale(input.sources.localeConfig.locales, folder);
    if (folderLocale && folderLocale !== locale) {
      sink.error(
        input.file,
        parsed.fields.get('lang')?.value ?? START,
        'lang-folder-mismatch',
        `"lang: ${String(parsed.data['lang'])}" disagrees with the folder "${folder}/". Set "lang: ${folderLocale.name}" or move the file to a "${locale.name}/" folder.`,
      );
    }
  }
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

function checkDuplicatePagenames(pages: readonly Page[], positions: ReadonlyMap<Page, Position>, sink: DiagnosticSink): void {
  const seen = new Map<string, Page>();
  for (const page of pages) {
    const key = `${page.locale.name}\u0000${page.pagename}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, page);
      continue;
    }
    sink.error(
      page.file,
      positions.get(page) ?? START,
      'pagename-duplicate',
      `pagename "${page.pagename}" is already used by ${first.file} in lang ${page.locale.name}. Each page name must be unique per language: rename one of them.`,
    );
  }
}

/**
 * Everything besides a page's own text that loading it reads: configuration, data, includes,
 * languages and categories. Maps are written as their entries.
 */
function sourcesFingerprint(sources: SiteSources): string {
  return fingerprint(JSON.stringify(sources, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value)));
}
