/**
 * The documentation navigation: the tree (toc or folders), where a page sits in it (breadcrumbs,
 * reading order), and the bounded sidebar each page shows, with its fragments.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { Catalog } from '../../src/lib/site/catalog.ts';
import { captionLabel, docNavigation, type NavItem } from '../../src/lib/site/doc-nav.ts';
import { docPosition, readingOrder } from '../../src/lib/site/doc-position.ts';
import {
  INLINE_BUDGET,
  LEVEL_LIMIT,
  needsFragments,
  sidebarFragments,
  sidebarView,
  type SidebarEntry,
  type SidebarGroup,
  type SidebarOptions,
} from '../../src/lib/site/sidebar.ts';
import { inContent, tempFolders } from '../helpers/temp-folders.ts';

const folder = tempFolders('errata-docnav-');
/** A content tree in a temporary folder, two languages unless it has its own config: path → text. */
const tree = (files: Record<string, string>) => folder(inContent({ '_config.yml': 'languages: [en, ja]\ndefault_lang: en\n', ...files }));
const page = (front: string, body: string) => `---\n${front}\n---\n\n${body}\n`;

/** The navigation of each language of a tree, with the site's own locale objects. */
function navigation(files: Record<string, string>) {
  const root = tree(files);
  const site = loadSite({ rootDir: root, contentDir: join(root, 'content') });
  const catalog = new Catalog(site.pages, site.sources.localeConfig, undefined);
  const data = (site.sources.site['data'] ?? {}) as Record<string, unknown>;
  const [en, ja] = site.sources.localeConfig.locales;
  if (!en || !ja) throw new Error('locales');
  return { en: docNavigation({ catalog, data }, en), ja: docNavigation({ catalog, data }, ja) };
}

const summary = (items: readonly NavItem[]): unknown[] =>
  items.map((item) => (item.children.length > 0 ? [item.label, item.href ?? null, summary(item.children)] : [item.label, item.href ?? null]));

describe('the documentation tree', () => {
  const files = {
    '_data/toc.yml': [
      '- caption: start',
      '  children:',
      '    - page: intro',
      '- caption: getting-started', // a key no toc_text.yml translates
      '  children:',
      '    - page: guides/install.md', // a Markdown path
      '    - page: err',
      '- text: forum',
      '  url: https://forum.example/',
      '- text: trap',
      '  url: "javascript:alert(1)"',
      '',
    ].join('\n'),
    '_data/en/toc_text.yml': 'start: Start here\nforum: Forum\n',
    '_data/ja/toc_text.yml': 'start: はじめに\n',
    'en/intro.md': page('title: Intro\npagename: intro\nlang: en', '# Intro'),
    'ja/intro.md': page('title: 紹介\npagename: intro\nlang: ja', '# 紹介'),
    'en/guides/install.md': page('title: Install\npagename: install\nlang: en', '# Install'),
    'en/extra.md': page('title: Extra\npagename: extra\nlang: en', '# Extra'),
    'en/err.md': page('title: Err\npagename: err\nlang: en', '# `E: err`'),
    'en/other-err.md': page('title: Other err\npagename: other-err\nlang: en', '# `E: other`'),
  };

  it('follows the toc, captions in the reader\'s language, then the default language\'s, then readable keys', () => {
    const { en, ja } = navigation(files);
    expect(summary(ja)).toEqual([
      ['はじめに', null, [['紹介', '/ja/intro/']]],
      ['Getting started', null, [['Install', '/ja/install/'], ['Err', '/ja/err/']]],
      ['Forum', 'https://forum.example/'],
      // A `javascript:` URL is never a link.
      ['Trap', null],
      ['その他のページ', null, [['Extra', '/ja/extra/']]],
      ['すべてのエラー エントリ (2 件)', '/ja/'],
    ]);
    expect(ja[1]?.children[0]).toMatchObject({ lang: 'en', reading: true });
    // An entry the toc lists is read in its order; one it leaves out is reached through the catalog.
    expect(en[1]?.children[1]).toMatchObject({ href: '/en/err/', reading: true });
    expect(en.at(-1)).toMatchObject({ href: '/en/', reading: false });
    expect(captionLabel('getting_started')).toBe('Getting started');
    expect(captionLabel('Start here')).toBe('Start here');
  });

  it('falls back to the folder tree: folders named by their index page, or readably; every page kept', () => {
    const folderFiles: Record<string, string> = {
      'en/guides.md': page('title: All the guides\npagename: guides\nlang: en', '# All the guides'),
      'en/guides/setup.md': page('title: Setup\npagename: setup\nlang: en\nnav_order: 1', '# Setup'),
      'en/getting-started/first.md': page('title: First steps\npagename: first\nlang: en', '# First steps'),
    };
    for (let i = 0; i < 60; i += 1) folderFiles[`en/errors/e${String(i).padStart(2, '0')}.md`] = page(`title: E${i}\npagename: e${i}\nlang: en`, `# \`Error${i}: broke\``);
    const { en } = navigation(folderFiles);
    expect(en.map((item) => [item.label, item.href ?? null, item.children.length])).toEqual([
      ['Errors', null, 60],
      ['Getting started', null, 1],
      ['All the guides', '/en/guides/', 1],
    ]);
    // The tree is whole (the sidebar bounds what a page shows); entries keep their catalog order.
    expect(en[0]?.children.every((item) => !item.reading)).toBe(true);
    expect(readingOrder(en).map((item) => item.href)).toEqual(['/en/first/', '/en/guides/', '/en/setup/']);
  });

  it('is empty for a pure error catalog', () => {
    expect(navigation({ 'en/err.md': page('title: Err\npagename: err\nlang: en', '# `E: err`') }).en).toEqual([]);
  });
});

/** A navigation item: a page when `href` is given. */
const item = (label: string, href: string | undefined, children: NavItem[] = [], reading = href !== undefined): NavItem => ({
  label,
  href,
  external: href?.startsWith('https:') ?? false,
  lang: undefined,
  reading,
  children,
});

/** A small documentation tree, as a toc makes it. */
const small: NavItem[] = [
  item('Start', undefined, [item('Welcome', '/en/welcome/'), item('Quick start', '/en/quick/')]),
  item('Guides', '/en/guides/', [item('Install', '/en/install/'), item('Advanced', undefined, [item('Tune', '/en/tune/'), item('Install', '/en/install/')])]),
  item('Forum', 'https://forum.example/', [], false),
  item('All 3 error entries', '/en/', [], false),
];

describe('where a page sits', () => {
  it('reads the toc top to bottom: a section\'s page before its children, each page once, no external link', () => {
    expect(readingOrder(small).map((entry) => entry.href)).toEqual(['/en/welcome/', '/en/quick/', '/en/guides/', '/en/install/', '/en/tune/']);
  });

  it('gives the sections above a page, and its previous and next page', () => {
    const tune = docPosition(small, '/en/tune/');
    expect(tune?.sections.map((section) => [section.label, section.href ?? null])).toEqual([['Guides', '/en/guides/'], ['Advanced', null]]);
    expect([tune?.previous?.href, tune?.next?.href, tune?.start.href]).toEqual(['/en/install/', undefined, '/en/welcome/']);
    // A page listed twice sits at its first place.
    expect(docPosition(small, '/en/install/')?.sections.map((section) => section.label)).toEqual(['Guides']);
    expect(docPosition(small, '/en/welcome/')?.previous).toBeUndefined();
    expect(docPosition(small, '/en/')).toBeUndefined();
  });
});

const options: SidebarOptions = {
  fragmentPath: (id) => `/nav/${id}.json`,
  moreLabel: (count, section) => `All ${count} in ${section ?? 'Docs'}`,
};

const groups = (entries: readonly SidebarEntry[]) => entries.filter((entry): entry is SidebarGroup => entry.kind === 'group');
/** Every entry at every depth. */
const flat = (entries: readonly SidebarEntry[]): SidebarEntry[] => entries.flatMap((entry) => [entry, ...(entry.kind === 'group' ? flat(entry.entries) : [])]);
const hrefs = (entries: readonly SidebarEntry[]) => flat(entries).flatMap((entry) => (entry.kind === 'link' ? [entry.href] : []));

/**
 * A large toc: `sections` sections of `subsections` subsections of `pages` pages each, and a
 * long top-level list of `loose` pages.
 */
function largeTree(sections: number, subsections: number, pages: number, loose = 0): NavItem[] {
  return [
    ...Array.from({ length: sections }, (_, s) =>
      item(`Section ${s}`, `/en/s${s}/`, Array.from({ length: subsections }, (_, u) =>
        item(`Part ${s}.${u}`, undefined, Array.from({ length: pages }, (_, p) => item(`Page ${s}.${u}.${p}`, `/en/p-${s}-${u}-${p}/`))),
      )),
    ),
    ...Array.from({ length: loose }, (_, l) => item(`Loose ${l}`, `/en/loose-${l}/`)),
  ];
}

describe('the sidebar of a page', () => {
  it('shows a small tree whole: the current page marked, its sections open, the others closed', () => {
    expect(needsFragments(small)).toBe(false);
    const view = sidebarView(small, '/en/tune/', options);
    expect(groups(view).map((group) => [group.label, group.open, group.fragment ?? null])).toEqual([
      ['Start', false, null],
      ['Guides', true, null],
    ]);
    const guides = groups(view)[1];
    // A section's own page is its first entry.
    expect(guides?.entries[0]).toMatchObject({ kind: 'link', href: '/en/guides/', current: false });
    expect(groups(guides?.entries ?? [])[0]).toMatchObject({ label: 'Advanced', open: true });
    expect(flat(view).filter((entry) => entry.kind === 'link' && entry.current).map((entry) => entry.kind === 'link' && entry.href)).toEqual(['/en/tune/']);
    expect(hrefs(view)).toContain('/en/welcome/');
    // The catalog link is current on the catalog.
    expect(flat(sidebarView(small, '/en/', options)).find((entry) => entry.kind === 'link' && entry.current)).toMatchObject({ href: '/en/' });
  });

  it('shows a large tree\'s top level and the current page\'s sections; other sections load on demand', () => {
    const nav = largeTree(10, 10, 100);
    expect(needsFragments(nav)).toBe(true);
    const view = sidebarView(nav, '/en/p-3-4-50/', options);
    expect(view).toHaveLength(10);
    const section = groups(view)[3];
    expect(section).toMatchObject({ label: 'Section 3', open: true, fragment: undefined });
    const part = groups(section?.entries ?? [])[4];
    expect(part).toMatchObject({ label: 'Part 3.4', open: true });
    // 100 pages: a window around the current one, then a link to the whole level.
    expect(part?.entries).toHaveLength(LEVEL_LIMIT + 1);
    expect(part?.entries.at(-1)).toEqual({ kind: 'more', label: 'All 100 in Part 3.4', href: '/en/p-3-4-61/', fragment: '/nav/3.4.json', before: 40, after: 39 });
    expect(part?.entries.find((entry) => entry.kind === 'link' && entry.current)).toMatchObject({ href: '/en/p-3-4-50/' });
    // A closed section holds one link to its page, and names its fragment.
    expect(groups(view)[0]).toEqual({
      kind: 'group',
      label: 'Section 0',
      lang: undefined,
      open: false,
      entries: [{ kind: 'link', label: 'Section 0', href: '/en/s0/', external: false, lang: undefined, current: false }],
      fragment: '/nav/0.json',
    });
    expect(groups(section?.entries ?? [])[0]).toMatchObject({ open: false, fragment: '/nav/3.0.json', entries: [{ href: '/en/p-3-0-0/' }] });
  });

  it('does not grow with the tree', () => {
    // 1,000 pages in a few sections, 10,000 and 100,000 in ever longer levels: once every level
    // shown is windowed, the sidebar keeps its size.
    const [thousand = 0, tenThousand = 0, hundredThousand = 0] = [largeTree(10, 10, 10), largeTree(10, 10, 100, 500), largeTree(10, 10, 1000, 5000)].map(
      (nav) => JSON.stringify(sidebarView(nav, '/en/p-9-9-95/', options)).length,
    );
    expect(thousand).toBeLessThan(tenThousand);
    expect(hundredThousand - tenThousand).toBeLessThan(50);
    expect(hundredThousand).toBeLessThan(10_000);
    // A long top level is windowed too, around the current page.
    const view = sidebarView(largeTree(2, 2, 2, 5000), '/en/loose-2500/', options);
    expect(view).toHaveLength(LEVEL_LIMIT + 1);
    expect(view.at(-1)).toMatchObject({ kind: 'more', fragment: '/nav/root.json', before: 2492, after: 2489 });
    expect(hrefs(view)).toContain('/en/loose-2500/');
    expect(flat(view).length).toBeLessThan(INLINE_BUDGET);
  });

  it('has fragments that together reach every page, each a whole level with its sections closed', () => {
    const nav = largeTree(3, 3, 30, 40);
    const fragments = sidebarFragments(nav, options);
    // The top level, 3 sections, 9 subsections.
    expect(fragments.map((fragment) => fragment.id).slice(0, 4)).toEqual(['root', '0', '0.0', '0.1']);
    expect(fragments).toHaveLength(13);
    expect(fragments[0]?.entries).toHaveLength(43);
    expect(fragments.find((fragment) => fragment.id === '1')?.entries.map((entry) => entry.kind)).toEqual(['link', 'group', 'group', 'group']);
    expect(fragments.find((fragment) => fragment.id === '2.1')?.entries).toHaveLength(30);
    const reached = new Set(fragments.flatMap((fragment) => hrefs(fragment.entries)));
    expect(readingOrder(nav).every((page) => reached.has(page.href ?? ''))).toBe(true);
    expect(fragments.every((fragment) => flat(fragment.entries).every((entry) => entry.kind !== 'more' && (entry.kind !== 'link' || !entry.current)))).toBe(true);
  });
});
