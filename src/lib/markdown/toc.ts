/**
 * rehype plugin: the page's table of contents, from its h2 and h3 headings (after ids are set),
 * stored on `file.data.toc` for the page to print. Computed from the tree, never in templates.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface TocItem {
  readonly id: string;
  readonly text: string;
  readonly depth: 2 | 3;
  /** h3 items under an h2. */
  readonly children: readonly TocItem[];
}

declare module 'vfile' {
  interface DataMap {
    /** Set by `rehypeToc`. */
    toc: TocItem[];
  }
}

/**
 * The h2–h3 outline of a tree, h3s nested under the h2 before them (an h3 before any h2 stays
 * at the top level). Headings without an id cannot be linked and are left out.
 * @example tocFromTree(tree) // [{ id: 'fix', text: 'Fix', depth: 2, children: [...] }]
 */
export function tocFromTree(tree: Root): TocItem[] {
  const items: { id: string; text: string; depth: 2 | 3; children: TocItem[] }[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
    const id = node.properties['id'];
    if (typeof id !== 'string' || id === '') return;
    const item = { id, text: toString(node).trim(), depth: node.tagName === 'h2' ? 2 : 3, children: [] } as const;
    const parent = items.at(-1);
    if (item.depth === 3 && parent) parent.children.push(item);
    else items.push({ ...item, children: [] });
  });
  return items;
}

/** Stores the outline on `file.data.toc`; run it after `rehypeHeadingIds`. */
export default function rehypeToc() {
  return (tree: Root, file: VFile) => {
    file.data.toc = tocFromTree(tree);
  };
}
