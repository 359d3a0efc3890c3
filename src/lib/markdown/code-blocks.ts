/**
 * rehype plugin: a "copy" button for every code block. The button is `hidden` in the HTML and
 * shown by the page's script, so readers without JavaScript never see a button that does nothing.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export interface CodeBlockOptions {
  /** Visible button text, e.g. "Copy". */
  readonly copyText: string;
  /** Accessible name; must contain `copyText` (WCAG 2.5.3), e.g. "Copy code". */
  readonly copyLabel: string;
}

/** The button the page's script wires up; `data-copy="code"` copies the block beside it. */
function copyCodeButton(text: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'button',
    // Not part of the entry's text: Pagefind skips it.
    properties: { type: 'button', className: ['copy-button'], ariaLabel: label, dataCopy: 'code', dataPagefindIgnore: '', hidden: true },
    children: [{ type: 'text', value: text }],
  };
}

export default function rehypeCodeBlocks(options: CodeBlockOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block'] },
        children: [node, copyCodeButton(options.copyText, options.copyLabel)],
      };
      parent.children[index] = wrapper as ElementContent;
      return SKIP;
    });
  };
}
