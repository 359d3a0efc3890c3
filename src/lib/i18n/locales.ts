/**
 * Locale rules: how a configured locale name (`zh_CN`) is spelled in front matter,
 * in `<html lang>` and in URLs. Every function here is pure.
 */

/** A locale the site is built in. */
export interface Locale {
  /** The name as configured and as written in front matter and folder names, e.g. `zh_CN`. */
  readonly name: string;
  /** BCP-47 tag for `<html lang>` and hreflang, e.g. `zh-CN`. */
  readonly bcp47: string;
  /** Lowercase URL segment, e.g. `zh-cn`. */
  readonly segment: string;
}

export interface LocaleConfig {
  readonly locales: readonly Locale[];
  readonly defaultLocale: Locale;
}

/** The locales a site has when its `_config.yml` names none. */
export const DEFAULT_LOCALE_NAMES = ['en', 'ja', 'ko', 'zh_CN'] as const;

/**
 * Folds the spellings of one locale together: case and `_`/`-` do not matter.
 * @example localeKey('zh-CN') === localeKey('zh_cn') // 'zh_cn'
 */
export function localeKey(spelling: string): string {
  return spelling.trim().toLowerCase().replaceAll('-', '_');
}

/**
 * BCP-47 form of a locale name: region subtag upper-cased, joined with `-`.
 * @example toBcp47('zh_CN') === 'zh-CN'
 */
export function toBcp47(name: string): string {
  const [language = '', ...rest] = name.trim().split(/[-_]/);
  const subtags = rest.map((part) => (part.length === 2 ? part.toUpperCase() : part));
  return [language.toLowerCase(), ...subtags].join('-');
}

/**
 * The URL segment of a locale: its BCP-47 form in lowercase.
 * @example toUrlSegment('zh_CN') === 'zh-cn'
 */
export function toUrlSegment(name: string): string {
  return toBcp47(name).toLowerCase();
}

export function makeLocale(name: string): Locale {
  return { name, bcp47: toBcp47(name), segment: toUrlSegment(name) };
}

/** Builds the locale configuration; the default must be one of the locales. */
export function makeLocaleConfig(names: readonly string[], defaultName: string): LocaleConfig {
  const locales = names.map(makeLocale);
  const defaultLocale = findLocale(locales, defaultName);
  if (!defaultLocale) {
    throw new Error(`default_lang "${defaultName}" is not one of the languages (${names.join(', ')})`);
  }
  return { locales, defaultLocale };
}

/**
 * Finds a configured locale by any of its spellings (`zh_CN`, `zh-CN`, `zh-cn`).
 * @example findLocale(locales, 'zh-CN')?.name === 'zh_CN'
 */
export function findLocale(locales: readonly Locale[], spelling: string): Locale | undefined {
  const key = localeKey(spelling);
  return locales.find((locale) => localeKey(locale.name) === key);
}

/** Open Graph wants `ll_CC`: `zh_CN`, `ja` stays `ja`. */
export function toOpenGraphLocale(locale: Locale): string {
  return locale.bcp47.replaceAll('-', '_');
}
