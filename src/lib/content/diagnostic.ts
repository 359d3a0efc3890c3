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
  readonly severity: 'error' | 'warning';
  /** Permanent name of the rule, e.g. `lang-unknown`; never renamed. */
  readonly ruleId: string;
  /** What is wrong and what to do about it. */
  readonly message: string;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export const START: Position = { line: 1, column: 1 };

/**
 * `path:line:column: message`, the form editors and terminals turn into links.
 * Warnings say so; errors need no prefix.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  const level = diagnostic.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${level}${diagnostic.message} [${diagnostic.ruleId}]`;
}

/** Sorts by file, then position, so a report reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
}

/** Collects diagnostics for one file, so rules need not repeat the path. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  error(file: string, at: Position, ruleId: string, message: string): void {
    this.diagnostics.push({ file, line: at.line, column: at.column, severity: 'error', ruleId, message });
  }

  warning(file: string, at: Position, ruleId: string, message: string): void {
    this.diagnostics.push({ file, line: at.line, column: at.column, severity: 'warning', ruleId, message });
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }
}
