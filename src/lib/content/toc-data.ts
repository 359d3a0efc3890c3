/**
 * How `_data/toc.yml` is read, as Jekyll documentation themes write it: a list of items, each
 * with a caption (`caption`, a key of `_data/<lang>/toc_text.yml`, or literal text), a page
 * (`page: <pagename>`, or a Markdown path), an external link (`text` + `url`), and `children`.
 * The check here reports a `page:` that names no page, at its line, as a warning: the
 * navigation leaves that item out, and the site still builds.
 */
import { isRecord } from './settings.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, isSeq, type Node, LineCounter, parseDocument } from 'yaml';
import type { DiagnosticSink } from '../validation/diagnostic.ts';
import { normaliseSource } from './front-matter.ts';

/** Keys a toc item may use, as Jekyll themes spell them. */
export const TOC_LABEL_KEYS = ['caption', 'title', 'text', 'label', 'name'] as const;
export const TOC_PAGE_KEYS = ['page', 'pagename'] as const;
export const TOC_URL_KEYS = ['url', 'link', 'href', 'path'] as const;
export const TOC_CHILD_KEYS = ['children', 'items', 'subitems', 'pages', 'sections', 'entries'] as const;

/** The toc's list of items: the file itself, or its list under a key such as `toc:`. */
export function tocItems(toc: unknown): unknown[] | undefined {
  if (Array.isArray(toc)) return toc;
  if (!isRecord(toc)) return undefined;
  for (const key of ['toc', ...TOC_CHILD_KEYS, 'nav', 'navigation']) {
    const value = toc[key];
    if (Array.isArray(value)) return value;
  }
  return undefined;
}

/**
 * Warns about every `page:` of `_data/toc.yml` that `isPage` does not know.
 */
export function checkToc(contentDir: string, rootDir: string, isPage: (value: string) => boolean, sink: DiagnosticSink): void {
  const path = join(contentDir, '_data', 'toc.yml');
  if (!existsSync(path)) return;
  const file = relative(rootDir, path).split('\\').join('/');
  const lineCounter = new LineCounter();
  const document = parseDocument(normaliseSource(readFileSync(path, 'utf8')), { lineCounter });
  if (document.errors.length > 0) return; // Reported when _data is read.
  const visit = (node: Node | null | undefined): void => {
    if (isSeq(node)) for (const item of node.items) visit(item as Node);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as Node | null;
      if ((TOC_PAGE_KEYS as readonly string[]).includes(key) && isScalar(value) && !isPage(String(value.value))) {
        const { line, col } = lineCounter.linePos(value.range?.[0] ?? 0);
        sink.warning(file, { line, column: col }, 'toc-page-missing', `The navigation names the page "${String(value.value)}", which does not exist; the item is left out. Use a pagename, or a Markdown file's path.`);
      }
      visit(value);
    }
  };
  visit(document.contents as Node | null);
}
