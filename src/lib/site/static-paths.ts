/**
 * `getStaticPaths` for every page kind. Route files re-export these, so one module (with
 * `routes.ts`) decides every URL the site has.
 */
import type { Locale } from '../i18n/locales.ts';
import { categoryKeys } from './catalog-pages.ts';
import type { PageRoute } from './catalog.ts';
import { getSiteData } from './site-data.ts';

export interface LocaleProps {
  readonly locale: Locale;
}

export interface EntryProps {
  readonly route: PageRoute;
}

/** `/<locale>/`, `/<locale>/search/`, `/<locale>/404/`, `/<locale>/a-z/`, `/<locale>/translations/`: one per locale. */
export function localeStaticPaths() {
  return getSiteData().site.sources.localeConfig.locales.map((locale) => ({
    params: { locale: locale.segment },
    props: { locale } satisfies LocaleProps,
  }));
}

/** `/<locale>/<pagename>/`: every page name in every locale, fallbacks included. */
export function entryStaticPaths() {
  return getSiteData()
    .catalog.routes()
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

/** `/<locale>/category/<key>/`: every category with entries, in every locale. */
export function categoryStaticPaths() {
  const data = getSiteData();
  return data.site.sources.localeConfig.locales.flatMap((locale) =>
    categoryKeys(data, locale).map((key) => ({
      params: { locale: locale.segment, key },
      props: { locale, key } satisfies CategoryProps,
    })),
  );
}
