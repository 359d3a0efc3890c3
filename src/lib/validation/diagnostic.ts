/**
 * A problem found in the content tree. Positions are data, not baked into the message,
 * so tests can assert each part and printers can format them as they need.
 */
export interface Diagnostic {
  /** Path of the file, relative to the project root, with `/` separators. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /**
   * `error` stops the build; `warning` is a defect the site still builds with; `note` says what
   * was done with something that is not a defect (a Markdown file without front matter).
   */
  readonly severity: Severity;
  /** Permanent name of the rule, e.g. `lang-unknown`; never renamed. */
  readonly ruleId: string;
  /** What is wrong and what to do about it. */
  readonly message: string;
}

export type Severity = 'error' | 'warning' | 'note';

/** A rule's level as a config writes it (`errata.levels`, `on_broken_links`). */
export type RuleLevel = 'error' | 'warn' | 'ignore';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export const START: Position = { line: 1, column: 1 };

/**
 * `path:line:column: message`, the form editors and terminals turn into links.
 * Warnings and notes say so; errors need no prefix.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  const level = diagnostic.severity === 'error' ? '' : `${diagnostic.severity}: `;
  return `${where}: ${level}${diagnostic.message} [${diagnostic.ruleId}]`;
}

/**
 * A problem at the level its rule is configured to (`levels`, rule id → level): `warn` makes it
 * a warning, `error` an error, `ignore` drops it.
 */
export function atLevel(diagnostic: Diagnostic, levels: ReadonlyMap<string, RuleLevel>): Diagnostic | undefined {
  const level = levels.get(diagnostic.ruleId);
  if (level === undefined) return diagnostic;
  if (level === 'ignore') return undefined;
  const severity = level === 'warn' ? 'warning' : 'error';
  return severity === diagnostic.severity ? diagnostic : { ...diagnostic, severity };
}

/** Sorts by file, then position, so a report reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
}

/**
 * Collects problems as rules report them. With `levels` (the site's `errata.levels`), each is
 * kept at its configured level, so that a page whose only errors were lowered to warnings is built.
 */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  /** Set once the site's config is read: the sources are reported before it is known. */
  levels: ReadonlyMap<string, RuleLevel> = new Map();

  error(file: string, at: Position, ruleId: string, message: string): void {
    this.push({ file, line: at.line, column: at.column, severity: 'error', ruleId, message });
  }

  warning(file: string, at: Position, ruleId: string, message: string): void {
    this.push({ file, line: at.line, column: at.column, severity: 'warning', ruleId, message });
  }

  note(file: string, at: Position, ruleId: string, message: string): void {
    this.push({ file, line: at.line, column: at.column, severity: 'note', ruleId, message });
  }

  private push(diagnostic: Diagnostic): void {
    const kept = atLevel(diagnostic, this.levels);
    if (kept) this.diagnostics.push(kept);
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }
}
