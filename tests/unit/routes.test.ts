import { describe, expect, it } from 'vitest';
import { makeLocaleConfig } from '../../src/lib/i18n/locales.ts';
import { RESERVED_PAGENAMES } from '../../src/lib/validation/front-matter-schema.ts';
import { absoluteUrl, azLetterId, azPath, categoryPath, entryPath, localeHomePath, notFoundPath, parseSitePath, searchPath, SITE_SECTIONS, translationsPath } from '../../src/lib/routing/routes.ts';

const { locales } = makeLocaleConfig(['en', 'ja', 'ko', 'zh_CN'], 'en');
const [en, , , zhCN] = locales as [typeof locales[0], typeof locales[0], typeof locales[0], typeof locales[0]];

describe('routes', () => {
  it('puts every page under its lowercase locale segment', () => {
    expect(localeHomePath(zhCN)).toBe('/zh-cn/');
    expect(entryPath(zhCN, 'git-push-rejected')).toBe('/zh-cn/git-push-rejected/');
    expect(notFoundPath(en)).toBe('/en/404/');
  });

  it('keeps the query of a search link encoded', () => {
    expect(searchPath(en)).toBe('/en/search/');
    expect(searchPath(en, "No module named 'x' & <y>")).toBe('/en/search/?q=No+module+named+%27x%27+%26+%3Cy%3E');
  });

  it('makes absolute URLs from the configured site URL', () => {
    expect(absoluteUrl('https://errata.example.org', '/ja/foo/')).toBe('https://errata.example.org/ja/foo/');
    expect(absoluteUrl('https://example.org/docs', '/ja/foo/')).toBe('https://example.org/ja/foo/');
    // Whatever the path, the same URL as the URL parser gives.
    const paths = ['/', '/en/', '/ja/%E7%99%BA%E7%94%9F/', '/en/a b/', '/en/日本/', '/en/./x/', '/en/../x/', '/en/..', '//evil.example/x', '/en/search/?q=a#b', "/en/it's/", '/EN/%7e/', '/en/x\\y/'];
    for (const site of ['https://errata.example.org', 'HTTPS://Errata.Example.org:443', 'http://localhost:4321', 'https://example.org/docs']) {
      for (const path of paths) expect(absoluteUrl(site, path)).toBe(new URL(path, `${site}/`).href);
    }
  });

  it('reads a site path back', () => {
    expect(parseSitePath(locales, '/zh-cn/foo/#anchor')).toEqual({ locale: zhCN, name: 'foo' });
    expect(parseSitePath(locales, '/en/')).toEqual({ locale: en, name: undefined });
    expect(parseSitePath(locales, '/fr/foo/')).toBeUndefined();
    expect(parseSitePath(locales, '/en/foo/bar/')).toBeUndefined();
  });

  it('gives browsing pages their own sections, which page names may not take', () => {
    expect(categoryPath(zhCN, 'python')).toBe('/zh-cn/category/python/');
    expect(categoryPath(en, undefined)).toBe('/en/category/other/');
    expect(azPath(en)).toBe('/en/a-z/');
    expect(translationsPath(zhCN)).toBe('/zh-cn/translations/');
    expect(azLetterId('S')).toBe('letter-s');
    expect(azLetterId('0–9')).toBe('letter-digits');
    expect(azLetterId('#')).toBe('letter-other');
    for (const section of SITE_SECTIONS) expect(RESERVED_PAGENAMES).toContain(section);
  });
});
