/**
 * rehype plugin: a "copy" button for every code block. The button is `hidden` in the HTML and
 * shown by the page's script, so readers without JavaScript never see a button that does nothing.
 * Each block is a named region (a `<section>`, the native element for the role) whose `<pre>`
 * is in the Tab order: a log line wider than the page scrolls sideways, and a reader without a
 * mouse scrolls it with the arrow keys once it has focus (WCAG 2.1.1; axe's
 * `scrollable-region-focusable`).
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export interface CodeBlockOptions {
  /** Visible button text, e.g. "Copy". */
  readonly copyText: string;
  /** Accessible name; must contain `copyText` (WCAG 2.5.3), e.g. "Copy code". */
  readonly copyLabel: string;
  /** Accessible name of the page's code block number `number` (from 1), e.g. "Code block 2". */
  readonly codeLabel: (number: number) => string;
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
    let count = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      count += 1;
      node.properties = { ...node.properties, tabIndex: 0 };
      const wrapper: Element = {
        type: 'element',
        tagName: 'section',
        properties: { className: ['code-block'], ariaLabel: options.codeLabel(count) },
        children: [node, copyCodeButton(options.copyText, options.copyLabel)],
      };
      parent.children[index] = wrapper as ElementContent;
      return SKIP;
    });
  };
}
