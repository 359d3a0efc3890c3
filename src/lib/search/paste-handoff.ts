/**
 * A traceback pasted into the header's one-line search box would lose its line breaks (a
 * text input drops them). The paste is handed to the search page whole instead: in the URL
 * when it fits, else through session storage with `#paste` in the URL.
 */

/** Longest query kept in a URL as written. */
export const URL_QUERY_LIMIT = 2000;
export const PASTE_STORAGE_KEY = 'errata:paste';
export const PASTE_HASH = '#paste';

/** True when a paste into a one-line box would lose lines. */
export function isMultiLinePaste(text: string): boolean {
  return /\n\s*\S/.test(text.trim());
}

/**
 * Where to send the paste: the search page with `?q=`, or with `#paste` when the text must
 * travel through storage (`stored` is then the text to store).
 * @example handoff('/en/search/', 'a\nb') // { url: '/en/search/?q=a%0Ab', stored: undefined }
 */
export function handoff(searchPath: string, text: string): { url: string; stored: string | undefined } {
  if (text.length <= URL_QUERY_LIMIT) return { url: `${searchPath}?${new URLSearchParams({ q: text })}`, stored: undefined };
  return { url: `${searchPath}${PASTE_HASH}`, stored: text };
}
