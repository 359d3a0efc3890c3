import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE_NAMES } from '../../src/lib/i18n/locales.ts';
import { hasOwnUiText, nativeLanguageName, UI_KEYS, uiText } from '../../src/lib/i18n/ui-strings.ts';

describe('interface text', () => {
  it.each(DEFAULT_LOCALE_NAMES)('%s has its own text for every key', (locale) => {
    expect(UI_KEYS.filter((key) => !hasOwnUiText(locale, key))).toEqual([]);
  });

  it('fills placeholders and falls back to English for a new language', () => {
    expect(uiText('ja', 'home.entries', { count: 3 })).toBe('3 件');
    expect(uiText('fr', 'search.submit')).toBe('Search');
  });

  it('names languages in their own language', () => {
    expect(nativeLanguageName('ja')).toBe('日本語');
    expect(nativeLanguageName('zh-CN')).toBe('简体中文');
    expect(nativeLanguageName('de-AT')).toMatch(/Deutsch/);
  });
});
