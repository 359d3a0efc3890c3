import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/content/diagnostic.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';

const fixturesDir = join(import.meta.dirname, '../fixtures/validation');
const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

function expectedLines(caseName: string): string[] {
  return readFileSync(join(fixturesDir, caseName, 'expected.txt'), 'utf8').split('\n').filter(Boolean);
}

function check(rootDir: string): string[] {
  return loadSite({ rootDir, contentDir: join(rootDir, 'content') }).diagnostics.map(formatDiagnostic);
}

describe('validation fixtures', () => {
  it('cover at least 15 kinds of malformed entries', () => {
    expect(cases.filter((name) => expectedLines(name).length > 0).length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s', (caseName) => {
    expect(check(join(fixturesDir, caseName))).toEqual(expectedLines(caseName));
  });

  describe('in one tree', () => {
    const merged = mkdtempSync(join(tmpdir(), 'errata-validation-'));
    afterAll(() => rmSync(merged, { recursive: true, force: true }));

    it('reports every problem of every file in one run', () => {
      for (const caseName of cases) cpSync(join(fixturesDir, caseName, 'content'), join(merged, 'content'), { recursive: true });
      const expected = cases.flatMap(expectedLines).sort();
      expect(check(merged).sort()).toEqual(expected);
    });
  });
});
