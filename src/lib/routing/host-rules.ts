/**
 * Rules for static hosts that read a `_redirects` file (Netlify, Cloudflare Pages): every old
 * path of the old site gets a 301 to its page, then an unknown path under a locale gets that
 * locale's 404 page with status 404. The 301 lines come first because a host applies the first
 * rule that matches, and `/<locale>/*` would match an old `/ja/<uid>/` too. Hosts without such a
 * file serve the static redirect page written at each old path (see `redirect-page.ts`), and
 * `/404.html` for the rest.
 */
import type { Locale } from '../i18n/locales.ts';
import type { Redirect } from './redirects.ts';
import { notFoundPath } from './routes.ts';

/** The lines of `_redirects`, most specific first. */
export function redirectsFile(locales: readonly Locale[], redirects: readonly Redirect[] = []): string {
  const moved = [...redirects].sort((a, b) => a.from.localeCompare(b.from)).map((redirect) => `${redirect.from}  ${redirect.to}  301`);
  const missing = locales.map((locale) => `/${locale.segment}/*  ${notFoundPath(locale)}  404`);
  return `${[...moved, ...missing].join('\n')}\n`;
}
