/** axe-core, run in a page with the WCAG 2.0–2.2 A and AA rules. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The axe-core script, to `page.evaluate` before `runAxe`. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; nodes: { target: string[] }[] }[];
  passes?: { id: string; nodes: { target: string[] }[] }[];
}

interface Axe {
  run(context: Document, options: object): Promise<AxeResult>;
  getRules(tags: string[]): { ruleId: string }[];
}

/** The rules the gate runs: WCAG 2.0–2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs in the page (`page.evaluate(runAxe, WCAG_TAGS)`): returns "rule at selectors" lines. */
export async function runAxe(tags: string[]): Promise<string[]> {
  const { axe } = globalThis as unknown as { axe: Axe };
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    // Details of passing checks are not needed, and collecting them is most of the run time.
    resultTypes: ['violations'],
  });
  return result.violations.map((violation) => `${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * Runs in the page (`page.evaluate(axeRuleRun, [ruleId, WCAG_TAGS])`): whether the gate's tags
 * include the rule, and the elements it checked, passed or not.
 */
export async function axeRuleRun([ruleId, tags]: [string, string[]]): Promise<{ inGate: boolean; passed: string[]; failed: string[] }> {
  const { axe } = globalThis as unknown as { axe: Axe };
  const result = await axe.run(document, { runOnly: { type: 'rule', values: [ruleId] }, resultTypes: ['passes', 'violations'] });
  const targets = (found: AxeResult['violations']) => found.flatMap((rule) => rule.nodes.map((node) => node.target.join(' ')));
  return { inGate: axe.getRules(tags).some((rule) => rule.ruleId === ruleId), passed: targets(result.passes ?? []), failed: targets(result.violations) };
}
