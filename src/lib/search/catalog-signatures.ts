/**
 * The catalog's error signatures per locale, and the build's retrieval check: every entry's
 * own heading error and `errors:` items, searched as pastes, must find that entry first, and
 * no two entries may share a signature.
 */
import type { Diagnostic } from '../content/diagnostic.ts';
import type { Page } from '../content/load-site.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Catalog } from '../site/catalog.ts';
import { matchPaste, memoryStore } from './match-paste.ts';
import { extractErrorLines, type ErrorLine } from './normalise-paste.ts';
import { buildSignatureIndex, type SignatureIndex, type SignatureRecord } from './signature-index.ts';

export interface LocaleSignatures {
  readonly locale: Locale;
  readonly records: readonly SignatureRecord[];
  /** The page behind each record, for positions in reports. */
  readonly pages: readonly Page[];
}

/** Entries of each locale (fallbacks included, so an English paste on `ja` finds them). */
export function catalogSignatures(catalog: Catalog): LocaleSignatures[] {
  return catalog.localeConfig.locales.map((locale) => {
    const routes = catalog.pagenames.flatMap((pagename) => {
      const route = catalog.route(locale, pagename);
      return route && route.page.kind === 'entry' ? [route] : [];
    });
    return {
      locale,
      records: routes.map((route) => ({
        url: route.path,
        title: route.page.title,
        sourceLang: route.page.locale.bcp47,
        signatures: [route.page.heading, ...route.page.errors],
      })),
      pages: routes.map((route) => route.page),
    };
  });
}

/** Error lines of a signature; the same English messages recur in every locale, so once each. */
const linesCache = new Map<string, ErrorLine[]>();
function signatureLines(signature: string): ErrorLine[] {
  let lines = linesCache.get(signature);
  if (!lines) linesCache.set(signature, (lines = extractErrorLines(signature)));
  return lines;
}

/**
 * Searches every signature of every entry against its locale's index. Reports, at the
 * signature's position in its file, each that does not find its entry first and each that
 * collides with another entry's.
 *
 * A one-line signature scores exactly 1 against its own entry, and another entry reaches 1
 * only when its signature has the same indexed tokens (ties go to the earlier entry), so for
 * those the check compares token sets instead of running the whole search: the same verdict,
 * in linear time. Multi-line signatures run through the matcher itself.
 */
export async function checkRetrieval(locales: readonly LocaleSignatures[], indexes: ReadonlyMap<string, SignatureIndex>): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const report = (page: Page, signature: number, ruleId: string, message: string) => {
    const at = page.signaturePositions[signature] ?? { line: 1, column: 1 };
    diagnostics.push({ file: page.file, line: at.line, column: at.column, severity: 'error', ruleId, message });
  };

  for (const { locale, records, pages } of locales) {
    const index = indexes.get(locale.name);
    if (!index) continue;
    const store = memoryStore(index);
    const { common } = index.meta;
    const maskedOwners = new Map<string, number>();
    const tokenOwners = new Map<string, number>();
    for (const [doc, record] of records.entries()) {
      const page = pages[doc];
      // Fallback pages repeat another locale's entry; it is checked in its own locale.
      if (!page || page.locale !== locale) continue;
      for (const [signature, text] of record.signatures.entries()) {
        const lines = signatureLines(text);
        const masked = lines.map((line) => line.masked.toLowerCase()).join('\n');
        const maskedOwner = maskedOwners.get(masked);
        if (maskedOwner !== undefined && maskedOwner !== doc) {
          report(page, signature, 'search-signature-collision', `The error "${text}" normalises to the same signature as an error of ${pages[maskedOwner]?.file ?? 'another entry'}; search cannot tell them apart. Merge the entries or make the messages specific.`);
          continue;
        }
        maskedOwners.set(masked, doc);

        let winner: string | undefined;
        if (lines.length === 1) {
          const tokens = [...new Set(lines[0]!.tokens.filter((token) => !(token in common)))].sort().join(' ');
          const owner = tokens ? tokenOwners.get(tokens) : undefined;
          if (!tokens) winner = 'nothing is found';
          else if (owner !== undefined && owner !== doc) winner = `${records[owner]?.url} comes first`;
          else tokenOwners.set(tokens, doc);
        } else {
          const { matches } = await matchPaste(text, store, 3);
          if (matches[0]?.record.url !== record.url) winner = matches[0] ? `${matches[0].record.url} comes first` : 'nothing is found';
        }
        if (winner) {
          report(page, signature, 'search-not-first', `Searching for this entry's error "${text}" does not find the entry first: ${winner}. Make the message more specific, or move it to the entry it belongs to.`);
        }
      }
    }
  }
  return diagnostics;
}

/** One index per locale name. */
export function buildLocaleIndexes(locales: readonly LocaleSignatures[]): Map<string, SignatureIndex> {
  return new Map(locales.map(({ locale, records }) => [locale.name, buildSignatureIndex(records)]));
}
