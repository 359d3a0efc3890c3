/**
 * The A–Z list: every error message of a locale's catalog, the entries' headings and their
 * `errors:` items, sorted as a book index sorts (leading quotes and brackets do not count)
 * and grouped by initial letter.
 */

export interface AzInput<T> {
  /** The error message as written. */
  readonly message: string;
  /** True for an `errors:` item: the list says which entry it belongs to. */
  readonly isAlias: boolean;
  readonly target: T;
}

export interface AzGroup<T> {
  /** `A`–`Z`, `0–9`, or `#` for anything else (other scripts, symbols). */
  readonly letter: string;
  readonly items: readonly AzInput<T>[];
}

/** The group letters in the order they are listed. */
export const DIGITS_GROUP = '0–9';
export const OTHER_GROUP = '#';

/**
 * The text an index sorts a message by: without leading punctuation such as `[`, `'`, `"`, `(`.
 * @example sortKey('[SSL: CERTIFICATE_VERIFY_FAILED]') === 'SSL: CERTIFICATE_VERIFY_FAILED]'
 */
export function sortKey(message: string): string {
  return message.replace(/^[^\p{L}\p{N}]+/u, '') || message;
}

/**
 * The group a message is listed under.
 * @example azLetter("'npm' is not recognized") === 'N'
 * @example azLetter('0x80070005') === '0–9'
 */
export function azLetter(message: string): string {
  const first = sortKey(message).charAt(0);
  if (/[a-z]/i.test(first)) return first.toUpperCase();
  if (/\d/.test(first)) return DIGITS_GROUP;
  return OTHER_GROUP;
}

/** Groups and sorts messages; `collatorLocale` is the reader's language (BCP-47). */
export function azGroups<T>(inputs: readonly AzInput<T>[], collatorLocale: string): AzGroup<T>[] {
  const collator = new Intl.Collator(collatorLocale, { sensitivity: 'base', numeric: true });
  const sorted = [...inputs].sort((a, b) => collator.compare(sortKey(a.message), sortKey(b.message)) || Number(a.isAlias) - Number(b.isAlias));
  const groups = new Map<string, AzInput<T>[]>();
  for (const input of sorted) {
    const letter = azLetter(input.message);
    let items = groups.get(letter);
    if (!items) groups.set(letter, (items = []));
    items.push(input);
  }
  const rank = (letter: string) => (letter === DIGITS_GROUP ? 0 : letter === OTHER_GROUP ? 2 : 1);
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([letter, items]) => ({ letter, items }));
}
