/**
 * The sidebar one page shows: a bounded part of the documentation navigation (`doc-nav.ts`),
 * with the current page marked and the sections that hold it open.
 *
 * Every page carries its sidebar, so what it carries must not grow with the tree (Starlight
 * embeds the whole tree in every page: 290 KB of a 325 KB page at 4,000 pages).
 *
 * - A tree of at most `INLINE_BUDGET` items is shown whole; sections off the page's way closed.
 * - A larger tree shows its top level and, open, the sections that hold the current page. Every
 *   other section is closed and holds one link — its own page, or its first page — and the
 *   page's script loads its items when it is opened, from a fragment written at build time
 *   (`sidebarFragments`): JSON read as text, never HTML.
 * - A level of more than `LEVEL_LIMIT` entries shows a window of them around the page's way,
 *   then a link "All N pages" that the script replaces with the rest of the level (without
 *   JavaScript it leads to the section's page).
 *
 * Every page stays reachable by links without the fragments: the previous/next chain of the
 * reading order (`doc-position.ts`), the sections' pages, "More pages" and the catalog.
 */
import type { Locale } from '../i18n/locales.ts';
import { uiText } from '../i18n/ui-strings.ts';
import { sidebarFragmentPath } from '../routing/routes.ts';
import { siteNavigation, type NavItem } from './doc-nav.ts';
import type { SiteData } from './site-data.ts';

/** Items a tree may have (at every depth) to be shown whole on every page. */
export const INLINE_BUDGET = 150;
/** Entries of one level shown at most, the "All N pages" link besides. */
export const LEVEL_LIMIT = 21;

export interface SidebarLink {
  readonly kind: 'link';
  readonly label: string;
  readonly href: string;
  readonly external: boolean;
  /** The label's language, when it is not the page's (a fallback page's title). */
  readonly lang: string | undefined;
  /** The link to the page being shown: `aria-current="page"`. */
  readonly current: boolean;
}

/** A caption with neither a page nor items. */
export interface SidebarLabel {
  readonly kind: 'label';
  readonly label: string;
}

/** A section: a disclosure; its own page, when it has one, is its first entry. */
export interface SidebarGroup {
  readonly kind: 'group';
  readonly label: string;
  readonly lang: string | undefined;
  /** The current page is in it. */
  readonly open: boolean;
  readonly entries: readonly SidebarEntry[];
  /** The fragment the script loads the section's entries from, when `entries` only stands in for them. */
  readonly fragment: string | undefined;
}

/** "All N pages": the rest of a long level. */
export interface SidebarMore {
  readonly kind: 'more';
  readonly label: string;
  /** Without JavaScript: the section's page, or the first page after the window. */
  readonly href: string | undefined;
  /** The fragment holding the whole level. */
  readonly fragment: string;
  /** Entries of the level before and after the ones shown. */
  readonly before: number;
  readonly after: number;
}

export type SidebarEntry = SidebarLink | SidebarLabel | SidebarGroup | SidebarMore;

export interface SidebarOptions {
  /** The URL of the fragment of the section with id `id` (`root` for the top level). */
  readonly fragmentPath: (id: string) => string;
  /** "All 240 pages in “Guides”"; `section` is undefined for the top level. */
  readonly moreLabel: (count: number, section: string | undefined) => string;
}

/** The id of the top level's fragment. */
export const ROOT_ID = 'root';

interface Shape {
  /** Items at every depth. */
  readonly size: number;
  /** Each link's first place: the child index at every depth. */
  readonly trails: ReadonlyMap<string, readonly number[]>;
}

const shapes = new WeakMap<readonly NavItem[], Shape>();

function shapeOf(nav: readonly NavItem[]): Shape {
  let shape = shapes.get(nav);
  if (shape) return shape;
  let size = 0;
  const trails = new Map<string, readonly number[]>();
  const walk = (items: readonly NavItem[], trail: readonly number[]) => {
    items.forEach((item, index) => {
      size += 1;
      const here = [...trail, index];
      if (item.href !== undefined && !item.external && !trails.has(item.href)) trails.set(item.href, here);
      walk(item.children, here);
    });
  };
  walk(nav, []);
  shapes.set(nav, (shape = { size, trails }));
  return shape;
}

/** True when the tree is too large to be shown whole: pages need the fragments. */
export function needsFragments(nav: readonly NavItem[]): boolean {
  return shapeOf(nav).size > INLINE_BUDGET;
}

interface Walk {
  readonly path: string;
  /** Child indices from the top level to the current page; empty when it is not in the tree. */
  readonly trail: readonly number[];
  /** Show every section's items (a small tree). */
  readonly whole: boolean;
  /** Entries of a level shown at most. */
  readonly limit: number;
  readonly options: SidebarOptions;
}

const childId = (id: string, index: number) => (id === ROOT_ID ? String(index) : `${id}.${index}`);

function link(item: NavItem & { href: string }, path: string): SidebarLink {
  return { kind: 'link', label: item.label, href: item.href, external: item.external, lang: item.lang, current: !item.external && item.href === path };
}

/** The item's own page, or its first descendant with a link. */
function firstLink(item: NavItem): (NavItem & { href: string }) | undefined {
  if (item.href !== undefined) return item as NavItem & { href: string };
  for (const child of item.children) {
    const found = firstLink(child);
    if (found) return found;
  }
  return undefined;
}

function entry(item: NavItem, id: string, depth: number, walk: Walk, onTrail: boolean): SidebarEntry {
  if (item.children.length === 0) return item.href === undefined ? { kind: 'label', label: item.label } : link(item as NavItem & { href: string }, walk.path);
  if (walk.whole || onTrail) {
    return { kind: 'group', label: item.label, lang: item.lang, open: onTrail, entries: levelEntries(item, item.children, id, depth + 1, walk, onTrail), fragment: undefined };
  }
  const first = firstLink(item);
  return {
    kind: 'group',
    label: item.label,
    lang: item.lang,
    open: false,
    entries: first ? [link(first, walk.path)] : [],
    fragment: walk.options.fragmentPath(id),
  };
}

/**
 * A level's entries: the section's own page, then its children; a window of them when there
 * are more than the limit. Only the entries shown are made, so a page costs the same however
 * long the level is.
 */
function levelEntries(owner: NavItem | undefined, children: readonly NavItem[], id: string, depth: number, walk: Walk, onTrail: boolean): SidebarEntry[] {
  const own = owner?.href !== undefined ? 1 : 0;
  const count = own + children.length;
  const next = onTrail ? walk.trail[depth] : undefined;
  let start = 0;
  let end = count;
  if (count > walk.limit) {
    // Shown: the section's own page, then a window of its children around the page's way.
    const focus = next === undefined ? 0 : next + own;
    start = Math.max(0, Math.min(focus - Math.floor(walk.limit / 2), count - walk.limit));
    end = start + walk.limit;
  }
  const entries: SidebarEntry[] = [];
  for (let index = start; index < end; index += 1) {
    if (index < own && owner) entries.push(link(owner as NavItem & { href: string }, walk.path));
    else {
      const childIndex = index - own;
      const child = children[childIndex];
      if (child) entries.push(entry(child, childId(id, childIndex), depth, walk, next === childIndex));
    }
  }
  if (end - start < count) {
    const after = children.slice(end - own).map(firstLink).find((found) => found !== undefined);
    entries.push({
      kind: 'more',
      label: walk.options.moreLabel(children.length, owner?.label),
      href: owner?.href ?? after?.href ?? children.map(firstLink).find((found) => found !== undefined)?.href,
      fragment: walk.options.fragmentPath(id),
      before: start,
      after: count - end,
    });
  }
  return entries;
}

/**
 * The sidebar of the page at `path`: bounded, whatever the size of the tree.
 * @example sidebarView(nav, '/en/install/', options) // [{ kind: 'group', label: 'Guides', open: true, entries: […] }, …]
 */
export function sidebarView(nav: readonly NavItem[], path: string, options: SidebarOptions): SidebarEntry[] {
  const { size, trails } = shapeOf(nav);
  const trail = trails.get(path) ?? [];
  const whole = size <= INLINE_BUDGET;
  return levelEntries(undefined, nav, ROOT_ID, 0, { path, trail, whole, limit: whole ? Number.POSITIVE_INFINITY : LEVEL_LIMIT, options }, true);
}

/** One section's entries, as the page's script loads them. */
export interface SidebarFragment {
  /** `ROOT_ID`, or the section's child indices joined with dots (`2.0.5`). */
  readonly id: string;
  readonly entries: readonly SidebarEntry[];
}

/**
 * Every section's whole level, its sub-sections closed (each loads its own fragment): each
 * item is in one fragment, and in its parent's as the stand-in link, so together they hold
 * about twice the tree. Only trees larger than `INLINE_BUDGET` need them.
 */
export function sidebarFragments(nav: readonly NavItem[], options: SidebarOptions): SidebarFragment[] {
  const walk: Walk = { path: '', trail: [], whole: false, limit: Number.POSITIVE_INFINITY, options };
  const fragments: SidebarFragment[] = [{ id: ROOT_ID, entries: levelEntries(undefined, nav, ROOT_ID, 0, walk, false) }];
  const visit = (items: readonly NavItem[], id: string) => {
    items.forEach((item, index) => {
      if (item.children.length === 0) return;
      const own = childId(id, index);
      fragments.push({ id: own, entries: levelEntries(item, item.children, own, 0, walk, false) });
      visit(item.children, own);
    });
  };
  visit(nav, ROOT_ID);
  return fragments;
}

/** The fragments' URLs and the labels of a locale. */
export function sidebarOptions(locale: Locale): SidebarOptions {
  return {
    fragmentPath: (id) => sidebarFragmentPath(locale, id),
    moreLabel: (count, section) => uiText(locale.name, 'docnav.more', { count, folder: section ?? uiText(locale.name, 'docnav.label') }),
  };
}

/** The sidebar of the page at `path` of the loaded site; empty for a site without documentation. */
export function pageSidebar(data: SiteData, locale: Locale, path: string): SidebarEntry[] {
  const nav = siteNavigation(data, locale);
  return nav.length === 0 ? [] : sidebarView(nav, path, sidebarOptions(locale));
}
