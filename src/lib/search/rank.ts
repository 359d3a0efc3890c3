/**
 * Re-ranks Pagefind's results for error messages: an entry whose error heading (or one of
 * its `errors:`) is the query comes first, then entries whose error contains the query or
 * is contained in it, then Pagefind's own order. Pure, shared by the page and tests.
 */

export interface RankableResult {
  /** The entry's error heading. */
  readonly error: string;
  /** Other error messages the entry covers. */
  readonly errors: readonly string[];
}

/**
 * Folds what differs between a pasted error and the catalog's copy: case, runs of
 * whitespace, curly quotes, and backticks or quotes around the whole message.
 * @example normaliseErrorText(' `Error:  “x”` ') === 'error: "x"'
 */
export function normaliseErrorText(text: string): string {
  let folded = text
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  // Only a matching pair is a wrapper; a lone quote at the end belongs to the message.
  while (folded.length >= 2 && /^[`"']/.test(folded) && folded.at(-1) === folded[0]) folded = folded.slice(1, -1).trim();
  return folded.toLowerCase();
}

/** 3: the query is one of the entry's errors; 2: one contains the other; 0: otherwise. */
export function matchTier(query: string, result: RankableResult): number {
  const normalisedQuery = normaliseErrorText(query);
  if (!normalisedQuery) return 0;
  const candidates = [result.error, ...result.errors].map(normaliseErrorText).filter(Boolean);
  if (candidates.includes(normalisedQuery)) return 3;
  const minimumOverlap = 8;
  if (
    candidates.some(
      (candidate) =>
        (normalisedQuery.length >= minimumOverlap && candidate.includes(normalisedQuery)) ||
        (candidate.length >= minimumOverlap && normalisedQuery.includes(candidate)),
    )
  ) {
    return 2;
  }
  return 0;
}

/** Stable: results of one tier keep Pagefind's order. */
export function rankResults<T extends RankableResult>(query: string, results: readonly T[]): T[] {
  return results
    .map((result, index) => ({ result, index, tier: matchTier(query, result) }))
    .sort((a, b) => b.tier - a.tier || a.index - b.index)
    .map(({ result }) => result);
}
