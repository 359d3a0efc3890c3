/**
 * The words around an error: loggers (`[ERROR publish_step]`), frames' modules and files
 * (`lumen/publish/upload.py`), tools, hosts and the other lines of a log. Two pages that share
 * an error line are told apart by them, on the page's side (its example logs) and the paste's.
 * Values masked out of error lines count here: a frame's path names the module that failed.
 */
import { maskLine } from './mask.ts';
import { errorTokens, valueTokens } from './tokens.ts';

/** Bounds that keep any text cheap: the first lines of a log carry its context. */
const MAX_LINES = 200;
const MAX_LINE_CHARS = 400;

/**
 * Distinct tokens of every line of `text`: its words and the words of its paths and quoted
 * names, numbers left out.
 * @example contextTokens('File "/srv/lumen/publish/upload.py", line 8\n[ERROR publish_step] x') // [..., 'publish', 'upload.py', ..., 'publish_step', ...]
 */
export function contextTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const line of text.split(/\r\n?|\n/, MAX_LINES)) {
    const { masked, values } = maskLine(line.slice(0, MAX_LINE_CHARS));
    for (const token of [...errorTokens(masked), ...valueTokens(values)]) if (!/^\d+$/.test(token)) tokens.add(token);
  }
  return [...tokens];
}

/**
 * Tokens of the values (paths, quoted names) in every line of `text`, frames included: what a
 * paste names, against what names a page (`SignatureRecord.values`).
 * @example pasteValues("File \"/srv/lumen/cache/a.py\", line 1\nKeyError: 'shot'") // ['srv', 'lumen', 'cache', 'a.py', 'a', 'py', 'shot']
 */
export function pasteValues(text: string): string[] {
  const values = new Set<string>();
  for (const line of text.split(/\r\n?|\n/, MAX_LINES)) for (const token of valueTokens(maskLine(line.slice(0, MAX_LINE_CHARS)).values)) values.add(token);
  return [...values];
}
