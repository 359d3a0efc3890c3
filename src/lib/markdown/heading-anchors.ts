/**
 * rehype plugin: a visible "link to this section" control beside every h2–h6 that has an id.
 * As Starlight does, the heading and its link sit in a wrapper, so the heading's own text (its
 * accessible name, the TOC and the search index) stays the heading alone.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

export interface HeadingAnchorOptions {
  /** The link's accessible name for a heading, in the reader's language. */
  readonly label: (headingText: string) => string;
}

const HEADING = /^h[2-6]$/;

/**
 * A heading followed by its anchor link, wrapped: `<div class="heading"><hN id>…</hN><a href="#id">`.
 * Also used for headings the layout adds (they must look and behave the same).
 */
export function anchoredHeading(heading: Element, label: string): Element {
  const id = String(heading.properties['id']);
  const anchor: Element = {
    type: 'element',
    tagName: 'a',
    properties: { className: ['heading-anchor'], href: `#${id}`, dataCopyLink: '', dataPagefindIgnore: '' },
    children: [
      { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
      { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: label }] },
    ],
  };
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['heading', `heading-${heading.tagName}`] },
    children: [heading, anchor],
  };
}

export default function rehypeHeadingAnchors(options: HeadingAnchorOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!HEADING.test(node.tagName) || typeof node.properties['id'] !== 'string' || !parent || index === undefined) return;
      parent.children[index] = anchoredHeading(node, options.label(toString(node).trim())) as ElementContent;
      // The wrapper's children are the heading and its link: nothing more to do inside.
      return SKIP;
    });
  };
}
