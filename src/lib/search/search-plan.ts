/**
 * What the search page does with its input: typed text or a paste, the error lines to
 * match, the normalised form shown as "searched for", and the query kept in a shareable URL.
 */
import { URL_QUERY_LIMIT } from './paste-handoff.ts';
import { extractErrorLines, isPaste, normalisedSummary, type ErrorLine } from './normalise-paste.ts';

export { URL_QUERY_LIMIT };

export interface SearchPlan {
  readonly mode: 'typing' | 'paste';
  readonly lines: readonly ErrorLine[];
  /** The masked error lines, one per line: what was searched for. */
  readonly summary: string;
  /** What goes in `?q=`: the input, or its normalised form when the input is too long. */
  readonly shareable: string;
  readonly shareableIsNormalised: boolean;
  /** The typed text for Pagefind; for a paste, its most specific words, each searched alone (OR). */
  readonly fullTextQueries: readonly string[];
}

/** Pagefind ANDs the words of a query; a paste's few longest distinct words, searched one by one, find more. */
function specificWords(lines: readonly ErrorLine[]): string[] {
  const words = new Set(lines.flatMap((line) => line.tokens).filter((token) => token.length >= 4 && !/^\d+$/.test(token)));
  return [...words].sort((a, b) => b.length - a.length).slice(0, 3);
}

export function planSearch(input: string): SearchPlan {
  const mode = isPaste(input) ? 'paste' : 'typing';
  const lines = extractErrorLines(input);
  const summary = normalisedSummary(lines);
  const tooLong = input.length > URL_QUERY_LIMIT;
  const primary = lines.find((line) => line.primary) ?? lines[0];
  return {
    mode,
    lines,
    summary,
    shareable: tooLong ? summary.slice(0, URL_QUERY_LIMIT) : input,
    shareableIsNormalised: tooLong,
    fullTextQueries: mode === 'typing' ? [input.trim()] : specificWords(primary ? [primary, ...lines] : lines),
  };
}
