/**
 * Rules for static hosts that read a `_redirects` file (Netlify, Cloudflare Pages): an unknown
 * path under a locale gets that locale's 404 page with status 404. Hosts without such a file
 * serve `/404.html`, which is in the default locale and links every language.
 */
import type { Locale } from '../i18n/locales.ts';
import { notFoundPath } from './routes.ts';

/** The lines of `_redirects`, most specific first. */
export function redirectsFile(locales: readonly Locale[]): string {
  const lines = locales.map((locale) => `/${locale.segment}/*  ${notFoundPath(locale)}  404`);
  return `${lines.join('\n')}\n`;
}
