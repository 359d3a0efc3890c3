/**
 * Syntax tree → HTML. Raw HTML in entries is parsed and passed through an allow-list
 * sanitiser (GitHub's rules), so scripts, event handlers, `javascript:` URLs, iframes,
 * styles and forms never reach a reader.
 */
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import rehypeHeadingIds from './heading-ids.ts';

/** GitHub's schema; ids are added after sanitising, so authors cannot clobber ours. */
const sanitizeSchema = { ...defaultSchema, clobber: [...(defaultSchema.clobber ?? [])] };

const renderer = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeHeadingIds)
  .use(rehypeStringify);

export function renderHtml(tree: Root): string {
  return renderer.stringify(renderer.runSync(structuredClone(tree)));
}
