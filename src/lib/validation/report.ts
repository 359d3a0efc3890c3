/**
 * What `npm run check` and `npm run build` say about a loaded site. A tree migrated from Jekyll
 * may hold hundreds of old defects, so the terminal shows them grouped by rule: the count, the
 * first few with their positions, and the setting that changes the rule's level. Errors come
 * last, beside the summary, so that no number of warnings scrolls them away. Every problem goes
 * to the JSON report (`reportJson`).
 */
import { type Diagnostic, formatDiagnostic, type Severity } from './diagnostic.ts';
import type { Site } from '../content/page.ts';
import { levelHint } from './rules.ts';

/** Problems shown per rule in the terminal; the JSON report has all of them. */
export const SHOWN_PER_RULE = 5;

export interface Report {
  readonly ok: boolean;
  /** The grouped problems, then the summary (the last line). */
  readonly lines: readonly string[];
}

export interface RuleGroup {
  readonly rule: string;
  readonly level: Severity;
  readonly count: number;
  /** The config change that lowers this rule's level, or why none does. */
  readonly setting: string;
  readonly problems: readonly Diagnostic[];
}

/** The JSON report: every problem with its file, position, rule, level and message. */
export interface ReportJson {
  readonly ok: boolean;
  readonly configFile: string;
  readonly files: number;
  readonly pages: number;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly rules: readonly Omit<RuleGroup, 'problems'>[];
  readonly problems: readonly { file: string; line: number; column: number; rule: string; level: Severity; message: string }[];
}

const SEVERITY_ORDER: readonly Severity[] = ['note', 'warning', 'error'];
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Problems grouped by rule and level: notes, then warnings, then errors; larger groups first. */
export function groupByRule(diagnostics: readonly Diagnostic[]): RuleGroup[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const key = `${diagnostic.severity}\u0000${diagnostic.ruleId}`;
    const group = groups.get(key);
    if (group) group.push(diagnostic);
    else groups.set(key, [diagnostic]);
  }
  return [...groups.values()]
    .map((problems): RuleGroup => {
      const { ruleId, severity } = problems[0] as Diagnostic;
      return { rule: ruleId, level: severity, count: problems.length, setting: levelHint(ruleId, severity), problems };
    })
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.level) - SEVERITY_ORDER.indexOf(b.level) || b.count - a.count || a.rule.localeCompare(b.rule));
}

function counts(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const result: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const diagnostic of diagnostics) result[diagnostic.severity] += 1;
  return result;
}

/**
 * The terminal report. `reportFile` is where the JSON report was written, named where the
 * terminal leaves problems out.
 */
export function reportSite(site: Site, diagnostics: readonly Diagnostic[] = site.diagnostics, reportFile?: string): Report {
  const { error: errors, warning: warnings, note: notes } = counts(diagnostics);
  const locales = new Set(site.pages.map((page) => page.locale.name)).size;
  const lines: string[] = [];
  for (const group of groupByRule(diagnostics)) {
    lines.push(`${group.rule}: ${plural(group.count, group.level)} · to change: ${group.setting}${group.setting.startsWith('no setting') ? '' : ` in ${site.sources.configFile}`}`);
    // "1 more" would take the line the problem itself takes.
    const shown = group.count <= SHOWN_PER_RULE + 1 ? group.count : SHOWN_PER_RULE;
    for (const problem of group.problems.slice(0, shown)) lines.push(`  ${formatDiagnostic(problem)}`);
    if (shown < group.count) lines.push(`  … and ${group.count - shown} more${reportFile ? ` (all in ${reportFile})` : ''}`);
  }
  const others = [warnings ? plural(warnings, 'warning') : '', notes ? plural(notes, 'note') : ''].filter(Boolean).join(', ');
  const where = reportFile && diagnostics.length > 0 ? ` Full report: ${reportFile}` : '';
  const summary =
    errors > 0
      ? `✗ ${plural(errors, 'error')}${others ? `, ${others}` : ''} in ${site.fileCount} files. Fix the errors, or change their rules' levels as shown, and run again.${where}`
      : `✓ ${site.fileCount} files checked: ${site.pages.length} pages in ${locales} languages${others ? `, ${others}` : ''}, no errors.${where}`;
  return { ok: errors === 0, lines: [...lines, summary] };
}

/** Every problem, as the JSON report and `npm run check -- --format json` give them. */
export function reportJson(site: Site, diagnostics: readonly Diagnostic[] = site.diagnostics): ReportJson {
  const all = counts(diagnostics);
  return {
    ok: all.error === 0,
    configFile: site.sources.configFile,
    files: site.fileCount,
    pages: site.pages.length,
    counts: all,
    rules: groupByRule(diagnostics).map(({ problems: _problems, ...group }) => group),
    problems: diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, rule: d.ruleId, level: d.severity, message: d.message })),
  };
}
