/**
 * What an errata build does before and after its pages are rendered, whoever renders them:
 * Astro (the `errata` integration's hooks), or a rebuild that renders with the kept render
 * bundle instead of starting Astro (see `render-bundle.ts`).
 *
 * Before: the content check (and the search retrieval check) runs and stops the build on any
 * error (`ContentCheckFailed`); a rebuild decides which pages to render. After: the Pagefind
 * index is made from the rendered pages. The files made from the site alone (`_redirects`, the
 * redirect pages, the error-signature indexes, the sitemap, `robots.txt`, the sidebar's
 * fragments) are written after the pages too, or, under Astro, while it renders them
 * (`startSiteFiles`).
 */
import { join } from 'node:path';
import type { BuildPlan } from '../lib/build/build-plan.ts';
import { claimCacheFolder } from '../lib/build/cache-folder.ts';
import { ContentCheckFailed } from '../lib/build/content-check-failed.ts';
import { listFiles } from '../lib/build/list-files.ts';
import { BackgroundWrites } from '../lib/build/background-writes.ts';
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

/** The files of a build made from the checked site alone, none from its rendered pages. */
export interface SiteFiles {
  /** The writer they were given to, which the rest of the build writes with too. */
  readonly out: OutputWriter;
  /** What was made, a line each, for the log. */
  readonly messages: readonly string[];
}

/**
 * Starts writing the site files (see `writeSiteFiles`) into `outDir` from a thread of their
 * own, for Astro to render the pages into the same folder meanwhile.
 */
export function startSiteFiles(prepared: PreparedBuild, outDir: string, incremental: IncrementalBuild | undefined): SiteFiles {
  const out = new OutputWriter(outDir, incremental?.previousOutput, new BackgroundWrites());
  return { out, messages: writeSiteFiles(out, prepared, incremental) };
}

/**
 * Writes everything besides the rendered pages into `outDir`, which holds those pages (and the
 * site files, when they were started before: `siteFiles`). Returns how to put an incremental
 * build's output in place (see `IncrementalBuild.finish`).
 */
export async function finishBuild(
  context: ErrataContext,
  prepared: PreparedBuild,
  outDir: string,
  logger: BuildLogger,
  incremental: IncrementalBuild | undefined,
  { astroPages, renderRest }: RenderedPages,
  siteFiles?: SiteFiles,
): Promise<BuildPlan | undefined> {
  const { data } = prepared.session;
  if (siteFiles && siteFiles.out.stagingDir !== outDir) throw new Error(`The site files were written into ${siteFiles.out.stagingDir}, but Astro built into ${outDir}.`);
  const out = siteFiles?.out ?? new OutputWriter(outDir, incremental?.previousOutput);
  // Pagefind reads a mirror of the pages while the files below are written.
  const sources =
    incremental?.searchSources(out) ??
    freshSearchSources(outDir, join(claimCacheFolder(context.rootDir, outDir, context.contentDir), 'search-pages-plain'), searchPageFiles(data));
  const indexing = startSearchIndex(out, searchParts(data).parts, data.catalog.routeCountsBySegment(), sources);
  await renderRest?.();
  const overwritten = [...(astroPages ?? [])].find((file) => out.files.has(file));
  if (overwritten) throw new Error(`${overwritten} is a page of the site and an old path redirected to another page; remove the old path from redirect_from or errata: redirects:.`);
  if (incremental) incremental.recordPages(out, astroPages);
  // A plain build only needs to know which files Astro wrote, for writeRedirectPages's check when the site files come after them.
  else for (const file of listFiles(outDir)) if (!out.files.has(file)) out.record(file, '');
  for (const message of siteFiles?.messages ?? writeSiteFiles(out, prepared, incremental)) logger.info(message);
  const search = await indexing.finish();
  sources.dispose?.();
  logger.info(search.message);
  const finished = incremental?.finish(out, search);
  await out.flush();
  if (!finished) return undefined;
  logger.info(finished.message);
  return finished.plan;
}

/**
 * Writes the files made from the checked site alone: `_redirects` and the redirect pages, the
 * linked assets, `_headers`, the sitemap and `robots.txt`, the error-signature indexes and the
 * sidebar's fragments. Returns what it made, a line each.
 */
function writeSiteFiles(out: OutputWriter, { session: { data }, indexes }: PreparedBuild, incremental: IncrementalBuild | undefined): string[] {
  const { site } = data;
  const { locales } = site.sources.localeConfig;
  // The groups are made from the redirects, signatures, routes and outlines alone: all in the site digest.
  const inputs = incremental?.siteDigest(data);
  const redirects = out.group('redirects', inputs, () => {
    out.write('_redirects', redirectsFile(locales, site.redirects));
    return writeRedirectPages(out, site);
  });
  const assets = copyAssets(out, site.assets);
  out.write('_headers', headersFile());
  const urls = sitemapUrls(data);
  for (const file of sitemapFiles(urls, site.sources.siteUrl)) out.write(file.path, file.content);
  out.write(ROBOTS_PATH, robotsTxt(site.sources.siteUrl));
  return [
    redirects,
    assets,
    `Sitemap: ${urls.length} URLs, robots.txt`,
    out.group('signatures', inputs, () => writeSignatureIndexes(out, locales, indexes?.() ?? new Map())),
    out.group('sidebar', inputs, () => writeSidebarFragments(out, data)),
  ];
}
