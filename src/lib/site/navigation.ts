/** The header's site navigation: the same few links on every page, the current one marked. */
import type { Locale } from '../i18n/locales.ts';
import { uiText } from '../i18n/ui-strings.ts';
import { azPath, localeHomePath, translationsPath } from '../routing/routes.ts';
import type { ThemeChoice } from './theme.ts';
import { THEME_CHOICES } from './theme.ts';

export interface NavLink {
  readonly label: string;
  readonly href: string;
  readonly current: boolean;
}

/**
 * Catalog, A–Z and translation status, in the reader's language; `current` marks the link to
 * the page at `pathname`.
 * @example siteNavigation(en, '/en/a-z/').find((link) => link.current)?.href === '/en/a-z/'
 */
export function siteNavigation(locale: Locale, pathname: string): NavLink[] {
  return [
    { label: uiText(locale.name, 'nav.home'), href: localeHomePath(locale) },
    { label: uiText(locale.name, 'nav.az'), href: azPath(locale) },
    { label: uiText(locale.name, 'nav.translations'), href: translationsPath(locale) },
  ].map((link) => ({ ...link, current: link.href === pathname }));
}

/** The theme menu's options, labelled in the reader's language. */
export function themeOptions(locale: Locale): { readonly value: ThemeChoice; readonly label: string }[] {
  return THEME_CHOICES.map((value) => ({ value, label: uiText(locale.name, `theme.${value}`) }));
}
