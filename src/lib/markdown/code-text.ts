/**
 * The code a page shows: its code blocks (fenced or indented) and inline code, as text. Paste
 * search reads error lines and their context from them; recognising error pages reads the first
 * block. Bounded, so a page with a huge log stays cheap to keep and to index.
 */
import type { Nodes, Root } from 'mdast';
import type { Position } from '../validation/diagnostic.ts';

export interface CodeText {
  /** Each code block's text, in page order. */
  readonly blocks: readonly string[];
  /** Where each block starts, in the parsed text (loading maps it to the file). */
  readonly at: readonly Position[];
  /** Inline code of the body's text, in page order, each once. */
  readonly inline: readonly string[];
}

const LIMITS = { blocks: 12, blockChars: 6_000, inline: 40, inlineChars: 300 } as const;

export function collectCodeText(tree: Root): CodeText {
  const blocks: string[] = [];
  const at: Position[] = [];
  const inline = new Set<string>();
  const walk = (node: Nodes): void => {
    if (node.type === 'code' && blocks.length < LIMITS.blocks) {
      blocks.push(node.value.slice(0, LIMITS.blockChars));
      at.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    }
    else if (node.type === 'inlineCode' && inline.size < LIMITS.inline && node.value.trim().length > 3) inline.add(node.value.slice(0, LIMITS.inlineChars));
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return { blocks, at, inline: [...inline] };
}

/**
 * The first code block when it opens the page: before any paragraph of more than a couple of
 * sentences, right under the H1 or under a short section heading (`## Error`, `## 症状`).
 */
export function openingCodeBlock(tree: Root): string | undefined {
  let prose = 0;
  for (const node of tree.children) {
    if (node.type === 'code') return node.value;
    if (node.type === 'heading' && node.depth > 1 && headingWords(node) > 6) return undefined;
    if (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote') prose += 1;
    if (prose > 2) return undefined;
  }
  return undefined;
}

function headingWords(node: Nodes): number {
  let text = '';
  const walk = (child: Nodes): void => {
    if ('value' in child && typeof child.value === 'string') text += child.value;
    if ('children' in child) for (const grandchild of child.children) walk(grandchild);
  };
  walk(node);
  // CJK headings have no spaces: count about two characters as a word.
  return text.trim().split(/\s+/).reduce((sum, word) => sum + (/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(word) ? Math.ceil(word.length / 2) : 1), 0);
}
