/**
 * What loading the content yields: each page (`Page`) and the whole site (`Site`). Types only,
 * so every later step (routes, views, search, the build) can name a page without depending on
 * how it is loaded (`load-site.ts`) or cached (`page-cache.ts`).
 */
import type { Root } from 'mdast';
import type { Locale } from '../i18n/locales.ts';
import type { CodeText } from '../markdown/code-text.ts';
import type { Redirect } from '../routing/redirects.ts';
import type { Diagnostic, Position } from '../validation/diagnostic.ts';
import type { PageKind } from '../validation/front-matter-schema.ts';
import type { SiteSources } from './site-sources.ts';

/** One built page: an error entry or a documentation page, in one language. */
export interface Page {
  /** Path shown in messages, relative to the project root, e.g. `content/ja/foo.md`. */
  readonly file: string;
  /** Path relative to `content/`, used to resolve relative links. */
  readonly contentPath: string;
  readonly kind: PageKind;
  /** True when `kind` was read from the page's content, not set by `kind:` or its layout. */
  readonly kindInferred: boolean;
  readonly locale: Locale;
  readonly pagename: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly category: string | undefined;
  /** The entry's error message (its H1 text); for other pages, their H1 or title. */
  readonly heading: string;
  /** True when the H1 is written as code, as entries write error messages. */
  readonly headingIsCode: boolean;
  /** Other error messages the entry covers (`errors:`). */
  readonly errors: readonly string[];
  /** The body's code blocks and inline code: paste search finds the page by the errors they show. */
  readonly code: CodeText;
  /** Where the heading and each `errors:` item are written, in that order (for search checks). */
  readonly signaturePositions: readonly Position[];
  /**
   * The body without its H1, links already pointing at site URLs. Parsed when first read: a
   * rebuild renders a few pages, and the others' bodies need not be built at all.
   */
  readonly tree: Root;
  /** The ids of the body's section headings, what `#fragment` links can point at. */
  readonly anchors: readonly string[];
  /** Old paths of the page (`redirect_from:`, `permalink:`), as written, with their positions. */
  readonly oldPaths: readonly { readonly path: string; readonly at: Position }[];
  /** Jekyll's `nav_order`, when the page has one: its place among its folder's pages. */
  readonly navOrder: number | undefined;
}

export interface Site {
  readonly sources: SiteSources;
  readonly pages: readonly Page[];
  readonly diagnostics: readonly Diagnostic[];
  /** Number of `.md` files found, built or reported. */
  readonly fileCount: number;
  /** Every old path and the page it leads to (see `routing/redirects.ts`). */
  readonly redirects: readonly Redirect[];
  /** Files of `content/` that pages link to (images, downloads): URL path → absolute file path. */
  readonly assets: ReadonlyMap<string, string>;
  /**
   * A hash of what each page's body renders from: its source, what loading it read, and where
   * its links resolved to. Equal digests render equal bodies.
   */
  readonly pageDigests: ReadonlyMap<Page, string>;
  /**
   * A hash of what was loaded but the pages' bodies: the site's sources (`sourcesFingerprint`),
   * and every page's fields, with its links and heading ids, but without its tree.
   */
  readonly outlineDigest: string;
}
