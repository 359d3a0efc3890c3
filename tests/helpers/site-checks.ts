/**
 * Checks over a whole built site, as files: every page through html-validate with the repo's
 * rule set (`.htmlvalidate.mjs`), and every internal link and source resolved to a file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { parse } from 'parse5';
import { PROJECT_ROOT } from './build-site.ts';

/** Every `.html` file under `outDir`, as `/`-separated paths relative to it. */
export function htmlFiles(outDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) found.push(relative(outDir, path).split('\\').join('/'));
    }
  };
  walk(outDir);
  return found.sort();
}

/** html-validate's messages for every page, as `path:line:column: message [rule]`. */
export async function validateHtml(outDir: string): Promise<{ pages: number; problems: string[] }> {
  const config = (await import(join(PROJECT_ROOT, '.htmlvalidate.mjs'))) as { default: ConfigData };
  const validator = new HtmlValidate(new StaticConfigLoader(config.default));
  const problems: string[] = [];
  const files = htmlFiles(outDir);
  for (const file of files) {
    // The synchronous API is markedly faster over hundreds of pages (no promise per rule).
    const report = validator.validateStringSync(readFileSync(join(outDir, file), 'utf8'), file);
    for (const result of report.results) {
      for (const message of result.messages) problems.push(`${file}:${message.line}:${message.column}: ${message.message} [${message.ruleId}]`);
    }
  }
  return { pages: files.length, problems };
}

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
  if (node.content) walk(node.content, visit);
}

/** Attributes that point at another resource of the site. */
const LINK_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  form: ['action'],
};

/** `<meta>` tags whose content is a URL of this site. */
const URL_METAS = new Set(['og:url', 'og:image', 'twitter:image']);

export interface LinkReport {
  /** How many internal links and sources were checked (anchors included). */
  readonly checked: number;
  /** `page: url (what is wrong)` for each one that does not resolve. */
  readonly broken: string[];
}

/**
 * Resolves every internal `href`, `src` and `action` (and URLs of `siteUrl` in canonical,
 * hreflang and preview tags) to a file in `outDir`: `/x/` to `/x/index.html`, `/x.css` to
 * itself. A `#fragment` must name an element id in the target page.
 */
export function checkInternalLinks(outDir: string, siteUrl: string): LinkReport {
  const ids = new Map<string, Set<string>>();
  const links: { page: string; url: string }[] = [];
  for (const file of htmlFiles(outDir)) {
    const pageIds = new Set<string>();
    const pageUrl = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
    walk(parse(readFileSync(join(outDir, file), 'utf8')) as unknown as Node, (node) => {
      const attrs = new Map((node.attrs ?? []).map((attr) => [attr.name, attr.value]));
      const id = attrs.get('id');
      if (id) pageIds.add(id);
      for (const name of LINK_ATTRIBUTES[node.tagName ?? ''] ?? []) {
        const value = attrs.get(name);
        if (value !== undefined) links.push({ page: pageUrl, url: value });
      }
      if (node.tagName === 'meta' && URL_METAS.has(attrs.get('property') ?? attrs.get('name') ?? '')) {
        links.push({ page: pageUrl, url: attrs.get('content') ?? '' });
      }
    });
    ids.set(pageUrl, pageIds);
  }

  const broken: string[] = [];
  let checked = 0;
  const site = new URL(`${siteUrl.replace(/\/+$/, '')}/`);
  for (const { page, url } of links) {
    const resolved = new URL(url, new URL(page, site));
    if (resolved.origin !== site.origin) continue;
    checked += 1;
    const path = decodeURIComponent(resolved.pathname);
    const file = path.endsWith('/') ? `${path}index.html` : path;
    if (!existsSync(join(outDir, file)) || statSync(join(outDir, file)).isDirectory()) {
      broken.push(`${page}: ${url} (no file ${file})`);
      continue;
    }
    const fragment = decodeURIComponent(resolved.hash.slice(1));
    if (fragment && file.endsWith('.html')) {
      const targetIds = ids.get(path.endsWith('/') ? path : file);
      if (!targetIds?.has(fragment)) broken.push(`${page}: ${url} (no id "${fragment}" in ${file})`);
    }
  }
  return { checked, broken };
}

/**
 * Every HTML file of `outDir` that does not carry exactly one `<meta http-equiv=
 * "Content-Security-Policy">` in its head, with `policy`, before any script: `path (what is wrong)`.
 * Returns them with the number of files read, and how many of those were redirect pages.
 */
export function pagesWithoutPolicy(outDir: string, policy: string): { pages: number; redirects: number; missing: string[] } {
  const missing: string[] = [];
  const files = htmlFiles(outDir);
  let redirects = 0;
  for (const file of files) {
    const policies: string[] = [];
    let scriptsBefore = 0;
    let refresh = false;
    walk(parse(readFileSync(join(outDir, file), 'utf8')) as unknown as Node, (node) => {
      const attrs = new Map((node.attrs ?? []).map((attr) => [attr.name, attr.value]));
      const equiv = attrs.get('http-equiv')?.toLowerCase();
      if (node.tagName === 'meta' && equiv === 'content-security-policy') policies.push(attrs.get('content') ?? '');
      if (node.tagName === 'meta' && equiv === 'refresh') refresh = true;
      if (node.tagName === 'script' && policies.length === 0) scriptsBefore += 1;
    });
    if (refresh) redirects += 1;
    if (policies.length !== 1) missing.push(`${file} (${policies.length} policies)`);
    else if (policies[0] !== policy) missing.push(`${file} (another policy: ${policies[0]})`);
    else if (scriptsBefore > 0) missing.push(`${file} (${scriptsBefore} scripts before the policy)`);
  }
  return { pages: files.length, redirects, missing };
}

/** The `<loc>` URLs of a sitemap file. */
export function sitemapLocations(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => (match[1] ?? '').replaceAll('&amp;', '&'));
}
