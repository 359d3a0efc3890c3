/**
 * The catalog as readers see it: every page name in every locale, real translation or
 * fallback, and the catalog grouped by category. Pure: computed from loaded pages only.
 */
import type { Page } from '../content/page.ts';
import type { Locale, LocaleConfig } from '../i18n/locales.ts';
import { entryPath } from '../routing/routes.ts';
import { relatedEntries, type RelatedIndex } from './related.ts';

/** What is shown at `/<locale>/<pagename>/`. */
export interface PageRoute {
  readonly locale: Locale;
  readonly pagename: string;
  readonly path: string;
  /** The page whose content is shown: the translation, or the fallback's source. */
  readonly page: Page;
  /** True when `locale` has no translation and `page` is in another language. */
  readonly isFallback: boolean;
  /** Every real translation of the page name, in locale order (for hreflang and the switcher). */
  readonly translations: readonly Page[];
}

export interface CatalogItem {
  readonly route: PageRoute;
}

export interface CategoryGroup {
  /** The category key, or `undefined` for entries without one. */
  readonly key: string | undefined;
  readonly label: string;
  readonly items: readonly PageRoute[];
}

/** The entries before and after one in its category's order, for "previous / next" links. */
export interface Neighbours {
  readonly previous: PageRoute | undefined;
  readonly next: PageRoute | undefined;
}

export class Catalog {
  /** Real pages by page name, then locale name. */
  private readonly byPagename = new Map<string, Map<string, Page>>();
  /** `categoryGroups` per locale, computed once: every entry page of a locale reads them. */
  private readonly groupsCache = new Map<string, CategoryGroup[]>();
  /** Where each entry sits in its group, per locale, for `neighbours`. */
  private readonly positionCache = new Map<string, Map<string, { group: CategoryGroup; index: number }>>();
  /** Every route asked for, by locale and page name: pages ask for the same ones many times. */
  private readonly routeCache = new Map<string, PageRoute | undefined>();
  /** Related page names per page name, built on first use. */
  private relatedCache: RelatedIndex | undefined;

  readonly pages: readonly Page[];
  readonly localeConfig: LocaleConfig;
  private readonly categoryLabels: ReadonlyMap<string, Readonly<Record<string, string>>> | undefined;

  constructor(
    pages: readonly Page[],
    localeConfig: LocaleConfig,
    categoryLabels: ReadonlyMap<string, Readonly<Record<string, string>>> | undefined,
  ) {
    this.pages = pages;
    this.localeConfig = localeConfig;
    this.categoryLabels = categoryLabels;
    for (const page of pages) {
      let translations = this.byPagename.get(page.pagename);
      if (!translations) this.byPagename.set(page.pagename, (translations = new Map()));
      translations.set(page.locale.name, page);
    }
  }

  get pagenames(): string[] {
    return [...this.byPagename.keys()].sort();
  }

  /** Real translations of `pagename`, in the configured locale order. */
  translations(pagename: string): Page[] {
    const found = this.byPagename.get(pagename);
    if (!found) return [];
    return this.localeConfig.locales.flatMap((locale) => found.get(locale.name) ?? []);
  }

  /**
   * The page shown at `/<locale>/<pagename>/`: its translation, else the default locale's
   * version, else the first translation in locale order. No locale has a dead end.
   */
  route(locale: Locale, pagename: string): PageRoute | undefined {
    const key = `${locale.name}\u0000${pagename}`;
    if (this.routeCache.has(key)) return this.routeCache.get(key);
    const translations = this.translations(pagename);
    const own = translations.find((page) => page.locale === locale);
    const page =
      own ?? translations.find((candidate) => candidate.locale === this.localeConfig.defaultLocale) ?? translations[0];
    const route = page ? { locale, pagename, path: entryPath(locale, pagename), page, isFallback: !own, translations } : undefined;
    this.routeCache.set(key, route);
    return route;
  }

  /** Every page route of the site: each page name in each locale. */
  routes(): PageRoute[] {
    return this.localeConfig.locales.flatMap((locale) =>
      this.pagenames.flatMap((pagename) => this.route(locale, pagename) ?? []),
    );
  }

  /** Number of page routes per locale URL segment: what each language's search index must hold. */
  routeCountsBySegment(): Map<string, number> {
    return new Map(this.localeConfig.locales.map((locale) => [locale.segment, this.pagenames.length]));
  }

  /** The label of a category in a locale, falling back to the default locale, then the key. */
  categoryLabel(key: string, locale: Locale): string {
    const labels = this.categoryLabels?.get(key);
    return labels?.[locale.name] ?? labels?.[this.localeConfig.defaultLocale.name] ?? labels?.['*'] ?? key;
  }

  /**
   * The error entries of a locale (fallbacks included), grouped by category in the order of
   * `categories.yml`, then alphabetically; entries without a category come last.
   */
  categoryGroups(locale: Locale, uncategorizedLabel: string): CategoryGroup[] {
    const cacheKey = `${locale.name}\u0000${uncategorizedLabel}`;
    const cached = this.groupsCache.get(cacheKey);
    if (cached) return cached;
    const groups = this.computeCategoryGroups(locale, uncategorizedLabel);
    this.groupsCache.set(cacheKey, groups);
    return groups;
  }

  /** One category's group in a locale (`undefined` key: the entries without a category). */
  categoryGroup(locale: Locale, key: string | undefined, uncategorizedLabel: string): CategoryGroup | undefined {
    return this.categoryGroups(locale, uncategorizedLabel).find((group) => group.key === key);
  }

  /** The entries before and after `pagename` in its category, in the order the category page lists them. */
  neighbours(locale: Locale, pagename: string, uncategorizedLabel: string): Neighbours {
    const cacheKey = `${locale.name}\u0000${uncategorizedLabel}`;
    let positions = this.positionCache.get(cacheKey);
    if (!positions) {
      positions = new Map();
      for (const group of this.categoryGroups(locale, uncategorizedLabel)) {
        group.items.forEach((route, index) => positions?.set(route.pagename, { group, index }));
      }
      this.positionCache.set(cacheKey, positions);
    }
    const position = positions.get(pagename);
    if (!position) return { previous: undefined, next: undefined };
    return { previous: position.group.items[position.index - 1], next: position.group.items[position.index + 1] };
  }

  private computeCategoryGroups(locale: Locale, uncategorizedLabel: string): CategoryGroup[] {
    const routes = this.pagenames
      .map((pagename) => this.route(locale, pagename))
      .filter((route): route is PageRoute => route?.page.kind === 'entry');
    const keys = [...new Set(routes.map((route) => route.page.category))];
    const order = [...(this.categoryLabels?.keys() ?? [])];
    const rank = (key: string | undefined) => (key === undefined ? Number.MAX_SAFE_INTEGER : order.indexOf(key) === -1 ? order.length : order.indexOf(key));
    keys.sort((a, b) => rank(a) - rank(b) || (a ?? '').localeCompare(b ?? ''));
    return keys.map((key) => ({
      key,
      label: key === undefined ? uncategorizedLabel : this.categoryLabel(key, locale),
      items: routes
        .filter((route) => route.page.category === key)
        .sort((a, b) => a.page.title.localeCompare(b.page.title, locale.bcp47)),
    }));
  }

  /**
   * A few entries related to `pagename` (shared words of their error messages, then the same
   * category), as routes in `locale`. Bounded: see `related.ts`.
   */
  related(locale: Locale, pagename: string): PageRoute[] {
    if (!this.relatedCache) {
      const entries = this.pagenames.flatMap((name) => {
        // Error messages are the same in every translation: any version will do; take the source's.
        const page = this.route(this.localeConfig.defaultLocale, name)?.page;
        return page?.kind === 'entry' ? [{ pagename: name, category: page.category, messages: [page.heading, ...page.errors] }] : [];
      });
      this.relatedCache = relatedEntries(entries);
    }
    return (this.relatedCache.get(pagename) ?? []).flatMap((name) => this.route(locale, name) ?? []);
  }

  /** Number of error entries (page names) in the catalog. */
  get entryCount(): number {
    return this.pagenames.filter((pagename) => this.translations(pagename)[0]?.kind === 'entry').length;
  }
}
