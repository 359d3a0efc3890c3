/**
 * The Liquid filters Jekyll adds to standard Liquid, for include files and pages written for
 * Jekyll. `markdownify` hands its text to the page's own Markdown pass (blank lines around it),
 * so links inside are checked and resolved as every other link is.
 */
import type { Liquid } from 'liquidjs';

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/**
 * Jekyll's default `slugify`: lowercase, every run of other characters than letters and
 * digits becomes one `-`.
 * @example slugify('Hello, World!') === 'hello-world'
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export interface JekyllFilterOptions {
  /** The site's absolute URL without a trailing slash, for `absolute_url`. */
  readonly siteUrl: string;
}

export function registerJekyllFilters(engine: Liquid, options: JekyllFilterOptions): void {
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  // Not Jekyll's: the built-in figure's alt text from a Markdown caption ([text](url) → text, no emphasis marks).
  engine.registerFilter('errata_plain', (value: unknown) =>
    text(value)
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*`]+/g, ''),
  );
  engine.registerFilter('markdownify', (value: unknown) => `\n\n${text(value)}\n\n`);
  // The site is served from the root of its host: site paths need no base URL.
  engine.registerFilter('relative_url', (value: unknown) => text(value));
  engine.registerFilter('absolute_url', (value: unknown) => new URL(text(value), `${options.siteUrl}/`).href);
  engine.registerFilter('slugify', (value: unknown) => slugify(text(value)));
  engine.registerFilter('jsonify', (value: unknown) => JSON.stringify(value ?? null));
  engine.registerFilter('xml_escape', (value: unknown) => escapeXml(text(value)));
  engine.registerFilter('cgi_escape', (value: unknown) => encodeURIComponent(text(value)).replaceAll('%20', '+'));
  engine.registerFilter('uri_escape', (value: unknown) => encodeURI(text(value)));
  engine.registerFilter('number_of_words', (value: unknown) => text(value).split(/\s+/).filter(Boolean).length);
  engine.registerFilter('array_to_sentence_string', (value: unknown, connector: unknown = 'and') => {
    const items = Array.isArray(value) ? value.map(text) : [text(value)];
    if (items.length <= 1) return items.join('');
    if (items.length === 2) return `${items[0]} ${text(connector)} ${items[1]}`;
    return `${items.slice(0, -1).join(', ')}, ${text(connector)} ${items.at(-1)}`;
  });
}
