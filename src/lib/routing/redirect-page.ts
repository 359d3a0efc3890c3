/**
 * The static page written at an old path, for hosts that do not read `_redirects`: a meta
 * refresh to the page (which drops `#hash` and `?query`), the site's Content-Security-Policy as
 * every page has it, a canonical link so search engines move
 * the old URL's standing to the new one, `noindex`, and `/redirect.js` — an external script, so
 * that a Content-Security-Policy without 'unsafe-inline' allows it — that runs first and keeps
 * the `#hash` and the query. A plain link is there for readers without either.
 */
import { escapeMarkup } from '../markup/escape.ts';
import { CONTENT_SECURITY_POLICY } from '../site/security.ts';
import type { Redirect } from './redirects.ts';

/** Where the redirect page's script is served (a file in `public/`). */
export const REDIRECT_SCRIPT_PATH = '/redirect.js';


export interface RedirectPageText {
  /** "This page has moved to", in the target's language; the page's title follows as a link. */
  readonly moved: string;
}

/**
 * The HTML of one redirect page. `canonical` is the target's absolute URL.
 * @example redirectPageHtml(redirect, 'https://docs.example/en/foo/', { moved: 'Moved to' })
 */
export function redirectPageHtml(redirect: Redirect, canonical: string, text: RedirectPageText): string {
  const to = escapeMarkup(redirect.to);
  const title = escapeMarkup(redirect.title);
  return `<!DOCTYPE html>
<html lang="${escapeMarkup(redirect.locale.bcp47)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeMarkup(CONTENT_SECURITY_POLICY)}">
<title>${title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeMarkup(canonical)}">
<meta name="errata:redirect" content="${to}">
<script src="${REDIRECT_SCRIPT_PATH}"></script>
<meta http-equiv="refresh" content="0; url=${to}">
</head>
<body>
<p>${escapeMarkup(text.moved)} <a href="${to}">${title}</a></p>
</body>
</html>
`;
}

/**
 * The file a redirect page is written to, relative to the output folder: `old/path/index.html`
 * for a folder path, the file itself for `old/page.html`.
 * @example redirectPageFile('/zh_CN/1a2b3c4d/') === 'zh_CN/1a2b3c4d/index.html'
 */
export function redirectPageFile(from: string): string {
  const path = decodeURI(from).replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
