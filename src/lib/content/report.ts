/** The text `npm run check` and `npm run build` print about a loaded site. */
import { formatDiagnostic } from './diagnostic.ts';
import type { Site } from './load-site.ts';

export interface Report {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

/**
 * One line per problem, then a one-line summary. `ok` is false when any error was found;
 * warnings alone do not fail.
 */
export function reportSite(site: Site): Report {
  const errors = site.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = site.diagnostics.length - errors;
  const locales = new Set(site.pages.map((page) => page.locale.name)).size;
  const summary =
    errors > 0
      ? `✗ ${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''} in ${site.fileCount} files. Fix them and run again.`
      : `✓ ${site.fileCount} files checked: ${site.pages.length} pages in ${locales} languages${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}, no errors.`;
  return { ok: errors === 0, lines: [...site.diagnostics.map(formatDiagnostic), summary] };
}
