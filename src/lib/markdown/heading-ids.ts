/**
 * rehype plugin: gives every h2–h6 a stable `id` from its text, the same in every build and
 * for CJK headings too (GitHub's slug rules keep letters of every script).
 */
import GithubSlugger from 'github-slugger';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const HEADING = /^h[2-6]$/;

export default function rehypeHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName)) return;
      const slug = slugger.slug(toString(node).trim()) || 'section';
      node.properties['id'] = slug;
    });
  };
}
