/**
 * The report of a check: problems grouped by rule with their count, the first few, and the
 * setting that changes the rule's level; errors last, beside the summary; every problem in JSON.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { reportJson, reportSite, SHOWN_PER_RULE } from '../../src/lib/validation/report.ts';

const root = mkdtempSync(join(tmpdir(), 'errata-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const page = (name: string, body: string) => `---\nlayout: default\ntitle: ${name}\npagename: ${name}\nlang: en\n---\n\n# ${name}\n\n${body}\n`;

write('content/_config.yml', 'title: t\n');
write('content/README.md', '# Notes\n');
// Nine pages with a broken link each (errors), two with an unknown variable (warnings).
for (let i = 1; i <= 9; i += 1) write(`content/en/p${i}.md`, page(`p${i}`, `[old](./moved-${i}.md)`));
write('content/en/v1.md', page('v1', '{{ site.version }}'));
write('content/en/v2.md', page('v2', '{{ site.version }}'));
const site = loadSite({ rootDir: root, contentDir: join(root, 'content') });

describe('the terminal report', () => {
  const { ok, lines } = reportSite(site, site.diagnostics, 'errata-report.json');

  it('groups problems by rule, notes and warnings first, errors last beside the summary', () => {
    expect(ok).toBe(false);
    const headers = lines.filter((line) => !line.startsWith('  '));
    expect(headers).toEqual([
      'front-matter-missing: 1 note · to change: errata: { levels: { front-matter-missing: ignore } } in content/_config.yml',
      'liquid-variable-unknown: 2 warnings · to change: liquid: { strict_variables: true } makes them errors in content/_config.yml',
      'link-target-missing: 9 errors · to change: errata: { on_broken_links: warn } in content/_config.yml',
      '✗ 9 errors, 2 warnings, 1 note in 12 files. Fix the errors, or change their rules\' levels as shown, and run again. Full report: errata-report.json',
    ]);
  });

  it('shows the first few problems of a rule as path:line:column lines, and where the rest are', () => {
    const errors = lines.slice(lines.findIndex((line) => line.startsWith('link-target-missing')) + 1, -1);
    expect(errors).toHaveLength(SHOWN_PER_RULE + 1);
    expect(errors[0]).toBe('  content/en/p1.md:10:1: Link to "./moved-1.md": no file content/en/moved-1.md exists. Fix the path, relative to this file. [link-target-missing]');
    expect(errors.at(-1)).toBe(`  … and ${9 - SHOWN_PER_RULE} more (all in errata-report.json)`);
    expect(lines).toContain('  content/en/v1.md:10:4: warning: Unknown variable "site.version". It prints as empty text. Define it in content/_config.yml (as site.version) or in _data/. If this is literal text, wrap it in {% raw %}…{% endraw %}. [liquid-variable-unknown]');
  });
});

describe('the JSON report', () => {
  it('has every problem with its file, line, column, rule, level and message, and the counts by rule', () => {
    const json = reportJson(site);
    expect(json.ok).toBe(false);
    expect(json.counts).toEqual({ error: 9, warning: 2, note: 1 });
    expect(json.problems).toHaveLength(12);
    expect(json.problems).toContainEqual({
      file: 'content/en/p9.md',
      line: 10,
      column: 1,
      rule: 'link-target-missing',
      level: 'error',
      message: 'Link to "./moved-9.md": no file content/en/moved-9.md exists. Fix the path, relative to this file.',
    });
    expect(json.rules.map((rule) => [rule.rule, rule.level, rule.count])).toEqual([
      ['front-matter-missing', 'note', 1],
      ['liquid-variable-unknown', 'warning', 2],
      ['link-target-missing', 'error', 9],
    ]);
  });
});
