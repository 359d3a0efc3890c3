/**
 * The Liquid filters Jekyll adds to standard Liquid that liquidjs does not have itself (it has
 * `slugify`, `jsonify`, `xml_escape`, `cgi_escape`, `uri_escape`, `number_of_words` and
 * `array_to_sentence_string`), for include files and pages written for Jekyll. `markdownify`
 * hands its text to the page's own Markdown pass (blank lines around it), so links inside are
 * checked and resolved as every other link is.
 */
import type { Liquid } from 'liquidjs';

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
}
