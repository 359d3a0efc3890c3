/**
 * What the paste index holds of one page: its error lines, strongest first, the values that
 * name it, and the context of its example logs. A page is found by the errors it shows, whether
 * or not the catalog lists it; a translation is also found by its original's errors (its
 * English H1 and code), since users paste the English message whatever their language.
 */
import { looksLikeErrorMessage } from '../content/error-page.ts';
import type { CodeText } from '../markdown/code-text.ts';
import { contextTokens } from './context-tokens.ts';
import { maskLine } from './mask.ts';
import { extractErrorLines, type ErrorLine } from './normalise-paste.ts';
import type { SignatureInput } from './signature-index.ts';
import { valueTokens } from './tokens.ts';

/** What the index reads of a page. */
export interface PageText {
  readonly kind: 'entry' | 'page';
  readonly title: string;
  /** The H1's text (the title when there is none). */
  readonly heading: string;
  readonly errors: readonly string[];
  readonly code: CodeText;
}

/** Lines of a page's code kept as its error lines: enough for its examples, few enough to fetch. */
const MAX_CODE_LINES = 12;
/** Lines of the page's own error, its full forms in the code included. */
const MAX_OWN_LINES = 24;
/** A code line that has this share of the H1's tokens is the H1's message in full. */
const FULL_FORM_SHARE = 0.6;

interface Lines {
  readonly strong: string[];
  readonly weak: string[];
}

/** The page's own error as written: H1, title when it names an error, `errors:`. */
function ownErrors(page: PageText): string[] {
  const own = page.kind === 'entry' ? [page.heading] : looksLikeErrorMessage(page.heading) ? [page.heading] : [];
  if (page.title !== page.heading && looksLikeErrorMessage(page.title)) own.push(page.title);
  return [...own, ...page.errors];
}

/** Inline code shorter than this many words is a name (`LUMEN_HOME`), not a message. */
const INLINE_MESSAGE_TOKENS = 3;

/** The lines of each code block, then the inline code that reads as a message, as one more block. */
function codeLines(code: CodeText): ErrorLine[][] {
  const inline = code.inline.filter(looksLikeErrorMessage).flatMap((text) => extractErrorLines(text).filter((line) => line.tokens.length >= INLINE_MESSAGE_TOKENS));
  return [...code.blocks.map((block) => extractErrorLines(block)), inline];
}

function readLines(page: PageText): Lines {
  const strong = ownErrors(page);
  const strongTokens = strong.flatMap((text) => extractErrorLines(text)).map((line) => new Set(line.tokens));
  const blocks = codeLines(page.code);
  const weak: string[] = [];
  for (const line of blocks.flat()) {
    // The code often prints the H1's message in full (the H1 keeps the first clause).
    const fullForm = strongTokens.some((tokens) => tokens.size > 0 && [...tokens].filter((token) => line.tokens.includes(token)).length >= tokens.size * FULL_FORM_SHARE);
    if (fullForm && page.kind === 'entry') strong.push(line.text);
    else if (line.primary) weak.push(line.text);
  }
  // An entry whose H1 and title do not read as the error (`# The hook fails when publishing`):
  // the error its first example shows is its own.
  const firstShown = blocks.map((lines) => lines.filter((line) => line.primary)).find((lines) => lines.length > 0);
  if (page.kind === 'entry' && firstShown && !strong.some(looksLikeErrorMessage)) strong.push(...firstShown.slice(-2).map((line) => line.text));
  if (page.kind === 'page' && strong.length === 0) weak.unshift(page.heading);
  return { strong, weak };
}

/**
 * Lines and context of a page, worked out once per page: a page in the default language is read
 * again as the original of each of its translations, in every language's index.
 */
const linesCache = new WeakMap<PageText, Lines>();
function pageLines(page: PageText): Lines {
  let lines = linesCache.get(page);
  if (!lines) linesCache.set(page, (lines = readLines(page)));
  return lines;
}
const contextCache = new WeakMap<PageText, readonly string[]>();
function pageContext(page: PageText): readonly string[] {
  let context = contextCache.get(page);
  if (!context) contextCache.set(page, (context = [...new Set([...page.code.blocks, ...page.code.inline].flatMap(contextTokens))]));
  return context;
}

/** Each line once (by its masked form), strong before weak, at most `MAX_CODE_LINES` weak ones. */
function dedupe(strong: readonly string[], weak: readonly string[]): { signatures: string[]; strong: number } {
  const seen = new Set<string>();
  const keep = (text: string) => {
    const key = maskLine(text).masked.toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const strongKept = strong.filter(keep).slice(0, MAX_OWN_LINES);
  const weakKept = weak.filter(keep).slice(0, MAX_CODE_LINES);
  return { signatures: [...strongKept, ...weakKept], strong: strongKept.length };
}

/**
 * The page's record for the paste index, shown at `url`. `original` is the page in the default
 * language when `page` is a translation of it.
 */
export function pageSignatures(url: string, page: PageText, sourceLang: string, original?: PageText): SignatureInput {
  const own = pageLines(page);
  const inherited = original ? pageLines(original) : { strong: [], weak: [] };
  const { signatures, strong } = dedupe([...own.strong, ...inherited.strong], [...own.weak, ...inherited.weak]);
  const named = [page, ...(original ? [original] : [])].flatMap((text) => ownErrors(text));
  const values = [...new Set(named.flatMap((text) => valueTokens(maskLine(text).values)))];
  const context = original ? [...new Set([...pageContext(page), ...pageContext(original)])] : pageContext(page);
  return {
    url,
    title: page.title,
    sourceLang,
    signatures,
    strong,
    ...(values.length > 0 ? { values } : {}),
    ...(context.length > 0 ? { context } : {}),
  };
}
