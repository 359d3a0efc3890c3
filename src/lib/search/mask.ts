/**
 * Masks the parts of an error line that differ from one machine to the next — paths, line
 * numbers, ids, addresses, hashes, dates, times, durations, hosts, versions and quoted
 * values — so that one user's paste and the catalog's copy of an error look the same.
 * After Sentry's message grouping (which masks ids, hex, uuids, hashes, dates, times,
 * durations, ips, urls, emails and numbers), plus paths and line numbers, which matter most
 * in pasted tracebacks. Every pattern is linear: no nested quantifiers over the same text.
 */

/** Placeholders are written as `<name>`; the tokenizer skips them. */
export const PLACEHOLDER = /<[a-z]+>/g;

const RULES: readonly (readonly [RegExp, string])[] = [
  // URLs and emails first: they contain paths, hosts and numbers of their own.
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>()]+/gi, '<url>'],
  [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, '<email>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  // Windows paths (C:\x\y, D:/x/y, \\server\share\x) up to a quote, bracket or space-less end.
  [/(?:\b[a-z]:[\\/]|\\\\[\w.$-]+\\)[^\s'"<>|:*?,;()[\]]*(?:[ ][^\s'"<>|:*?,;()[\]\\/]+[\\/][^\s'"<>|:*?,;()[\]]*)*/gi, '<path>'],
  // POSIX paths with at least two segments, or starting at ~ or ./ ; keeps a trailing :line.
  [/(?:~|\.{1,2})?(?:\/[\w.@%+~-]+){2,}\/?|(?:~|\.{1,2})\/[\w.@%+~-]+/g, '<path>'],
  // file.ext:123(:45) — keep the file name, which names the failing module (`_ssl.c`).
  [/\b([\w-]+\.[a-z]{1,5}):\d+(?::\d+)?\b/gi, '$1:<n>'],
  [/\b(line|ln|col|column|pid|tid|id|port|offset|position|pos)([ :=#]+)\d+\b/gi, '$1$2<n>'],
  // Dates and times of day, with optional fractions and zones.
  [/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[t ]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:z|[+-]\d{2}:?\d{2})?)?\b/gi, '<date>'],
  [/\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g, '<date>'],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, '<time>'],
  // IPv4 with an optional port, and the IPv6 "any"/loopback forms seen in socket errors.
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>'],
  [/(?:\[::1?\]|::1?)(?::\d+)?(?![\w:])/g, '<ip>'],
  [/\blocalhost:\d+\b/gi, 'localhost:<n>'],
  // Failure codes such as 0x80070005 or 0xC0000005 are the error's name; other hex is data.
  [/\b0x(?![89a-f][0-9a-f]{7}\b)[0-9a-f]+\b/gi, '<hex>'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b/gi, '<hash>'],
  [/\b\d+(?:\.\d+)?\s?(?:ms|us|µs|ns|sec|secs|seconds|s|min|mins|minutes|h|hours)\b/gi, '<duration>'],
  [/\bv?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?\b/g, '<version>'],
  [/\b\d{6,}\b/g, '<n>'],
  // Quoted values: a name the user chose ('requests', 'terraform'). A quote inside a word is
  // an apostrophe (can't), not an opening quote. Quoted error codes ('ERR_X', 'EACCES') stay.
  [/(?<![\p{L}\p{N}])'(?![A-Z][A-Z0-9_]{3,}')[^'\n]{1,200}?'(?![\p{L}\p{N}])/gu, "'<v>'"],
  [/"(?![A-Z][A-Z0-9_]{3,}")[^"\n]{1,200}?"/g, '"<v>"'],
  [/[‘“][^’”\n]{1,200}?[’”]/g, '"<v>"'],
];

/**
 * @example maskVariableParts("File \"/home/ana/x.py\", line 3") === 'File "<v>", line <n>'
 * @example maskVariableParts('certificate verify failed (_ssl.c:726)') === 'certificate verify failed (_ssl.c:<n>)'
 */
export function maskVariableParts(line: string): string {
  let masked = line;
  for (const [pattern, replacement] of RULES) masked = masked.replace(pattern, replacement);
  return masked.replace(/\s+/g, ' ').trim();
}
