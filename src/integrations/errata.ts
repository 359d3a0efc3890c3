/**
 * The Astro integration that makes a build an errata build: the content check (and the
 * search retrieval check) runs before anything is rendered and stops the build on any
 * error; the Pagefind index, the error-signature indexes, `_redirects`, the sitemap and `robots.txt`
 * are written after.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { reportSite } from '../lib/content/report.ts';
import { redirectsFile } from '../lib/routing/host-rules.ts';
import { headersFile } from '../lib/site/security.ts';
import { ROBOTS_PATH } from '../lib/routing/routes.ts';
import type { SignatureIndex } from '../lib/search/signature-index.ts';
import { checkSite } from '../lib/site/check-site.ts';
import { clearSiteData, getSiteData } from '../lib/site/site-data.ts';
import { robotsTxt, sitemapFiles, sitemapUrls } from '../lib/site/sitemap.ts';
import { writeSearchIndex } from './search-index.ts';
import { writeSignatureIndexes } from './signature-files.ts';
import { copyAssets, writeRedirectPages } from './legacy-files.ts';

export default function errata(): AstroIntegration {
  let indexes: ReadonlyMap<string, SignatureIndex> | undefined;
  return {
    name: 'errata',
    hooks: {
      'astro:config:setup': async ({ logger }) => {
        clearSiteData();
        const data = getSiteData();
        const check = await checkSite(data);
        indexes = check.indexes;
        const report = reportSite(data.site, check.diagnostics);
        for (const line of report.lines.slice(0, -1)) console.error(line);
        if (!report.ok) {
          // The lines above already say everything; a stack trace would only hide them.
          logger.error(report.lines.at(-1) ?? 'Content check failed.');
          process.exit(1);
        }
        logger.info(report.lines.at(-1) ?? '');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const data = getSiteData();
        const { catalog, site } = data;
        const { locales } = site.sources.localeConfig;
        const outDir = fileURLToPath(dir);
        writeFileSync(join(outDir, '_redirects'), redirectsFile(locales, site.redirects));
        logger.info(writeRedirectPages(outDir, site));
        logger.info(copyAssets(outDir, site.assets));
        writeFileSync(join(outDir, '_headers'), headersFile());
        const urls = sitemapUrls(data);
        for (const file of sitemapFiles(urls, site.sources.siteUrl)) writeFileSync(join(outDir, file.path), file.content);
        writeFileSync(join(outDir, ROBOTS_PATH), robotsTxt(site.sources.siteUrl));
        logger.info(`Sitemap: ${urls.length} URLs, robots.txt`);
        logger.info(writeSignatureIndexes(outDir, locales, indexes ?? new Map()));
        logger.info(await writeSearchIndex(outDir, catalog.routeCountsBySegment()));
      },
    },
  };
}
