/**
 * Syntax tree → HTML. Raw HTML in entries is parsed and passed through an allow-list
 * sanitiser (GitHub's rules), so scripts, event handlers, `javascript:` URLs, iframes,
 * styles and forms never reach a reader. What the site adds (heading ids and anchors, code
 * copy buttons) is added after sanitising, so authors can neither forge nor remove it.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { allowCalloutsAndFigures } from './callouts.ts';
import rehypeCodeBlocks, { type CodeBlockOptions } from './code-blocks.ts';
import rehypeHeadingAnchors, { anchoredHeading } from './heading-anchors.ts';
import rehypeHeadingIds from './heading-ids.ts';
import rehypeToc, { type TocItem } from './toc.ts';

/**
 * GitHub's schema, plus the callouts and figures of the built-in includes; ids are added after
 * sanitising, so authors cannot clobber ours.
 */
const sanitizeSchema = allowCalloutsAndFigures({ ...defaultSchema, clobber: [...(defaultSchema.clobber ?? [])] });

/** What the rendered body depends on besides its tree: interface text in the reader's language, ids in use. */
export interface BodyLabels extends CodeBlockOptions {
  /** Ids the page around the body uses; headings get other ids. */
  readonly reservedIds: readonly string[];
  /** Accessible name of a heading's anchor link. */
  readonly headingAnchor: (headingText: string) => string;
}

export interface RenderedBody {
  readonly html: string;
  /** The h2–h3 outline, for the on-page table of contents. */
  readonly toc: readonly TocItem[];
}

function makeRenderer(labels: BodyLabels, withRawHtml: boolean) {
  return unified()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(withRawHtml ? [rehypeRaw] : [])
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHeadingIds, { reserved: labels.reservedIds })
    .use(rehypeToc)
    .use(rehypeHeadingAnchors, { label: labels.headingAnchor })
    .use(rehypeCodeBlocks, labels)
    .use(rehypeStringify)
    .freeze();
}

type Renderer = ReturnType<typeof makeRenderer>;

/**
 * Two renderers per labels object (callers keep one labels object per locale): parsing raw
 * HTML runs the whole tree through an HTML parser, which a body without raw HTML can skip.
 */
const renderers = new WeakMap<BodyLabels, { withRawHtml: Renderer; withoutRawHtml: Renderer }>();

function rendererFor(labels: BodyLabels, withRawHtml: boolean): Renderer {
  let pair = renderers.get(labels);
  if (!pair) renderers.set(labels, (pair = { withRawHtml: makeRenderer(labels, true), withoutRawHtml: makeRenderer(labels, false) }));
  return withRawHtml ? pair.withRawHtml : pair.withoutRawHtml;
}

function hasRawHtml(tree: Root): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}

/**
 * The body's HTML and its outline. Pass the same `labels` object for each page of a locale.
 * `tree` is not copied first: a loaded page's `tree` is a fresh copy on each read.
 */
export function renderBody(tree: Root, labels: BodyLabels): RenderedBody {
  const renderer = rendererFor(labels, hasRawHtml(tree));
  const file = new VFile();
  const hast = renderer.runSync(tree, file);
  return { html: renderer.stringify(hast, file), toc: file.data.toc ?? [] };
}

/**
 * A heading the layout adds to the article (such as "This entry also covers"), with the same
 * anchor link as the body's headings. `text` is printed as text.
 */
export function renderAnchoredHeading(level: 2 | 3, id: string, text: string, anchorLabel: string, lang?: string): string {
  const heading: Element = {
    type: 'element',
    tagName: `h${level}`,
    properties: { id, ...(lang ? { lang } : {}) },
    children: [{ type: 'text', value: text }],
  };
  const root: HastRoot = { type: 'root', children: [anchoredHeading(heading, anchorLabel)] };
  return unified().use(rehypeStringify).stringify(root);
}
