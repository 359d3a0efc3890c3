/** axe-core, run in a page with the WCAG 2.0–2.2 A and AA rules. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The axe-core script, to `page.evaluate` before `runAxe`. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; nodes: { target: string[] }[] }[];
}

/** Runs in the page (`page.evaluate(runAxe)`): returns "rule at selectors" lines. */
export async function runAxe(): Promise<string[]> {
  const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    // Details of passing checks are not needed, and collecting them is most of the run time.
    resultTypes: ['violations'],
  });
  return result.violations.map((violation) => `${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
