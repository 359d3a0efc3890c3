/**
 * rehype plugin: gives every h2–h6 a stable `id` from its text, the same in every build and
 * for CJK headings too (GitHub's slug rules keep letters of every script). Ids the page layout
 * uses itself are taken first, so a heading never duplicates one (it gets `-1` appended).
 */
import GithubSlugger from 'github-slugger';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface HeadingIdOptions {
  /** Ids already used on the page, which headings must not take. */
  readonly reserved?: readonly string[];
}

const HEADING = /^h[2-6]$/;

export default function rehypeHeadingIds(options: HeadingIdOptions = {}) {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    for (const id of options.reserved ?? []) slugger.slug(id);
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName)) return;
      const slug = slugger.slug(toString(node).trim()) || slugger.slug('section');
      node.properties['id'] = slug;
    });
  };
}
