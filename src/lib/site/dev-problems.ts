/** What the dev server's problem banner shows (see `DevProblems.astro`). */
import type { Diagnostic } from '../validation/diagnostic.ts';

/** Problems listed on a page; the terminal and the JSON report have the rest. */
export const SHOWN_PROBLEMS = 20;

export interface ProblemsView {
  readonly title: string;
  readonly shown: readonly { where: string; severity: Diagnostic['severity']; label: string; message: string; rule: string }[];
  /** How many are not listed, when some are not. */
  readonly more: string | undefined;
}

const ORDER: readonly Diagnostic['severity'][] = ['error', 'warning', 'note'];
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Errors, then warnings; notes (a file that is not a page) are not worth a banner. Undefined
 * when there is nothing to show.
 * @example problemsView([])?.title === undefined
 */
export function problemsView(problems: readonly Diagnostic[]): ProblemsView | undefined {
  const listed = problems.filter((problem) => problem.severity !== 'note').sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  if (listed.length === 0) return undefined;
  const errors = listed.filter((problem) => problem.severity === 'error').length;
  const warnings = listed.length - errors;
  const counts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ');
  return {
    title: errors > 0 ? `The content has ${counts}: pages with an error are left out until it is fixed` : `The content has ${counts}`,
    shown: listed.slice(0, SHOWN_PROBLEMS).map((problem) => ({
      where: `${problem.file}:${problem.line}:${problem.column}`,
      severity: problem.severity,
      label: problem.severity,
      message: problem.message,
      rule: problem.ruleId,
    })),
    more: listed.length > SHOWN_PROBLEMS ? `… and ${listed.length - SHOWN_PROBLEMS} more: see the terminal.` : undefined,
  };
}
