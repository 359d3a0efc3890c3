/**
 * The `id`s the layout gives its own elements. Heading ids are generated from heading text, so
 * the generator treats these as taken: a section titled "Main" becomes `#main-1`, never a
 * second `#main`. Changing one changes links: treat them as permanent, as page names are.
 */
export const PAGE_IDS = {
  main: 'main',
  headerSearchInput: 'header-search-input',
  themeSelect: 'theme-select',
  toc: 'on-this-page',
  alsoCovers: 'also-covers',
  related: 'related-entries',
  sidebar: 'doc-sidebar',
} as const;

/** Every id above, for the heading-id generator. */
export const RESERVED_IDS: readonly string[] = Object.values(PAGE_IDS);
