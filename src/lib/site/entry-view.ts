/**
 * Everything an entry page shows, computed from its route: the template only prints it.
 */
import type { LastChange } from '../content/git-history.ts';
import type { Page } from '../content/page.ts';
import type { Locale } from '../i18n/locales.ts';
import { nativeLanguageName, uiText, type UiKey } from '../i18n/ui-strings.ts';
import { renderAnchoredHeading, renderBody, type BodyLabels } from '../markdown/render-html.ts';
import type { TocItem } from '../markdown/toc.ts';
import { categoryPath, entryPath, localeHomePath } from '../routing/routes.ts';
import type { PageRoute } from './catalog.ts';
import { siteNavigation, type NavItem } from './doc-nav.ts';
import { docPosition } from './doc-position.ts';
import { makeHead, translationAlternates, type HeadData } from './head.ts';
import { translationLinks, type LanguageLink } from './language-links.ts';
import { PAGE_IDS, RESERVED_IDS } from './page-ids.ts';
import type { SiteData } from './site-data.ts';

export interface Breadcrumb {
  readonly label: string;
  /** `undefined` for a section without a page of its own, and for the last crumb: the current page. */
  readonly href: string | undefined;
}

/** A link to another entry, as the related list and previous/next show it. */
export interface EntryLink {
  readonly href: string;
  readonly title: string;
  /** The language of the title, when it is not the page's (a fallback in another language). */
  readonly lang: string | undefined;
}

export interface LastUpdated {
  /** ISO 8601, for `<time datetime>`. */
  readonly iso: string;
  /** The date in the reader's language. */
  readonly text: string;
}

export interface EntryView {
  readonly head: HeadData;
  readonly languages: readonly LanguageLink[];
  readonly breadcrumbs: readonly Breadcrumb[];
  /** The error message (or the page's H1), printed as code when `headingIsCode`. */
  readonly heading: string;
  readonly headingIsCode: boolean;
  /** Sanitised body HTML, with heading anchors and code copy buttons added. */
  readonly bodyHtml: string;
  /** The h2–h3 outline, for the table of contents (the "also covers" section included). */
  readonly toc: readonly TocItem[];
  readonly alsoCovers: readonly string[];
  /** The "also covers" heading with its anchor link, as HTML built from text. */
  readonly alsoCoversHeadingHtml: string | undefined;
  /** The "not translated" notice on fallback pages, in the reader's language. */
  readonly fallbackNotice: string | undefined;
  /** The language of the content, when it differs from the page's (`lang` on the article). */
  readonly contentLang: string | undefined;
  readonly categoryLabel: string | undefined;
  /** The URL "copy link" copies: the canonical one. */
  readonly canonicalUrl: string;
  readonly lastUpdated: LastUpdated | undefined;
  /** The shown content's source file in the repository's editor (`edit_url_base`). */
  readonly editUrl: string | undefined;
  /** Previous/next: in the documentation's reading order, or in the entry's category. */
  readonly previous: EntryLink | undefined;
  readonly next: EntryLink | undefined;
  /** The name of the previous/next navigation, which says what they follow. */
  readonly paginationLabel: string;
  readonly related: readonly EntryLink[];
}


/** Body labels per locale: one object each, so the renderer for a locale is built once. */
const bodyLabelsCache = new Map<string, BodyLabels>();

export function bodyLabels(localeName: string): BodyLabels {
  let labels = bodyLabelsCache.get(localeName);
  if (!labels) {
    labels = {
      reservedIds: RESERVED_IDS,
      copyText: uiText(localeName, 'copy.text'),
      copyLabel: uiText(localeName, 'copy.code'),
      codeLabel: (number) => uiText(localeName, 'code.block', { number }),
      headingAnchor: (heading) => uiText(localeName, 'heading.anchor', { heading }),
    };
    bodyLabelsCache.set(localeName, labels);
  }
  return labels;
}

/**
 * A date in the reader's language; UTC, so a build anywhere prints the same day.
 * @example formatDate(new Date('2026-03-04T23:00:00Z'), 'ja') === '2026年3月4日'
 */
export function formatDate(date: Date, bcp47: string): string {
  let format = dateFormats.get(bcp47);
  // Building a formatter costs far more than using one; a build formats a date per page and
  // per translation-status cell, and most of them share their day with many others.
  if (!format) dateFormats.set(bcp47, (format = { format: new Intl.DateTimeFormat(bcp47, { dateStyle: 'long', timeZone: 'UTC' }), days: new Map() }));
  const day = Math.floor(date.getTime() / DAY_MS);
  let text = format.days.get(day);
  if (text === undefined) format.days.set(day, (text = format.format.format(date)));
  return text;
}
const DAY_MS = 24 * 60 * 60 * 1000;
const dateFormats = new Map<string, { readonly format: Intl.DateTimeFormat; readonly days: Map<number, string> }>();

export function lastUpdated(change: LastChange | undefined, locale: Locale): LastUpdated | undefined {
  return change ? { iso: change.date.toISOString(), text: formatDate(change.date, locale.bcp47) } : undefined;
}

/**
 * Where a page's source can be edited: `edit_url_base` followed by its path in `content/`.
 * @example editUrl('https://github.com/o/r/edit/main/content/', page) // '…/content/ja/foo.md'
 */
export function editUrl(base: string | undefined, page: Page): string | undefined {
  if (!base) return undefined;
  return base + page.contentPath.split('/').map(encodeURIComponent).join('/');
}

function entryLink(route: PageRoute): EntryLink {
  return { href: route.path, title: route.page.title, lang: route.isFallback ? route.page.locale.bcp47 : undefined };
}

function navLink(item: NavItem | undefined): EntryLink | undefined {
  return item?.href === undefined ? undefined : { href: item.href, title: item.label, lang: item.lang };
}

interface Placement {
  readonly breadcrumbs: readonly Breadcrumb[];
  readonly previous: EntryLink | undefined;
  readonly next: EntryLink | undefined;
  readonly paginationLabel: string;
}

/**
 * Breadcrumbs and previous/next. A page the documentation's reading order holds (every
 * documentation page; an entry only when the toc lists it) follows the documentation: the
 * start page, its sections, the page (Home › Guides › Install), and the reading order. Any
 * other entry follows the catalog: catalog › category › entry, and its category's order.
 */
function placement(route: PageRoute, { catalog }: SiteData, nav: readonly NavItem[], ui: (key: UiKey, values?: Record<string, string>) => string): Placement {
  const { page, locale } = route;
  const position = docPosition(nav, route.path);
  if (position) {
    const start = position.start.href === route.path ? [] : [{ label: ui('docnav.home'), href: position.start.href }];
    return {
      breadcrumbs: [...start, ...position.sections.map((section) => ({ label: section.label, href: section.href })), { label: page.title, href: undefined }],
      previous: navLink(position.previous),
      next: navLink(position.next),
      paginationLabel: ui('docnav.pagination'),
    };
  }
  const uncategorized = ui('category.uncategorized');
  const categoryLabel = page.category ? catalog.categoryLabel(page.category, locale) : uncategorized;
  const home = { label: ui('nav.home'), href: localeHomePath(locale) };
  if (page.kind !== 'entry') return { breadcrumbs: [home, { label: page.title, href: undefined }], previous: undefined, next: undefined, paginationLabel: '' };
  const { previous, next } = catalog.neighbours(locale, route.pagename, uncategorized);
  return {
    breadcrumbs: [home, { label: categoryLabel, href: categoryPath(locale, page.category) }, { label: page.title, href: undefined }],
    previous: previous ? entryLink(previous) : undefined,
    next: next ? entryLink(next) : undefined,
    paginationLabel: ui('entry.pagination', { category: categoryLabel }),
  };
}

/** Everything an entry page shows but what is rendered from its tree and text. */
export type EntryFrame = Omit<EntryView, 'bodyHtml' | 'toc' | 'alsoCoversHeadingHtml'> & {
  /** The "also covers" section's heading, when the entry lists other errors. */
  readonly alsoCoversTitle: string | undefined;
};

export function entryView(route: PageRoute, data: SiteData): EntryView {
  const { alsoCoversTitle, ...frame } = entryFrame(route, data);
  const { locale, isFallback } = route;
  const body = renderBody(route.page.tree, bodyLabels(locale.name));
  if (alsoCoversTitle === undefined) return { ...frame, bodyHtml: body.html, toc: body.toc, alsoCoversHeadingHtml: undefined };
  const anchorLabel = uiText(locale.name, 'heading.anchor', { heading: alsoCoversTitle });
  return {
    ...frame,
    bodyHtml: body.html,
    toc: [...body.toc, { id: PAGE_IDS.alsoCovers, text: alsoCoversTitle, depth: 2, children: [] }],
    alsoCoversHeadingHtml: renderAnchoredHeading(2, PAGE_IDS.alsoCovers, alsoCoversTitle, anchorLabel, isFallback ? locale.bcp47 : undefined),
  };
}

/**
 * The page around the body. Cheap to compute, unlike the body: with the body's source, it
 * decides whether a rebuild must render the page again (see `page-fingerprints.ts`).
 */
export function entryFrame(route: PageRoute, data: SiteData): EntryFrame {
  const { site, catalog, history } = data;
  const { page, locale, isFallback } = route;
  const { localeConfig, siteUrl } = site.sources;
  const ui = (key: UiKey, values?: Record<string, string>) => uiText(locale.name, key, values);
  const categoryLabel = page.category ? catalog.categoryLabel(page.category, locale) : undefined;
  const change = history.lastChange(page.contentPath);
  const head = makeHead({
    title: page.title,
    // A pasted link should show the error itself; documentation pages show their title.
    ogTitle: page.kind === 'entry' ? page.heading : page.title,
    ogImage: site.sources.ogImage,
    modifiedTime: change?.date.toISOString(),
    description: page.description ?? page.heading,
    // A fallback repeats another language's page: that page is the canonical one.
    canonicalPath: entryPath(page.locale, page.pagename),
    siteUrl,
    locale,
    alternates: translationAlternates(route.translations, localeConfig, siteUrl),
    ogType: 'article',
  });
  const isEntry = page.kind === 'entry';
  const { breadcrumbs, previous, next, paginationLabel } = placement(route, data, siteNavigation(data, locale), ui);
  return {
    head,
    languages: translationLinks(route.translations, locale),
    breadcrumbs,
    heading: page.heading,
    headingIsCode: page.headingIsCode,
    alsoCoversTitle: page.errors.length > 0 ? ui('entry.alsoCovers') : undefined,
    alsoCovers: page.errors,
    fallbackNotice: isFallback
      ? ui('entry.notTranslated', {
          language: nativeLanguageName(locale.bcp47),
          source: nativeLanguageName(page.locale.bcp47),
        })
      : undefined,
    contentLang: isFallback ? page.locale.bcp47 : undefined,
    categoryLabel,
    canonicalUrl: head.canonical,
    lastUpdated: lastUpdated(change, locale),
    editUrl: editUrl(site.sources.editUrlBase, page),
    previous,
    next,
    paginationLabel,
    related: isEntry ? catalog.related(locale, route.pagename).map(entryLink) : [],
  };
}
