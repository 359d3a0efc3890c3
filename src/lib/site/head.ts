/**
 * What goes in a page's `<head>`: title, description, canonical URL, hreflang alternates and
 * link-preview tags. Values are plain text; templates escape them as they print.
 */
import type { Page } from '../content/page.ts';
import { toOpenGraphLocale, type Locale, type LocaleConfig } from '../i18n/locales.ts';
import { absoluteUrl, entryPath } from '../routing/routes.ts';

export interface Alternate {
  /** BCP-47 tag, or `x-default`. */
  readonly hreflang: string;
  readonly href: string;
}

export interface HeadData {
  readonly title: string;
  /** `og:title`: on entry pages the error message itself, which is what a pasted link should show. */
  readonly ogTitle: string;
  /** `og:image`: the site's default preview image (`og_image`), absolute. */
  readonly ogImage: string | undefined;
  /** `summary_large_image` when there is an image to show large, else `summary`. */
  readonly twitterCard: 'summary' | 'summary_large_image';
  /** `article:modified_time` (ISO 8601), on entries with a known last change. */
  readonly modifiedTime: string | undefined;
  readonly description: string;
  readonly canonical: string;
  readonly alternates: readonly Alternate[];
  readonly ogLocale: string;
  readonly ogLocaleAlternates: readonly string[];
  readonly ogType: 'website' | 'article';
}

/**
 * hreflang links for a page name: one per real translation, plus `x-default` pointing at
 * the default locale's version (or the first translation when the default has none).
 */
export function translationAlternates(translations: readonly Page[], localeConfig: LocaleConfig, siteUrl: string): Alternate[] {
  const alternates = translations.map((page) => ({
    hreflang: page.locale.bcp47,
    href: absoluteUrl(siteUrl, entryPath(page.locale, page.pagename)),
  }));
  const fallback = translations.find((page) => page.locale === localeConfig.defaultLocale) ?? translations[0];
  if (fallback) alternates.push({ hreflang: 'x-default', href: absoluteUrl(siteUrl, entryPath(fallback.locale, fallback.pagename)) });
  return alternates;
}

/** hreflang links for pages that exist in every locale (home, search). */
export function localeAlternates(localeConfig: LocaleConfig, siteUrl: string, pathOf: (locale: Locale) => string): Alternate[] {
  return [
    ...localeConfig.locales.map((locale) => ({ hreflang: locale.bcp47, href: absoluteUrl(siteUrl, pathOf(locale)) })),
    { hreflang: 'x-default', href: absoluteUrl(siteUrl, pathOf(localeConfig.defaultLocale)) },
  ];
}

/** `<title>` text: the page's own title, then the site's name. */
export function documentTitle(pageTitle: string, siteTitle: string): string {
  return pageTitle === siteTitle ? siteTitle : `${pageTitle} | ${siteTitle}`;
}

export function makeHead(options: {
  title: string;
  ogTitle?: string | undefined;
  ogImage?: string | undefined;
  modifiedTime?: string | undefined;
  description: string;
  canonicalPath: string;
  siteUrl: string;
  locale: Locale;
  alternates: readonly Alternate[];
  ogType?: 'website' | 'article';
}): HeadData {
  const ogLocale = toOpenGraphLocale(options.locale);
  return {
    title: options.title,
    ogTitle: options.ogTitle ?? options.title,
    ogImage: options.ogImage,
    twitterCard: options.ogImage ? 'summary_large_image' : 'summary',
    modifiedTime: options.modifiedTime,
    description: options.description,
    canonical: absoluteUrl(options.siteUrl, options.canonicalPath),
    alternates: options.alternates,
    ogLocale,
    ogLocaleAlternates: [
      ...new Set(
        options.alternates
          .filter((alternate) => alternate.hreflang !== 'x-default')
          .map((alternate) => alternate.hreflang.replaceAll('-', '_'))
          .filter((tag) => tag !== ogLocale),
      ),
    ],
    ogType: options.ogType ?? 'website',
  };
}
