/**
 * Loaded pages kept between builds. Loading a page (front matter, Liquid, Markdown parsing)
 * is most of what checking the content costs; a page whose source, site configuration and
 * code are unchanged loads the same, so a rebuild takes it from here instead.
 *
 * A cached page is stored as JSON without the tree's source positions: nothing after loading
 * reads them (link positions are kept beside it), and they would triple its size. Each read
 * parses a fresh copy, because loading goes on to rewrite the tree's links.
 */
import type { Root } from 'mdast';
import type { Locale } from '../i18n/locales.ts';
import type { Position } from './diagnostic.ts';
import type { Page } from './load-site.ts';

/** Where loaded pages are kept: a `CacheStore` of JSON strings, or anything like it. */
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

type StoredPage = Omit<Page, 'locale' | 'file' | 'contentPath'> & { readonly localeName: string; readonly pagenameAt: Position; readonly linkAt: readonly Position[] };

export function storePage({ page, pagenameAt, linkAt }: LoadedPage): string {
  const { locale, file: _file, contentPath: _contentPath, ...rest } = page;
  const stored: StoredPage = { ...rest, localeName: locale.name, pagenameAt, linkAt };
  return JSON.stringify(stored, (key, value: unknown) => (key === 'position' ? undefined : value));
}

/**
 * The page back, for `file`. Its cache key covers the configured languages, so its language is
 * one of `locales`; anything else is a bug, and fails loudly rather than drop the page.
 */
export function restorePage(json: string, file: string, contentPath: string, locales: readonly Locale[]): LoadedPage {
  const { localeName, pagenameAt, linkAt, ...rest } = JSON.parse(json) as StoredPage;
  const locale = locales.find((candidate) => candidate.name === localeName);
  if (!locale) throw new Error(`${file}: loaded in language "${localeName}", which is not configured.`);
  return { page: { ...rest, tree: rest.tree as Root, locale, file, contentPath }, pagenameAt, linkAt };
}
