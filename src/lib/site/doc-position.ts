/**
 * Where a page sits in the documentation navigation (`doc-nav.ts`): the sections that hold it,
 * for breadcrumbs, and the pages before and after it in the reading order, for previous/next.
 *
 * The reading order is the navigation read top to bottom — a section's own page before its
 * children — keeping the items that are their page's place (`NavItem.reading`): pages of this
 * site, each at its first place only. External links, captions and the catalog link are not
 * pages to read. The navigation is per language, fallbacks included, so the order is too.
 */
import type { NavItem } from './doc-nav.ts';

export interface DocPosition {
  /** The page's own item. */
  readonly item: NavItem;
  /** The sections that hold the page, outermost first (captions that only group included). */
  readonly sections: readonly NavItem[];
  readonly previous: NavItem | undefined;
  readonly next: NavItem | undefined;
  /** The first page of the reading order: where the documentation starts. */
  readonly start: NavItem;
}

interface Place {
  readonly sections: readonly NavItem[];
  readonly index: number;
}

interface PositionIndex {
  readonly order: readonly NavItem[];
  readonly places: ReadonlyMap<string, Place>;
}

const indexes = new WeakMap<readonly NavItem[], PositionIndex>();

function positionIndex(nav: readonly NavItem[]): PositionIndex {
  let index = indexes.get(nav);
  if (index) return index;
  const order: NavItem[] = [];
  const places = new Map<string, Place>();
  const walk = (items: readonly NavItem[], sections: readonly NavItem[]) => {
    for (const item of items) {
      if (item.reading && item.href !== undefined && !item.external && !places.has(item.href)) {
        places.set(item.href, { sections, index: order.length });
        order.push(item);
      }
      if (item.children.length > 0) walk(item.children, [...sections, item]);
    }
  };
  walk(nav, []);
  indexes.set(nav, (index = { order, places }));
  return index;
}

/**
 * The pages of the reading order, first to last.
 * @example readingOrder(nav).map((item) => item.href) // ['/en/index/', '/en/guides/', '/en/installation-guide/', …]
 */
export function readingOrder(nav: readonly NavItem[]): readonly NavItem[] {
  return positionIndex(nav).order;
}

/**
 * The position of the page at `path`, or `undefined` when the reading order does not hold it
 * (an error entry the toc does not list, a catalog page).
 * @example docPosition(nav, '/en/installation-guide/')?.sections.map((section) => section.label) // ['Guides']
 */
export function docPosition(nav: readonly NavItem[], path: string): DocPosition | undefined {
  const { order, places } = positionIndex(nav);
  const place = places.get(path);
  const item = place && order[place.index];
  const start = order[0];
  if (!place || !item || !start) return undefined;
  return { item, sections: place.sections, previous: order[place.index - 1], next: order[place.index + 1], start };
}
