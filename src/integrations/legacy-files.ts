/**
 * What a migrated tree adds to the output after Astro: a static redirect page at every old path
 * (see `routing/redirect-page.ts`) and the files pages link to (images, downloads), copied from
 * `content/` to `/assets/…`.
 */
import { readFileSync } from 'node:fs';
import type { OutputWriter } from '../lib/build/output-writer.ts';
import type { Site } from '../lib/content/page.ts';
import { uiText } from '../lib/i18n/ui-strings.ts';
import { redirectPageFile, redirectPageHtml } from '../lib/routing/redirect-page.ts';
import { absoluteUrl } from '../lib/routing/routes.ts';

/** Writes one page per old path; never over a file the build made (that would be a page lost). */
export function writeRedirectPages(out: OutputWriter, site: Site): string {
  const { siteUrl } = site.sources;
  for (const redirect of site.redirects) {
    const file = redirectPageFile(redirect.from);
    if (out.files.has(file)) throw new Error(`The old path ${redirect.from} is a file of the built site (${file}); remove it from redirect_from.`);
    out.write(file, redirectPageHtml(redirect, absoluteUrl(siteUrl, redirect.to), { moved: uiText(redirect.locale.name, 'redirect.moved') }));
  }
  return `Redirects: ${site.redirects.length} old paths`;
}

/** Copies every linked file of `content/` to its URL under the output folder. */
export function copyAssets(out: OutputWriter, assets: ReadonlyMap<string, string>): string {
  for (const [url, source] of assets) out.write(decodeURIComponent(url), readFileSync(source));
  return `Assets: ${assets.size} files copied from content/`;
}
