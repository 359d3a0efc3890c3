/**
 * The text of a new entry and of a translation skeleton. A new entry has the front matter, the
 * error message as its H1 in backticks, and the usual sections with what to write in each. A
 * translation keeps the original's H1, code blocks and prose exactly where they are, translates
 * the usual section headings, and puts a visible `TODO:` line under each heading: the prose stays
 * as the text to translate, so steps that hold code blocks keep their shape (see docs/writing-entries.md).
 * Every function here is pure.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Locale } from '../i18n/locales.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { extractErrorLines } from '../search/normalise-paste.ts';
import { entryText, sectionOf, SECTIONS } from './entry-text.ts';
import { field, plain, quoted } from './yaml-values.ts';

/** What a pasted error is made of: the error line, and the whole paste when it had more lines. */
export interface PastedError {
  /** The error message on one line: the entry's H1 and title. */
  readonly message: string;
  /** The paste as it was (a log, a traceback), when it had more than one line. */
  readonly log: string | undefined;
}

/**
 * Reads what was pasted: one line is the message; from several (a traceback), the message is
 * the last line that reads as an error, and the whole paste becomes the entry's example log.
 * @example readPaste("Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nKeyError: 'x'").message === "KeyError: 'x'"
 */
export function readPaste(paste: string): PastedError {
  const lines = paste.replace(/\r\n?/g, '\n').split('\n');
  const filled = lines.filter((line) => line.trim() !== '');
  if (filled.length <= 1) return { message: (filled[0] ?? '').trim(), log: undefined };
  const primary = extractErrorLines(paste).filter((line) => line.primary);
  const message = primary.at(-1)?.text ?? filled.at(-1)?.trim() ?? '';
  const first = lines.findIndex((line) => line.trim() !== '');
  const last = lines.findLastIndex((line) => line.trim() !== '');
  return { message, log: lines.slice(first, last + 1).map((line) => line.trimEnd()).join('\n') };
}

/**
 * Text as one Markdown code span, whatever backticks it holds.
 * @example inlineCode('a`b') === '``a`b``'
 */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

/**
 * Text that Liquid (which runs before Markdown, as in Jekyll) must leave alone: a message that
 * holds `{{` or `{%` is wrapped in `{% raw %}`.
 * @example liquidLiteral('{{ x }}') === '{% raw %}{{ x }}{% endraw %}'
 */
export function liquidLiteral(text: string): string {
  return /\{[{%]/.test(text) ? `{% raw %}${text}{% endraw %}` : text;
}

/** A fenced code block holding `text` as it is. */
export function codeBlock(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return liquidLiteral(`${fence}\n${text}\n${fence}`);
}

export interface NewEntryOptions {
  readonly paste: PastedError;
  readonly pagename: string;
  readonly locale: Locale;
  /** A layout name that renders as an error entry (see `entryLayout`). */
  readonly layout: string;
  readonly category: string | undefined;
}

/** The Markdown file of a new entry. */
export function newEntrySource({ paste, pagename, locale, layout, category }: NewEntryOptions): string {
  const text = entryText(locale.name);
  const frontMatter = [
    `layout: ${plain(layout)}`,
    `title: ${quoted(paste.message)}`,
    `pagename: ${plain(pagename)}`,
    `lang: ${plain(locale.name)}`,
    ...(category ? [`category: ${plain(category)}`] : []),
    `# description: ${text.descriptionHint}`,
    `# errors: ${text.errorsHint}`,
  ];
  const sections = SECTIONS.map((section) => {
    const log = section === 'when' && paste.log !== undefined ? [codeBlock(paste.log)] : [];
    return [`## ${text.headings[section]}`, text.prompts[section], ...log].join('\n\n');
  });
  return ['---', ...frontMatter, '---', '', `# ${liquidLiteral(inlineCode(paste.message))}`, '', sections.join('\n\n'), ''].join('\n');
}

/**
 * The layout a new entry is written with: `default` when it lets the page decide (it reads as an
 * entry by its H1 in backticks), as the catalog's entries are written; else a layout that renders
 * as an entry.
 */
export function entryLayout(layouts: Readonly<Record<string, 'entry' | 'page' | 'auto'>>): string {
  if (layouts['default'] === 'auto' || layouts['default'] === 'entry') return 'default';
  return Object.keys(layouts).find((name) => layouts[name] === 'entry') ?? Object.keys(layouts).find((name) => layouts[name] === 'auto') ?? 'default';
}

/** Fields a translation does not take from its original: old URLs belong to the original's language. */
const NOT_TRANSLATED_FIELDS = new Set(['redirect_from', 'permalink']);

export interface TranslationOptions {
  /** The original's front matter, as read. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The original's body, after its front matter. */
  readonly body: string;
  readonly from: Locale;
  readonly to: Locale;
}

/** The Markdown file of a translation skeleton of an entry. */
export function translationSource({ data, body, from, to }: TranslationOptions): string {
  const text = entryText(to.name);
  const frontMatter: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (NOT_TRANSLATED_FIELDS.has(key)) continue;
    if (key === 'lang') frontMatter.push(`lang: ${plain(to.name)}`);
    else if (key === 'title' && typeof value === 'string') frontMatter.push(`title: ${quoted(value)}  # ${text.translateTitle}`);
    else if (key === 'description' && typeof value === 'string') frontMatter.push(`description: ${quoted(value)}  # ${text.translateDescription}`);
    else if (typeof value === 'string' && (key === 'layout' || key === 'pagename' || key === 'category' || key === 'kind')) frontMatter.push(`${key}: ${plain(value)}`);
    else frontMatter.push(field(key, value));
  }
  return ['---', ...frontMatter, '---', translatedBody(body, from, to)].join('\n');
}

/**
 * The original's body with its usual section headings in the translation's language and a
 * `TODO:` line under each heading that has text below it; everything else kept byte for byte.
 */
export function translatedBody(body: string, from: Locale, to: Locale): string {
  const lines = body.split('\n');
  const tree: Root = parseMarkdown(body);
  const text = entryText(to.name);
  const edits = new Map<number, { replace: string | undefined; after: string[] }>();
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  for (const heading of headings) {
    const start = heading.position?.start.line;
    const end = heading.position?.end.line;
    if (start === undefined || end === undefined) continue;
    const section = heading.depth > 1 ? sectionOf(from.name, toString(heading)) : undefined;
    const next = tree.children[tree.children.indexOf(heading) + 1];
    const hasText = next !== undefined && next.type !== 'heading';
    const nextLine = lines[end] ?? '';
    edits.set(end, {
      replace: section ? `${'#'.repeat(heading.depth)} ${text.headings[section]}` : undefined,
      after: hasText ? ['', text.translateSection, ...(nextLine.trim() === '' ? [] : [''])] : [],
    });
    // A setext heading spans two lines: the replacement takes the place of both.
    for (let line = start; line < end; line += 1) if (section) edits.set(line, { replace: '', after: [] });
  }
  const out: string[] = [];
  for (const [index, line] of lines.entries()) {
    const edit = edits.get(index + 1);
    if (edit?.replace !== '') out.push(edit?.replace ?? line);
    out.push(...(edit?.after ?? []));
  }
  return out.join('\n');
}
