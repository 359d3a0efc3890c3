/**
 * The `id`s a page's headings get, computed from the Markdown tree, so links can be checked
 * before anything is rendered. The rules are those of `heading-ids.ts` (GitHub's slugger,
 * h2–h6, the layout's own ids taken first); a test renders pages and compares both.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * The ids of the h2–h6 headings of `tree`, in order.
 * @example headingIds(parseMarkdown('## Fix it\n## Fix it'), ['main']) // ['fix-it', 'fix-it-1']
 */
export function headingIds(tree: Root, reserved: readonly string[] = []): string[] {
  const slugger = new GithubSlugger();
  for (const id of reserved) slugger.slug(id);
  const ids: string[] = [];
  visit(tree, 'heading', (node: Heading) => {
    if (node.depth < 2) return;
    // As the HTML's text: image alt text and raw HTML tags are not part of it.
    const text = toString(node, { includeImageAlt: false, includeHtml: false }).trim();
    ids.push(slugger.slug(text) || slugger.slug('section'));
  });
  return ids;
}
