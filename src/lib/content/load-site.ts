/**
 * Loads the whole content tree: every `*.md` outside `_` folders becomes a page or a reported
 * problem, never nothing. Runs every per-file and catalog-wide rule and returns all problems
 * at once, so one run of `npm run check` shows everything there is to fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { distance } from 'fastest-levenshtein';
import type { Root } from 'mdast';
import type { Locale } from '../i18n/locales.ts';
import { findLocale } from '../i18n/locales.ts';
import { createLiquidRenderer, type LiquidRenderer } from '../liquid/render-liquid.ts';
import { collectLinks, findErrorHeading, parseMarkdown, removeNode, type LinkNode } from '../markdown/parse-markdown.ts';
import { entryPath, parseSitePath, SITE_SECTIONS } from '../routing/routes.ts';
import { type Diagnostic, DiagnosticSink, type Position, sortDiagnostics, START } from './diagnostic.ts';
import { parseFrontMatter, type ParsedFile } from './front-matter.ts';
import { KNOWN_FIELDS, makeFrontMatterSchema, type FrontMatterSchema, type PageKind } from './schema.ts';
import { loadSiteSources, type SiteSources } from './site-sources.ts';

/** One built page: an error entry or a documentation page, in one language. */
export interface Page {
  /** Path shown in messages, relative to the project root, e.g. `content/ja/foo.md`. */
  readonly file: string;
  /** Path relative to `content/`, used to resolve relative links. */
  readonly contentPath: string;
  readonly kind: PageKind;
  readonly locale: Locale;
  readonly pagename: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly category: string | undefined;
  /** The entry's error message (its H1 text); for other pages, their H1 or title. */
  readonly heading: string;
  /** True when the H1 is written as code, as entries write error messages. */
  readonly headingIsCode: boolean;
  /** Other error messages the entry covers (`errors:`). */
  readonly errors: readonly string[];
  /** Where the heading and each `errors:` item are written, in that order (for search checks). */
  readonly signaturePositions: readonly Position[];
  /** The body without its H1, links already pointing at site URLs. */
  readonly tree: Root;
}

export interface Site {
  readonly sources: SiteSources;
  readonly pages: readonly Page[];
  readonly diagnostics: readonly Diagnostic[];
  /** Number of `.md` files found, built or reported. */
  readonly fileCount: number;
}

export interface LoadOptions {
  /** Folder holding the pages; defaults to `<rootDir>/content`. */
  readonly contentDir?: string;
  /** Folder that displayed paths are relative to; defaults to the working directory. */
  readonly rootDir?: string;
}

/** Folders skipped entirely: Jekyll's `_includes`, `_data` and the like, and hidden folders. */
function isSkippedFolder(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

/** Every `.md` file under `dir`, as paths relative to it with `/` separators, in a stable order. */
export function findMarkdownFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relativeDir: string) => {
    for (const entry of readdirSync(join(dir, relativeDir), { withFileTypes: true })) {
      const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
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

interface PendingLink {
  readonly page: Page;
  readonly node: LinkNode;
  readonly at: Position;
}

export function loadSite(options: LoadOptions = {}): Site {
  const rootDir = resolve(options.rootDir ?? process.cwd());
  const contentDir = resolve(options.contentDir ?? join(rootDir, 'content'));
  const sink = new DiagnosticSink();
  const sources = loadSiteSources(contentDir, rootDir, sink);
  const schema = makeFrontMatterSchema({
    locales: sources.localeConfig.locales,
    categories: sources.categories ? [...sources.categories.keys()] : undefined,
  });
  const liquid = createLiquidRenderer(sources.includes);

  const files = findMarkdownFiles(contentDir);
  const pages: Page[] = [];
  const links: PendingLink[] = [];
  const pagenamePositions = new Map<Page, Position>();
  for (const contentPath of files) {
    const file = relative(rootDir, join(contentDir, contentPath)).split('\\').join('/');
    const source = readFileSync(join(contentDir, contentPath), 'utf8');
    const loaded = loadPage({ file, contentPath, source, sources, schema, liquid, sink });
    if (!loaded) continue;
    pages.push(loaded.page);
    pagenamePositions.set(loaded.page, loaded.pagenameAt);
    for (const link of loaded.links) links.push({ page: loaded.page, ...link });
  }

  checkDuplicatePagenames(pages, pagenamePositions, sink);
  resolveLinks(pages, links, sources.localeConfig.locales, sink);

  return { sources, pages, diagnostics: sortDiagnostics(sink.diagnostics), fileCount: files.length };
}

interface PageInput {
  readonly file: string;
  readonly contentPath: string;
  readonly source: string;
  readonly sources: SiteSources;
  readonly schema: FrontMatterSchema;
  readonly liquid: LiquidRenderer;
  readonly sink: DiagnosticSink;
}

function loadPage(input: PageInput): { page: Page; pagenameAt: Position; links: { node: LinkNode; at: Position }[] } | undefined {
  const { file, contentPath, sink } = input;
  const parsed = parseFrontMatter(input.source, file, sink);
  if (!parsed) return undefined;
  const errorsBefore = sink.errorCount;

  reportUnknownKeys(parsed, file, sink);
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

  const { output, problems } = input.liquid.render(
    parsed.body,
    { site: input.sources.site, page: parsed.data },
    { line: parsed.bodyLine, column: 1 },
  );
  for (const problem of problems) sink.error(file, problem.at, problem.ruleId, problem.message);

  const tree = parseMarkdown(output);
  const toFile = (at: Position): Position => ({ line: at.line + parsed.bodyLine - 1, column: at.column });
  const heading = findErrorHeading(tree);
  const kind = result.success ? result.data.layout : 'entry';
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
    kind: data.layout,
    locale: data.lang,
    pagename: data.pagename,
    title: data.title,
    description: data.description,
    category: data.category,
    heading: heading?.text ?? data.title,
    headingIsCode: heading?.isCode ?? false,
    errors: data.errors,
    signaturePositions: [
      heading?.node.position ? toFile({ line: heading.node.position.start.line, column: heading.node.position.start.column }) : START,
      ...data.errors.map((_, index) => listItemPosition(parsed, 'errors', index) ?? START),
    ],
    tree,
  };
  const pagenameAt = parsed.fields.get('pagename')?.value ?? START;
  return { page, pagenameAt, links: collectLinks(tree).map((link) => ({ node: link.node, at: toFile(link.at) })) };
}

function listItemPosition(parsed: ParsedFile, field: string, index: number): Position | undefined {
  const at = parsed.fields.get(field)?.value;
  // Block lists put one item per line after the key; the first item is where the value starts.
  return at ? { line: at.line + index, column: at.column } : undefined;
}

function reportUnknownKeys(parsed: ParsedFile, file: string, sink: DiagnosticSink): void {
  for (const [key, positions] of parsed.fields) {
    if ((KNOWN_FIELDS as readonly string[]).includes(key)) continue;
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

const EXTERNAL = /^[a-z][a-z0-9+.-]*:|^\/\//i;

/**
 * Links written as paths to `.md` files become the target page's URL; links to
 * `/<locale>/<pagename>/` must name a page that exists. Anything else is left as written.
 */
function resolveLinks(pages: readonly Page[], links: readonly PendingLink[], locales: readonly Locale[], sink: DiagnosticSink): void {
  const byContentPath = new Map(pages.map((page) => [page.contentPath, page]));
  const pagenames = new Set(pages.map((page) => page.pagename));
  for (const { page, node, at } of links) {
    const url = node.url;
    if (!url || url.startsWith('#') || EXTERNAL.test(url)) continue;
    const [pathPart = '', hash = ''] = url.split(/#(.*)/s);
    if (url.startsWith('/')) {
      const parts = parseSitePath(locales, pathPart);
      if (!parts?.name || pagenames.has(parts.name) || (SITE_SECTIONS as readonly string[]).includes(parts.name)) continue;
      sink.error(page.file, at, 'link-target-missing', `Link to "${url}": there is no page "${parts.name}". Check the page name, or link to a page that exists.`);
      continue;
    }
    const withoutQuery = pathPart.split('?')[0] ?? '';
    if (!withoutQuery.toLowerCase().endsWith('.md')) continue;
    const targetPath = posix.normalize(posix.join(posix.dirname(page.contentPath), safeDecode(withoutQuery)));
    const target = byContentPath.get(targetPath);
    if (!target) {
      sink.error(page.file, at, 'link-target-missing', `Link to "${url}": no file content/${targetPath} exists. Fix the path, relative to this file.`);
      continue;
    }
    node.url = entryPath(target.locale, target.pagename) + (hash ? `#${hash}` : '');
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
