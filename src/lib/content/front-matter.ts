/**
 * Splits a Markdown file into its YAML front matter and body, keeping the position of every
 * field so that later rules can point at the exact line and column of a bad value.
 */
import { type Document, isMap, isScalar, LineCounter, parseDocument, type YAMLError } from 'yaml';
import { type DiagnosticSink, type Position, START } from '../validation/diagnostic.ts';

export interface FieldPositions {
  /** Where the key is written, e.g. the `l` of `lang: jp`. */
  readonly key: Position;
  /** Where the value starts; the key's position when the value is empty. */
  readonly value: Position;
}

export interface ParsedFile {
  /** The front matter as plain data; fields are validated elsewhere. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly fields: ReadonlyMap<string, FieldPositions>;
  /** The body after the closing `---`, with `\n` line endings. */
  readonly body: string;
  /** 1-based line of the file on which `body` starts. */
  readonly bodyLine: number;
  /** Position just after the closing `---`, for problems that concern the whole front matter. */
  readonly frontMatterEnd: Position;
}

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Normalises what editors on other systems add: a UTF-8 byte-order mark and CRLF or CR line
 * endings. Both are accepted; columns stay the same because only line breaks change.
 */
export function normaliseSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Messages for YAML problems that people actually make in front matter, with the fix. */
function describeYamlError(error: YAMLError): string {
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation in the front matter; YAML allows only spaces. Replace the tab with spaces.';
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the front matter. Keep one of them.';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'A value contains ": ", which YAML reads as a nested key. Put the whole value in double quotes.';
    case 'MISSING_CHAR':
      return `YAML syntax error: ${firstLine(error.message)}. Close the quote or bracket that was opened earlier.`;
    default:
      return `YAML syntax error: ${firstLine(error.message)}. Check the quoting and indentation of this line.`;
  }
}

/**
 * YAML notices an unclosed quote only where the text ends; the reader needs the line where
 * the quote was opened, which is where the value that swallowed the rest begins.
 */
function errorOffset(document: Document, error: YAMLError): number {
  if (error.code !== 'MISSING_CHAR' || !isMap(document.contents)) return error.pos[0];
  const starts = document.contents.items
    .map((pair) => (pair.value as { range?: [number, number, number] } | null)?.range?.[0])
    .filter((start): start is number => start !== undefined && start < error.pos[0]);
  return starts.at(-1) ?? error.pos[0];
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

/**
 * Parses `source` (the whole file). Reports every problem it finds to `sink` and returns
 * `undefined` when the front matter cannot be read at all, or when there is none: as Jekyll
 * does, a file without front matter is not a page (a folder's `README.md`), which a note says.
 */
export function parseFrontMatter(source: string, file: string, sink: DiagnosticSink): ParsedFile | undefined {
  const lines = normaliseSource(source).split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    sink.note(
      file,
      START,
      'front-matter-missing',
      'No front matter: not a page (Jekyll copies such a file as it is), so it is left out of the site. To make it a page, start it with a line "---", the fields (layout, title, pagename, lang), and a closing "---".',
    );
    return undefined;
  }
  const closingIndex = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (closingIndex === -1) {
    sink.error(
      file,
      START,
      'front-matter-unterminated',
      'The front matter opened on line 1 is never closed. Add a line "---" after the last field.',
    );
    return undefined;
  }

  const yamlText = lines.slice(1, closingIndex).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // The YAML starts on the file's second line.
  const toFilePosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };

  for (const error of document.errors) {
    sink.error(file, toFilePosition(errorOffset(document, error)), 'front-matter-yaml', describeYamlError(error));
  }
  if (document.errors.length > 0) return undefined;

  const frontMatterEnd: Position = { line: closingIndex + 1, column: 1 };
  const fields = new Map<string, FieldPositions>();
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    sink.error(
      file,
      { line: 2, column: 1 },
      'front-matter-not-mapping',
      'The front matter must be a list of "key: value" fields, not a single value or a list.',
    );
    return undefined;
  }
  for (const pair of contents?.items ?? []) {
    if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
    const key = toFilePosition(pair.key.range[0]);
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    fields.set(String(pair.key.value), { key, value: valueRange ? toFilePosition(valueRange[0]) : key });
  }

  const data = (document.toJS({ maxAliasCount: 50 }) ?? {}) as Record<string, unknown>;
  return {
    data,
    fields,
    body: lines.slice(closingIndex + 1).join('\n'),
    bodyLine: closingIndex + 2,
    frontMatterEnd,
  };
}
