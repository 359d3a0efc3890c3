/**
 * The build's retrieval check: every entry's own error and every example log in its body,
 * searched as pastes, should find that entry first. A page may share an error line with others
 * (a generic page and a tool's page for one error): the check warns, naming both, when nothing
 * the entry shows tells it apart, and fails only when the entry's own error finds nothing at
 * all, which is a search bug or an empty message.
 */
import type { Page } from '../content/page.ts';
import type { LocaleSignatures } from '../search/catalog-signatures.ts';
import { matchPaste, memoryStore, type IndexStore } from '../search/match-paste.ts';
import { maskLine } from '../search/mask.ts';
import { extractErrorLines } from '../search/normalise-paste.ts';
import type { SignatureIndex } from '../search/signature-index.ts';
import type { Diagnostic, Position } from './diagnostic.ts';

/** What one search of the check found, in words for its report. */
async function firstFound(text: string, store: IndexStore, url: string): Promise<{ found: boolean; winner?: string; tie?: boolean }> {
  const { matches } = await matchPaste(text, store, 5);
  const first = matches[0];
  if (!first) return { found: false };
  if (first.record.url === url) return { found: true };
  // The same line on both pages (as masked): only what surrounds it can tell them apart.
  const sameLine = (a: string, b: string) => maskLine(a).masked.toLowerCase() === maskLine(b).masked.toLowerCase();
  const own = matches.find((match) => match.record.url === url);
  return { found: true, winner: first.record.url, tie: own !== undefined && sameLine(first.signature, own.signature) };
}

/**
 * Searches each entry's own error lines (H1, `errors:`) and each of its code blocks that shows
 * an error, as pastes, against its locale's index, and reports at the entry's lines what does
 * not find it first. Translations that show their original's code are checked once, in the
 * original's locale.
 */
export async function checkRetrieval(locales: readonly LocaleSignatures[], indexes: ReadonlyMap<string, SignatureIndex>): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const report = (page: Page, at: Position, severity: Diagnostic['severity'], ruleId: string, message: string) =>
    diagnostics.push({ file: page.file, line: at.line, column: at.column, severity, ruleId, message });
  const checkedBlocks = new Set<string>();

  for (const { locale, records, pages } of locales) {
    const index = indexes.get(locale.name);
    if (!index) continue;
    const store = memoryStore(index);
    for (const [doc, record] of records.entries()) {
      const page = pages[doc];
      // Fallback pages repeat another locale's page; documentation pages are found, not checked.
      if (!page || page.locale !== locale || page.kind !== 'entry') continue;
      const own = [page.heading, ...page.errors];
      for (const [position, text] of own.entries()) {
        const at = page.signaturePositions[position] ?? { line: 1, column: 1 };
        const result = await firstFound(text, store, record.url);
        if (!result.found) {
          report(page, at, 'error', 'search-nothing-found', `Searching for this entry's error "${text}" finds nothing: the message has no word that search can match. Write the error message as the program prints it.`);
        } else if (result.winner) {
          report(
            page,
            at,
            'warning',
            result.tie ? 'search-indistinguishable' : 'search-not-first',
            result.tie
              ? `Searching for "${text}" cannot tell this entry from ${result.winner}, which shows the same error. Add an example log (a code block with the lines around the error: logger, tool, frames) to the entry that is specific, so pastes with that context find it.`
              : `Searching for "${text}" finds ${result.winner} first. Check that this error belongs to this entry; if both pages are about it, add an example log with the lines that tell this one apart.`,
          );
        }
      }
      for (const [number, block] of page.code.blocks.entries()) {
        const key = `${page.pagename}\u0000${block}`;
        if (checkedBlocks.has(key)) continue;
        checkedBlocks.add(key);
        if (!extractErrorLines(block).some((line) => line.primary)) continue;
        const result = await firstFound(block, store, record.url);
        if (result.winner) {
          const at = page.code.at[number] ?? page.signaturePositions[0] ?? { line: 1, column: 1 };
          report(page, at, 'warning', 'search-example-not-first', `The example log in code block ${number + 1}, pasted whole, finds ${result.winner} first${result.tie ? ', which shows the same lines' : ''}. Keep the lines that are specific to this entry (logger, tool, module paths) in the example.`);
        }
      }
    }
  }
  return diagnostics;
}
