/**
 * Loads one content file into a page: its front matter checked against the schema, its Liquid
 * rendered, its Markdown parsed; what kind of page it is; where its links and signatures are
 * written. A file with errors is no page, and says why.
 */
import { findLocale } from '../i18n/locales.ts';
import { uiText } from '../i18n/ui-strings.ts';
import { CALLOUT_KINDS } from '../liquid/builtin-includes.ts';
import { createLiquidRenderer, type LiquidRenderer } from '../liquid/render-liquid.ts';
import { headingIds } from '../markdown/anchor-ids.ts';
import { collectCodeText, openingCodeBlock } from '../markdown/code-text.ts';
import { MAX_NESTING } from '../markdown/nesting.ts';
import { collectLinks, findErrorHeading, parseMarkdown, removeNode } from '../markdown/parse-markdown.ts';
import { RESERVED_IDS } from '../site/page-ids.ts';
import { type DiagnosticSink, type Position, START } from '../validation/diagnostic.ts';
import { JEKYLL_IGNORED_FIELDS, KNOWN_FIELDS, makeFrontMatterSchema, type FrontMatterSchema, type PageKind } from '../validation/front-matter-schema.ts';
import { checkFolderLocale, reportUnknownKeys } from '../validation/page-checks.ts';
import { inEntryFolder, looksLikeErrorPage } from './error-page.ts';
import { parseFrontMatter, type ParsedFile } from './front-matter.ts';
import type { PageLoader } from './load-pages.ts';
import type { LoadedPage } from './page-cache.ts';
import type { Page } from './page.ts';
import { loadSiteSources, type SiteSources } from './site-sources.ts';

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

/** Loads one file: front matter, Liquid, Markdown; its problems go to `input.sink`. */
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
  if (locale) checkFolderLocale(file, contentPath, locale, parsed, input.sources.localeConfig.locales, sink);

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

export function listItemPosition(parsed: ParsedFile, field: string, index: number): Position | undefined {
  const at = parsed.fields.get(field)?.value;
  // Block lists put one item per line after the key; the first item is where the value starts.
  return at ? { line: at.line + index, column: at.column } : undefined;
}
