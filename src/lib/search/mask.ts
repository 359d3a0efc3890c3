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

/**
 * Each rule: what it matches, what replaces it, and whether what it masked is a **value**: a
 * path, URL or quoted name. Values are masked so that another user's path or name does not
 * exclude a page, but kept aside (`maskLine`'s `values`), because a quoted module, template
 * key or cache path is often exactly what tells two pages apart.
 */
const RULES: readonly (readonly [RegExp, string, boolean])[] = [
  // URLs and emails first: they contain paths, hosts and numbers of their own.
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>()]+/gi, '<url>', true],
  [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, '<email>', false],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>', false],
  // Windows paths (C:\x\y, D:/x/y, \\server\share\x) up to a quote, bracket or space-less end.
  [/(?:\b[a-z]:[\\/]|\\\\[\w.$-]+\\)[^\s'"<>|:*?,;()[\]]*(?:[ ][^\s'"<>|:*?,;()[\]\\/]+[\\/][^\s'"<>|:*?,;()[\]]*)*/gi, '<path>', true],
  // POSIX paths with at least two segments, or starting at ~ or ./ ; keeps a trailing :line.
  [/(?:~|\.{1,2})?(?:\/[\w.@%+~-]+){2,}\/?|(?:~|\.{1,2})\/[\w.@%+~-]+/g, '<path>', true],
  // file.ext:123(:45) — keep the file name, which names the failing module (`_ssl.c`).
  [/\b([\w-]+\.[a-z]{1,5}):\d+(?::\d+)?\b/gi, '$1:<n>', false],
  [/\b(line|ln|col|column|pid|tid|id|port|offset|position|pos)([ :=#]+)\d+\b/gi, '$1$2<n>', false],
  // IPv4 with an optional port, before dates: `10.4.2.17` is not the date `4.2.17`.
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>', false],
  // Dates and times of day, with optional fractions and zones.
  [/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[t ]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:z|[+-]\d{2}:?\d{2})?)?\b/gi, '<date>', false],
  [/\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g, '<date>', false],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, '<time>', false],
  // The IPv6 "any"/loopback forms seen in socket errors.
  [/(?:\[::1?\]|::1?)(?::\d+)?(?![\w:])/g, '<ip>', false],
  [/\blocalhost:\d+\b/gi, 'localhost:<n>', false],
  // Failure codes such as 0x80070005 or 0xC0000005 are the error's name; other hex is data.
  [/\b0x(?![89a-f][0-9a-f]{7}\b)[0-9a-f]+\b/gi, '<hex>', false],
  // Bare hex of 8 or more digits with letters and digits both (`7f3a9c01`, commit hashes).
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<hash>', false],
  [/\b\d+(?:\.\d+)?\s?(?:ms|us|µs|ns|sec|secs|seconds|s|min|mins|minutes|h|hours)\b/gi, '<duration>', false],
  [/\bv?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?\b/g, '<version>', false],
  // Ids made of a word and numbers (`job_20251104_0042`, `req-88121`): the word stays.
  [/\b([a-z]+)[_-](?=[\w-]*\d{5})[\w-]*\d[\w-]*/gi, '$1 <id>', false],
  // Counters and numbered fields (`Pending:3`, `retries=5`).
  [/\b([a-z][\w]*)([:=])\d+\b/gi, '$1$2<n>', false],
  [/\b\d{6,}\b/g, '<n>', false],
  // A method of the user's own class, as Python names it in a TypeError (`PublishNukeRender.execute()`).
  [/\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+\.\w+\(\)/g, '<call>', true],
  // Quoted values: a name the user chose ('requests', 'terraform'). A quote inside a word is
  // an apostrophe (can't), not an opening quote. Quoted error codes ('ERR_X', 'EACCES') stay.
  // A quoted sentence of three words or more is a message (`OSError('Tunnel connection failed:
  // 407 Proxy Authentication Required')`), not a name: it stays.
  [/(?<![\p{L}\p{N}])'(?![A-Z][A-Z0-9_]{3,}')(?![^'\n]*? [^'\n]*? [^'\n]*?')[^'\n]{1,200}?'(?![\p{L}\p{N}])/gu, "'<v>'", true],
  [/"(?![A-Z][A-Z0-9_]{3,}")(?![^"\n]*? [^"\n]*? [^"\n]*?")[^"\n]{1,200}?"/g, '"<v>"', true],
  [/[‘“](?![^’”\n]*? [^’”\n]*? [^’”\n]*?[’”])[^’”\n]{1,200}?[’”]/g, '"<v>"', true],
];

/**
 * @example maskVariableParts("File \"/home/ana/x.py\", line 3") === 'File "<v>", line <n>'
 * @example maskVariableParts('certificate verify failed (_ssl.c:726)') === 'certificate verify failed (_ssl.c:<n>)'
 */
export function maskVariableParts(line: string): string {
  return maskLine(line).masked;
}

export interface MaskedLine {
  /** The line with its variable parts replaced by placeholders. */
  readonly masked: string;
  /** The values masked away — paths, URLs, quoted names — as written, placeholders inside them removed. */
  readonly values: readonly string[];
}

/**
 * Work done, as characters read: each pass of a pattern over a text adds the text's length.
 * Tests bound it in the size of the input, where a bound on time would depend on the machine.
 */
export interface WorkCount {
  characters: number;
}

/**
 * `work`, when given, counts the characters each rule reads.
 * @example maskLine("No module named 'yaml'") // { masked: "No module named '<v>'", values: ["'yaml'"] }
 */
export function maskLine(line: string, work?: WorkCount): MaskedLine {
  let masked = line;
  const values: string[] = [];
  for (const [pattern, replacement, isValue] of RULES) {
    if (work) work.characters += masked.length;
    if (!isValue) {
      masked = masked.replace(pattern, replacement);
      continue;
    }
    masked = masked.replace(pattern, (match) => {
      const value = match.replace(PLACEHOLDER, ' ').trim();
      if (/[\p{L}\p{N}]/u.test(value)) values.push(value);
      return replacement;
    });
  }
  return { masked: masked.replace(/\s+/g, ' ').trim(), values };
}
