/**
 * Writes each locale's sidebar fragments into the built site: the sections a page's sidebar
 * does not show, which its script loads when they are opened (see `lib/site/sidebar.ts`).
 * A tree small enough to be shown whole on every page needs none.
 */
import type { OutputWriter } from '../lib/build/output-writer.ts';
import { siteNavigation } from '../lib/site/doc-nav.ts';
import { needsFragments, sidebarFragments, sidebarOptions } from '../lib/site/sidebar.ts';
import type { SiteData } from '../lib/site/site-data.ts';

export function writeSidebarFragments(out: OutputWriter, data: SiteData): string {
  let files = 0;
  let bytes = 0;
  for (const locale of data.site.sources.localeConfig.locales) {
    const nav = siteNavigation(data, locale);
    if (!needsFragments(nav)) continue;
    const options = sidebarOptions(locale);
    for (const fragment of sidebarFragments(nav, options)) {
      const text = JSON.stringify({ entries: fragment.entries });
      out.write(options.fragmentPath(fragment.id), text);
      files += 1;
      bytes += Buffer.byteLength(text);
    }
  }
  return files === 0 ? 'Sidebar: shown whole on every page, no fragments' : `Sidebar fragments: ${files} files, ${(bytes / 1024).toFixed(1)} KiB`;
}
