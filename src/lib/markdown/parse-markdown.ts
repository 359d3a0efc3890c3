/**
 * Markdown → syntax tree (CommonMark + GFM), and what the rest of the site needs to know
 * about the tree: the error heading and the links.
 */
import type { Definition, Heading, Html, Image, Link, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import type { Position } from '../validation/diagnostic.ts';
import { deepLine, limitDepth } from './nesting.ts';

/**
 * Cuts the tree where it nests too deep before any other transform walks it (GFM's walk
 * recursively), noting the place in `tree.data.tooDeep`.
 */
function remarkNestingLimit(this: Processor): void {
  const extensions = (this.data().fromMarkdownExtensions ??= []);
  extensions.push({
    transforms: [
      (tree) => {
        const tooDeep = limitDepth(tree);
        if (tooDeep) tree.data = { ...tree.data, tooDeep };
      },
    ],
  });
}

const parser = unified().use(remarkParse).use(remarkNestingLimit).use(remarkGfm);

/**
 * The text's syntax tree. Text that nests deeper than `MAX_NESTING` (see `nesting.ts`) is
 * parsed up to the line where it does, and `tree.data.tooDeep` says where that is.
 */
export function parseMarkdown(text: string): Root {
  const deep = deepLine(text);
  const tree = parser.runSync(parser.parse(deep ? text.slice(0, deep.lineStart) : text)) as Root;
  if (deep) tree.data = { ...tree.data, tooDeep: tree.data?.tooDeep ?? { line: deep.line, column: deep.column } };
  return tree;
}

export interface ErrorHeading {
  /** The heading's text: the error message, without the backticks. */
  readonly text: string;
  /** True when the whole heading is inline code, as catalog entries write it. */
  readonly isCode: boolean;
  readonly node: Heading;
}

/** The first level-1 heading: in an entry, the error message itself. */
export function findErrorHeading(tree: Root): ErrorHeading | undefined {
  const node = tree.children.find((child): child is Heading => child.type === 'heading' && child.depth === 1);
  if (!node) return undefined;
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return { text: toString(node).trim(), isCode: meaningful.length === 1 && meaningful[0]?.type === 'inlineCode', node };
}

/** Removes `heading` from the tree; the layout renders the error heading itself. */
export function removeNode(tree: Root, heading: Heading): void {
  tree.children = tree.children.filter((child) => child !== heading);
}

export type LinkNode = Link | Image | Definition;

/** A URL written in the page — in Markdown or in raw HTML — that can be read and replaced. */
export interface LinkRef {
  readonly url: string;
  /** Where the link starts in the parsed text. */
  readonly at: Position;
  /** An image (`![]()`, `<img src>`, `<source src>`), not a link. */
  readonly isImage: boolean;
  /** Replaces the URL in the tree. */
  readonly set: (url: string) => void;
}

/** `src` and `href` attributes of raw HTML, quoted as HTML allows. */
const HTML_URL_ATTRIBUTE = /<([a-z][a-z0-9-]*)\b[^>]*?\s(src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/**
 * Every link, image and link definition, and every `src`/`href` in raw HTML, with its position
 * relative to the parsed text.
 */
export function collectLinks(tree: Root): LinkRef[] {
  const links: LinkRef[] = [];
  // A plain walk in document order: every build walks every page, and a generic visitor
  // costs several times more.
  const walk = (node: Nodes): void => {
    if (node.type === 'html' || node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const start = node.position?.start;
      const at = { line: start?.line ?? 1, column: start?.column ?? 1 };
      if (node.type === 'html') links.push(...htmlLinks(node, at));
      else links.push({ url: node.url, at, isImage: node.type === 'image', set: (url) => (node.url = url) });
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return links;
}

/** The URLs in one raw HTML node; replacing one rewrites the node's text. */
function htmlLinks(node: Html, at: Position): LinkRef[] {
  const found = [...node.value.matchAll(HTML_URL_ATTRIBUTE)];
  if (found.length === 0) return [];
  // The text between URLs, and the URLs: replacing one keeps every other offset valid.
  const parts: string[] = [];
  let last = 0;
  const refs: LinkRef[] = [];
  for (const match of found) {
    const url = match[3] ?? match[4] ?? '';
    const urlStart = (match.index ?? 0) + match[0].length - url.length - 1;
    parts.push(node.value.slice(last, urlStart));
    const slot = parts.push(url) - 1;
    last = urlStart + url.length;
    const before = node.value.slice(0, urlStart);
    const lineBreaks = before.split('\n').length - 1;
    const column = lineBreaks === 0 ? at.column + urlStart : urlStart - before.lastIndexOf('\n');
    const tag = (match[1] ?? '').toLowerCase();
    refs.push({
      url,
      at: { line: at.line + lineBreaks, column },
      isImage: match[2]?.toLowerCase() === 'src' && (tag === 'img' || tag === 'source'),
      set: (replacement) => {
        parts[slot] = replacement.replaceAll('"', '&quot;');
        node.value = parts.join('') + rest;
      },
    });
  }
  const rest = node.value.slice(last);
  return refs;
}
