/**
 * `getStaticPaths` for every page kind. Route files re-export these, so one module (with
 * `routes.ts`) decides every URL the site has.
 */
import { shouldRender } from '../build/render-plan.ts';
import type { Locale } from '../i18n/locales.ts';
import { categoryPath } from '../routing/routes.ts';
import { categoryKeys } from './catalog-pages.ts';
import type { PageRoute } from './catalog.ts';
import { getSiteData } from './site-data.ts';

export interface LocaleProps {
  readonly locale: Locale;
}

export interface EntryProps {
  readonly route: PageRoute;
}

/**
 * `/<locale>/`, `/<locale>/search/`, `/<locale>/404/`, `/<locale>/a-z/`, `/<locale>/translations/`:
 * one per locale, at `pathOf(locale)` — on a rebuild, those that changed.
 */
export function localeStaticPaths(pathOf: (locale: Locale) => string) {
  return getSiteData()
    .site.sources.localeConfig.locales.filter((locale) => shouldRender(pathOf(locale)))
    .map((locale) => ({
      params: { locale: locale.segment },
      props: { locale } satisfies LocaleProps,
    }));
}

/**
 * `/<locale>/<pagename>/`: every page name in every locale, fallbacks included — on a rebuild,
 * those that changed (the others are taken from the previous output).
 */
export function entryStaticPaths() {
  return getSiteData()
    .catalog.routes()
    .filter((route) => shouldRender(route.path))
    .map((route) => ({
      params: { locale: route.locale.segment, pagename: route.pagename },
      props: { route } satisfies EntryProps,
    }));
}

export interface CategoryProps {
  readonly locale: Locale;
  /** The category key, or `other` for entries without one. */
  readonly key: string;
}

/** `/<locale>/category/<key>/`: every category with entries, in every locale (on a rebuild, those that changed). */
export function categoryStaticPaths() {
  const data = getSiteData();
  return data.site.sources.localeConfig.locales.flatMap((locale) =>
    categoryKeys(data, locale)
      .filter((key) => shouldRender(categoryPath(locale, key)))
      .map((key) => ({
        params: { locale: locale.segment, key },
        props: { locale, key } satisfies CategoryProps,
      })),
  );
}
