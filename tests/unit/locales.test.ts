import { describe, expect, it } from 'vitest';
import { findLocale, localeKey, makeLocaleConfig, toBcp47, toOpenGraphLocale, toUrlSegment } from '../../src/lib/i18n/locales.ts';

describe('locale spellings', () => {
  it.each([
    ['en', 'en', 'en'],
    ['ja', 'ja', 'ja'],
    ['zh_CN', 'zh-CN', 'zh-cn'],
    ['zh-CN', 'zh-CN', 'zh-cn'],
    ['pt_br', 'pt-BR', 'pt-br'],
  ])('%s is %s in <html lang> and %s in URLs', (name, bcp47, segment) => {
    expect(toBcp47(name)).toBe(bcp47);
    expect(toUrlSegment(name)).toBe(segment);
  });

  it('folds case and separators into one key', () => {
    expect(localeKey('zh-CN')).toBe(localeKey('zh_cn'));
    expect(localeKey('ZH_CN')).toBe('zh_cn');
  });

  it('finds a configured locale by any spelling, and nothing else', () => {
    const { locales } = makeLocaleConfig(['en', 'ja', 'ko', 'zh_CN'], 'en');
    expect(findLocale(locales, 'zh-CN')?.name).toBe('zh_CN');
    expect(findLocale(locales, 'zh-cn')?.name).toBe('zh_CN');
    expect(findLocale(locales, 'zh_TW')).toBeUndefined();
    expect(findLocale(locales, 'jp')).toBeUndefined();
  });

  it('rejects a default locale that is not configured', () => {
    expect(() => makeLocaleConfig(['en', 'ja'], 'fr')).toThrow('default_lang "fr" is not one of the languages (en, ja)');
  });

  it('writes Open Graph locales with an underscore', () => {
    const { locales } = makeLocaleConfig(['zh_CN'], 'zh_CN');
    expect(toOpenGraphLocale(locales[0]!)).toBe('zh_CN');
  });
});
