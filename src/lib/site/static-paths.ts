/**
 * `getStaticPaths` for every page kind, from the pages' session. Route files call these, so one
 * module (with `routes.ts`) decides every URL the site has.
 */
import type { Locale } from '../i18n/locales.ts';
import { azPath, categoryPath, translationsPath } from '../routing/routes.ts';
import { azPageCount, categoryKeys, categoryPageCount, translationsPageCount } from './catalog-pages.ts';
import type { PageRoute } from './catalog.ts';
import { pagedPath, pageParam } from './pagination.ts';
import type { PageSession } from './page-session.ts';
import type { SiteData } from './site-data.ts';

export interface LocaleProps {
  readonly locale: Locale;
}

export interface EntryProps {
  readonly route: PageRoute;
}

/**
 * `/<locale>/`, `/<locale>/search/`, `/<locale>/404/`: one per locale, at `pathOf(locale)` — on
 * a rebuild, those that changed.
 */
export function localeStaticPaths({ data, shouldRender }: PageSession, pathOf: (locale: Locale) => string) {
  return data.site.sources.localeConfig.locales
    .filter((locale) => shouldRender(pathOf(locale)))
    .map((locale) => ({
      params: { locale: locale.segment },
      props: { locale } satisfies LocaleProps,
    }));
}

/**
 * `/<locale>/<pagename>/`: every page name in every locale, fallbacks included — on a rebuild,
 * those that changed (the others are taken from the previous output).
 */
export function entryStaticPaths({ data, shouldRender }: PageSession) {
  return data.catalog
    .routes()
    .filter((route) => shouldRender(route.path))
    .map((route) => ({
      params: { locale: route.locale.segment, pagename: route.pagename },
      props: { route } satisfies EntryProps,
    }));
}

/** One page of a listing split into pages (see `pagination.ts`). */
export interface PagedProps {
  readonly locale: Locale;
  /** 1-based. */
  readonly page: number;
}

/** The pages 1 to `count`, as `[...page]` parameters, keeping those that `shouldRender` at `pathOf(page)`. */
function pages({ shouldRender }: PageSession, count: number, pathOf: (page: number) => string): number[] {
  return Array.from({ length: count }, (_, index) => index + 1).filter((page) => shouldRender(pathOf(page)));
}

/** Every page of a listing every locale has: at `pathOf(locale)`, then `…/2/`, `…/3/`. */
function pagedStaticPaths(session: PageSession, pathOf: (locale: Locale) => string, countOf: (data: SiteData, locale: Locale) => number) {
  const { data } = session;
  return data.site.sources.localeConfig.locales.flatMap((locale) =>
    pages(session, countOf(data, locale), (page) => pagedPath(pathOf(locale), page)).map((page) => ({
      params: { locale: locale.segment, page: pageParam(page) },
      props: { locale, page } satisfies PagedProps,
    })),
  );
}

/** `/<locale>/a-z/` and its further pages (on a rebuild, those that changed). */
export const azStaticPaths = (session: PageSession) => pagedStaticPaths(session, azPath, azPageCount);

/** `/<locale>/translations/` and its further pages (on a rebuild, those that changed). */
export const translationsStaticPaths = (session: PageSession) => pagedStaticPaths(session, translationsPath, translationsPageCount);

export interface CategoryProps extends PagedProps {
  /** The category key, or `other` for entries without one. */
  readonly key: string;
}

/** `/<locale>/category/<key>/` and its further pages: every category with entries, in every locale (on a rebuild, those that changed). */
export function categoryStaticPaths(session: PageSession) {
  const { data } = session;
  return data.site.sources.localeConfig.locales.flatMap((locale) =>
    categoryKeys(data, locale).flatMap((key) =>
      pages(session, categoryPageCount(data, locale, key), (page) => pagedPath(categoryPath(locale, key), page)).map((page) => ({
        params: { locale: locale.segment, key, page: pageParam(page) },
        props: { locale, key, page } satisfies CategoryProps,
      })),
    ),
  );
}
