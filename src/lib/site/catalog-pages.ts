/**
 * What the browsing pages show: the locale home (categories with a bounded preview), each
 * category's page, the A–Z list of error messages and the translation status. Templates print.
 */
import type { Locale } from '../i18n/locales.ts';
import { nativeLanguageName, uiText } from '../i18n/ui-strings.ts';
import { azPath, categoryPath, localeHomePath, translationsPath, UNCATEGORIZED_KEY } from '../routing/routes.ts';
import { azGroups, type AzGroup } from './a-z.ts';
import type { CategoryGroup, PageRoute } from './catalog.ts';
import { formatDate } from './entry-view.ts';
import { localePageView, type LocalePageView } from './locale-pages.ts';
import { memoView, type SiteData } from './site-data.ts';
import { summarize, translationRows, type LocaleSummary, type TranslationState } from './translation-status.ts';

/** How many entries of each category the locale home shows; the category page lists them all. */
export const HOME_PREVIEW_SIZE = 5;

export interface CategorySummary {
  readonly group: CategoryGroup;
  readonly href: string;
  /** The first entries, at most `HOME_PREVIEW_SIZE`. */
  readonly preview: readonly PageRoute[];
}

export interface HomeView extends LocalePageView {
  readonly categories: readonly CategorySummary[];
  readonly azHref: string;
  readonly translationsHref: string;
}

/** The URL key of a group: its category, or `other` for entries without one. */
export function groupKey(group: CategoryGroup): string {
  return group.key ?? UNCATEGORIZED_KEY;
}

export function homeView(data: SiteData, locale: Locale): HomeView {
  return memoView(data, `home:${locale.name}`, () => computeHomeView(data, locale));
}

function computeHomeView(data: SiteData, locale: Locale): HomeView {
  const count = data.catalog.entryCount;
  const groups = data.catalog.categoryGroups(locale, uiText(locale.name, 'category.uncategorized'));
  return {
    ...localePageView(data, locale, {
      title: uiText(locale.name, 'home.heading'),
      description: uiText(locale.name, 'home.intro', { count }),
      pathOf: localeHomePath,
    }),
    categories: groups.map((group) => ({ group, href: categoryPath(locale, group.key), preview: group.items.slice(0, HOME_PREVIEW_SIZE) })),
    azHref: azPath(locale),
    translationsHref: translationsPath(locale),
  };
}

export interface CategoryPageView extends LocalePageView {
  readonly group: CategoryGroup;
  readonly intro: string;
  readonly homeHref: string;
}

/** A category page; `undefined` when the locale has no entry in that category. */
export function categoryPageView(data: SiteData, locale: Locale, key: string): CategoryPageView | undefined {
  return memoView(data, `category:${locale.name}:${key}`, () => computeCategoryPageView(data, locale, key));
}

function computeCategoryPageView(data: SiteData, locale: Locale, key: string): CategoryPageView | undefined {
  const uncategorized = uiText(locale.name, 'category.uncategorized');
  const group = data.catalog.categoryGroup(locale, key === UNCATEGORIZED_KEY ? undefined : key, uncategorized);
  if (!group) return undefined;
  const intro = uiText(locale.name, 'category.intro', { category: group.label, count: group.items.length });
  return {
    ...localePageView(data, locale, {
      title: group.label,
      description: intro,
      pathOf: (target) => categoryPath(target, group.key),
    }),
    group,
    intro,
    homeHref: localeHomePath(locale),
  };
}

/** Every category key that has a page, in each locale (fallbacks make them the same in all). */
export function categoryKeys(data: SiteData, locale: Locale): string[] {
  return data.catalog.categoryGroups(locale, uiText(locale.name, 'category.uncategorized')).map(groupKey);
}

export interface AzTarget {
  readonly href: string;
  readonly title: string;
  /** Language of the title on fallback entries. */
  readonly lang: string | undefined;
}

export interface AzView extends LocalePageView {
  readonly groups: readonly AzGroup<AzTarget>[];
  readonly count: number;
  /** The text around an alias's entry title ("see {title}"), so the title can carry its own `lang`. */
  readonly aliasNote: { readonly before: string; readonly after: string };
}

/**
 * Splits a sentence around the place a value goes, for values printed in their own element.
 * @example textAround('see \u0000.', '\u0000') // { before: 'see ', after: '.' }
 */
export function textAround(text: string, marker: string): { before: string; after: string } {
  const at = text.indexOf(marker);
  return at === -1 ? { before: text, after: '' } : { before: text.slice(0, at), after: text.slice(at + marker.length) };
}

export function azView(data: SiteData, locale: Locale): AzView {
  return memoView(data, `a-z:${locale.name}`, () => computeAzView(data, locale));
}

function computeAzView(data: SiteData, locale: Locale): AzView {
  const inputs = data.catalog.categoryGroups(locale, uiText(locale.name, 'category.uncategorized')).flatMap((group) =>
    group.items.flatMap((route) => {
      const target: AzTarget = { href: route.path, title: route.page.title, lang: route.isFallback ? route.page.locale.bcp47 : undefined };
      return [
        { message: route.page.heading, isAlias: false, target },
        ...route.page.errors.map((message) => ({ message, isAlias: true, target })),
      ];
    }),
  );
  return {
    ...localePageView(data, locale, {
      title: uiText(locale.name, 'az.heading'),
      description: uiText(locale.name, 'az.intro', { count: inputs.length }),
      pathOf: azPath,
    }),
    groups: azGroups(inputs, locale.bcp47),
    count: inputs.length,
    aliasNote: textAround(uiText(locale.name, 'az.alias', { title: '\u0000' }), '\u0000'),
  };
}

export interface StatusCell {
  readonly language: string;
  readonly state: TranslationState;
  readonly label: string;
  /** The locale's own version, when it exists. */
  readonly href: string | undefined;
  readonly lastUpdated: { readonly iso: string; readonly text: string } | undefined;
}

export interface StatusRow {
  readonly pagename: string;
  /** The title in the reader's language when translated, else the source's. */
  readonly title: string;
  readonly titleLang: string | undefined;
  readonly cells: readonly StatusCell[];
}

export interface TranslationsView extends LocalePageView {
  /** Column headings: each locale's name in its own language. */
  readonly columns: readonly { readonly label: string; readonly lang: string }[];
  readonly rows: readonly StatusRow[];
  readonly summary: readonly (LocaleSummary & { readonly label: string; readonly lang: string })[];
  /** The states in the order the summary lists them, with their labels. */
  readonly states: readonly { readonly state: TranslationState; readonly label: string }[];
}

const STATES: readonly TranslationState[] = ['source', 'current', 'outdated', 'translated', 'missing'];

export function translationsView(data: SiteData, locale: Locale): TranslationsView {
  return memoView(data, `translations:${locale.name}`, () => computeTranslationsView(data, locale));
}

function computeTranslationsView(data: SiteData, locale: Locale): TranslationsView {
  const { catalog, history, site } = data;
  const { localeConfig } = site.sources;
  const labels = new Map(STATES.map((state) => [state, uiText(locale.name, `state.${state}`)]));
  const stateLabel = (state: TranslationState) => labels.get(state) ?? state;
  // The same rows in every language: read once per build.
  const rows = memoView(data, 'translation-rows', () => translationRows(catalog.pagenames, (name) => catalog.translations(name), localeConfig, (page) => history.lastChange(page.contentPath)));
  const collator = new Intl.Collator(locale.bcp47, { sensitivity: 'base', numeric: true });
  const shown = rows
    .map((row): StatusRow => {
      const own = row.cells.find((cell) => cell.locale === locale)?.page;
      const titlePage = own ?? row.source;
      return {
        pagename: row.pagename,
        title: titlePage.title,
        titleLang: titlePage.locale === locale ? undefined : titlePage.locale.bcp47,
        cells: row.cells.map((cell) => ({
          language: nativeLanguageName(cell.locale.bcp47),
          state: cell.state,
          label: stateLabel(cell.state),
          href: cell.page ? catalog.route(cell.locale, row.pagename)?.path : undefined,
          lastUpdated: cell.lastChange ? { iso: cell.lastChange.date.toISOString(), text: formatDate(cell.lastChange.date, locale.bcp47) } : undefined,
        })),
      };
    })
    .sort((a, b) => collator.compare(a.title, b.title));
  return {
    ...localePageView(data, locale, {
      title: uiText(locale.name, 'translations.heading'),
      description: uiText(locale.name, 'translations.intro'),
      pathOf: translationsPath,
    }),
    columns: localeConfig.locales.map((column) => ({ label: nativeLanguageName(column.bcp47), lang: column.bcp47 })),
    rows: shown,
    summary: summarize(rows, localeConfig.locales).map((entry) => ({ ...entry, label: nativeLanguageName(entry.locale.bcp47), lang: entry.locale.bcp47 })),
    states: STATES.map((state) => ({ state, label: stateLabel(state) })),
  };
}
