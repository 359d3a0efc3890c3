/** The text `npm run check` and `npm run build` print about a loaded site. */
import { type Diagnostic, formatDiagnostic } from './diagnostic.ts';
import type { Site } from './load-site.ts';

export interface Report {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

/**
 * One line per problem, then a one-line summary. `ok` is false when any error was found;
 * warnings alone do not fail.
 */
export function reportSite(site: Site, diagnostics: readonly Diagnostic[] = site.diagnostics): Report {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const locales = new Set(site.pages.map((page) => page.locale.name)).size;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const summary =
    errors > 0
      ? `✗ ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''} in ${site.fileCount} files. Fix them and run again.`
      : `✓ ${site.fileCount} files checked: ${site.pages.length} pages in ${locales} languages${warnings ? `, ${plural(warnings, 'warning')}` : ''}, no errors.`;
  return { ok: errors === 0, lines: [...diagnostics.map(formatDiagnostic), summary] };
}
