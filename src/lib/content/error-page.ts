/**
 * Whether a page is an error page, from what people write, not from one house style: an H1
 * that is an error message (as code, as plain text or mixed), a title that names an error, or
 * an error message in a code block that opens the page. Real trees write `# PipelineError:
 * Could not resolve the template` without backticks, translate the message in the H1 and keep
 * it in English in the code blocks, or write `# ModuleNotFoundError` and put the message below.
 */
import { extractErrorLines, hasFailureWords } from '../search/normalise-paste.ts';

/** An exception or error name: `PipelineError`, `urllib.error.URLError`, `java.io.IOException`. */
const ERROR_NAME = /(?:^|[\s`'"([<])[\w.$]*[a-z0-9](?:Error|Exception|Fault)\b/;
/** Markers that only error output carries. */
const ERROR_MARKERS: readonly RegExp[] = [
  /\[(?:ERROR|FATAL|CRITICAL|SEVERE)\b/, // `[ERROR]`, `[ERROR publish_step]`
  /(?:^|\s)(?:ERROR|FATAL|PANIC|CRITICAL):/, // `FATAL:  remaining connection slots ...`
  /^(?:error|fatal|panic)(?:\[[\w-]+\])?:\s/i, // git `fatal:`, rustc `error[E0277]:`
  /\b(?:Errno|WinError)\s*-?\d+/i,
  /\b0x[89a-f][0-9a-f]{7}\b/i, // HRESULT failure codes
  // Codes in capitals that name a failure (CERTIFICATE_VERIFY_FAILED, ERR_MODULE_NOT_FOUND), not
  // settings (LUMEN_PYTHONPATH), and errno names (EACCES).
  /\b[A-Z][A-Z0-9]*_(?:[A-Z0-9]+_)*(?:FAILED|FAILURE|ERROR|DENIED|INVALID|NOT_FOUND|MISSING|TIMEOUT|TIMED_OUT|REFUSED|UNAVAILABLE|FORBIDDEN|EXPIRED|MISMATCH|UNKNOWN|EXCEEDED|CORRUPT)[A-Z0-9_]*\b|\bE[A-Z]{3,}\b/,
  /\b[45]\d\d (?:[A-Z][a-z]+(?: |$)){1,4}/, // HTTP failures: 407 Proxy Authentication Required
  /\[[A-Z][A-Z0-9]*:\s*[A-Z][A-Z0-9]*_[A-Z0-9_]+\]/, // OpenSSL's `[SSL: WRONG_VERSION_NUMBER]`
  /\b[A-Z]{2,5}-\d{3,5}\b/, // product error codes: LS-221, LMN-4031
  /\bis not recognized as (?:an internal or external command|the name of a cmdlet)/i,
  /:\s*command not found\b/i,
  /^Traceback \(most recent call last\)/m,
];
/** Words that say a heading is about an error or a failure, in the languages errata ships. */
const FAILURE_WORDS = /\b(?:errors?|fail(?:s|ed|ure)?|crash(?:es|ed)?|exceptions?)\b|エラー|失敗|오류|에러|실패|错误|錯誤|失败|报错/i;

/**
 * True when `text` reads as an error message rather than a page title: it names an exception
 * or carries an error marker, or it is a failure sentence with the shape of a message (a
 * `name: message` colon, or quoted values).
 * @example looksLikeErrorMessage('PipelineError: Could not resolve the template') === true
 * @example looksLikeErrorMessage('Installing the Maya plugin') === false
 */
export function looksLikeErrorMessage(text: string): boolean {
  const line = text.trim();
  if (!line) return false;
  if (ERROR_NAME.test(line) || ERROR_MARKERS.some((marker) => marker.test(line))) return true;
  return hasFailureWords(line) && /^[^:]{2,60}:\s\S|'[^']+'|"[^"]+"/.test(line) && !/\?$/.test(line);
}

/** What the recognition reads of a page. */
export interface ErrorPageEvidence {
  /** The H1's text (undefined without an H1). */
  readonly heading: string | undefined;
  readonly title: string;
  /** The first code block, when it opens the page (see `openingCodeBlock`). */
  readonly openingCode: string | undefined;
  /** Every code block of the page. */
  readonly codeBlocks: readonly string[];
  /** The page's path under `content/`, `/`-separated. */
  readonly contentPath: string;
}

/** A log level that says a line is an error, as a word or a column of its own (`Level: Error`, `… Error  0x0 …`). */
const ERROR_LEVEL = /\b(?:Error|ERROR|Fault|FAULT|Fatal|FATAL|Critical|CRITICAL|SEVERE)\b/;

/** True when a code block shows error output: an error line that is an error message, or logged as an error. */
function showsError(code: string): boolean {
  const raw = code.split(/\r\n?|\n/);
  return extractErrorLines(code).some((line) => line.primary && (looksLikeErrorMessage(line.text) || ERROR_LEVEL.test(raw[line.index] ?? '')));
}

/**
 * True when the page is in one of `entryFolders` (relative to `content/` or to its language's
 * folder, which is the path's first segment).
 * @example inEntryFolder('ko/troubleshooting/a.md', ['troubleshooting']) === true
 */
export function inEntryFolder(contentPath: string, entryFolders: readonly string[]): boolean {
  const withoutLocale = contentPath.split('/').slice(1).join('/');
  return entryFolders.some((folder) => contentPath.startsWith(`${folder}/`) || withoutLocale.startsWith(`${folder}/`));
}

/** Share of the H1's words that a log line must have for the H1 to quote it. */
const QUOTED_SHARE = 0.8;

/**
 * True when the H1 quotes a line of the page's logs (`# [nodes] Lost heartbeat from agent at
 * 10.4.2.17:5544` above the server log that prints it): a log message is what the page is about.
 */
function quotesLogLine(heading: string, codeBlocks: readonly string[]): boolean {
  const own = extractErrorLines(heading)[0];
  if (!own) return false;
  const masked = own.masked.toLowerCase();
  return codeBlocks.some((block) =>
    extractErrorLines(block).some((line) =>
      // A short H1 must be a whole line of the log (`# 7f3a9c01 Quarantined`); a longer one most of one.
      own.tokens.length < 3 ? line.masked.toLowerCase() === masked : own.tokens.filter((token) => line.tokens.includes(token)).length >= own.tokens.length * QUOTED_SHARE,
    ),
  );
}

/**
 * Is the page an error page? Its H1 or title reads as an error message, its H1 quotes a line of
 * its logs, or its H1 speaks of an error (or is short) and the code block that opens the page
 * shows one.
 */
export function looksLikeErrorPage(evidence: ErrorPageEvidence): boolean {
  const { heading, title, openingCode } = evidence;
  if (heading !== undefined && looksLikeErrorMessage(heading)) return true;
  if (looksLikeErrorMessage(title)) return true;
  if (heading !== undefined && quotesLogLine(heading, evidence.codeBlocks)) return true;
  if (openingCode === undefined || !showsError(openingCode)) return false;
  return FAILURE_WORDS.test(`${heading ?? ''} ${title}`) || (heading ?? title).length <= 60;
}
