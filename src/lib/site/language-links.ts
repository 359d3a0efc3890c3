/** The language switcher's links for a page. */
import type { Page } from '../content/page.ts';
import type { Locale } from '../i18n/locales.ts';
import { nativeLanguageName } from '../i18n/ui-strings.ts';
import { entryPath } from '../routing/routes.ts';

export interface LanguageLink {
  readonly locale: Locale;
  /** The language's name in that language. */
  readonly label: string;
  readonly href: string;
  readonly current: boolean;
}

/** One link per real translation of an entry; the fallback shown in `current` is not one. */
export function translationLinks(translations: readonly Page[], current: Locale): LanguageLink[] {
  return translations.map((page) => ({
    locale: page.locale,
    label: nativeLanguageName(page.locale.bcp47),
    href: entryPath(page.locale, page.pagename),
    current: page.locale === current,
  }));
}

/** One link per locale, for pages that exist in all of them (home, search). */
export function localeLinks(locales: readonly Locale[], current: Locale, pathOf: (locale: Locale) => string): LanguageLink[] {
  return locales.map((locale) => ({
    locale,
    label: nativeLanguageName(locale.bcp47),
    href: pathOf(locale),
    current: locale === current,
  }));
}
