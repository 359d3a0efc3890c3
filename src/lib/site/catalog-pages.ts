/**
 * What the browsing pages show: the locale home (categories with a bounded preview), each
 * category's page, the A–Z list of error messages and the translation status, the last three
 * split into pages (see `pagination.ts`). Templates print.
 */
import type { Page } from '../content/page.ts';
import type { Locale } from '../i18n/locales.ts';
import { nativeLanguageName, uiText } from '../i18n/ui-strings.ts';
import { azLetterId, azPath, categoryPath, localeHomePath, translationsPath, UNCATEGORIZED_KEY } from '../routing/routes.ts';
import { azGroups, type AzGroup, type AzInput } from './a-z.ts';
import type { CategoryGroup, PageRoute } from './catalog.ts';
import { formatDate } from './entry-view.ts';
import { localePageView, type LocalePageView } from './locale-pages.ts';
import { PAGE_SIZE, pageCount, pagedPath, pageItems, samePageIn, type PageOfListing } from './pagination.ts';
import { memoView, type SiteData } from './site-data.ts';
import { summarize, translationRows, type LocaleSummary, type TranslationRow, type TranslationState } from './translation-status.ts';

/** How many entries of each category the locale home shows; the category page lists them all. */
export const HOME_PREVIEW_SIZE = 5;

/** A page of a listing split into pages (see `pagination.ts`). */
export interface Pager extends PageOfListing {
  /** The path of each page: page n at index n − 1. */
  readonly paths: readonly string[];
}

function pager(page: number, count: number, pathOf: (page: number) => string): Pager {
  return { page, count, paths: Array.from({ length: count }, (_, index) => pathOf(index + 1)) };
}

/** The title of page `page`: the listing's own on page 1, "…, page 2 of 5" after. */
function pageTitle(locale: Locale, title: string, { page, count }: PageOfListing): string {
  return page === 1 ? title : uiText(locale.name, 'pager.title', { title, page: String(page), count: String(count) });
}

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
  /** The entries this page lists. */
  readonly items: readonly PageRoute[];
  readonly pager: Pager;
  readonly intro: string;
  readonly homeHref: string;
}

/** Page `page` of a category's list; `undefined` when the locale has no entry in that category, or no such page. */
export function categoryPageView(data: SiteData, locale: Locale, key: string, page = 1): CategoryPageView | undefined {
  return memoView(data, `category:${locale.name}:${key}:${page}`, () => computeCategoryPageView(data, locale, key, page));
}

function categoryGroupOf(data: SiteData, locale: Locale, key: string): CategoryGroup | undefined {
  return data.catalog.categoryGroup(locale, key === UNCATEGORIZED_KEY ? undefined : key, uiText(locale.name, 'category.uncategorized'));
}

/** How many pages a category's list takes in `locale`. */
export function categoryPageCount(data: SiteData, locale: Locale, key: string): number {
  return pageCount(categoryGroupOf(data, locale, key)?.items.length ?? 0, PAGE_SIZE.category);
}

function computeCategoryPageView(data: SiteData, locale: Locale, key: string, page: number): CategoryPageView | undefined {
  const group = categoryGroupOf(data, locale, key);
  const count = pageCount(group?.items.length ?? 0, PAGE_SIZE.category);
  if (!group || page > count) return undefined;
  const intro = uiText(locale.name, 'category.intro', { category: group.label, count: group.items.length });
  return {
    ...localePageView(data, locale, {
      title: pageTitle(locale, group.label, { page, count }),
      description: intro,
      pathOf: (target) => samePageIn(categoryPath(target, group.key), page, categoryPageCount(data, target, key)),
    }),
    group,
    items: pageItems(group.items, PAGE_SIZE.category, page),
    pager: pager(page, count, (n) => pagedPath(categoryPath(locale, group.key), n)),
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
  /** This page's messages, by letter (a letter can go on over the next page). */
  readonly groups: readonly AzGroup<AzTarget>[];
  /** Every letter of the list, linking to where it starts. */
  readonly letters: readonly { readonly letter: string; readonly href: string }[];
  /** Messages in the whole list. */
  readonly count: number;
  readonly pager: Pager;
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

/** Page `page` of the A–Z list; `undefined` past its last page. */
export function azView(data: SiteData, locale: Locale, page = 1): AzView | undefined {
  return memoView(data, `a-z:${locale.name}:${page}`, () => computeAzView(data, locale, page));
}

/** How many pages the A–Z list takes in `locale`. */
export function azPageCount(data: SiteData, locale: Locale): number {
  // Counted without sorting the list: a rebuild that renders none of its pages needs no more.
  return memoView(data, `a-z-count:${locale.name}`, () => {
    const entries = data.catalog.categoryGroups(locale, uiText(locale.name, 'category.uncategorized')).flatMap((group) => group.items);
    return pageCount(entries.reduce((total, route) => total + 1 + route.page.errors.length, 0), PAGE_SIZE.az);
  });
}

/** The locale's whole list: every message, sorted, with its letter; and the page each letter starts on. */
interface AzList {
  readonly messages: readonly { readonly letter: string; readonly item: AzInput<AzTarget> }[];
  readonly letterStarts: readonly { readonly letter: string; readonly page: number }[];
}

function azList(data: SiteData, locale: Locale): AzList {
  return memoView(data, `a-z-list:${locale.name}`, () => {
    const inputs = data.catalog.categoryGroups(locale, uiText(locale.name, 'category.uncategorized')).flatMap((group) =>
      group.items.flatMap((route) => {
        const target: AzTarget = { href: route.path, title: route.page.title, lang: route.isFallback ? route.page.locale.bcp47 : undefined };
        return [
          { message: route.page.heading, isAlias: false, target },
          ...route.page.errors.map((message) => ({ message, isAlias: true, target })),
        ];
      }),
    );
    const groups = azGroups(inputs, locale.bcp47);
    let before = 0;
    const letterStarts = groups.map(({ letter, items }) => {
      const page = Math.floor(before / PAGE_SIZE.az) + 1;
      before += items.length;
      return { letter, page };
    });
    return { messages: groups.flatMap(({ letter, items }) => items.map((item) => ({ letter, item }))), letterStarts };
  });
}

function computeAzView(data: SiteData, locale: Locale, page: number): AzView | undefined {
  const { messages, letterStarts } = azList(data, locale);
  const count = pageCount(messages.length, PAGE_SIZE.az);
  if (page > count) return undefined;
  const pathOf = (n: number) => pagedPath(azPath(locale), n);
  const groups: { letter: string; items: AzInput<AzTarget>[] }[] = [];
  for (const { letter, item } of pageItems(messages, PAGE_SIZE.az, page)) {
    const last = groups.at(-1);
    if (last?.letter === letter) last.items.push(item);
    else groups.push({ letter, items: [item] });
  }
  return {
    ...localePageView(data, locale, {
      title: pageTitle(locale, uiText(locale.name, 'az.heading'), { page, count }),
      description: uiText(locale.name, 'az.intro', { count: messages.length }),
      pathOf: (target) => samePageIn(azPath(target), page, azPageCount(data, target)),
    }),
    groups,
    letters: letterStarts.map(({ letter, page: starts }) => ({ letter, href: `${starts === page ? '' : pathOf(starts)}#${azLetterId(letter)}` })),
    count: messages.length,
    pager: pager(page, count, pathOf),
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
  /** This page's rows. */
  readonly rows: readonly StatusRow[];
  /** The counts per language and state, on the first page only. */
  readonly summary: readonly (LocaleSummary & { readonly label: string; readonly lang: string })[] | undefined;
  /** The states in the order the summary lists them, with their labels. */
  readonly states: readonly { readonly state: TranslationState; readonly label: string }[];
  readonly pager: Pager;
}

const STATES: readonly TranslationState[] = ['source', 'current', 'outdated', 'translated', 'missing'];

/** Page `page` of the translation status; `undefined` past its last page. */
export function translationsView(data: SiteData, locale: Locale, page = 1): TranslationsView | undefined {
  return memoView(data, `translations:${locale.name}:${page}`, () => computeTranslationsView(data, locale, page));
}

/** How many pages the translation status takes in `locale`. */
export function translationsPageCount(data: SiteData, locale: Locale): number {
  return pageCount(translationRowsOf(data, locale).length, PAGE_SIZE.translations);
}

/** The pages whose state and date page `page` of the translation status shows. */
export function translationsPagePages(data: SiteData, locale: Locale, page: number): Page[] {
  return pageItems(translationRowsOf(data, locale), PAGE_SIZE.translations, page).flatMap((row) => row.cells.flatMap((cell) => cell.page ?? []));
}

/** Each page name's row, in the order the locale's status lists them: by title in its language. */
function translationRowsOf(data: SiteData, locale: Locale): readonly TranslationRow[] {
  return memoView(data, `translation-rows:${locale.name}`, () => {
    const { catalog, history, site } = data;
    // The same rows in every language: read once per build.
    const rows = memoView(data, 'translation-rows', () => translationRows(catalog.pagenames, (name) => catalog.translations(name), site.sources.localeConfig, (page) => history.lastChange(page.contentPath)));
    const collator = new Intl.Collator(locale.bcp47, { sensitivity: 'base', numeric: true });
    const titled = rows.map((row) => ({ row, title: shownTitle(row, locale).title }));
    return titled.sort((a, b) => collator.compare(a.title, b.title)).map(({ row }) => row);
  });
}

/** The page a row is titled by in `locale`: its translation, else its source. */
function shownTitle(row: TranslationRow, locale: Locale): Page {
  return row.cells.find((cell) => cell.locale === locale)?.page ?? row.source;
}

function computeTranslationsView(data: SiteData, locale: Locale, page: number): TranslationsView | undefined {
  const { catalog, site } = data;
  const { localeConfig } = site.sources;
  const ordered = translationRowsOf(data, locale);
  const count = pageCount(ordered.length, PAGE_SIZE.translations);
  if (page > count) return undefined;
  const labels = new Map(STATES.map((state) => [state, uiText(locale.name, `state.${state}`)]));
  const stateLabel = (state: TranslationState) => labels.get(state) ?? state;
  const rows = pageItems(ordered, PAGE_SIZE.translations, page).map((row): StatusRow => {
    const titlePage = shownTitle(row, locale);
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
  });
  return {
    ...localePageView(data, locale, {
      title: pageTitle(locale, uiText(locale.name, 'translations.heading'), { page, count }),
      description: uiText(locale.name, 'translations.intro'),
      pathOf: (target) => samePageIn(translationsPath(target), page, translationsPageCount(data, target)),
    }),
    columns: localeConfig.locales.map((column) => ({ label: nativeLanguageName(column.bcp47), lang: column.bcp47 })),
    rows,
    summary: page === 1 ? summarize(ordered, localeConfig.locales).map((entry) => ({ ...entry, label: nativeLanguageName(entry.locale.bcp47), lang: entry.locale.bcp47 })) : undefined,
    states: STATES.map((state) => ({ state, label: stateLabel(state) })),
    pager: pager(page, count, (n) => pagedPath(translationsPath(locale), n)),
  };
}
