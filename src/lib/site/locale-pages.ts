/** Head data and language links for the pages every locale has: home, search, 404. */
import type { Locale } from '../i18n/locales.ts';
import { localeAlternates, makeHead, type HeadData } from './head.ts';
import { localeLinks, type LanguageLink } from './language-links.ts';
import type { SiteData } from './site-data.ts';

export interface LocalePageView {
  readonly head: HeadData;
  readonly languages: readonly LanguageLink[];
}

export function localePageView(
  { site }: SiteData,
  locale: Locale,
  options: { title: string; description: string; pathOf: (locale: Locale) => string },
): LocalePageView {
  const { localeConfig, siteUrl } = site.sources;
  return {
    head: makeHead({
      title: options.title,
      description: options.description,
      canonicalPath: options.pathOf(locale),
      siteUrl,
      locale,
      ogImage: site.sources.ogImage,
      alternates: localeAlternates(localeConfig, siteUrl, options.pathOf),
    }),
    languages: localeLinks(localeConfig.locales, locale, options.pathOf),
  };
}
