/**
 * Pasted text → the lines that carry the error, with variable parts masked. Knows the common
 * shapes — Python tracebacks (2 and 3, chained), Java/Kotlin stack traces with `Caused by:`,
 * Node stacks, .NET exceptions with inner `--->` chains, Go panics, `LEVEL source: message`
 * log lines, shell prompts — and drops stack frames, prompts and noise. Never throws; the
 * work is bounded, so a megabyte of anything stays fast: `extractErrorLines` counts the
 * characters it reads (`WorkCount`), and tests bound that count; `bench/normalise-paste.ts` times it.
 */
import { maskLine, type WorkCount } from './mask.ts';
import { errorTokens, valueTokens } from './tokens.ts';

export interface ErrorLine {
  /** 0-based line number in the paste, for showing which line matched. */
  readonly index: number;
  /** The line as pasted, prefixes (timestamps, levels, "Caused by:") removed, trimmed. */
  readonly text: string;
  readonly masked: string;
  readonly tokens: readonly string[];
  /** Tokens of the paths and quoted names masked away (see `maskLine`). */
  readonly values: readonly string[];
  /** True when the line looks like an error message rather than other output. */
  readonly primary: boolean;
}

/** Bounds that keep any paste cheap: the head and tail of a long log carry its errors. */
export const LIMITS = {
  headChars: 24_000,
  tailChars: 40_000,
  lineChars: 1_000,
  maxLines: 400,
  /** Error lines kept for matching, primary lines first. */
  maxErrorLines: 40,
} as const;

/** Multi-line or long input is a paste; a short single line is typed. */
export function isPaste(text: string): boolean {
  return /\n\s*\S/.test(text.trim()) || text.trim().length > 160;
}

/** Frames, markers and other lines that never carry the message. */
const NOISE: readonly RegExp[] = [
  /^traceback \(most recent call last\):?$/i,
  /^during handling of the above exception, another exception occurred:?$/i,
  /^the above exception was the direct cause of the following exception:?$/i,
  /^file "[^"]*", line \d+/i, // Python frame
  /^at .*\(.*\)\s*\{?$/, // Java / JS frame with location
  /^(?:[\w.-]+:)?[\w./\\@-]+:\d+(?::\d+)?$/, // a location alone (Node prints one above the code frame)
  /^at (?:async )?[\w$.<>[\]/\\:-]+$/, // JS frame without parentheses
  /^at .+ in .+:line \d+$/, // .NET frame
  /^at [\w.`<>[\],]+\(.*\)$/, // .NET frame without source
  /^\.\.\. \d+ (?:more|common frames omitted)$/,
  /^--- end of (?:inner exception )?stack trace(?: from previous location)? ---$/i,
  /^goroutine \d+ \[[^\]]*\]:$/, // Go
  /^[\w./*()-]+\([\w, .*-]*\)$/, // Go function call line
  /^\/?[\w./@-]+\.go:\d+(?: \+0x[0-9a-f]+)?$/i,
  /^exit status \d+$/,
  /^node\.js v[\d.]+$/i,
  /^[~^\s]+$/, // caret and tilde markers under code
  /^\d+ \|/, // code frame
  /^[-=*_#~+.<>|\s]{3,}$/, // separators
];

/** Command lines: what the user typed is not the error. */
const PROMPT = /^(?:\$|#|>|>>>|PS [a-z]:\\[^>]*>|[\w.-]+@[\w.-]+(?::[^$#\s]*)?[$#]|[a-z]:\\[^>]*>)\s/i;

/** A message of Maya's script editor: `# Error: … #`, `# Warning: … #`, `# Traceback (most recent call last): #`. */
const SCRIPT_EDITOR = /^#\s+(?:error|warning|traceback|result)\b/i;

/** Python's continuation prompt: `... ` is one only after a `>>>` line (log lines may start with `...`). */
const CONTINUATION_PROMPT = /^\.\.\.(?:\s|$)/;

/** Leading timestamps, levels and bracketed sources of log lines. */
const LOG_PREFIXES: readonly RegExp[] = [
  /^\[?\d{4}[-/.]\d{2}[-/.]\d{2}[t ]\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:z|[+-]\d{2}:?\d{2})?\]?\s*/i,
  /^\[?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\]?\s*/,
  /^[a-z]{3}\s+\d{1,2} \d{2}:\d{2}:\d{2}\s+(?:[\w.-]+\s+)?(?:[\w./-]+(?:\[\d+\])?:\s*)?/i, // syslog
  /^-\s+/, // `- INFO [worker-3:Runner@88] - message` (log4j, Python logging patterns)
  /^(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE)\s+\[[^\]]*\]\s*(?:-\s+)?/,
  /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+\s+[\w.-]+:\d+\]\s*/, // glog
  /^\[(?:trace|debug|info|notice|warn|warning|error|err|fatal|critical|crit|severe)(?:\s+[^\]]*)?\]\s*/i,
  // Upper-case levels only: `Error [ERR_X]:` at the start of a line is a JavaScript error's name.
  /^(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE)\b[:|-]?\s+(?=\S)/,
  /^\[[\w.:@/ -]+\]\s*(?:-\s+)?/, // [module], [worker-3:JobRunner@88]
];

/** Wrappers before a chained exception: keep what they wrap. */
const CHAIN_PREFIXES = /^(?:#\s+|caused by:|exception in thread "[^"]*"|uncaught(?: exception)?:?|unhandled exception\.?|panic:(?= ))\s*/i;

/** Words that mark a line as an error message, in any case. */
const PRIMARY_WORDS =
  /(?:\b[\w.$]*(?:error|exception|fault|panic|failure|warning)\b|\b(?:fatal|errno|winerror|denied|refused|rejected|failed|cannot|can't|could not|unable|not found|not recognized|no such|invalid|unexpected|timed out|timeout|aborted|err!)\b)/i;
/** Codes written in capitals: `CERTIFICATE_VERIFY_FAILED`, `EACCES:`, `E0277`. */
const PRIMARY_CODES = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\bE[A-Z]{3,}\b|\b[A-Z]\d{4}\b/;

/**
 * True when a line reads as an error message: an exception or error name, a failure word, or
 * a code written in capitals.
 * @example isErrorText('PipelineError: Could not resolve the template') === true
 */
export function isErrorText(text: string): boolean {
  return hasFailureWords(text) || PRIMARY_CODES.test(text);
}

/**
 * True when a line says in words that something failed (`error`, `denied`, `could not`, …),
 * whatever codes it carries.
 */
export function hasFailureWords(text: string): boolean {
  return PRIMARY_WORDS.test(text);
}

/** Keeps the head and tail of a very long paste, and drops NUL and other control characters. */
function bound(text: string, work: WorkCount): string {
  const { headChars, tailChars } = LIMITS;
  const kept = text.length > headChars + tailChars ? `${text.slice(0, headChars)}\n${text.slice(-tailChars)}` : text;
  // Copying the head and tail, dropping control characters, then splitting into lines.
  work.characters += 3 * kept.length;
  return kept.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]+/g, ' ');
}

/** True when a line is a frame, a marker or other noise (see `NOISE`). */
function isNoise(line: string, work: WorkCount): boolean {
  for (let index = 0; index < NOISE.length; index++) {
    if (NOISE[index]?.test(line)) {
      work.characters += (index + 1) * line.length;
      return true;
    }
  }
  work.characters += NOISE.length * line.length;
  return false;
}

function stripPrefixes(line: string, work: WorkCount): string {
  let stripped = line;
  for (let pass = 0; pass < 3; pass++) {
    const before = stripped;
    for (const prefix of LOG_PREFIXES) {
      work.characters += stripped.length;
      stripped = stripped.replace(prefix, '');
    }
    work.characters += stripped.length;
    stripped = stripped.replace(CHAIN_PREFIXES, '');
    if (stripped === before) break;
  }
  return stripped.trim();
}

/**
 * The error lines of a paste, in paste order, primary lines preferred when there are many.
 * `work`, when given, counts the characters read.
 * @example extractErrorLines('Traceback (most recent call last):\n  File "x.py", line 1, in <module>\n    import q\nModuleNotFoundError: No module named \'q\'')
 *   // → one line: "ModuleNotFoundError: No module named '<v>'"
 */
export function extractErrorLines(paste: string, work: WorkCount = { characters: 0 }): ErrorLine[] {
  const rawLines = bound(String(paste), work).split(/\r\n?|\n/);
  const lines = rawLines.length > LIMITS.maxLines ? [...rawLines.slice(0, 100), ...rawLines.slice(-(LIMITS.maxLines - 100))] : rawLines;
  const offset = rawLines.length - lines.length;
  const found: ErrorLine[] = [];
  let previousWasPythonFrame = false;
  let previousWasPrompt = false;

  lines.forEach((raw, position) => {
    const index = position < 100 ? position : position + offset;
    const line = raw.slice(0, LIMITS.lineChars);
    const trimmed = line.trim();
    // Trimming, the frame and frame-source tests, the prompt tests.
    work.characters += 6 * line.length + 1;
    const isPythonFrame = /^\s*File "[^"]*", line \d+/.test(line);
    // The indented source line after a Python frame is code, not a message.
    const isFrameSource = previousWasPythonFrame && /^\s{2,}\S/.test(line);
    previousWasPythonFrame = isPythonFrame;
    // Maya's script editor wraps its messages in `# … #` (`# Error: …`), which is not a root prompt.
    const isPrompt = (PROMPT.test(trimmed) && !SCRIPT_EDITOR.test(trimmed)) || (previousWasPrompt && CONTINUATION_PROMPT.test(trimmed));
    // A Python session's `...` lines follow its `>>>` line; the output after them is no prompt.
    if (trimmed) previousWasPrompt = isPrompt && /^(?:>>>|\.\.\.)(?:\s|$)/.test(trimmed);
    if (!trimmed || isFrameSource || isPrompt || isNoise(trimmed, work)) return;

    // .NET writes inner exceptions on one line: "A: x ---> B: y".
    work.characters += trimmed.length;
    for (const part of trimmed.split(/\s+--->\s+/)) {
      const error = errorLine(index, stripPrefixes(part, work), work);
      if (error) found.push(error);
    }
  });

  // Never nothing: a paste with words but no line that reads as output (all prompts, say) is searched as it is.
  if (found.length === 0) found.push(...everyLine(lines, work));
  const seen = new Set<string>();
  const unique = found.filter((line) => !seen.has(line.masked) && seen.add(line.masked));
  work.characters += found.length;
  if (unique.length <= LIMITS.maxErrorLines) return unique;
  const primary = unique.filter((line) => line.primary);
  const keep = new Set([...primary.slice(-LIMITS.maxErrorLines), ...unique.filter((line) => !line.primary)].slice(0, LIMITS.maxErrorLines));
  return unique.filter((line) => keep.has(line));
}

/** The error line of `text` (a line without its prefixes), undefined when it has no words. */
function errorLine(index: number, text: string, work: WorkCount, primary = true): ErrorLine | undefined {
  if (!text) return undefined;
  const { masked, values } = maskLine(text, work);
  // Tokens of the masked text and of the values, and the two primary-word tests.
  work.characters += masked.length + values.reduce((sum, value) => sum + value.length, 0) + 2 * text.length;
  const tokens = errorTokens(masked);
  if (tokens.length === 0) return undefined;
  return { index, text, masked, tokens, values: valueTokens(values), primary: primary && isErrorText(text) };
}

/** Every line with words, prompt characters and log prefixes removed, none primary. */
function everyLine(lines: readonly string[], work: WorkCount): ErrorLine[] {
  return lines.slice(0, LIMITS.maxErrorLines).flatMap((raw, index) => {
    const line = raw.slice(0, LIMITS.lineChars);
    work.characters += 2 * line.length;
    return errorLine(index, stripPrefixes(line.trim().replace(/^(?:\$|#|>>>|>|\.\.\.)\s+/, ''), work), work, false) ?? [];
  });
}

/** What the search page shows as "searched for": the primary lines, masked. */
export function normalisedSummary(lines: readonly ErrorLine[]): string {
  const primary = lines.filter((line) => line.primary);
  return (primary.length > 0 ? primary : lines).map((line) => line.masked).join('\n');
}
