/**
 * Tokens of a masked error line: identifiers as written (`certificate_verify_failed`,
 * `_ssl.c`, `tank.errors.tankerror`, `externally-managed-environment`) and their parts, so a
 * paste that writes only part of a dotted name still meets the catalog's copy. Chinese,
 * Japanese and Korean text has no spaces between words, and a user may copy part of a
 * message: runs of those scripts become overlapping pairs of characters, so any part of the
 * run long enough to say something meets the catalog's copy.
 */
import { PLACEHOLDER } from './mask.ts';

const IDENTIFIER = /[\p{L}\p{N}_]+(?:[.:-][\p{L}\p{N}_]+)*/gu;
const PART = /[\p{L}\p{N}_]+/gu;
/** Han, kana and Hangul: scripts written without spaces between words (Korean between phrases). */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/u;
const CJK_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;

function keep(token: string): boolean {
  // One letter says nothing; a number may be an error code (`WinError 5`).
  return token.length > 1 || /\d/.test(token);
}

/**
 * The pairs of characters of a CJK run (the run itself when it is one character).
 * @example cjkPairs('拒否されました') // ['拒否', '否さ', 'され', 'れま', 'まし', 'した']
 */
export function cjkPairs(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  return chars.slice(0, -1).map((char, index) => char + chars[index + 1]);
}

function addToken(tokens: Set<string>, token: string): void {
  if (!CJK_RUN.test(token)) {
    if (keep(token)) tokens.add(token);
    return;
  }
  // Mixed runs (`lumen은`, `エラー123`): the other-script parts as words, the CJK runs as pairs.
  let last = 0;
  for (const match of token.matchAll(CJK_RUNS)) {
    const before = token.slice(last, match.index).replace(/^_+|_+$/g, '');
    if (before && keep(before)) tokens.add(before);
    for (const pair of cjkPairs(match[0])) tokens.add(pair);
    last = match.index + match[0].length;
  }
  const after = token.slice(last).replace(/^_+|_+$/g, '');
  if (after && keep(after)) tokens.add(after);
}

/** Distinct lowercase tokens of a masked line, in first-seen order. */
export function errorTokens(masked: string): string[] {
  const tokens = new Set<string>();
  const text = masked.replace(PLACEHOLDER, ' ').toLowerCase();
  for (const match of text.matchAll(IDENTIFIER)) {
    const token = match[0];
    addToken(tokens, token);
    if (/[.:-]/.test(token)) {
      for (const part of token.matchAll(PART)) addToken(tokens, part[0]);
    }
  }
  return [...tokens];
}

/** Path segments that name a machine's layout rather than the software: they tell no page apart. */
const LAYOUT_WORDS = new Set(['home', 'users', 'user', 'appdata', 'roaming', 'local', 'usr', 'lib', 'opt', 'var', 'tmp', 'temp', 'documents', 'desktop', 'program', 'files', 'site-packages', 'dist-packages', 'python3', 'src', 'www', 'http', 'https', 'com', 'org', 'net']);

/**
 * Tokens of values masked away (`maskLine`'s `values`): the words of a quoted name or a path's
 * folders and file, without drive letters and the usual folders of a machine's layout.
 * @example valueTokens(["'C:\\Users\\kim\\AppData\\Roaming\\Lumen\\cache\\x.db'"]) // ['kim', 'lumen', 'cache', 'x.db', 'x', 'db']
 */
export function valueTokens(values: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const value of values) {
    for (const segment of value.toLowerCase().split(/[\\/\s'"“”‘’,;()=]+/)) {
      if (!segment || /^[a-z]:$/.test(segment) || LAYOUT_WORDS.has(segment)) continue;
      for (const token of errorTokens(segment)) if (!LAYOUT_WORDS.has(token)) tokens.add(token);
    }
  }
  return [...tokens];
}
