/**
 * What the entry and browsing pages show, computed from the small fixture tree with a fixed
 * history: breadcrumbs, link previews, edit links, dates, the outline, neighbours, the
 * category, A–Z and translation-status pages, and the sitemap's URLs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileHistory } from '../../src/lib/content/git-history.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { findLocale } from '../../src/lib/i18n/locales.ts';
import { azView, categoryPageView, homeView, translationsView } from '../../src/lib/site/catalog-pages.ts';
import { Catalog } from '../../src/lib/site/catalog.ts';
import { entryView } from '../../src/lib/site/entry-view.ts';
import type { SiteData } from '../../src/lib/site/site-data.ts';
import { sitemapUrls } from '../../src/lib/site/sitemap.ts';

const rootDir = join(import.meta.dirname, '../fixtures/site-small');
const site = loadSite({ rootDir, contentDir: join(rootDir, 'content') });
const changes: Record<string, string> = {
  'en/net/ssl-verify.md': '2026-03-01T09:00:00Z',
  'ja/net/ssl-verify.md': '2026-02-01T09:00:00Z',
  'zh_CN/net/ssl-verify.md': '2026-03-02T09:00:00Z',
  'en/fs/permission.md': '2026-01-15T23:30:00Z',
};
const history: FileHistory = { problem: undefined, lastChange: (path) => (changes[path] ? { date: new Date(changes[path] ?? ''), source: 'git' } : undefined) };
const data: SiteData = { site, catalog: new Catalog(site.pages, site.sources.localeConfig, site.sources.categories), history };
const locale = (name: string) => findLocale(site.sources.localeConfig.locales, name) ?? (() => { throw new Error(name); })();
const ja = locale('ja');
const en = locale('en');
const view = (localeName: string, pagename: string) => {
  const route = data.catalog.route(locale(localeName), pagename);
  if (!route) throw new Error(pagename);
  return entryView(route, data);
};

describe('an entry page', () => {
  it('leads from the catalog through the category page to the entry itself', () => {
    expect(view('ja', 'ssl-verify').breadcrumbs).toEqual([
      { label: 'カタログ', href: '/ja/' },
      { label: 'ネットワーク', href: '/ja/category/net/' },
      { label: 'SSL の検証に失敗する', href: undefined },
    ]);
    // Entries without a category are under "Other".
    expect(view('en', 'hostile').breadcrumbs[1]).toEqual({ label: 'Other', href: '/en/category/other/' });
  });

  it('previews as the error message, with the configured image', () => {
    const { head } = view('ja', 'ssl-verify');
    expect(head.title).toBe('SSL の検証に失敗する');
    expect(head.ogTitle).toBe('[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:1006)');
    expect(head.ogImage).toBe('https://cdn.example.test/preview.png');
    expect(head.twitterCard).toBe('summary_large_image');
    expect(head.modifiedTime).toBe('2026-02-01T09:00:00.000Z');
    expect(view('en', 'guide').head.ogTitle).toBe('Reading this catalog');
  });

  it('dates and edits the file whose content it shows, also on a fallback', () => {
    const fallback = view('ja', 'permission');
    expect(fallback.lastUpdated).toEqual({ iso: '2026-01-15T23:30:00.000Z', text: '2026年1月15日' });
    expect(fallback.editUrl).toBe('https://git.example.test/fixture/edit/main/content/en/fs/permission.md');
    expect(fallback.canonicalUrl).toBe('https://docs.example.test/en/permission/');
    expect(view('ko', 'ko-only').lastUpdated).toBeUndefined();
  });

  it('outlines its sections, the "also covers" list last', () => {
    expect(view('en', 'ssl-verify').toc.map((item) => [item.id, item.text])).toEqual([
      ['when-fixture-tool-connects', 'When Fixture Tool connects'],
      ['fix', 'Fix'],
      ['also-covers', 'This entry also covers'],
    ]);
  });

  it('links to its neighbours in the category and to related entries, in the reader\'s locale', () => {
    const hostile = view('ko', 'hostile');
    expect(hostile.previous).toBeUndefined();
    expect(hostile.next).toEqual({ href: '/ko/ko-only/', title: '한국어 전용 항목', lang: undefined });
    expect(view('ko', 'ko-only').previous?.href).toBe('/ko/hostile/');
    expect(hostile.related.map((link) => link.href)).toContain('/ko/ko-only/');
    expect(view('en', 'guide').related).toEqual([]);
  });
});

describe('the browsing pages', () => {
  it('show each category with a bounded preview on the home, all entries on its page', () => {
    const home = homeView(data, ja);
    expect(home.categories.map((category) => [category.group.label, category.href, category.preview.length])).toEqual([
      ['ネットワーク', '/ja/category/net/', 1],
      ['Files', '/ja/category/fs/', 1],
      ['その他', '/ja/category/other/', 2],
    ]);
    const other = categoryPageView(data, ja, 'other');
    expect(other?.group.items.map((route) => route.path)).toEqual(['/ja/hostile/', '/ja/ko-only/']);
    expect(other?.head.canonical).toBe('https://docs.example.test/ja/category/other/');
    expect(categoryPageView(data, ja, 'no-such-category')).toBeUndefined();
  });

  it('list every error message A–Z, the other wordings pointing at their entry', () => {
    const az = azView(data, en);
    if (!az) throw new Error('no A–Z page');
    const lines = az.groups.flatMap((group) => group.items.map((item) => `${group.letter} ${item.message} → ${item.target.href}${item.isAlias ? ' (alias)' : ''}`));
    // Leading punctuation does not count: `</script>…` is filed under S, `[SSL: …` too.
    expect(lines).toEqual([
      "I <img src=x onerror=alert('errors')> → /en/hostile/ (alias)",
      'K KoreanOnlyError: 0x80070005 → /en/ko-only/',
      "P PermissionError: [Errno 13] Permission denied: '/var/cache/fixture' → /en/permission/",
      "S </script><script>alert('heading')</script> → /en/hostile/",
      'S [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:1006) → /en/ssl-verify/',
      'U urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] (_ssl.c:726) → /en/ssl-verify/ (alias)',
    ]);
    expect(az.aliasNote).toEqual({ before: 'see ', after: '' });
    expect(azView(data, ja)?.aliasNote).toEqual({ before: '', after: ' を参照' });
  });

  it('show which translations are missing or older than their source', () => {
    const status = translationsView(data, ja);
    if (!status) throw new Error('no translation status page');
    const row = status.rows.find((candidate) => candidate.pagename === 'ssl-verify');
    expect(row?.title).toBe('SSL の検証に失敗する');
    expect(row?.cells.map((cell) => [cell.language, cell.state, cell.href ?? null])).toEqual([
      ['English', 'source', '/en/ssl-verify/'],
      ['日本語', 'outdated', '/ja/ssl-verify/'],
      ['한국어', 'missing', null],
      ['简体中文', 'current', '/zh-cn/ssl-verify/'],
    ]);
    expect(status.summary?.find((summary) => summary.locale === ja)?.counts).toEqual({ source: 0, current: 0, outdated: 1, translated: 0, missing: 4 });
    expect(status.rows.find((candidate) => candidate.pagename === 'ko-only')?.titleLang).toBe('ko');
  });
});

describe('the sitemap', () => {
  it('lists each real translation once, with its alternates, and no fallback copy', () => {
    const urls = sitemapUrls(data);
    const locs = urls.map((url) => url.loc);
    expect(locs).toContain('https://docs.example.test/ja/ssl-verify/');
    expect(locs).not.toContain('https://docs.example.test/ja/permission/');
    expect(locs).toContain('https://docs.example.test/ko/category/other/');
    expect(new Set(locs).size).toBe(locs.length);
    const ssl = urls.find((url) => url.loc === 'https://docs.example.test/zh-cn/ssl-verify/');
    expect(ssl?.lastmod).toBe('2026-03-02T09:00:00.000Z');
    expect(ssl?.alternates.map((alternate) => alternate.hreflang)).toEqual(['en', 'ja', 'zh-CN', 'x-default']);
  });
});
