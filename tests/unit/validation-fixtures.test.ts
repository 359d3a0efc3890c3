import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/validation/diagnostic.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { Catalog } from '../../src/lib/site/catalog.ts';
import { checkSite } from '../../src/lib/validation/check-site.ts';

const fixturesDir = join(import.meta.dirname, '../fixtures/validation');
const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

function expectedLines(caseName: string): string[] {
  return readFileSync(join(fixturesDir, caseName, 'expected.txt'), 'utf8').split('\n').filter(Boolean);
}

/** What `npm run check` reports for a tree: content rules, then the search retrieval check. */
async function check(rootDir: string): Promise<string[]> {
  const site = loadSite({ rootDir, contentDir: join(rootDir, 'content') });
  const catalog = new Catalog(site.pages, site.sources.localeConfig, site.sources.categories);
  return (await checkSite({ site, catalog })).diagnostics.map(formatDiagnostic);
}

describe('validation fixtures', () => {
  it('cover at least 15 kinds of malformed entries', () => {
    expect(cases.filter((name) => expectedLines(name).length > 0).length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s', async (caseName) => {
    expect(await check(join(fixturesDir, caseName))).toEqual(expectedLines(caseName));
  });

  describe('in one tree', () => {
    const merged = mkdtempSync(join(tmpdir(), 'errata-validation-'));
    afterAll(() => rmSync(merged, { recursive: true, force: true }));

    it('reports every content problem of every file in one run', async () => {
      // The search check runs once the content is sound, so its cases stay out of this tree.
      const contentCases = cases.filter((name) => !name.startsWith('search-'));
      for (const caseName of contentCases) cpSync(join(fixturesDir, caseName, 'content'), join(merged, 'content'), { recursive: true });
      const expected = contentCases.flatMap(expectedLines).sort();
      expect((await check(merged)).sort()).toEqual(expected);
    });
  });
});
