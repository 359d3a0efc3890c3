/**
 * A pagename for a new entry, read from its error message. Pagenames are permanent URLs, so the
 * suggestion keeps what names the error — its words, its exception, its code — and drops what
 * differs from one machine to the next (paths, quoted names, ids, counters), masked by the same
 * rules search uses (`search/mask.ts`). Every function here is pure.
 */
import { createHash } from 'node:crypto';
import { maskLine, PLACEHOLDER } from '../search/mask.ts';
import { PAGENAME_PATTERN, RESERVED_PAGENAMES } from '../validation/front-matter-schema.ts';

/** A suggestion is at most this long, cut at a word; a suffix (`-2`) may follow it. */
export const MAX_SUGGESTION_LENGTH = 60;
/** And at most this many words. */
export const MAX_SUGGESTION_WORDS = 8;

/** Words that name nothing. */
const ARTICLES = new Set(['a', 'an', 'the']);
/** Words a suggestion does not end on: a name cut at its bound should not end mid-phrase. */
const DANGLING = new Set(['at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'and', 'to', 'while', 'with']);
/** A number right after one of these is the error's code (`Errno 13`, `error 1045`): it stays. */
const CODE_WORDS = new Set(['errno', 'error', 'err', 'code', 'exit', 'status', 'ora', 'ls']);
/** Numbers kept after a code word are short; longer ones are ids or counters. */
const CODE_NUMBER = /^\d{1,5}$/;

/**
 * The words of an error message that can make a URL: ASCII, lowercase, exception names split
 * at their capitals, variable parts dropped.
 * @example pagenameWords("ModuleNotFoundError: No module named 'requests'") // ['module', 'not', 'found', 'error', 'no', 'module', 'named']
 */
export function pagenameWords(message: string): string[] {
  const masked = maskLine(message).masked.replace(PLACEHOLDER, ' ');
  const ascii = masked
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    // Exception and class names: `ModuleNotFoundError` → `Module Not Found Error`, `HTTPError` → `HTTP Error`.
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  const tokens = ascii.split(/[^a-z0-9]+/).filter(Boolean);
  const words: string[] = [];
  for (const [index, token] of tokens.entries()) {
    if (ARTICLES.has(token)) continue;
    if (/^\d+$/.test(token)) {
      const previous = tokens[index - 1];
      if (previous !== undefined && CODE_WORDS.has(previous) && CODE_NUMBER.test(token)) words.push(token);
      continue;
    }
    // One-letter words name nothing; a word twice in a row is a module and its class (`ssl.SSLError`).
    if (token.length === 1 || token === words.at(-1)) continue;
    words.push(token);
  }
  return words;
}

/**
 * The suggested pagename for an error message: its meaningful words, hyphenated, bounded in
 * length; a message with no ASCII word (written in Japanese, say) gets `error-` and a short hash
 * of the message, which is stable for the same message.
 * @example suggestPagenameFromMessage("ModuleNotFoundError: No module named 'requests'") === 'module-not-found-error-no-module-named'
 * @example suggestPagenameFromMessage('[Errno 13] Permission denied: \'/var/cache/x\'') === 'errno-13-permission-denied'
 * @example suggestPagenameFromMessage('ファイルが見つかりません') === 'error-' + 8 hex digits
 */
export function suggestPagenameFromMessage(message: string): string {
  const words = pagenameWords(message);
  let name = '';
  for (const word of words.slice(0, MAX_SUGGESTION_WORDS)) {
    const next = name ? `${name}-${word}` : word;
    if (next.length > MAX_SUGGESTION_LENGTH) break;
    name = next;
  }
  while (name.includes('-') && DANGLING.has(name.slice(name.lastIndexOf('-') + 1))) name = name.slice(0, name.lastIndexOf('-'));
  // A single word longer than the bound (a run-together identifier) is cut rather than lost.
  if (!name && words[0]) name = words[0].slice(0, MAX_SUGGESTION_LENGTH);
  if (!name) name = `error-${createHash('sha256').update(message.trim()).digest('hex').slice(0, 8)}`;
  if (RESERVED_PAGENAMES.includes(name)) name = `${name}-error`;
  return PAGENAME_PATTERN.test(name) ? name : `error-${name}`;
}

/**
 * The first of `base`, `base-2`, `base-3`, … that is not taken.
 * @example freePagename('x', (name) => name === 'x') === 'x-2'
 */
export function freePagename(base: string, isTaken: (name: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const name = `${base}-${suffix}`;
    if (!isTaken(name)) return name;
  }
}

/** Why a pagename written by hand cannot be used, or undefined when it can. */
export function pagenameProblem(name: string): string | undefined {
  if (!PAGENAME_PATTERN.test(name)) {
    return `"${name}" is not a valid pagename: use lowercase letters, digits, ".", "_" and "-" only, starting with a letter or digit.`;
  }
  if (RESERVED_PAGENAMES.includes(name)) {
    return `The pagename "${name}" is reserved for the site's own pages (${RESERVED_PAGENAMES.join(', ')}). Choose another.`;
  }
  return undefined;
}
