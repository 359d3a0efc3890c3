/**
 * The paste index's pages per locale (fallbacks included), and one signature index per locale:
 * what the search page and the retrieval check (`validation/retrieval-check.ts`) search.
 */
import type { Page } from '../content/page.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Catalog } from '../site/catalog.ts';
import { pageSignatures } from './page-signatures.ts';
import { buildSignatureIndex, type SignatureIndex, type SignatureInput } from './signature-index.ts';

export interface LocaleSignatures {
  readonly locale: Locale;
  readonly records: readonly SignatureInput[];
  /** The page behind each record, for positions in reports. */
  readonly pages: readonly Page[];
}

/** Every page of each locale (fallbacks included, so an English paste on `ja` finds them). */
export function catalogSignatures(catalog: Catalog): LocaleSignatures[] {
  const { defaultLocale } = catalog.localeConfig;
  return catalog.localeConfig.locales.map((locale) => {
    const routes = catalog.pagenames.flatMap((pagename) => catalog.route(locale, pagename) ?? []);
    return {
      locale,
      records: routes.map((route) => {
        const original = route.page.locale === defaultLocale ? undefined : route.translations.find((page) => page.locale === defaultLocale);
        return pageSignatures(route.path, route.page, route.page.locale.bcp47, original);
      }),
      pages: routes.map((route) => route.page),
    };
  });
}

/** One index per locale name. */
export function buildLocaleIndexes(locales: readonly LocaleSignatures[]): Map<string, SignatureIndex> {
  return new Map(locales.map(({ locale, records }) => [locale.name, buildSignatureIndex(records)]));
}
