/**
 * Search results as the page shows them, from either source: error-signature matches (with
 * the paste line that matched, its shared tokens marked) and Pagefind full-text results.
 */
import { excerptSegments, type ExcerptSegment } from './excerpt.ts';
import type { PasteMatch } from './match-paste.ts';
import { rankResults } from './rank.ts';

export interface ResultView {
  readonly url: string;
  readonly title: string;
  /** BCP-47 language of the entry's content. */
  readonly sourceLang: string | undefined;
  /** The error message shown under the title. */
  readonly error: string;
  /** Full-text excerpt, or the matched paste line, as text segments. */
  readonly snippet: readonly ExcerptSegment[];
  readonly source: 'signature' | 'text';
}

/** A Pagefind result's loaded data, as the client reads it from `meta`. */
export interface TextResult {
  readonly url: string;
  readonly title: string;
  readonly error: string;
  readonly errors: readonly string[];
  readonly excerpt: string;
  readonly sourceLang: string | undefined;
}

/**
 * Marks each occurrence of `tokens` in `text` (case-insensitive), as text segments.
 * @example highlightTokens('No module named x', ['module']) // ['No ', *'module'*, ' named x']
 */
export function highlightTokens(text: string, tokens: readonly string[]): ExcerptSegment[] {
  const wanted = tokens.filter((token) => token.length > 1).sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [{ text, marked: false }];
  const escaped = wanted.map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  const segments: ExcerptSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), marked: false });
    segments.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), marked: false });
  return segments;
}

export function signatureViews(matches: readonly PasteMatch[]): ResultView[] {
  return matches.map((match) => ({
    url: match.record.url,
    title: match.record.title,
    sourceLang: match.record.sourceLang,
    error: match.signature,
    snippet: highlightTokens(match.line.text, match.sharedTokens),
    source: 'signature',
  }));
}

export function textViews(query: string, results: readonly TextResult[]): ResultView[] {
  return rankResults(query, results).map((result) => ({
    url: result.url,
    title: result.title,
    sourceLang: result.sourceLang,
    error: result.error,
    snippet: excerptSegments(result.excerpt),
    source: 'text',
  }));
}

/** The lists in order, each URL once (at its first place). */
export function mergeViews(...lists: readonly (readonly ResultView[])[]): ResultView[] {
  const seen = new Set<string>();
  return lists.flat().filter((view) => !seen.has(view.url) && Boolean(seen.add(view.url)));
}
