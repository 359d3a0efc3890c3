/**
 * Everything an entry page shows, computed from its route: the template only prints it.
 */
import { nativeLanguageName, uiText } from '../i18n/ui-strings.ts';
import { renderHtml } from '../markdown/render-html.ts';
import { categoryPath, entryPath, localeHomePath } from '../routing/routes.ts';
import type { PageRoute } from './catalog.ts';
import { makeHead, translationAlternates, type HeadData } from './head.ts';
import { translationLinks, type LanguageLink } from './language-links.ts';
import type { SiteData } from './site-data.ts';

export interface Breadcrumb {
  readonly label: string;
  readonly href: string;
}

export interface EntryView {
  readonly head: HeadData;
  readonly languages: readonly LanguageLink[];
  readonly breadcrumbs: readonly Breadcrumb[];
  /** The error message (or the page's H1), printed as code when `headingIsCode`. */
  readonly heading: string;
  readonly headingIsCode: boolean;
  readonly bodyHtml: string;
  readonly alsoCovers: readonly string[];
  /** The "not translated" notice on fallback pages, in the reader's language. */
  readonly fallbackNotice: string | undefined;
  /** The language of the content, when it differs from the page's (`lang` on the article). */
  readonly contentLang: string | undefined;
  readonly categoryLabel: string | undefined;
}

export function entryView(route: PageRoute, { site, catalog }: SiteData): EntryView {
  const { page, locale, isFallback } = route;
  const { localeConfig, siteUrl } = site.sources;
  const ui = (key: Parameters<typeof uiText>[1], values?: Record<string, string>) => uiText(locale.name, key, values);
  const categoryLabel = page.category ? catalog.categoryLabel(page.category, locale) : undefined;
  return {
    head: makeHead({
      title: page.title,
      description: page.description ?? page.heading,
      // A fallback repeats another language's page: that page is the canonical one.
      canonicalPath: entryPath(page.locale, page.pagename),
      siteUrl,
      locale,
      alternates: translationAlternates(route.translations, localeConfig, siteUrl),
      ogType: 'article',
    }),
    languages: translationLinks(route.translations, locale),
    breadcrumbs: [
      { label: ui('nav.home'), href: localeHomePath(locale) },
      ...(categoryLabel ? [{ label: categoryLabel, href: categoryPath(locale, page.category) }] : []),
    ],
    heading: page.heading,
    headingIsCode: page.headingIsCode,
    bodyHtml: renderHtml(page.tree),
    alsoCovers: page.errors,
    fallbackNotice: isFallback
      ? ui('entry.notTranslated', {
          language: nativeLanguageName(locale.bcp47),
          source: nativeLanguageName(page.locale.bcp47),
        })
      : undefined,
    contentLang: isFallback ? page.locale.bcp47 : undefined,
    categoryLabel,
  };
}
