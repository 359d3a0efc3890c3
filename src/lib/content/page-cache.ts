/**
 * Loaded pages kept between builds. Loading a page (front matter, Liquid, Markdown parsing)
 * is most of what checking the content costs; a page whose source, site configuration and
 * code are unchanged loads the same, so a rebuild takes it from here instead.
 *
 * A cached page is stored as two lines of JSON: the page without its body, then the body's
 * tree without source positions (nothing after loading reads them; link positions are kept on
 * the first line, and they would triple its size). The first line holds what checking the
 * site needs of the body: its links and its heading ids. The tree is parsed only when the page
 * is rendered, a fresh copy each time, with the links as loading resolved them.
 */
import type { Root } from 'mdast';
import { fingerprint } from '../build/fingerprint.ts';
import type { Locale } from '../i18n/locales.ts';
import { collectLinks } from '../markdown/parse-markdown.ts';
import type { Position } from '../validation/diagnostic.ts';
import type { Page } from './page.ts';
import type { SiteSources } from './site-sources.ts';

/** Where loaded pages are kept: a `CacheStore` of strings, or anything like it. */
export interface PageCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** A page as `loadPage` returns it, before its links are resolved. */
export interface LoadedPage {
  readonly page: Page;
  readonly pagenameAt: Position;
  /** Where each of the tree's links (in `collectLinks` order) is written in the file. */
  readonly linkAt: readonly Position[];
}

/** A link of the body, in `collectLinks` order. */
export interface BodyLink {
  readonly url: string;
  readonly isImage: boolean;
}

/** A page back from the cache. */
export interface RestoredPage extends LoadedPage {
  /** Everything stored of the page but its body's tree, as one string. */
  readonly outline: string;
  /** The body's links, as written. */
  readonly links: readonly BodyLink[];
  /** Points the body's link number `index` at `url` (applied when the tree is parsed). */
  setLink(index: number, url: string): void;
}

type StoredPage = Omit<Page, 'locale' | 'file' | 'contentPath' | 'tree'> & {
  readonly localeName: string;
  readonly pagenameAt: Position;
  readonly linkAt: readonly Position[];
  readonly links: readonly BodyLink[];
};

export function storePage({ page, pagenameAt, linkAt }: LoadedPage): string {
  const { locale, file: _file, contentPath: _contentPath, tree, ...rest } = page;
  const links = collectLinks(tree).map(({ url, isImage }) => ({ url, isImage }));
  const stored: StoredPage = { ...rest, localeName: locale.name, pagenameAt, linkAt, links };
  // JSON never holds a raw line break: the first one ends the page's line.
  return `${JSON.stringify(stored)}\n${JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value))}`;
}

/**
 * The page back, for `file`. Its cache key covers the configured languages, so its language is
 * one of `locales`; anything else is a bug, and fails loudly rather than drop the page.
 *
 * The body (`tree`) is not an own enumerable field of the page: spreading or serialising a page
 * leaves it out, and only reading `page.tree` parses it.
 */
export function restorePage(stored: string, file: string, contentPath: string, locales: readonly Locale[]): RestoredPage {
  const lineEnd = stored.indexOf('\n');
  const { localeName, pagenameAt, linkAt, links, ...rest } = JSON.parse(stored.slice(0, lineEnd)) as StoredPage;
  const locale = locales.find((candidate) => candidate.name === localeName);
  if (!locale) throw new Error(`${file}: loaded in language "${localeName}", which is not configured.`);
  const resolved = new Map<number, string>();
  const page = { ...rest, locale, file, contentPath } as Page;
  Object.defineProperty(page, 'tree', {
    enumerable: false,
    get(): Root {
      const tree = JSON.parse(stored.slice(lineEnd + 1)) as Root;
      const refs = collectLinks(tree);
      for (const [index, url] of resolved) refs[index]?.set(url);
      return tree;
    },
  });
  return { page, outline: stored.slice(0, lineEnd), pagenameAt, linkAt, links, setLink: (index, url) => resolved.set(index, url) };
}

/**
 * Everything besides a page's own text that loading it reads: configuration, data, includes,
 * languages and categories. Maps are written as their entries.
 */
export function sourcesFingerprint(sources: SiteSources): string {
  return fingerprint(JSON.stringify(sources, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value)));
}
