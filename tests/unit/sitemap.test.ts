import { describe, expect, it } from 'vitest';
import { escapeMarkup } from '../../src/lib/markup/escape.ts';
import { renderUrlset, robotsTxt, sitemapFiles, type SitemapUrl } from '../../src/lib/site/sitemap.ts';

const url = (loc: string, extra: Partial<SitemapUrl> = {}): SitemapUrl => ({ loc, alternates: [], lastmod: undefined, ...extra });

describe('sitemap', () => {
  it('escapes the five XML characters', () => {
    expect(escapeMarkup(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  });

  it('writes each URL with its last change and its hreflang alternates', () => {
    const xml = renderUrlset([
      url('https://example.test/ja/a&b/', {
        lastmod: '2026-02-01T00:00:00.000Z',
        alternates: [
          { hreflang: 'en', href: 'https://example.test/en/a&b/' },
          { hreflang: 'x-default', href: 'https://example.test/en/a&b/' },
        ],
      }),
    ]);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        '  <url>',
        '    <loc>https://example.test/ja/a&amp;b/</loc>',
        '    <lastmod>2026-02-01T00:00:00.000Z</lastmod>',
        '    <xhtml:link rel="alternate" hreflang="en" href="https://example.test/en/a&amp;b/"/>',
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.test/en/a&amp;b/"/>',
        '  </url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });

  it('becomes an index of several files above the protocol\'s limit', () => {
    const urls = ['a', 'b', 'c', 'd', 'e'].map((name) => url(`https://example.test/en/${name}/`));
    const files = sitemapFiles(urls, 'https://example.test', 2);
    expect(files.map((file) => file.path)).toEqual(['/sitemap.xml', '/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml']);
    expect(files[0]?.content).toContain('<sitemapindex');
    expect(files[0]?.content).toContain('<sitemap><loc>https://example.test/sitemap-3.xml</loc></sitemap>');
    expect(files[3]?.content).toContain('<loc>https://example.test/en/e/</loc>');
    expect(sitemapFiles(urls, 'https://example.test').map((file) => file.path)).toEqual(['/sitemap.xml']);
  });

  it('names the sitemap in robots.txt by its absolute URL', () => {
    expect(robotsTxt('https://example.test')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.test/sitemap.xml\n');
  });
});
