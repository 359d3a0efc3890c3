/**
 * What an errata build does before and after its pages are rendered, whoever renders them:
 * Astro (the `errata` integration's hooks), or a rebuild that renders with the kept render
 * bundle instead of starting Astro (see `render-bundle.ts`).
 *
 * Before: the content check (and the search retrieval check) runs and stops the build on any
 * error (`ContentCheckFailed`); a rebuild decides which pages to render. After: the Pagefind
 * index, the error-signature indexes, `_redirects`, the redirect pages, the sitemap,
 * `robots.txt` and the sidebar's fragments are written.
 */
import { join } from 'node:path';
import type { BuildPlan } from '../lib/build/build-plan.ts';
import { claimCacheFolder } from '../lib/build/cache-folder.ts';
import { ContentCheckFailed } from '../lib/build/content-check-failed.ts';
import { listFiles } from '../lib/build/list-files.ts';
import { OutputWriter } from '../lib/build/output-writer.ts';
import { writeFileAtomic } from '../lib/build/write-atomic.ts';
import { type ErrataContext, shownPath } from '../lib/context.ts';
import { reportJson, reportSite } from '../lib/validation/report.ts';
import { redirectsFile } from '../lib/routing/host-rules.ts';
import { ROBOTS_PATH } from '../lib/routing/routes.ts';
import type { SignatureIndex } from '../lib/search/signature-index.ts';
import { checkSite } from '../lib/validation/check-site.ts';
import { searchPageFiles, searchParts } from '../lib/site/search-parts.ts';
import { headersFile } from '../lib/site/security.ts';
import { buildSession, type PageSession } from '../lib/site/page-session.ts';
import { loadSiteData } from '../lib/site/site-data.ts';
import { robotsTxt, sitemapFiles, sitemapUrls } from '../lib/site/sitemap.ts';
import type { IncrementalBuild } from './incremental-build.ts';
import { copyAssets, writeRedirectPages } from './legacy-files.ts';
import { freshSearchSources, startSearchIndex } from './search-index.ts';
import { writeSidebarFragments } from './sidebar-files.ts';
import { writeSignatureIndexes } from './signature-files.ts';

/** Astro's integration logger, or one that writes the same lines without Astro. */
export interface BuildLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The checked site's error-signature indexes, made lazily (see `checkSite`). */
export type SignatureIndexes = () => ReadonlyMap<string, SignatureIndex>;

/** A checked site, ready to render: what its pages read, and its signature indexes. */
export interface PreparedBuild {
  readonly session: PageSession;
  readonly indexes: SignatureIndexes | undefined;
}

/**
 * Loads and checks the context's content, prints the problems grouped by rule and writes all of
 * them to the JSON report; on any error, throws `ContentCheckFailed` before anything is
 * rendered. A rebuild then decides which pages to render.
 */
export async function prepareBuild(context: ErrataContext, logger: BuildLogger, incremental: IncrementalBuild | undefined): Promise<PreparedBuild> {
  const data = loadSiteData(context, incremental?.siteCaches);
  incremental?.pages.save();
  if (data.history.problem) logger.warn(data.history.problem);
  const check = await checkSite(data, incremental?.checkReuse(data));
  writeFileAtomic(context.reportFile, `${JSON.stringify(reportJson(data.site, check.diagnostics), null, 2)}\n`);
  const report = reportSite(data.site, check.diagnostics, shownPath(context.reportFile, context.rootDir));
  for (const line of report.lines.slice(0, -1)) console.error(line);
  const summary = report.lines.at(-1) ?? '';
  if (!report.ok) throw new ContentCheckFailed(summary);
  logger.info(summary);
  if (!incremental) return { session: buildSession(data), indexes: check.indexes };
  const plan = incremental.planPages(data);
  logger.info(plan.message);
  return { session: buildSession(data, plan.unchanged), indexes: check.indexes };
}

/** How the pages in `outDir` were rendered, for `finishBuild`. */
export interface RenderedPages {
  /** When Astro rendered them: the page files among the files it wrote. */
  readonly astroPages?: ReadonlySet<string>;
  /** Renders the pages the search index does not read, while Pagefind reads the others. */
  readonly renderRest?: () => Promise<void>;
}

/**
 * Writes everything besides the rendered pages into `outDir`, which holds those pages. Returns
 * how to put an incremental build's output in place (see `IncrementalBuild.finish`).
 */
export async function finishBuild(
  context: ErrataContext,
  { session: { data }, indexes }: PreparedBuild,
  outDir: string,
  logger: BuildLogger,
  incremental: IncrementalBuild | undefined,
  { astroPages, renderRest }: RenderedPages,
): Promise<BuildPlan | undefined> {
  const { catalog, site } = data;
  const { locales } = site.sources.localeConfig;
  const out = new OutputWriter(outDir, incremental?.previousOutput);
  // Pagefind reads a mirror of the pages while the files below are written.
  const sources =
    incremental?.searchSources(out) ??
    freshSearchSources(outDir, join(claimCacheFolder(context.rootDir, outDir, context.contentDir), 'search-pages-plain'), searchPageFiles(data));
  const indexing = startSearchIndex(out, searchParts(data).parts, catalog.routeCountsBySegment(), sources);
  await renderRest?.();
  if (incremental) incremental.recordPages(out, astroPages);
  // A plain build only needs to know which files Astro wrote (see writeRedirectPages).
  else for (const file of listFiles(outDir)) out.record(file, '');
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
  // The navigation is made from the sources and the pages' outlines: all in the site digest.
  logger.info(out.group('sidebar', inputs, () => writeSidebarFragments(out, data)));
  const search = await indexing.finish();
  sources.dispose?.();
  logger.info(search.message);
  if (!incremental) return undefined;
  const finished = incremental.finish(out, search);
  logger.info(finished.message);
  return finished.plan;
}
