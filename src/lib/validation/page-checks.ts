/**
 * The rules a page's front matter and the catalog's page names must follow, besides the
 * front-matter schema (`front-matter-schema.ts`): checked while the tree is loaded.
 */
import { distance } from 'fastest-levenshtein';
import type { ParsedFile } from '../content/front-matter.ts';
import type { Page } from '../content/page.ts';
import { findLocale, type Locale } from '../i18n/locales.ts';
import { type DiagnosticSink, type Position, START } from './diagnostic.ts';
import { KNOWN_FIELDS } from './front-matter-schema.ts';

/** Front-matter keys that are not fields errata, Jekyll or the config knows, with the closest known one. */
export function reportUnknownKeys(parsed: ParsedFile, file: string, knownFields: readonly string[], sink: DiagnosticSink): void {
  for (const [key, positions] of parsed.fields) {
    if (knownFields.includes(key)) continue;
    const closest = KNOWN_FIELDS.map((known) => ({ known, cost: distance(key.toLowerCase(), known) })).sort((a, b) => a.cost - b.cost)[0];
    const hint = closest && closest.cost <= 2 ? `Did you mean "${closest.known}"?` : `Known fields: ${KNOWN_FIELDS.join(', ')}.`;
    sink.error(file, positions.key, 'front-matter-unknown-key', `Unknown front-matter field "${key}". ${hint}`);
  }
}

/** A folder named after a locale (`ja/`, `zh_CN/`) holds pages of that locale only. */
export function checkFolderLocale(file: string, contentPath: string, locale: Locale, parsed: ParsedFile, locales: readonly Locale[], sink: DiagnosticSink): void {
  const folders = contentPath.split('/').slice(0, -1);
  for (const folder of folders) {
    const folderLocale = findLocale(locales, folder);
    if (folderLocale && folderLocale !== locale) {
      sink.error(
        file,
        parsed.fields.get('lang')?.value ?? START,
        'lang-folder-mismatch',
        `"lang: ${String(parsed.data['lang'])}" disagrees with the folder "${folder}/". Set "lang: ${folderLocale.name}" or move the file to a "${locale.name}/" folder.`,
      );
    }
  }
}

/** Two pages of one language with the same `pagename`. */
export function checkDuplicatePagenames(pages: readonly Page[], positions: ReadonlyMap<Page, Position>, sink: DiagnosticSink): void {
  const seen = new Map<string, Page>();
  for (const page of pages) {
    const key = `${page.locale.name}\u0000${page.pagename}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, page);
      continue;
    }
    sink.error(
      page.file,
      positions.get(page) ?? START,
      'pagename-duplicate',
      `pagename "${page.pagename}" is already used by ${first.file} in lang ${page.locale.name}. Each page name must be unique per language: rename one of them.`,
    );
  }
}
