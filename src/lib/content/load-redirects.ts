/** The site's redirects: every page's old paths and the config's `errata: redirects:`. */
import { posix } from 'node:path';
import { computeRedirects, type ConfiguredTarget, type Redirect, type RedirectPage } from '../routing/redirects.ts';
import { parseSitePath } from '../routing/routes.ts';
import { type DiagnosticSink, type Position, START } from '../validation/diagnostic.ts';
import type { Page } from './page.ts';
import type { PageFinder } from './resolve-links.ts';
import type { SiteSources } from './site-sources.ts';

/** Old paths of every page and of `errata: redirects:`, their conflicts reported. */
export function loadRedirects(pages: readonly Page[], finder: PageFinder<Page>, pagenamePositions: ReadonlyMap<Page, Position>, sources: SiteSources, configFile: string, sink: DiagnosticSink): Redirect[] {
  const configured: ConfiguredTarget[] = sources.settings.redirects.map(({ from, to, at }) => {
    const [path = '', hash = ''] = to.split('#');
    const site = path.startsWith('/') ? parseSitePath(sources.localeConfig.locales, path) : undefined;
    const page = site?.name ? finder.shownAt(site.locale, site.name) : path.startsWith('/') ? undefined : finder.pageAt(posix.normalize(path));
    const locale = site?.locale ?? page?.locale;
    return {
      from,
      file: configFile,
      at,
      written: to,
      target: page && locale ? { locale, pagename: page.pagename, title: page.title, hash: hash ? `#${hash}` : '' } : undefined,
    };
  });
  const { redirects, problems } = computeRedirects(
    pages.map((page): RedirectPage => ({ file: page.file, locale: page.locale, pagename: page.pagename, title: page.title, oldPaths: page.oldPaths, pagenameAt: pagenamePositions.get(page) ?? START })),
    sources.localeConfig,
    configured,
  );
  for (const problem of problems) sink.error(problem.file, problem.at, problem.ruleId, problem.message);
  return redirects;
}
