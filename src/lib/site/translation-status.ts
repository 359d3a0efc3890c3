/**
 * Translation status: for each page name, which locales have it, which lack it, and which
 * have it older than its source. The source is the default locale's version (or, for a page
 * that only exists in other languages, the first in locale order), as for fallbacks.
 */
import type { Page } from '../content/page.ts';
import type { LastChange } from '../content/git-history.ts';
import type { Locale, LocaleConfig } from '../i18n/locales.ts';

/**
 * - `source`: the version the others translate;
 * - `current`: translated, and changed no earlier than the source last changed;
 * - `outdated`: translated, but the source changed after the translation did;
 * - `translated`: translated, but a date is unknown, so freshness cannot be told;
 * - `missing`: no translation; readers get the fallback.
 */
export type TranslationState = 'source' | 'current' | 'outdated' | 'translated' | 'missing';

export interface TranslationCell {
  readonly locale: Locale;
  readonly state: TranslationState;
  /** The locale's own version, when it has one. */
  readonly page: Page | undefined;
  readonly lastChange: LastChange | undefined;
}

export interface TranslationRow {
  readonly pagename: string;
  readonly source: Page;
  readonly cells: readonly TranslationCell[];
}

export interface LocaleSummary {
  readonly locale: Locale;
  readonly counts: Readonly<Record<TranslationState, number>>;
}

/** The state of one translation against its source. */
export function translationState(source: LastChange | undefined, translation: LastChange | undefined): TranslationState {
  if (!source || !translation) return 'translated';
  return translation.date.getTime() >= source.date.getTime() ? 'current' : 'outdated';
}

/**
 * One row per page name (translations grouped by `translationsOf`), one cell per locale.
 * `lastChange` gives a page's last change (git history, else file time).
 */
export function translationRows(
  pagenames: readonly string[],
  translationsOf: (pagename: string) => readonly Page[],
  localeConfig: LocaleConfig,
  lastChange: (page: Page) => LastChange | undefined,
): TranslationRow[] {
  return pagenames.flatMap((pagename) => {
    const translations = translationsOf(pagename);
    const source = translations.find((page) => page.locale === localeConfig.defaultLocale) ?? translations[0];
    if (!source) return [];
    const sourceChange = lastChange(source);
    const cells = localeConfig.locales.map((locale): TranslationCell => {
      const page = translations.find((candidate) => candidate.locale === locale);
      if (!page) return { locale, state: 'missing', page: undefined, lastChange: undefined };
      const change = page === source ? sourceChange : lastChange(page);
      return { locale, state: page === source ? 'source' : translationState(sourceChange, change), page, lastChange: change };
    });
    return [{ pagename, source, cells }];
  });
}

/** Per locale, how many page names are in each state. */
export function summarize(rows: readonly TranslationRow[], locales: readonly Locale[]): LocaleSummary[] {
  return locales.map((locale) => {
    const counts: Record<TranslationState, number> = { source: 0, current: 0, outdated: 0, translated: 0, missing: 0 };
    for (const row of rows) {
      const cell = row.cells.find((candidate) => candidate.locale === locale);
      if (cell) counts[cell.state] += 1;
    }
    return { locale, counts };
  });
}
