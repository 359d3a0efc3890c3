/**
 * The Astro integration that makes a build an errata build: the content check (and the
 * search retrieval check) runs before anything is rendered and stops the build on any
 * error; the Pagefind index, the error-signature indexes, `_redirects`, the redirect pages,
 * the sitemap and `robots.txt` are written after. Under `npm run build` the build is
 * incremental (see `incremental-build.ts`).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheFolder } from '../lib/build/cache-folder.ts';
import { listFiles } from '../lib/build/list-files.ts';
import { OutputWriter } from '../lib/build/output-writer.ts';
import { contentDir } from '../lib/content/content-dir.ts';
import { reportSite } from '../lib/content/report.ts';
import { redirectsFile } from '../lib/routing/host-rules.ts';
import { headersFile } from '../lib/site/security.ts';
import { ROBOTS_PATH } from '../lib/routing/routes.ts';
import type { SignatureIndex } from '../lib/search/signature-index.ts';
import { checkSite } from '../lib/site/check-site.ts';
import { clearSiteData, getSiteData } from '../lib/site/site-data.ts';
import { searchPageFiles, searchParts } from '../lib/site/search-parts.ts';
import { robotsTxt, sitemapFiles, sitemapUrls } from '../lib/site/sitemap.ts';
import { IncrementalBuild } from './incremental-build.ts';
import { freshSearchSources, startSearchIndex } from './search-index.ts';
import { writeSignatureIndexes } from './signature-files.ts';
import { copyAssets, writeRedirectPages } from './legacy-files.ts';

export default function errata(): AstroIntegration {
  let indexes: (() => ReadonlyMap<string, SignatureIndex>) | undefined;
  let incremental: IncrementalBuild | undefined;
  return {
    name: 'errata',
    hooks: {
      'astro:config:setup': async ({ logger, command }) => {
        clearSiteData();
        incremental = command === 'build' ? IncrementalBuild.fromEnvironment(process.cwd()) : undefined;
        const data = getSiteData(incremental ? { pages: incremental.pages, version: incremental.codeVersion } : undefined);
        incremental?.pages.save();
        const check = await checkSite(data, incremental?.checkReuse(data));
        indexes = check.indexes;
        const report = reportSite(data.site, check.diagnostics);
        for (const line of report.lines.slice(0, -1)) console.error(line);
        if (!report.ok) {
          // The lines above already say everything; a stack trace would only hide them.
          logger.error(report.lines.at(-1) ?? 'Content check failed.');
          process.exit(1);
        }
        logger.info(report.lines.at(-1) ?? '');
        if (incremental) logger.info(incremental.planPages(data));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const data = getSiteData();
        const { catalog, site } = data;
        const { locales } = site.sources.localeConfig;
        const outDir = fileURLToPath(dir);
        const out = new OutputWriter(outDir, incremental?.previousOutput);
        if (incremental) incremental.recordPages(out);
        // A plain build only needs to know which files Astro wrote (see writeRedirectPages).
        else for (const file of listFiles(outDir)) out.record(file, '');
        // Pagefind reads a mirror of the pages while the files below are written.
        const sources =
          incremental?.searchSources(out) ??
          freshSearchSources(outDir, join(cacheFolder(process.cwd(), outDir, contentDir()), 'search-pages-plain'), searchPageFiles(data));
        const indexing = await startSearchIndex(out, searchParts(data).parts, catalog.routeCountsBySegment(), sources);
        // Both groups are made from the redirects, signatures and routes alone: all in the site digest.
        const inputs = incremental?.siteDigest(data);
        logger.info(
          out.group('redirects', inputs, () => {
            out.write('_redirects', redirectsFile(locales, site.redirects));
            return writeRedirectPages(out, site);
          }),
        );
        logger.info(copyAssets(out, site.assets));
        out.write('_headers', headersFile());
        const urls = sitemapUrls(data);
        for (const file of sitemapFiles(urls, site.sources.siteUrl)) out.write(file.path, file.content);
        out.write(ROBOTS_PATH, robotsTxt(site.sources.siteUrl));
        logger.info(`Sitemap: ${urls.length} URLs, robots.txt`);
        logger.info(out.group('signatures', inputs, () => writeSignatureIndexes(out, locales, indexes?.() ?? new Map())));
        const search = await indexing.finish();
        sources.dispose?.();
        logger.info(search.message);
        if (incremental) logger.info(incremental.finish(out, search));
      },
    },
  };
}
