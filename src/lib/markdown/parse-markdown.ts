/**
 * Markdown → syntax tree (CommonMark + GFM), and what the rest of the site needs to know
 * about the tree: the error heading and the links.
 */
import type { Definition, Heading, Image, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Position } from '../content/diagnostic.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(text: string): Root {
  return parser.runSync(parser.parse(text)) as Root;
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

/** Every link, image and link definition, with its position relative to the parsed text. */
export function collectLinks(tree: Root): { node: LinkNode; at: Position }[] {
  const links: { node: LinkNode; at: Position }[] = [];
  visit(tree, ['link', 'image', 'definition'], (node) => {
    const linkNode = node as LinkNode;
    const start = linkNode.position?.start;
    links.push({ node: linkNode, at: { line: start?.line ?? 1, column: start?.column ?? 1 } });
  });
  return links;
}
