/**
 * Related entries: the few entries that share distinctive words of their error messages
 * (`EACCES`, `CERTIFICATE_VERIFY_FAILED`, `ModuleNotFoundError`) with an entry, then, to fill
 * the list, its neighbours in the same category. Lists are bounded, so a page's size does not
 * grow with the catalog; the index is built once per build, through an inverted index, so the
 * work grows with the number of shared words rather than with the square of the catalog.
 */

/** What the index needs to know about an entry (any translation: error messages are not translated). */
export interface RelatedInput {
  readonly pagename: string;
  readonly category: string | undefined;
  /** The error heading and the `errors:` items. */
  readonly messages: readonly string[];
}

export interface RelatedOptions {
  /** How many related entries an entry lists. */
  readonly limit: number;
  /**
   * Words found in more than this share of the entries ("error", "permission") say nothing
   * about kinship and are ignored; they would also make the candidate lists huge.
   */
  readonly maxShare: number;
}

export const DEFAULT_RELATED_OPTIONS: RelatedOptions = { limit: 5, maxShare: 0.15 };

/** However large the catalog, a word shared by more entries than this is not distinctive. */
const MAX_POSTINGS = 500;

/** Words too common in error messages to relate two entries, in any catalog size. */
const STOP_WORDS = new Set(['the', 'and', 'for', 'not', 'error', 'errors', 'failed', 'cannot', 'could', 'with', 'from', 'this', 'that', 'was', 'are', 'has', 'have', 'named', 'found', 'unable', 'invalid', 'file', 'line']);

/**
 * The distinctive words of an error message, lowercased: runs of letters, digits and `_`
 * (`_` keeps `CERTIFICATE_VERIFY_FAILED` whole), at least three characters long, or containing
 * a digit (`0x80070005`, `e0277`). Common words are dropped.
 * @example errorTokens("[Errno 13] Permission denied: '/usr/lib'") // ['errno', '13', 'permission', 'denied', 'usr', 'lib']
 */
export function errorTokens(message: string): string[] {
  const words = message.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  return [...new Set(words.filter((word) => (word.length >= 3 || /\d/.test(word)) && !STOP_WORDS.has(word)))];
}

/** Each entry's related entries, by page name. */
export interface RelatedIndex {
  /** The page names of the entry's related entries, best first; undefined for an unknown entry. */
  get(pagename: string): readonly string[] | undefined;
}

/**
 * The related entries of every entry. A list is worked out when first asked for: a rebuild
 * asks for the few entries it renders again.
 */
export function relatedEntries(entries: readonly RelatedInput[], options: RelatedOptions = DEFAULT_RELATED_OPTIONS): RelatedIndex {
  const tokensOf = new Map(entries.map((entry) => [entry.pagename, new Set(entry.messages.flatMap(errorTokens))]));
  const postings = new Map<string, string[]>();
  for (const [pagename, tokens] of tokensOf) {
    for (const token of tokens) {
      let list = postings.get(token);
      if (!list) postings.set(token, (list = []));
      list.push(pagename);
    }
  }
  const maxPostings = Math.min(MAX_POSTINGS, Math.max(2, Math.floor(entries.length * options.maxShare)));
  // A rarer shared word says more: weight each word by its inverse document frequency.
  const weight = (token: string) => Math.log((entries.length + 1) / (postings.get(token)?.length ?? 1));

  const byCategory = new Map<string | undefined, string[]>();
  for (const entry of [...entries].sort((a, b) => a.pagename.localeCompare(b.pagename))) {
    let list = byCategory.get(entry.category);
    if (!list) byCategory.set(entry.category, (list = []));
    list.push(entry.pagename);
  }
  const entryOf = new Map(entries.map((entry) => [entry.pagename, entry]));

  const rank = (entry: RelatedInput): string[] => {
    const scores = new Map<string, number>();
    for (const token of tokensOf.get(entry.pagename) ?? []) {
      const sharing = postings.get(token) ?? [];
      if (sharing.length > maxPostings) continue;
      for (const other of sharing) {
        if (other !== entry.pagename) scores.set(other, (scores.get(other) ?? 0) + weight(token));
      }
    }
    const best: [string, number][] = [];
    for (const [other, score] of scores) {
      const total = entry.category !== undefined && entryOf.get(other)?.category === entry.category ? score + 1 : score;
      keepBest(best, [other, total], options.limit);
    }
    const ranked = best.map(([pagename]) => pagename);
    // Fill up with the entries that follow it in its category (wrapping around), a stable
    // choice; entries without a category are listed together ("Other") and fill from each other.
    if (ranked.length < options.limit) {
      const siblings = byCategory.get(entry.category) ?? [];
      const start = siblings.indexOf(entry.pagename);
      for (let step = 1; step < siblings.length && ranked.length < options.limit; step += 1) {
        const sibling = siblings[(start + step) % siblings.length];
        if (sibling !== undefined && !ranked.includes(sibling)) ranked.push(sibling);
      }
    }
    return ranked;
  };

  const related = new Map<string, string[]>();
  return {
    get(pagename) {
      let list = related.get(pagename);
      const entry = list ? undefined : entryOf.get(pagename);
      if (entry) related.set(pagename, (list = rank(entry)));
      return list;
    },
  };
}

/** Best first: the higher score, then the page name in alphabetical order. */
const byRank = (a: readonly [string, number], b: readonly [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);

/**
 * Adds `candidate` to `best` (kept sorted, at most `limit` long) if it ranks among the best:
 * an entry can share words with thousands of others, and only the first few are kept.
 */
function keepBest(best: [string, number][], candidate: [string, number], limit: number): void {
  const worst = best[limit - 1];
  if (worst && byRank(candidate, worst) >= 0) return;
  let index = best.length;
  while (index > 0 && byRank(candidate, best[index - 1] as [string, number]) < 0) index--;
  best.splice(index, 0, candidate);
  if (best.length > limit) best.pop();
}
