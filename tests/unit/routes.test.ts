import { describe, expect, it } from 'vitest';
import { makeLocaleConfig } from '../../src/lib/i18n/locales.ts';
import { absoluteUrl, entryPath, localeHomePath, notFoundPath, parseSitePath, searchPath } from '../../src/lib/routing/routes.ts';

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
  });

  it('reads a site path back', () => {
    expect(parseSitePath(locales, '/zh-cn/foo/#anchor')).toEqual({ locale: zhCN, name: 'foo' });
    expect(parseSitePath(locales, '/en/')).toEqual({ locale: en, name: undefined });
    expect(parseSitePath(locales, '/fr/foo/')).toBeUndefined();
    expect(parseSitePath(locales, '/en/foo/bar/')).toBeUndefined();
  });
});
